// Package validate checks evaluations against their instrument and against
// each other, and returns every problem found with the file, sheet, cell
// and id concerned. It reports each disagreement once, where it arises: an
// area whose typed value disagrees with its delfrågor is reported at the
// area, and the total is then checked against the areas as typed.
package validate

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Result is the outcome for one file.
type Result struct {
	File       string
	Evaluation *evaluation.Evaluation // nil when the file could not be read, or is a plan
	Plan       *plan.Plan             // an åtgärdsplan (plan.go), nil otherwise
	Problems   []problem.Problem
}

// OK reports whether the file has no errors (warnings allowed).
func (r Result) OK() bool {
	return (r.Evaluation != nil || r.Plan != nil) && !problem.HasErrors(r.Problems)
}

// Each reads and checks the workbooks one at a time, in order, and calls
// fn with each result. Nothing of an evaluation is kept after fn returns,
// so a run over thousands of workbooks needs the memory of one.
//
// Which of two workbooks that claim the same evaluation (Claims) is used is
// known only once every workbook is read: Each returns those problems, by
// the index of their file, for the caller to add to what fn was given.
//
// Workbooks are read on all cores, but handed to fn in order, and at most
// two per core are held at once.
func Each(paths []string, reg *instrument.Registry, fn func(i int, r Result)) Clashes {
	o := ordered{pc: Plans{Run: paths}, fn: fn}
	workers := min(runtime.NumCPU(), len(paths))
	if workers <= 1 {
		for _, p := range paths {
			o.add(File(p, reg))
		}
		o.flush()
		return o.claims.Clashes()
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
	for out := range slots {
		o.add(<-out)
	}
	o.flush()
	return o.claims.Clashes()
}

// planLookahead is how many results after an åtgärdsplan Each holds back
// while it waits for the plan's evaluation.
const planLookahead = 8

// ordered hands the results of Each to its fn in order, after the checks of
// the set: the plans (Plans), and it notes what each claims (Claims). A
// plan whose evaluation comes after it is held back, with the results
// after it, until the evaluation has been seen or planLookahead more have
// come; then the rest of the run is read only when that did not find it.
type ordered struct {
	claims Claims
	pc     Plans
	fn     func(i int, r Result)
	held   []Result
	i      int
}

func (o *ordered) add(r Result) {
	if r.Plan == nil {
		o.pc.Check(&r) // remembers the evaluation
	}
	o.held = append(o.held, r)
	for len(o.held) > 0 && !(o.pc.Waits(&o.held[0]) && len(o.held) <= planLookahead) {
		o.next()
	}
}

// next checks and hands on the first result held.
func (o *ordered) next() {
	r := o.held[0]
	o.held = o.held[1:]
	if r.Plan != nil {
		o.pc.Check(&r)
	}
	o.claims.Add(o.i, r)
	o.fn(o.i, r)
	o.i++
}

// flush hands on what is held at the end of the run.
func (o *ordered) flush() {
	for len(o.held) > 0 {
		o.next()
	}
}

// Add adds problems found later (Clashes) to the result, in the order of
// sheets.
func (r *Result) Add(ps ...problem.Problem) { r.Problems = addSorted(r.Problems, ps) }

// addSorted adds ps to a file's problems in the order of sheets, keeping
// the line "… and N more problems" of a capped list last.
func addSorted(to, ps []problem.Problem) []problem.Problem {
	if len(ps) == 0 {
		return to
	}
	var more []problem.Problem
	if len(to) > problem.MaxPerFile {
		to, more = to[:len(to)-1:len(to)-1], to[len(to)-1:]
	}
	to = append(to, ps...)
	problem.Sort(to, workbook.SheetOrder...)
	return append(to, more...)
}

// File reads and checks one workbook. On success the evaluation's
// Instrument is set.
func File(path string, reg *instrument.Registry) Result {
	if plan.IsPlan(path) {
		return filePlan(path, reg)
	}
	ev, probs := workbook.Read(path)
	r := Result{File: path, Evaluation: ev, Problems: probs}
	if ev != nil {
		r.Problems = append(r.Problems, Evaluation(ev, reg)...)
	}
	problem.Sort(r.Problems, workbook.SheetOrder...)
	r.Problems = problem.Cap(r.Problems, func(n int) string { return msg.Sprintf("… and %d more problems", n) })
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
		// row would otherwise be reported missing as well. So are rows made
		// for another version of the instrument: each would be an unknown id
		// or a missing row.
		if !ev.ScoresUnread && !checkVersion(ev, reg, pl) {
			checkScores(ev, pl)
		}
		checkNotes(ev, pl)
	}
	checkText(ev, pl)
	pl.Items = append(pl.Items, Unfinished(ev)...)
	return pl.Items
}

// checkVersion reports a Version the rows of the score sheet do not fit:
// when most of the ids on the sheet and of the stated version differ, and
// another version of the instrument fits the sheet much better, the
// workbook was made for that version (or Version was changed). It reports
// whether it did.
func checkVersion(ev *evaluation.Evaluation, reg *instrument.Registry, pl *problem.List) bool {
	onSheet := map[string]bool{}
	for _, en := range ev.Entries {
		if en.ID != evaluation.TotalID {
			onSheet[en.ID] = true
		}
	}
	if len(onSheet) == 0 {
		return false
	}
	stated := ev.Instrument
	// differ counts the ids that are on the sheet or in the version but not
	// in both, and (of) the ids that are in either.
	differ := func(in *instrument.Instrument) (n, of int) {
		ids := instrumentIDs(in)
		unknown, missing := 0, 0
		for id := range onSheet {
			if !ids[id] {
				unknown++
			}
		}
		for id := range ids {
			if !onSheet[id] {
				missing++
			}
		}
		return unknown + missing, len(onSheet) + missing
	}
	n, of := differ(stated)
	if 2*n <= of {
		return false
	}
	var fits []string
	best := n
	for _, v := range reg.Versions(stated.ID) {
		other, ok := reg.Get(stated.ID, v)
		if !ok || v == stated.Version {
			continue
		}
		m, _ := differ(other)
		switch {
		case 2*m >= n:
			continue // not much better
		case m < best:
			fits, best = []string{v}, m
		case m == best:
			fits = append(fits, v)
		}
	}
	if fits == nil {
		return false
	}
	pl.Error(problem.At{Sheet: workbook.SheetFacts, Cell: factCell(ev, workbook.FactVersion), Found: stated.Version, Expected: strings.Join(fits, ", ")},
		msg.Sprintf("the sheet Poäng has the rows of %s version %s, not of version %s (%d ids differ); correct Version, or make the workbook again with kompass template",
			stated.ID, strings.Join(fits, ", "), stated.Version, n))
	return true
}

// instrumentIDs are the ids of an instrument's areas and delfrågor.
func instrumentIDs(in *instrument.Instrument) map[string]bool {
	ids := map[string]bool{}
	for _, a := range in.Areas {
		ids[a.ID] = true
		for _, q := range a.Questions {
			ids[q.ID] = true
		}
	}
	return ids
}

func factCell(ev *evaluation.Evaluation, label string) string { return ev.Facts.Cells[label] }

func checkFacts(ev *evaluation.Evaluation, reg *instrument.Registry, pl *problem.List) {
	sh := workbook.SheetFacts
	required := []struct {
		label   string
		missing bool
		want    string
	}{
		{workbook.FactKommun, ev.Facts.Kommun == "", msg.T("the kommun's name")},
		{workbook.FactYear, ev.Facts.Year == 0, msg.T("a year such as 2007")},
		{workbook.FactInstrument, ev.Facts.InstrumentID == "", msg.T("an instrument id such as kommunkompassen")},
		{workbook.FactVersion, ev.Facts.InstrumentVersion == "", msg.T("an instrument version such as 2007")},
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
			pl.Error(problem.At{Sheet: sh, Cell: c, Expected: f.want}, msg.Sprintf("%s is empty", f.label))
		} else {
			pl.Error(problem.At{Sheet: sh, Expected: f.want}, msg.Sprintf("no row labelled %s in column A", f.label))
		}
	}
	if ev.Facts.InstrumentID == "" || ev.Facts.InstrumentVersion == "" {
		return
	}
	in, ok := reg.Get(ev.Facts.InstrumentID, ev.Facts.InstrumentVersion)
	if !ok {
		ref := ev.Facts.InstrumentID + "@" + ev.Facts.InstrumentVersion
		if vs := reg.Versions(ev.Facts.InstrumentID); len(vs) > 0 {
			pl.Error(problem.At{Sheet: sh, Cell: factCell(ev, workbook.FactVersion), Found: ref, Expected: msg.Sprintf("one of %s", strings.Join(vs, ", "))}, msg.Sprintf("unknown version %q of instrument %s; known versions: %s", problem.Short(ev.Facts.InstrumentVersion), problem.Short(ev.Facts.InstrumentID), strings.Join(vs, ", ")))
		} else {
			var refs []string
			for _, i := range reg.All() {
				refs = append(refs, i.Ref())
			}
			pl.Error(problem.At{Sheet: sh, Cell: factCell(ev, workbook.FactInstrument), Found: ev.Facts.InstrumentID, Expected: msg.Sprintf("one of %s", strings.Join(refs, ", "))}, msg.Sprintf("unknown instrument %q; known: %s (or add its TOML file to the instruments folder)", problem.Short(ev.Facts.InstrumentID), strings.Join(refs, ", ")))
		}
		return
	}
	ev.Instrument = in
}

// checkScores reports each mistake on the score sheet once, where it is:
// a value that is no score at its cell (and not again as a gap in its
// area), a missing row as missing, a stated area or total that disagrees
// with its parts where both are known.
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
			max, what = in.Max(), msg.T("the total")
		} else if a, ok := in.Area(en.ID); ok {
			max, what = a.Max, msg.Sprintf("huvudområde %s", a.ID)
		} else if _, q, ok := in.Question(en.ID); ok {
			max, what = q.Max, msg.Sprintf("delfråga %s", q.ID)
		} else {
			pl.Error(problem.At{Sheet: sh, Cell: idCell(en), ID: en.ID, Found: en.ID, Expected: msg.Sprintf("an id of %s", in.Ref())}, msg.Sprintf("id %q is not in the instrument %s", problem.Short(en.ID), in.Ref()))
			continue
		}
		if !en.Scored {
			continue
		}
		at := problem.At{Sheet: sh, Cell: en.Cell, ID: en.ID, Found: en.Score.Swedish(), Expected: msg.Sprintf("0–%s in steps of %s", max.Swedish(), step.Swedish())}
		switch evaluation.CheckScore(en.Score, max, step) {
		case evaluation.BelowZero:
			pl.Error(at, msg.Sprintf("Poäng %s for %s is below 0", en.Score.Swedish(), what))
		case evaluation.AboveMax:
			pl.Error(at, msg.Sprintf("Poäng %s for %s is above its maxpoäng %s", en.Score.Swedish(), what, max.Swedish()))
		case evaluation.OffStep:
			pl.Error(at, msg.Sprintf("Poäng %s for %s is not a multiple of the step %s", en.Score.Swedish(), what, step.Swedish()))
		}
	}
	for _, a := range in.Areas {
		ids := []string{a.ID}
		for _, q := range a.Questions {
			ids = append(ids, q.ID)
		}
		for _, id := range ids {
			if _, ok := byID[id]; !ok {
				pl.Error(problem.At{Sheet: sh, ID: id, Expected: msg.Sprintf("a row with ID %s", id)}, msg.Sprintf("the row for %s is missing from the sheet", id))
			}
		}
	}
	if _, ok := byID[evaluation.TotalID]; !ok {
		pl.Warn(problem.At{Sheet: sh, ID: evaluation.TotalID, Expected: msg.Sprintf("a row with ID %s", evaluation.TotalID)}, msg.T("the TOTAL row is missing from the sheet"))
	}

	// An evaluator's own workbook may leave a score open: the consensus
	// takes the others' (and marks it for the meeting).
	assessment := ev.Facts.Kind == evaluation.KindAssessment
	t := ev.Tally()
	for _, at := range t.Areas {
		en := byID[at.ID]
		switch {
		case at.Partial:
			var unscored []string
			for _, q := range at.Questions {
				if q.State == evaluation.Unscored {
					unscored = append(unscored, q.ID)
				}
			}
			where := problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Found: msg.Sprintf("%d of %d delfrågor scored", len(at.Questions)-len(unscored), len(at.Questions)), Expected: msg.T("all delfrågor scored, or none")}
			if assessment {
				// One evaluator's gap is normal: the consensus uses the others.
				pl.Warn(where, msg.Sprintf("huvudområde %s is partly scored: %s not scored; the consensus takes the other evaluators' scores", at.ID, strings.Join(unscored, ", ")))
				continue
			}
			pl.Error(where, msg.Sprintf("huvudområde %s is partly scored: %s not scored", at.ID, strings.Join(unscored, ", ")))
		case at.ByQuestions:
			// Scored by its delfrågor: a stated value must agree with them,
			// where they are all scores.
			if at.Stated.Valid && at.Score.Valid && at.Stated.Value != at.Score.Value {
				pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Found: at.Stated.Value.Swedish(), Expected: at.Score.Value.Swedish()}, msg.Sprintf("huvudområde %s is stated as %s but its delfrågor add up to %s", at.ID, at.Stated.Value.Swedish(), at.Score.Value.Swedish()))
			}
		case at.Score.Valid:
			// scored at area level
		case at.State == evaluation.Unscored && !holdsInvalid(at):
			// Nothing is typed for the area. (A value that is no score, in
			// the area row or a delfråga, is reported where it is; so is a
			// missing area row.)
			where := problem.At{Sheet: sh, Cell: en.Cell, ID: at.ID, Expected: msg.T("the area total")}
			if len(at.Questions) > 0 {
				where.Expected = msg.T("scores for its delfrågor, or the area total")
			}
			if assessment {
				pl.Warn(where, msg.Sprintf("huvudområde %s is not scored; the consensus takes the other evaluators' scores", at.ID))
				continue
			}
			pl.Error(where, msg.Sprintf("huvudområde %s is not scored", at.ID))
		}
	}
	if t.Level == evaluation.LevelMix {
		pl.Warn(problem.At{Sheet: sh, Found: msg.T("some areas scored by delfrågor, others only by area total"), Expected: msg.T("one level throughout")}, msg.T("the evaluation mixes full scoring (delfrågor) and area-level scoring"))
	}
	if t.Stated.Valid && t.StatedSum.Valid && t.Stated.Value != t.StatedSum.Value {
		en := byID[evaluation.TotalID]
		pl.Error(problem.At{Sheet: sh, Cell: en.Cell, ID: evaluation.TotalID, Found: t.Stated.Value.Swedish(), Expected: t.StatedSum.Value.Swedish()}, msg.Sprintf("the total is stated as %s but the huvudområden add up to %s", t.Stated.Value.Swedish(), t.StatedSum.Value.Swedish()))
	}
}

// holdsInvalid reports whether a delfråga of the area holds a value that
// is no score.
func holdsInvalid(at evaluation.AreaTally) bool {
	for _, q := range at.Questions {
		if q.State == evaluation.Invalid {
			return true
		}
	}
	return false
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
			pl.Error(problem.At{Sheet: workbook.SheetNotes, Cell: n.AreaCell, ID: n.Area, Found: n.Area, Expected: msg.Sprintf("an area id of %s", ev.Instrument.Ref())}, msg.Sprintf("%s belongs to area %q, which the instrument %s does not have", strings.ToLower(string(n.Kind)), problem.Short(n.Area), ev.Instrument.Ref()))
		}
	}
}

// Set checks workbooks already read (File) against each other as Each
// does — what two workbooks claim alike (Claims), each åtgärdsplan against
// its evaluation — adding the problems to them, the clashes too. kompass
// serve keeps each workbook's File until the file changes and checks the
// set anew with it.
func Set(results []Result) {
	paths := make([]string, len(results))
	for i, r := range results {
		paths[i] = r.File
	}
	o := ordered{pc: Plans{Run: paths}, fn: func(i int, r Result) { results[i] = r }}
	for _, r := range results {
		o.add(r)
	}
	o.flush()
	for i, ps := range o.claims.Clashes() {
		results[i].Add(ps...)
	}
}

// Collect expands the given paths: files are taken as they are, directories
// are walked for *.xlsx files (skipping Office lock files "~$…" and hidden
// files), and for the spreadsheets of other programs (.ods, .xls,
// .numbers), which are listed so that each is named, with how to save it
// as .xlsx, rather than passed over. The result is sorted and free of
// duplicates.
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
				if path != p && sheet.Foreign(name) != "" {
					// a Numbers document saved as a package: listed, so
					// that it is named with the advice to save it as .xlsx
					if !seen[path] {
						seen[path] = true
						out = append(out, path)
					}
					return filepath.SkipDir
				}
				return nil
			}
			// an xlsx workbook, or another program's spreadsheet to name
			// (but no lock file or hidden file of either)
			if !sheet.IsWorkbookFile(name) && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") || sheet.Foreign(name) == "") {
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
