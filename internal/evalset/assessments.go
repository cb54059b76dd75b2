package evalset

import (
	"slices"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// AssessmentsOf returns the evaluators' own workbooks behind an evaluation:
// the bedömningar of the same kommun (by its identity), year and instrument
// version, by the evaluator's name in Swedish order.
func (s *Set) AssessmentsOf(ev *evaluation.Evaluation) []*evaluation.Evaluation {
	var out []*evaluation.Evaluation
	for _, a := range s.Assessments {
		if SameEvaluation(a, ev) {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *evaluation.Evaluation) int { return CompareNames(a.Facts.Assessor, b.Facts.Assessor) })
	return out
}

// SameEvaluation reports whether two workbooks are of the same kommun, year
// and instrument version: the evaluators' workbooks of one evaluation are.
func SameEvaluation(a, b *evaluation.Evaluation) bool {
	return evaluation.NameKey(a.Facts.Kommun) == evaluation.NameKey(b.Facts.Kommun) && a.Facts.Year == b.Facts.Year &&
		a.Facts.InstrumentID == b.Facts.InstrumentID && a.Facts.InstrumentVersion == b.Facts.InstrumentVersion
}
