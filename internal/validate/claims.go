package validate

// One evaluation per kommun and year, decided by what the workbooks say,
// never by the order of their files. The rule:
//
//   - A workbook claims the evaluation its facts name: the kommun and year
//     (a published mean, Avser = medelvärde, claims them as a kommun does),
//     or for an evaluator's own workbook the kommun, year and evaluator.
//   - A workbook with errors of its own claims nothing: it is left out
//     anyway, and a broken draft never knocks the good workbook out. It is
//     told which workbook is used instead (a warning).
//   - When two or more workbooks without errors claim the same, none of
//     them is used: each gets an error naming the others, and the kommun's
//     comparisons and reports stop with exit 3 (evalset.ClashError) until
//     one of them is moved out of the folder. A copy ("umeå-2007 -
//     kopia.xlsx") is the usual cause, and kompass cannot know which of
//     two is the agreed one.

import (
	"slices"
	"strconv"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Claims collects which workbook claims which evaluation, one result at a
// time, keeping only the file, its facts' cell and whether it has errors.
type Claims struct {
	by    map[string][]claim
	order []string // keys in the order first seen
}

type claim struct {
	i          int
	file       string
	ok         bool
	cell       string // where the claim is made: Kommun, or Bedömare for a bedömning
	label      string // "Umeå 2007"
	assessment string // the evaluator of a bedömning, "" otherwise
}

// Clashes are problems found between workbooks, by the index of the file
// they belong to.
type Clashes map[int][]problem.Problem

// Add notes the claim of result i.
func (c *Claims) Add(i int, r Result) {
	ev := r.Evaluation
	if ev == nil || r.Plan != nil || ev.Facts.Kommun == "" || ev.Facts.Year == 0 {
		return
	}
	if c.by == nil {
		c.by = map[string][]claim{}
	}
	cl := claim{i: i, file: r.File, ok: !problem.HasErrors(r.Problems), cell: ev.Facts.Cells[workbook.FactKommun], label: problem.Short(ev.Label())}
	if ev.Facts.Kind == evaluation.KindAssessment {
		cl.assessment, cl.cell = problem.Short(ev.Facts.Assessor), ev.Facts.Cells[workbook.FactAssessor]
	}
	key := claimKey(ev)
	if _, seen := c.by[key]; !seen {
		c.order = append(c.order, key)
	}
	c.by[key] = append(c.by[key], cl)
}

// Clashes are the problems of the claims: an error for each of two or more
// valid workbooks that claim the same evaluation, a warning for a workbook
// with errors that claims what a valid one holds.
func (c *Claims) Clashes() Clashes {
	out := Clashes{}
	for _, key := range c.order {
		cls := c.by[key]
		if len(cls) < 2 {
			continue
		}
		var valid []string
		for _, cl := range cls {
			if cl.ok {
				valid = append(valid, cl.file)
			}
		}
		for _, cl := range cls {
			switch {
			case cl.ok && len(valid) > 1:
				others := slices.DeleteFunc(slices.Clone(valid), func(f string) bool { return f == cl.file })
				out[cl.i] = append(out[cl.i], clashProblem(cl, others))
			case !cl.ok && len(valid) == 1:
				out[cl.i] = append(out[cl.i], problem.Problem{File: cl.file, Sheet: workbook.SheetFacts, Cell: cl.cell, Severity: problem.Warning,
					Found: cl.label, Expected: msg.T("one workbook per kommun and year"),
					Message: msg.Sprintf("%s is also in %s, which is used; this workbook has errors, so it is not", cl.label, valid[0])})
			}
		}
	}
	return out
}

// clashProblem is the error of a valid workbook whose evaluation others
// claim too.
func clashProblem(cl claim, others []string) problem.Problem {
	p := problem.Problem{File: cl.file, Sheet: workbook.SheetFacts, Cell: cl.cell, Severity: problem.Error,
		Found: cl.label, Expected: msg.T("one workbook per kommun and year")}
	list := quoteList(others)
	if cl.assessment != "" {
		p.Found, p.Expected = cl.assessment, msg.T("one workbook per evaluator, kommun and year")
		p.Message = msg.Sprintf("%s's bedömning of %s is also in %s; none of them is used until only one is left in the folder", cl.assessment, cl.label, list)
		return p
	}
	p.Message = msg.Sprintf("%s is also in %s; none of them is used until only one is left in the folder", cl.label, list)
	return p
}

// quoteList names files: "a.xlsx", "a.xlsx and b.xlsx", "a, b and c".
func quoteList(files []string) string {
	switch len(files) {
	case 0:
		return ""
	case 1:
		return files[0]
	}
	out := files[0]
	for _, f := range files[1 : len(files)-1] {
		out += ", " + f
	}
	return msg.Sprintf("%s and %s", out, files[len(files)-1])
}

// claimKey is what may stand in one file only: a kommun and year, or for a
// bedömning a kommun, year and evaluator (one that names none is an error
// already, and claims nothing of another's).
func claimKey(ev *evaluation.Evaluation) string {
	key := evaluation.NameKey(ev.Facts.Kommun) + "|" + strconv.Itoa(ev.Facts.Year)
	switch {
	case ev.Facts.Kind == evaluation.KindAssessment && ev.Facts.Assessor == "":
		return key + "|file|" + ev.File
	case ev.Facts.Kind == evaluation.KindAssessment:
		return key + "|" + string(evaluation.KindAssessment) + "|" + evaluation.NameKey(ev.Facts.Assessor)
	}
	return key
}
