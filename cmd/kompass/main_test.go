package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/cli"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestMain makes the test binary double as the kompass binary: the scripts
// run "kompass …" as a real subprocess.
func TestMain(m *testing.M) {
	// (The test binary and the kompass processes it starts collect garbage
	// at GOGC=400: testbase.)
	// The browser tests of kompass serve share one Chromium (testkit).
	testscript.Main(testbase.StopBrowserAfter(m), map[string]func(){
		"kompass": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Each script starts in $WORK
// with the shipped sample workbooks in evaluations/ and the exact
// transcription in as-published/. Besides the testscript built-ins and
// "kompass ARGS…" (the real binary), scripts have these commands:
//
//	fill FILE ID=VALUE…           write Poäng cells, found by ID
//	setfact FILE LABEL VALUE…     write facts on the sheet Uppgifter
//	setcell FILE SHEET CELL VALUE…  write any cells, as an evaluator edits them (the protection aside)
//	summa FILE ID WANT            assert the Summa of row ID as the workbook holds it (computed by LibreOffice)
//	addnote FILE AREA TYP TEXT…   add styrkor or förbättringsområden
//	plancell FILE COLUMN ROW VALUE…  write cells of an åtgärdsplan, each column found by header
//	planaction FILE REF COL=VALUE…  write åtgärder into an åtgärdsplan (a REF starts the next)
//	addtext FILE OMRÅDE TYP TEXT… add blocks of text on Bedömning (\n in TEXT is a line break)
//	addtable FILE OMRÅDE TITLE HEADER ROW…
//	                              add a table on Tabeller; cells separated by |
//	mkdocx FILE TEXT               write a Word document from the lines of the file TEXT (testbase.DocxText)
//	kompassexit CODE ARGS…        run kompass, assert its exact exit code
//	jsoncount FILE N [KEY=VALUE]  assert the length of a JSON array
//	jsonget FILE PATH WANT        assert one value of a JSON document
//
// A VALUE that parses as a Go float is written as a number, anything else
// as text ("7,5" stays text); an empty VALUE clears the cell. The commands
// marked … take their arguments after FILE repeated, as many groups as
// wanted: each opens and saves the workbook once however many cells it
// writes (an edit costs about as much CPU as a run of kompass), so a script
// writes one file's cells with one command where it can.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams(filepath.Join("testdata", "script"), nil))
}

// scriptParams are the parameters of the scripts in dir; setup, if given,
// adds to each script's set-up.
func scriptParams(dir string, setup func(env *testscript.Env) error) testscript.Params {
	return testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: false,
		RequireUniqueNames:  true,
		UpdateScripts:       testkit.Update(), // rewrites the expected files embedded in the scripts (the second argument of a failing cmp)
		Setup: func(env *testscript.Env) error {
			// The scripts expect English messages, as an English locale
			// gives; messages_sv.txtar unsets it to see the Swedish default.
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("GORACE", quickExitGORACE())
			for src, dst := range map[string]string{
				filepath.Join("..", "..", "evaluations"):              "evaluations",
				filepath.Join("..", "..", "testdata", "as-published"): "as-published",
				filepath.Join("..", "..", "testdata", "programme"):    "programme",
			} {
				if err := copyWorkbooks(src, filepath.Join(env.WorkDir, dst)); err != nil {
					return err
				}
			}
			if setup != nil {
				return setup(env)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill":        cmdFill,
			"setfact":     cmdSetFact,
			"setcell":     cmdSetCell,
			"summa":       cmdSumma,
			"addnote":     cmdAddNote,
			"plancell":    cmdPlanCell,
			"planaction":  cmdPlanAction,
			"addtext":     cmdAddText,
			"addtable":    cmdAddTable,
			"mkdocx":      cmdMkDocx,
			"kompassexit": cmdKompassExit,
			"jsoncount":   cmdJSONCount,
			"jsonget":     cmdJSONGet,
		},
	}
}

// quickExitGORACE is $GORACE for the kompass processes the tests start.
// This test binary doubles as kompass, and built with -race (go test -race)
// it sleeps a second before it exits, for late reports of races; a test
// that runs kompass many times would spend most of its time in that sleep.
// Races are still reported while kompass runs.
func quickExitGORACE() string {
	return strings.TrimSpace(os.Getenv("GORACE") + " atexit_sleep_ms=0")
}

// copyWorkbooks copies every .xlsx file of src into dst.
func copyWorkbooks(src, dst string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.xlsx"))
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(src, "groups.toml")); err == nil {
		files = append(files, filepath.Join(src, "groups.toml"))
	}
	if len(files) == 0 {
		return fmt.Errorf("no workbooks in %s", src)
	}
	if err := os.MkdirAll(dst, 0o777); err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o666); err != nil {
			return err
		}
	}
	return nil
}

// scriptValue is what a script's VALUE writes: a number if it parses as a
// Go float, text otherwise ("7,5" stays text), and nothing (a cleared cell)
// if it is empty.
func scriptValue(v string) any {
	if v == "" {
		return nil
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil {
		return x
	}
	return v
}

// withWorkbook opens file (relative to the script's folder), lets fill
// change it and saves it.
func withWorkbook(ts *testscript.TestScript, file string, fill func(w testkit.Filler)) {
	f, err := excelize.OpenFile(ts.MkAbs(file))
	ts.Check(err)
	defer f.Close()
	fill(testkit.Fill(ts, f))
	ts.Check(f.Save())
}

// fill FILE ID=VALUE…
//
// Writes each VALUE into the Poäng column of the row whose ID column holds
// ID on the sheet Poäng. Columns are found by their header names.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! fill")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: fill FILE ID=VALUE...")
	}
	values := map[string]any{} // a later ID=VALUE of the same ID wins, as if written in turn
	for _, a := range args[1:] {
		id, v, ok := strings.Cut(a, "=")
		if !ok {
			ts.Fatalf("fill: %q is not ID=VALUE", a)
		}
		values[id] = scriptValue(v)
	}
	withWorkbook(ts, args[0], func(w testkit.Filler) { w.Column(workbook.ColScore, values) })
}

// setfact FILE LABEL VALUE [LABEL VALUE…]
//
// Sets the value (column B) of the row labelled LABEL (column A) on the
// sheet Uppgifter, for each pair.
func cmdSetFact(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! setfact")
	}
	groups := argGroups(ts, args, 2, "usage: setfact FILE LABEL VALUE [LABEL VALUE...]")
	withWorkbook(ts, args[0], func(w testkit.Filler) {
		for _, g := range groups {
			w.Fact(g[0], scriptValue(g[1]))
		}
	})
}

// argGroups splits the arguments after FILE into groups of n; usage is
// the message if they are none or do not divide.
func argGroups(ts *testscript.TestScript, args []string, n int, usage string) [][]string {
	if len(args) < 1+n || (len(args)-1)%n != 0 {
		ts.Fatalf("%s", usage)
	}
	var groups [][]string
	for i := 1; i < len(args); i += n {
		groups = append(groups, args[i:i+n])
	}
	return groups
}

// setcell FILE SHEET CELL VALUE [SHEET CELL VALUE…]
//
// Writes VALUE into CELL of SHEET, as an evaluator edits a cell in Excel
// or LibreOffice (the meeting deleting a mark, rewriting a styrka), for
// each group.
func cmdSetCell(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! setcell")
	}
	groups := argGroups(ts, args, 3, "usage: setcell FILE SHEET CELL VALUE [SHEET CELL VALUE...]")
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	for _, g := range groups {
		ts.Check(f.SetCellValue(g[0], g[1], scriptValue(g[2])))
	}
	ts.Check(f.Save())
}

// summa FILE ID WANT
//
// Asserts that the Summa cell of the row whose ID is ID holds WANT as the
// workbook stores it: the value the program that saved it last computed
// (LibreOffice, in the fixtures of script-libreoffice), not kompass's.
func cmdSumma(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: summa FILE ID WANT")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	cell := testkit.Fill(ts, f).Cell(args[1], workbook.ColSum)
	got, err := f.GetCellValue(workbook.SheetScores, cell, excelize.Options{RawCellValue: true})
	ts.Check(err)
	if (got == args[2]) == neg {
		ts.Fatalf("summa: %s %s (%s) = %q; want %s%s", args[0], args[1], cell, got, map[bool]string{true: "not ", false: ""}[neg], args[2])
	}
}

// addnote FILE AREA TYP TEXT [AREA TYP TEXT…]
//
// Writes a styrka or förbättringsområde into the first row of the sheet
// "Styrkor och förbättringsområden" with an empty Text whose Område and
// Typ are AREA and TYP, else into the first row with Område, Typ and Text
// all empty; one for each group, in order.
func cmdAddNote(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! addnote")
	}
	groups := argGroups(ts, args, 3, "usage: addnote FILE AREA TYP TEXT [AREA TYP TEXT...]")
	withWorkbook(ts, args[0], func(w testkit.Filler) {
		for _, g := range groups {
			w.Note(g[0], g[1], g[2])
		}
	})
}

// addtext FILE OMRÅDE TYP TEXT [OMRÅDE TYP TEXT…]
//
// Writes a block of the evaluators' text on the sheet Bedömning, after the
// blocks already there (testkit.Filler.Text), one for each group, in
// order; "\n" in TEXT is a line break.
func cmdAddText(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! addtext")
	}
	groups := argGroups(ts, args, 3, "usage: addtext FILE OMRÅDE TYP TEXT [OMRÅDE TYP TEXT...]")
	withWorkbook(ts, args[0], func(w testkit.Filler) {
		for _, g := range groups {
			w.Text(g[0], g[1], strings.ReplaceAll(g[2], `\n`, "\n"))
		}
	})
}

// addtable FILE OMRÅDE TITLE HEADER ROW…
//
// Writes a table on the sheet Tabeller (testkit.Filler.Table): HEADER and
// each ROW are cells separated by "|".
func cmdAddTable(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! addtable")
	}
	if len(args) < 4 {
		ts.Fatalf("usage: addtable FILE OMRÅDE TITLE HEADER [ROW...]")
	}
	var rows [][]string
	for _, r := range args[4:] {
		rows = append(rows, strings.Split(r, "|"))
	}
	withWorkbook(ts, args[0], func(w testkit.Filler) { w.Table(args[1], args[2], strings.Split(args[3], "|"), rows...) })
}

// mkdocx FILE TEXT
//
// Writes a Word document (.docx) made from the lines of the file TEXT as
// testbase.DocxText reads them: "# " headings, "- " and "1. " list items,
// "| " table rows, paragraphs with the markup's bold, italic and links.
func cmdMkDocx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkdocx FILE TEXT")
	}
	data, err := testbase.DocxText(ts.ReadFile(args[1])).Build()
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o666))
}

// plancell FILE COLUMN ROW VALUE [COLUMN ROW VALUE…]
//
// Writes VALUE into row ROW of the column headed COLUMN on the sheet
// Åtgärdsplan, the way a program fills a plan (the sheet's protection
// lifted first), for each group.
func cmdPlanCell(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! plancell")
	}
	groups := argGroups(ts, args, 3, "usage: plancell FILE COLUMN ROW VALUE [COLUMN ROW VALUE...]")
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	ts.Check(f.UnprotectSheet(plan.SheetPlan))
	rows, err := f.GetRows(plan.SheetPlan)
	ts.Check(err)
	for _, g := range groups {
		col := 0
		for i, h := range rows[0] {
			if h == g[0] {
				col = i + 1
			}
		}
		if col == 0 {
			ts.Fatalf("plancell: no column %q in %v", g[0], rows[0])
		}
		row, err := strconv.Atoi(g[1])
		ts.Check(err)
		cell, err := excelize.CoordinatesToCellName(col, row)
		ts.Check(err)
		ts.Check(f.SetCellValue(plan.SheetPlan, cell, scriptValue(g[2])))
	}
	ts.Check(f.Save())
}

// kompassexit CODE ARGS…
//
// Runs the kompass binary with ARGS in the script's current folder and
// asserts that it exits with exactly CODE. Its stdout and stderr become
// the script's stdout and stderr for the following assertions.
func cmdKompassExit(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! kompassexit (give the expected exit code instead)")
	}
	if len(args) < 1 {
		ts.Fatalf("usage: kompassexit CODE [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("kompassexit: exit code %q is not a number", args[0])
	}
	bin, err := exec.LookPath("kompass")
	ts.Check(err)
	cmd := exec.Command(bin, args[1:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "TMPDIR="+ts.Getenv("TMPDIR"), "WORK="+ts.Getenv("WORK"), "GORACE="+ts.Getenv("GORACE"),
		"LANG="+ts.Getenv("LANG"), "LC_ALL="+ts.Getenv("LC_ALL"), "LC_MESSAGES="+ts.Getenv("LC_MESSAGES"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("kompassexit: %v", err)
	}
	// Written through the builtin streams so that stdout and stderr
	// assertions see them (and the log shows them).
	fmt.Fprint(ts.Stdout(), stdout.String())
	fmt.Fprint(ts.Stderr(), stderr.String())
	if got != want {
		ts.Fatalf("kompass %s: exit code %d, want %d", strings.Join(args[1:], " "), got, want)
	}
}

// jsoncount FILE N [KEY=VALUE]
//
// Asserts that FILE holds a JSON array of N elements (only counting the
// objects whose string field KEY equals VALUE, if given).
func cmdJSONCount(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: jsoncount FILE N [KEY=VALUE]")
	}
	want, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("jsoncount: %q is not a number", args[1])
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &list); err != nil {
		ts.Fatalf("jsoncount: %s: %v", args[0], err)
	}
	got := len(list)
	if len(args) == 3 {
		key, value, ok := strings.Cut(args[2], "=")
		if !ok {
			ts.Fatalf("jsoncount: %q is not KEY=VALUE", args[2])
		}
		got = 0
		for _, o := range list {
			if s, ok := o[key].(string); ok && s == value {
				got++
			}
		}
	}
	if (got == want) == neg {
		ts.Fatalf("jsoncount: %s has %d matching elements; want %s%d", args[0], got, map[bool]string{true: "not ", false: ""}[neg], want)
	}
}

// jsonget FILE PATH WANT
//
// Asserts that the value at PATH in the JSON document FILE, encoded as
// compact JSON, is WANT. PATH is dot-separated object keys and array
// indices, e.g. areas.0.score or total.score; "." is the whole document.
// A path that leads nowhere has the value (missing).
func cmdJSONGet(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: jsonget FILE PATH WANT")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		ts.Fatalf("jsonget: %s: %v", args[0], err)
	}
	got := jsonAt(v, args[1])
	if (got == args[2]) == neg {
		ts.Fatalf("jsonget: %s %s = %s; want %s%s", args[0], args[1], got, map[bool]string{true: "not ", false: ""}[neg], args[2])
	}
}

// jsonAt returns the value at path in v as compact JSON, or "(missing)".
func jsonAt(v any, path string) string {
	if path != "." {
		for _, k := range strings.Split(path, ".") {
			switch x := v.(type) {
			case map[string]any:
				var ok bool
				if v, ok = x[k]; !ok {
					return "(missing)"
				}
			case []any:
				i, err := strconv.Atoi(k)
				if err != nil || i < 0 || i >= len(x) {
					return "(missing)"
				}
				v = x[i]
			default:
				return "(missing)"
			}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "(" + err.Error() + ")"
	}
	return strings.TrimSpace(b.String())
}
