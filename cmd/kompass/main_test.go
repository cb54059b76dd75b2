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
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestMain makes the test binary double as the kompass binary: the scripts
// run "kompass …" as a real subprocess.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kompass": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Each script starts in $WORK
// with the shipped sample workbooks in evaluations/ and the exact
// transcription in as-published/. Besides the testscript built-ins and
// "kompass ARGS…" (the real binary), scripts have these commands:
//
//	fill FILE ID=VALUE…           write Poäng cells, found by ID
//	setfact FILE LABEL VALUE      write a fact on the sheet Uppgifter
//	addnote FILE AREA TYP TEXT    add a styrka or förbättringsområde
//	kompassexit CODE ARGS…        run kompass, assert its exact exit code
//	jsoncount FILE N [KEY=VALUE]  assert the length of a JSON array
//	jsonget FILE PATH WANT        assert one value of a JSON document
//
// A VALUE that parses as a Go float is written as a number, anything else
// as text ("7,5" stays text); an empty VALUE clears the cell.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: false,
		RequireUniqueNames:  true,
		UpdateScripts:       testkit.Update(), // rewrites the expected files embedded in the scripts (the second argument of a failing cmp)
		Setup: func(env *testscript.Env) error {
			for src, dst := range map[string]string{
				filepath.Join("..", "..", "evaluations"):              "evaluations",
				filepath.Join("..", "..", "testdata", "as-published"): "as-published",
			} {
				if err := copyWorkbooks(src, filepath.Join(env.WorkDir, dst)); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fill":        cmdFill,
			"setfact":     cmdSetFact,
			"addnote":     cmdAddNote,
			"kompassexit": cmdKompassExit,
			"jsoncount":   cmdJSONCount,
			"jsonget":     cmdJSONGet,
		},
	})
}

// copyWorkbooks copies every .xlsx file of src into dst.
func copyWorkbooks(src, dst string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.xlsx"))
	if err != nil {
		return err
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

// headerSearchRows is how far down the helpers look for a header row.
const headerSearchRows = 10

// findHeader returns the index of the first row among the first rows that
// names every column in names, and the column index of each name.
func findHeader(rows [][]string, names ...string) (int, map[string]int, error) {
	for r := 0; r < len(rows) && r < headerSearchRows; r++ {
		cols := map[string]int{}
		for c, v := range rows[r] {
			for _, n := range names {
				if _, seen := cols[n]; !seen && strings.EqualFold(strings.TrimSpace(v), n) {
					cols[n] = c
				}
			}
		}
		if len(cols) == len(names) {
			return r, cols, nil
		}
	}
	return -1, nil, fmt.Errorf("no header row naming %q in the first %d rows", names, headerSearchRows)
}

func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		panic(err)
	}
	return name
}

// setValue writes v as a number if it parses as a Go float, as text
// otherwise ("7,5" stays text), and clears the cell if v is empty.
func setValue(f *excelize.File, sheet, cell, v string) error {
	if v == "" {
		return f.SetCellValue(sheet, cell, nil)
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil {
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	}
	return f.SetCellStr(sheet, cell, v)
}

// withWorkbook opens file (relative to the script's folder), lets edit
// change it and saves it.
func withWorkbook(ts *testscript.TestScript, file string, edit func(f *excelize.File) error) {
	path := ts.MkAbs(file)
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	ts.Check(edit(f))
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
	const sheet, colID, colScore = "Poäng", "ID", "Poäng"
	withWorkbook(ts, args[0], func(f *excelize.File) error {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		hr, cols, err := findHeader(rows, colID, colScore)
		if err != nil {
			return err
		}
		rowOf := map[string]int{}
		for r := hr + 1; r < len(rows); r++ {
			if id := strings.TrimSpace(at(rows[r], cols[colID])); id != "" {
				if _, dup := rowOf[id]; !dup {
					rowOf[id] = r
				}
			}
		}
		for _, a := range args[1:] {
			id, v, ok := strings.Cut(a, "=")
			if !ok {
				return fmt.Errorf("fill: %q is not ID=VALUE", a)
			}
			r, ok := rowOf[id]
			if !ok {
				return fmt.Errorf("fill: no row with ID %q on the sheet %s", id, sheet)
			}
			if err := setValue(f, sheet, cellName(cols[colScore], r), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// setfact FILE LABEL VALUE
//
// Sets the value (column B) of the row labelled LABEL (column A) on the
// sheet Uppgifter.
func cmdSetFact(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! setfact")
	}
	if len(args) != 3 {
		ts.Fatalf("usage: setfact FILE LABEL VALUE")
	}
	const sheet = "Uppgifter"
	withWorkbook(ts, args[0], func(f *excelize.File) error {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		for r, row := range rows {
			if strings.EqualFold(strings.TrimSpace(at(row, 0)), args[1]) {
				return setValue(f, sheet, cellName(1, r), args[2])
			}
		}
		return fmt.Errorf("setfact: no row labelled %q on the sheet %s", args[1], sheet)
	})
}

// addnote FILE AREA TYP TEXT
//
// Writes a styrka or förbättringsområde into the first row of the sheet
// "Styrkor och förbättringsområden" with an empty Text whose Område and
// Typ are AREA and TYP, else into the first row with Område, Typ and Text
// all empty.
func cmdAddNote(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! addnote")
	}
	if len(args) != 4 {
		ts.Fatalf("usage: addnote FILE AREA TYP TEXT")
	}
	const sheet, colArea, colKind, colText = "Styrkor och förbättringsområden", "Område", "Typ", "Text"
	area, kind, text := args[1], args[2], args[3]
	withWorkbook(ts, args[0], func(f *excelize.File) error {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		hr, cols, err := findHeader(rows, colArea, colKind, colText)
		if err != nil {
			return err
		}
		get := func(r int, col string) string { return strings.TrimSpace(at(rows[r], cols[col])) }
		target, spare := -1, -1
		for r := hr + 1; r < len(rows) && target < 0; r++ {
			if get(r, colText) != "" {
				continue
			}
			switch {
			case get(r, colArea) == area && strings.EqualFold(get(r, colKind), kind):
				target = r
			case spare < 0 && get(r, colArea) == "" && get(r, colKind) == "":
				spare = r
			}
		}
		if target < 0 {
			target = spare
		}
		if target < 0 {
			target = max(len(rows), hr+1)
		}
		for col, v := range map[string]string{colArea: area, colKind: kind, colText: text} {
			if err := f.SetCellStr(sheet, cellName(cols[col], target), v); err != nil {
				return err
			}
		}
		return nil
	})
}

func at(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
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
	cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "TMPDIR="+ts.Getenv("TMPDIR"), "WORK="+ts.Getenv("WORK"))
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
