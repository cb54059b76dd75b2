package samples

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/instrument"
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
	f, err := workbook.Template(in, workbook.TemplateFacts{Kommun: s.Kommun, Year: s.Year})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := Fill(f, s); err != nil {
		return nil, fmt.Errorf("%s: %w", s.File, err)
	}
	var buf bytes.Buffer
	if err := workbook.Save(&buf, f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Fill writes the sample into a template workbook.
func Fill(f *excelize.File, s Sample) error {
	facts := map[string]string{
		workbook.FactKind: string(s.Kind), workbook.FactEvaluators: s.Evaluators,
		workbook.FactDates: s.Dates, workbook.FactSources: s.Sources,
	}
	rows, err := f.GetRows(workbook.SheetFacts)
	if err != nil {
		return err
	}
	for r, row := range rows {
		if len(row) > 0 {
			if v, ok := facts[row[0]]; ok {
				if err := f.SetCellStr(workbook.SheetFacts, "B"+strconv.Itoa(r+1), v); err != nil {
					return err
				}
			}
		}
	}
	rowOf, err := idRows(f)
	if err != nil {
		return err
	}
	for _, sc := range s.Scores {
		r, ok := rowOf[sc.ID]
		if !ok {
			return fmt.Errorf("no row with ID %s", sc.ID)
		}
		if err := f.SetCellFloat(workbook.SheetScores, "D"+strconv.Itoa(r), sc.Value, -1, 64); err != nil {
			return err
		}
		if sc.Comment != "" {
			if err := f.SetCellStr(workbook.SheetScores, "F"+strconv.Itoa(r), sc.Comment); err != nil {
				return err
			}
		}
	}
	if len(s.Notes) == 0 {
		return nil
	}
	// Rewrite the prepared rows so that the notes stand in order, area by
	// area. A longer list than the template prepares gets rows inserted
	// above its last row, as an evaluator inserts them; the formula and the
	// lists of the row are copied.
	noteRows, err := f.GetRows(workbook.SheetNotes)
	if err != nil {
		return err
	}
	last := len(noteRows)
	if last < 3 {
		return fmt.Errorf("the sheet %s has no rows for notes", workbook.SheetNotes)
	}
	for ; last-1 < len(s.Notes); last++ {
		if err := f.DuplicateRow(workbook.SheetNotes, last-1); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(workbook.SheetNotes, "A1:D"+strconv.Itoa(last)); err != nil {
		return err
	}
	for r := 2; r <= last; r++ {
		for _, col := range []string{"A", "C"} {
			if err := f.SetCellValue(workbook.SheetNotes, col+strconv.Itoa(r), nil); err != nil {
				return err
			}
		}
	}
	for i, n := range s.Notes {
		r := strconv.Itoa(i + 2)
		for _, c := range [][2]string{{"A", n.Area}, {"C", string(n.Kind)}, {"D", n.Text}} {
			if err := f.SetCellStr(workbook.SheetNotes, c[0]+r, c[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// idRows maps each ID in column A of the Poäng sheet to its row.
func idRows(f *excelize.File) (map[string]int, error) {
	rows, err := f.GetRows(workbook.SheetScores)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for r, row := range rows {
		if len(row) > 0 && strings.TrimSpace(row[0]) != "" {
			out[strings.TrimSpace(row[0])] = r + 1
		}
	}
	return out, nil
}
