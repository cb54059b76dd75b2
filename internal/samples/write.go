package samples

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Workbook makes the template for the sample and fills it in the way an
// evaluator would: facts by their label, scores in the Poäng column of the
// row whose ID matches, styrkor and förbättringsområden one per row.
func Workbook(reg *instrument.Registry, s Sample) ([]byte, error) {
	in, err := reg.Lookup(s.Instrument)
	if err != nil {
		return nil, err
	}
	f, err := workbook.Template(in, workbook.TemplateFacts{Kommun: s.Kommun, Year: s.Year, Assessor: s.Assessor})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := Fill(f, s); err != nil {
		return nil, fmt.Errorf("%s: %w", s.File, err)
	}
	var buf bytes.Buffer
	if err := sheet.Save(&buf, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Fill writes the sample into a template workbook.
func Fill(f *excelize.File, s Sample) error {
	c := workbook.Contents{
		Facts: map[string]string{
			workbook.FactKind: string(s.Kind), workbook.FactEvaluators: s.Evaluators,
			workbook.FactDates: s.Dates, workbook.FactSources: s.Sources,
		},
		Scores: s.Scores,
		Notes:  s.Notes,
		Text:   s.Text,
		Tables: s.Tables,
	}
	c.Facts[workbook.FactStatus] = string(evaluation.StatusFinal)
	if s.Draft {
		c.Facts[workbook.FactStatus] = string(evaluation.StatusDraft)
	}
	if s.Interviews != 0 {
		c.Facts[workbook.FactInterviews] = strconv.Itoa(s.Interviews)
	}
	if s.Interviewed != "" {
		c.Facts[workbook.FactInterviewed] = s.Interviewed
	}
	return workbook.Fill(f, c)
}
