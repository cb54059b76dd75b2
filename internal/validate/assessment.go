package validate

// An evaluator's own workbook (issue 13): Avser = bedömning and Bedömare =
// the evaluator. It is checked like any workbook, names its evaluator, and
// is kept apart from the evaluation itself when files are compared with
// each other: the evaluators' workbooks and the consensus workbook of the
// same kommun and year are no duplicates of each other, but the same
// evaluator twice is.

import (
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// checkAssessor reports a bedömning that does not name its evaluator, and
// warns of a Bedömare in a workbook that is not a bedömning (it would count
// as the kommun's evaluation).
func checkAssessor(ev *evaluation.Evaluation, pl *problem.List) {
	f := ev.Facts
	cell, present := f.Cells[workbook.FactAssessor]
	switch {
	case f.Kind == evaluation.KindAssessment && f.Assessor == "" && !present:
		addProblem(pl, problem.Error, problem.At{Sheet: workbook.SheetFacts, Cell: f.Cells[workbook.FactKind], Found: string(f.Kind), Expected: msg.T("a row Bedömare with the evaluator's name")},
			msg.Sprintf("Avser is bedömning, but there is no row labelled %s in column A to say whose", workbook.FactAssessor))
	case f.Kind == evaluation.KindAssessment && f.Assessor == "":
		// A value the reader could not take (a formula) is reported there.
		if _, read := f.Raw[workbook.FactAssessor]; read {
			addProblem(pl, problem.Error, problem.At{Sheet: workbook.SheetFacts, Cell: cell, Expected: msg.T("the evaluator's name")},
				msg.Sprintf("%s is empty; a bedömning names its evaluator", workbook.FactAssessor))
		}
	case f.Kind != evaluation.KindAssessment && f.Assessor != "":
		addProblem(pl, problem.Warning, problem.At{Sheet: workbook.SheetFacts, Cell: cell, Found: f.Assessor, Expected: msg.T(`Avser "bedömning", or no Bedömare`)},
			msg.Sprintf("Bedömare is given but Avser is %s, so the workbook counts as the evaluation itself, not as one evaluator's bedömning", f.Kind))
	}
}

// addProblem appends a problem whose message is already in the language
// shown.
func addProblem(pl *problem.List, sev problem.Severity, at problem.At, message string) {
	pl.Items = append(pl.Items, problem.Problem{File: pl.File, Sheet: at.Sheet, Cell: at.Cell, ID: at.ID,
		Severity: sev, Message: message, Found: at.Found, Expected: at.Expected})
}
