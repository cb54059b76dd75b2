package consensus

import (
	"strconv"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// InputError is a workbook that cannot take part in the consensus, named
// by its file, with what to do about it.
type InputError struct {
	File    string
	Message string // in the language shown
	Hint    string // in the language shown
}

func (e *InputError) Error() string { return e.File + ": " + e.Message }

// check makes sure the workbooks belong together: at least two, each an
// evaluator's bedömning read with its instrument, all of the first one's
// kommun, year and instrument version, no evaluator twice.
func check(evs []*evaluation.Evaluation) error {
	if len(evs) < 2 {
		return msg.Errorf("a consensus needs the workbooks of at least two evaluators, not %d", len(evs))
	}
	first := evs[0]
	seen := map[string]string{} // evaluator → file
	for _, ev := range evs {
		f := ev.Facts
		if f.Kind != evaluation.KindAssessment {
			return &InputError{File: ev.File, Message: msg.Sprintf("not an evaluator's own workbook: Avser is %s, not bedömning", f.Kind),
				Hint: msg.T("give the evaluators' own workbooks (Avser = bedömning, made with 'kompass template --bedomare NAME'), not the evaluation itself")}
		}
		if ev.Instrument == nil || f.Assessor == "" {
			return &InputError{File: ev.File, Message: msg.T("the workbook has problems"),
				Hint: msg.Sprintf("correct it; 'kompass validate %s' lists its problems", ev.File)}
		}
		g := first.Facts
		for _, d := range []struct {
			label, here, there string
			same               bool
		}{
			{workbook.FactKommun, f.Kommun, g.Kommun, evaluation.NameKey(f.Kommun) == evaluation.NameKey(g.Kommun)},
			{workbook.FactYear, strconv.Itoa(f.Year), strconv.Itoa(g.Year), f.Year == g.Year},
			{workbook.FactInstrument, f.InstrumentID, g.InstrumentID, f.InstrumentID == g.InstrumentID},
			{workbook.FactVersion, f.InstrumentVersion, g.InstrumentVersion, f.InstrumentVersion == g.InstrumentVersion},
		} {
			if !d.same {
				return &InputError{File: ev.File, Message: msg.Sprintf("%s is %s here but %s in %s", d.label, d.here, d.there, first.File),
					Hint: msg.T("the evaluators' workbooks of one consensus are of the same kommun, year and instrument version")}
			}
		}
		key := evaluation.NameKey(f.Assessor)
		if prev, dup := seen[key]; dup {
			return &InputError{File: ev.File, Message: msg.Sprintf("Bedömare %s is the evaluator of %s too", f.Assessor, prev),
				Hint: msg.T("give each evaluator's workbook once")}
		}
		seen[key] = ev.File
	}
	return nil
}
