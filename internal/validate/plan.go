package validate

// Åtgärdsplaner (issue 14): a workbook with a sheet Åtgärdsplan is a plan
// that follows an evaluation, not an evaluation. It is read and checked by
// internal/plan, and then against the evaluation it follows: among the
// evaluations of the same run, or when none of them fits, among the
// workbooks in the plan's own folder. A plan is never a duplicate of an
// evaluation.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// filePlan reads and checks one plan on its own: its cells and its
// instrument. The check against its evaluation is Plans.Check's.
func filePlan(path string, reg *instrument.Registry) Result {
	p, probs := plan.Read(path)
	r := Result{File: path, Plan: p, Problems: probs}
	if p != nil {
		pl := &problem.List{File: path}
		checkPlanInstrument(p, reg, pl)
		r.Problems = append(r.Problems, pl.Items...)
	}
	problem.Sort(r.Problems, plan.SheetOrder...)
	r.Problems = problem.Cap(r.Problems, func(n int) string { return msg.Sprintf("… and %d more problems", n) })
	return r
}

func checkPlanInstrument(p *plan.Plan, reg *instrument.Registry, pl *problem.List) {
	sh := plan.SheetFacts
	for _, f := range []struct{ label, value string }{{workbook.FactInstrument, p.InstrumentID}, {workbook.FactVersion, p.InstrumentVersion}} {
		if f.value != "" {
			continue
		}
		if c, ok := p.Cells[f.label]; ok {
			pl.Error(problem.At{Sheet: sh, Cell: c, Expected: msg.T("an instrument version such as 2007")}, msg.Sprintf("%s is empty", f.label))
		} else {
			pl.Error(problem.At{Sheet: sh, Expected: msg.T("an instrument version such as 2007")}, msg.Sprintf("no row labelled %s in column A", f.label))
		}
		return
	}
	if _, ok := reg.Get(p.InstrumentID, p.InstrumentVersion); !ok {
		ref := p.InstrumentID + "@" + p.InstrumentVersion
		var refs []string
		for _, i := range reg.All() {
			refs = append(refs, i.Ref())
		}
		pl.Error(problem.At{Sheet: sh, Cell: p.Cells[workbook.FactVersion], Found: ref, Expected: msg.Sprintf("one of %s", strings.Join(refs, ", "))},
			msg.Sprintf("unknown instrument %q; known: %s (or add its TOML file to the instruments folder)", problem.Short(ref), strings.Join(refs, ", ")))
	}
}

// Plans checks each plan of a run against the evaluation it follows: one
// of the evaluations seen so far, else one in the plan's folder, else one
// among the rest of the run's files (Run), read for that. It keeps of each
// evaluation only its facts and förbättringsområden. Each reads a little
// ahead for a plan's evaluation (Waits), so that the evaluation a plan
// precedes in its folder (exempelkommun-2005-atgardsplan.xlsx before
// exempelkommun-2005.xlsx) is not read a second time.
type Plans struct {
	Run     []string // the files of the run
	later   []*evaluation.Evaluation
	readRun bool
	seen    map[string]*evaluation.Evaluation   // planKey → the evaluation, stripped
	folders map[string][]*evaluation.Evaluation // folder → its evaluations, stripped
	plans   map[string]string                   // planKey → the first plan's file
}

func planKey(kommun string, year int, instrumentID string) string {
	return evaluation.NameKey(kommun) + "|" + strconv.Itoa(year) + "|" + strings.ToLower(instrumentID)
}

// stripped is what a plan is checked against: the evaluation's file,
// facts and notes.
func stripped(ev *evaluation.Evaluation) *evaluation.Evaluation {
	return &evaluation.Evaluation{File: ev.File, Facts: ev.Facts, Notes: ev.Notes}
}

// Waits reports whether the check of r, a plan, should wait for more of
// the run: its evaluation has not been seen yet, and may still come.
func (c *Plans) Waits(r *Result) bool {
	p := r.Plan
	if p == nil || p.Kommun == "" || p.Year == 0 {
		return false
	}
	_, seen := c.seen[planKey(p.Kommun, p.Year, p.InstrumentID)]
	return !seen
}

// Check remembers an evaluation of a kommun, or checks a plan against the
// evaluation it follows, adding the problems to r.
func (c *Plans) Check(r *Result) {
	c.init()
	if ev := r.Evaluation; ev != nil && ev.Facts.Kind == evaluation.KindKommun && ev.Facts.Year != 0 {
		k := planKey(ev.Facts.Kommun, ev.Facts.Year, ev.Facts.InstrumentID)
		if _, dup := c.seen[k]; !dup {
			c.seen[k] = stripped(ev)
		}
		return
	}
	p := r.Plan
	if p == nil || p.Kommun == "" || p.Year == 0 {
		return // the facts are reported missing already
	}
	key := planKey(p.Kommun, p.Year, p.InstrumentID)
	if prev, dup := c.plans[key]; dup {
		r.Problems = append(r.Problems, problem.Problem{File: r.File, Sheet: plan.SheetFacts, Cell: p.Cells[workbook.FactKommun], Severity: problem.Error,
			Found: problem.Short(p.Kommun + " " + strconv.Itoa(p.Year)), Expected: msg.T("one åtgärdsplan per evaluation"),
			Message: msg.Sprintf("%s %d has an åtgärdsplan already in %s", problem.Short(p.Kommun), p.Year, prev)})
	} else {
		c.plans[key] = r.File
	}
	ev := c.seen[key]
	dir := filepath.Dir(p.File)
	if ev == nil {
		for _, e := range c.folder(dir) {
			if p.Of(e) {
				ev = e
				break
			}
		}
	}
	if ev == nil {
		for _, e := range c.run() {
			if p.Of(e) {
				ev = e
				break
			}
		}
	}
	if ev == nil {
		r.Problems = append(r.Problems, plan.NoEvaluation(p, dir))
		return
	}
	r.Problems = append(r.Problems, plan.Check(p, ev)...)
	problem.Sort(r.Problems, plan.SheetOrder...)
}

func (c *Plans) init() {
	if c.seen == nil {
		c.seen, c.folders, c.plans = map[string]*evaluation.Evaluation{}, map[string][]*evaluation.Evaluation{}, map[string]string{}
	}
}

// run reads the evaluations among the files of the run, once.
func (c *Plans) run() []*evaluation.Evaluation {
	if !c.readRun {
		c.readRun = true
		c.later = readEvaluations(c.Run)
	}
	return c.later
}

// folder reads the evaluations of kommuner in a folder (not below it),
// once per run.
func (c *Plans) folder(dir string) []*evaluation.Evaluation {
	if evs, ok := c.folders[dir]; ok {
		return evs
	}
	var paths []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !sheet.IsWorkbookFile(name) {
			continue
		}
		paths = append(paths, filepath.Join(dir, name))
	}
	evs := readEvaluations(paths)
	c.folders[dir] = evs
	return evs
}

// readEvaluations reads the evaluations of kommuner among the workbooks,
// stripped; plans and what cannot be read are passed over.
func readEvaluations(paths []string) []*evaluation.Evaluation {
	var evs []*evaluation.Evaluation
	for _, path := range paths {
		if plan.IsPlan(path) {
			continue
		}
		if ev, _ := workbook.Read(path); ev != nil && ev.Facts.Kind == evaluation.KindKommun {
			evs = append(evs, stripped(ev))
		}
	}
	return evs
}
