package samples

import (
	"bytes"
	"fmt"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Evaluation is the evaluation the sample transcribes, as the reader reads
// it from the sample's workbook: its facts (the instrument's id and
// version those of Instrument; Status Slutlig unless the sample says
// otherwise, since published results are final), the scores as entries in
// the order given, its notes, text and tables.
func (s Sample) Evaluation(reg *instrument.Registry) (*evaluation.Evaluation, error) {
	in, err := reg.Lookup(s.Instrument)
	if err != nil {
		return nil, err
	}
	ev := &evaluation.Evaluation{File: s.File, Instrument: in, Facts: s.Facts, Notes: s.Notes, Text: s.Text, Tables: s.Tables}
	ev.Facts.InstrumentID, ev.Facts.InstrumentVersion = in.ID, in.Version
	if ev.Facts.Status == "" {
		ev.Facts.Status = evaluation.StatusFinal
	}
	for _, sc := range s.Scores {
		p, ok := points.FromFloat(sc.Value)
		if !ok {
			return nil, fmt.Errorf("%s: score %v of %s", s.File, sc.Value, sc.ID)
		}
		ev.Entries = append(ev.Entries, evaluation.Entry{ID: sc.ID, Score: p, Scored: true, Comment: sc.Comment, Published: sc.Published})
	}
	return ev, nil
}

// Workbook writes the sample's workbook (workbook.Write): the template
// filled in the way an evaluator would fill it in.
func Workbook(reg *instrument.Registry, s Sample) ([]byte, error) {
	ev, err := s.Evaluation(reg)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := workbook.Write(&buf, ev.Instrument, ev); err != nil {
		return nil, fmt.Errorf("%s: %w", s.File, err)
	}
	return buf.Bytes(), nil
}
