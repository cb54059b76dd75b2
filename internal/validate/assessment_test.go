package validate_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
)

// assessment is Umeå 2007 fully scored, as the bedömning of assessor (a
// row Bedömare at B12 unless row is false).
func assessment(t *testing.T, file, assessor string, row bool) *evaluation.Evaluation {
	t.Helper()
	ev := evaluationOf(t, "kommunkompassen@2007", testkit.Umea2007Questions(t))
	ev.File = file
	ev.Facts.Kind, ev.Facts.Assessor = evaluation.KindAssessment, assessor
	ev.Facts.Cells["Avser"], ev.Facts.Raw["Avser"] = "B6", "bedömning"
	if row {
		ev.Facts.Cells["Bedömare"], ev.Facts.Raw["Bedömare"] = "B12", assessor
	}
	return ev
}

func TestAssessor(t *testing.T) {
	testbase.Language(t, msg.English)
	const f, sf = "umea.xlsx", "Uppgifter"
	for _, tc := range []struct {
		name string
		ev   func() *evaluation.Evaluation
		want []want
	}{
		{"a bedömning names its evaluator", func() *evaluation.Evaluation { return assessment(t, f, "Anna Exempelsson", true) }, nil},
		{"a bedömning without the row Bedömare", func() *evaluation.Evaluation { return assessment(t, f, "", false) },
			[]want{{f, sf, "B6", "", problem.Error, "Avser is bedömning, but there is no row labelled Bedömare in column A to say whose"}}},
		{"a bedömning with Bedömare empty", func() *evaluation.Evaluation { return assessment(t, f, "", true) },
			[]want{{f, sf, "B12", "", problem.Error, "Bedömare is empty; a bedömning names its evaluator"}}},
		{"a Bedömare in the evaluation itself", func() *evaluation.Evaluation {
			ev := assessment(t, f, "Anna Exempelsson", true)
			ev.Facts.Kind = evaluation.KindKommun
			return ev
		}, []want{{f, sf, "B12", "", problem.Warning, "Bedömare is given but Avser is kommun, so the workbook counts as the evaluation itself, not as one evaluator's bedömning"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkExactly(t, validate.Evaluation(tc.ev(), testbase.Registry(t)), tc.want)
		})
	}
}

// TestSetOfAssessments: the evaluators' workbooks and the consensus
// workbook of one kommun and year are no duplicates of each other; the
// same evaluator twice is, whatever the case of the name.
func TestSetOfAssessments(t *testing.T) {
	testbase.Language(t, msg.English)
	result := func(ev *evaluation.Evaluation) validate.Result { return validate.Result{File: ev.File, Evaluation: ev} }
	consensus := evaluationOf(t, "kommunkompassen@2007", testkit.Umea2007Questions(t))
	consensus.File = "umea-2007.xlsx"
	results := []validate.Result{
		result(assessment(t, "anna.xlsx", "Anna Exempelsson", true)),
		result(assessment(t, "bertil.xlsx", "Bertil Exempelsson", true)),
		result(consensus),
		result(assessment(t, "anna-igen.xlsx", "ANNA  exempelsson", true)),
		result(assessment(t, "namnlos-1.xlsx", "", true)),
		result(assessment(t, "namnlos-2.xlsx", "", true)),
	}
	checkSet(results)
	for _, r := range results {
		var w []want
		// The same evaluator twice: neither workbook is used, each names
		// the other.
		switch r.File {
		case "anna.xlsx":
			w = []want{{"anna.xlsx", "Uppgifter", "B12", "", problem.Error, "Anna Exempelsson's bedömning of Umeå 2007 is also in anna-igen.xlsx; none of them is used until only one is left in the folder"}}
		case "anna-igen.xlsx":
			w = []want{{"anna-igen.xlsx", "Uppgifter", "B12", "", problem.Error, "ANNA  exempelsson's bedömning of Umeå 2007 is also in anna.xlsx; none of them is used until only one is left in the folder"}}
		}
		t.Run(r.File, func(t *testing.T) { checkExactly(t, r.Problems, w) })
	}
}
