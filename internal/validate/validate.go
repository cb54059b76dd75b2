// Package validate checks evaluations against their instrument and against
// each other, and returns every problem found with the file, sheet, cell
// and id concerned. It reports each disagreement once, where it arises: an
// area whose typed value disagrees with its delfrågor is reported at the
// area, and the total is then checked against the areas as typed.
package validate

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Result is the outcome for one file.
type Result struct {
	File       string
	Evaluation *evaluation.Evaluation // nil when the file could not be read
	Problems   []problem.Problem
}

// OK reports whether the file has no errors (warnings allowed).
func (r Result) OK() bool { return r.Evaluation != nil && !problem.HasErrors(r.Problems) }

// Files reads and checks each workbook, then checks them against each
// other. It holds every evaluation; use Each to hold one at a time.
func Files(paths []string, reg *instrument.Registry) []Result {
	results := make([]Result, 0, len(paths))
	Each(paths, reg, func(_ int, r Result) { results = append(results, r) })
	return results
}

// Each reads and checks the workbooks one at a time, in order, including
// the check for the same kommun and year in two files, and calls fn with
// each result. Nothing of an evaluation is kept after fn returns, so a run
// over thousands of workbooks needs the memory of one.
//
// Workbooks are read on all cores, but handed to fn in order, and at most
// two per core are held at once.
func Each(paths []string, reg *instrument.Registry, fn func(i int, r Result)) {
	workers := min(runtime.NumCPU(), len(paths))
	if workers <= 1 {
		var d Duplicates
		for i, p := range paths {
			r := File(p, reg)
			d.Check(&r)
			fn(i, r)
		}
		return
	}
	// Each path gets a channel for its result; the window of 2×workers
	// buffered slots bounds how far reading runs ahead of fn.
	slots := make(chan chan Result, 2*workers)
	go func() {
		defer close(slots)
		sem := make(chan struct{}, workers)
		for _, p := range paths {
			out := make(chan Result, 1)
			slots <- out
			sem <- struct{}{}
			go func(p string) {
				defer func() { <-sem }()
				out <- File(p, reg)
			}(p)
		}
	}()
	var d Duplicates
	i := 0
	for out := range slots {
		r := <-out
		d.Check(&r)
		fn(i, r)
		i++
	}
}

// File reads and checks one workbook. On success the evaluation's
// Instrument is set.
func File(path string, reg *instrument.Registry) Result {
	ev, probs := workbook.Read(path)
	r := Result{File: path, Evaluation: ev, Problems: probs}
	if ev != nil {
		r.Problems = append(r.Problems, Evaluation(ev, reg)...)
	}
	problem.Sort(r.Problems, workbook.SheetOrder...)
	return r
}

// Evaluation checks one evaluation read from a workbook: its facts, its
// instrument, and its scores. It sets ev.Instrument when the instrument is
// known.
func Evaluation(ev *evaluation.Evaluation, reg *instrument.Registry) []problem.Problem {
	pl := &problem.List{File: ev.File}
	checkFacts(ev, reg, pl)
	checkAssessor(ev, pl)
	if ev.Instrument != nil {
		// An unreadable score sheet is reported once, by the reader; every
		// row would otherwise be reported missing as well.
		if !ev.ScoresUnread {
			checkScores(ev, pl)
		}
		checkNotes(ev, pl)
	}
	return pl.Items
}

func factCell(ev *evaluation.Evaluation, label string) string { return ev.Facts.Cells[label] }

func checkFacts(ev *evaluation.Evaluation, reg *instrument.Registry, pl *problem.List) {
	sh := workbook.SheetFacts
	required := []struct {
		label   string
		missing bool
		want    string
	}{
		{workbook.FactKommun, ev.Facts.Kommun == "", "the kommun's name"},
		{workbook.FactYear, ev.Facts.Year == 0, "a year such as 2007"},
		{workbook.FactInstrument, ev.Facts.InstrumentID == "", "an instrument id such as kommunkompassen"},
		{workbook.FactVersion, ev.Facts.InstrumentVersion == "", "an instrument version such as 2007"},
	}
	for _, f := range required {
		if !f.missing {
			continue
		}
		c, present := ev.Facts.Cells[f.label]
		if present {
			if ev.Facts.Raw[f.label] != "" {
				continue // there is a value, and the reader said why it is unreadable
			}
			pl.Error(problem.At{Sheet: sh, Cell: c, Expected: f.want}, "%s is empty", f.label)
		} else {
			pl.Error(problem.At{Sheet: sh, Expected: f.want}, "no row labelled %s in column A", f.label)
		}
	}
	if ev.Facts.InstrumentID == "" || ev.Facts.InstrumentVersion == "" {
		return
	}
	in, ok := reg.Get(ev.Facts.InstrumentID, ev.Facts.InstrumentVersion)
	if !ok {
		ref := ev.Facts.InstrumentID + "@" + ev.Facts.InstrumentVersion
		if vs := reg.Versions(ev.Facts.InstrumentID); len(vs) > 0 {
			pl.Error(problem.At{Sheet: sh, Cell: factCell(ev, workbook.FactVersion), Found: ref, Expected: "one of " + strings.Join(vs, ", ")}, "unknown version %q of instrument %s; known versions: %s", ev.Facts.InstrumentVersion, ev.Facts.InstrumentID, strings.Join(vs, ", "))
		} else {
			var refs []string
			for _, i := range reg.All() {
				refs = append(refs, i.Ref())
			}
			pl.Error(problem.At{Sheet: sh, Cell: factCell(ev, workbook.FactInstrument), Found: ev.Facts.InstrumentID, Expected: "one of " + strings.Join(refs, ", ")}, "unknown instrument %q; known: %s (or add its TOML file to the instruments folder)", ev.Facts.InstrumentID, strings.Join(refs, ", "))
		}
		return
	}
	ev.Instrument = in
}

func checkScores(ev *evaluation.Evaluation, pl *problem.List) {
	in := ev.Instrument
	sh := workbook.SheetScores
	step := in.Step
	byID := map[string]evaluation.Entry{}
	for _, en := range ev.Entries {
		byID[en.ID] = en
		var max points.P
		var what string
		if en.ID == evaluation.TotalID {
			max, what = in.Max(), "the total"
		} else if a, ok := in.Area(en.ID); ok {
			max, what = a.Max, "huvudområde "+a.ID
		} else if _, q, ok := in.Question(en.ID); ok {
			max, what = q.Max, "delfråga "+q.ID
		} else {
			pl.Error(problem.At{Sheet: sh, Cell: idCell(en), ID: en.ID, Found: en.ID, Expected: "an id of " + in.Ref()}, "id %q is not in the instrument %s", en.ID, in.Ref())
			continue
		}
		if !en.Scored {
			continue
		}
		expected := fmt.Sprintf("0–%s in steps of %s", max.Swedish(), step.Swedish())
		switch {
		case en.Score < 0:
			pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: en.ID, Found: en.Score.Swedish(), Expected: expected}, "Poäng %s for %s is below 0", en.Score.Swedish(), what)
		case en.Score > max:
			pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: en.ID, Found: en.Score.Swedish(), Expected: expected}, "Poäng %s for %s is above its maxpoäng %s", en.Score.Swedish(), what, max.Swedish())
		case !en.Score.MultipleOf(step):
			pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: en.ID, Found: en.Score.Swedish(), Expected: expected}, "Poäng %s for %s is not a multiple of the step %s", en.Score.Swedish(), what, step.Swedish())
		}
	}
	for _, a := range in.Areas {
		ids := []string{a.ID}
		for _, q := range a.Questions {
			ids = append(ids, q.ID)
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				pl.Error(problem.At{Sheet: sh, ID: id, Expected: "a row with ID " + id}, "the row for %s is missing from the sheet", id)
			}
		}
	}
	if _, ok := byID[evaluation.TotalID]; !ok {
		pl.Warn(problem.At{Sheet: sh, ID: evaluation.TotalID, Expected: "a row with ID TOTAL"}, "the TOTAL row is missing from the sheet")
	}

	t := ev.Tally()
	for _, at := range t.Areas {
		en := byID[at.ID]
		switch {
		case at.Partial:
			var missing []string
			for _, q := range at.Questions {
				if !q.Score.Valid {
					missing = append(missing, q.ID)
				}
			}
			pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Found: fmt.Sprintf("%d of %d delfrågor scored", len(at.Questions)-len(missing), len(at.Questions)), Expected: "all delfrågor scored, or none"}, "huvudområde %s is partly scored: %s not scored", at.ID, strings.Join(missing, ", "))
		case !at.Score.Valid:
			if len(at.Questions) > 0 {
				pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Expected: "scores for its delfrågor, or the area total"}, "huvudområde %s is not scored", at.ID)
			} else {
				pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Expected: "the area total"}, "huvudområde %s is not scored", at.ID)
			}
		case at.Stated.Valid && at.Stated.Value != at.Score.Value:
			pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Found: at.Stated.Value.Swedish(), Expected: at.Score.Value.Swedish()}, "huvudområde %s is stated as %s but its delfrågor add up to %s", at.ID, at.Stated.Value.Swedish(), at.Score.Value.Swedish())
		}
	}
	if t.Level == evaluation.LevelMix {
		pl.Warn(problem.At{Sheet: sh, Found: "some areas scored by delfrågor, others only by area total", Expected: "one level throughout"}, "the evaluation mixes full scoring (delfrågor) and area-level scoring")
	}
	if t.Stated.Valid && t.StatedSum.Valid && t.Stated.Value != t.StatedSum.Value {
		en := byID[evaluation.TotalID]
		pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: evaluation.TotalID, Found: t.Stated.Value.Swedish(), Expected: t.StatedSum.Value.Swedish()}, "the total is stated as %s but the huvudområden add up to %s", t.Stated.Value.Swedish(), t.StatedSum.Value.Swedish())
	}
}

func idCell(en evaluation.Entry) string {
	if en.IDCell != "" {
		return en.IDCell
	}
	if en.Row == 0 {
		return en.Cell
	}
	return "A" + strconv.Itoa(en.Row)
}

func checkNotes(ev *evaluation.Evaluation, pl *problem.List) {
	for _, n := range ev.Notes {
		if _, ok := ev.Instrument.Area(n.Area); !ok {
			pl.Error(problem.At{Sheet: workbook.SheetNotes, Cell: n.Cell, ID: n.Area, Found: n.Area, Expected: "an area id of " + ev.Instrument.Ref()}, "%s belongs to area %q, which the instrument %s does not have", strings.ToLower(string(n.Kind)), n.Area, ev.Instrument.Ref())
		}
	}
}

// Set checks evaluations against each other: the same kommun and year may
// appear in one file only. Problems are added to the later files.
func Set(results []Result) {
	var d Duplicates
	for i := range results {
		d.Check(&results[i])
	}
}

// Duplicates remembers which file holds each kommun and year, so that the
// set can be checked one file at a time.
type Duplicates struct {
	first map[string]string
}

// Check adds a problem to r if its kommun and year were seen in an earlier
// file, and otherwise remembers them.
func (d *Duplicates) Check(r *Result) {
	ev := r.Evaluation
	if ev == nil || ev.Facts.Kommun == "" || ev.Facts.Year == 0 {
		return
	}
	if d.first == nil {
		d.first = map[string]string{}
	}
	key := duplicateKey(ev)
	if prev, dup := d.first[key]; dup {
		if ev.Facts.Kind == evaluation.KindAssessment {
			r.Problems = append(r.Problems, assessorTwice(r.File, ev, prev))
			return
		}
		r.Problems = append(r.Problems, problem.Problem{
			File: r.File, Sheet: workbook.SheetFacts, Cell: ev.Facts.Cells[workbook.FactKommun],
			Severity: problem.Error, Found: ev.Label(), Expected: "one workbook per kommun and year",
			Message: fmt.Sprintf("%s is also evaluated in %s", ev.Label(), prev),
		})
		return
	}
	d.first[key] = r.File
}

// Collect expands the given paths: files are taken as they are, directories
// are walked for *.xlsx files (skipping Office lock files "~$…" and hidden
// files). The result is sorted and free of duplicates.
func Collect(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		// Clean, so that "./a.xlsx" and a.xlsx found in "." are one file
		// (the paths found by walking a directory are clean).
		p = filepath.Clean(p)
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".xlsx") {
				return nil
			}
			if !seen[path] {
				seen[path] = true
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}
