package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// Contents is what a program writes into a template it made (Template):
// the sample workbooks, the consensus workbook of several evaluators.
type Contents struct {
	// Facts are written as text into the value cell of the fact with that
	// label (Avser, Utvärderare, Datum, Källor …), an empty text too.
	Facts  map[string]string
	Scores []Score
	// Notes are the styrkor and förbättringsområden, in the order they
	// stand on the sheet.
	Notes []evaluation.Note
	// Text and Tables are the evaluators' text and tables, in order, for
	// the sheets Bedömning and Tabeller (the Text and Title of each, its
	// Section and Kind; the cells are the sheet's). Antal intervjuer and
	// Intervjuade are Facts.
	Text   []evaluation.TextBlock
	Tables []evaluation.Table
}

// Score is one Poäng cell as written, with its Kommentar (the evaluators'
// own note) and its Motivering i rapporten (what the report publishes).
type Score struct {
	ID        string
	Value     float64
	Comment   string
	Published string
	// Marked gives the Poäng cell the colour of a score still to be agreed
	// (markFill), keeping the rest of its style.
	Marked bool
	// NotScored leaves the Poäng cell empty: only the Kommentar is written.
	NotScored bool
}

// markFill is the colour of a Poäng cell still to be agreed on: orange,
// apart from the yellow of every input cell.
const markFill = "F4B183"

// Fill writes the contents into a workbook made by Template: facts by
// their label, scores in the Poäng column of the row whose ID matches,
// styrkor and förbättringsområden one per row.
func Fill(f *excelize.File, c Contents) error {
	rows, err := f.GetRows(SheetFacts)
	if err != nil {
		return err
	}
	for r, row := range rows {
		if len(row) > 0 {
			if v, ok := c.Facts[row[0]]; ok {
				ref := "B" + strconv.Itoa(r+1)
				// Antal intervjuer is a number, as Excel stores one typed.
				if n, isNum := ParseInterviews(v); isNum && row[0] == FactInterviews {
					err = f.SetCellInt(SheetFacts, ref, int64(n))
				} else {
					err = f.SetCellStr(SheetFacts, ref, v)
				}
				if err != nil {
					return err
				}
			}
		}
	}
	rowOf, err := idRows(f)
	if err != nil {
		return err
	}
	marked := map[int]int{} // style → the same style marked
	for _, sc := range c.Scores {
		r, ok := rowOf[sc.ID]
		if !ok {
			return fmt.Errorf("no row with ID %s", sc.ID)
		}
		ref := "D" + strconv.Itoa(r)
		if !sc.NotScored {
			if err := f.SetCellFloat(SheetScores, ref, sc.Value, -1, 64); err != nil {
				return err
			}
		}
		if sc.Comment != "" {
			if err := f.SetCellStr(SheetScores, "F"+strconv.Itoa(r), sc.Comment); err != nil {
				return err
			}
		}
		if sc.Published != "" {
			if err := f.SetCellStr(SheetScores, "G"+strconv.Itoa(r), sc.Published); err != nil {
				return err
			}
		}
		if sc.Marked {
			if err := mark(f, ref, marked); err != nil {
				return err
			}
		}
	}
	if len(c.Notes) > 0 {
		if err := fillNotes(f, c.Notes); err != nil {
			return err
		}
	}
	if len(c.Text) > 0 {
		if err := fillText(f, c.Text); err != nil {
			return err
		}
	}
	if len(c.Tables) > 0 {
		return fillTables(f, c.Tables)
	}
	return nil
}

// mark gives a Poäng cell markFill, reusing the marked copy of its style
// from styles (style id → marked style id).
func mark(f *excelize.File, ref string, styles map[int]int) error {
	id, err := f.GetCellStyle(SheetScores, ref)
	if err != nil {
		return err
	}
	m, ok := styles[id]
	if !ok {
		st, err := f.GetStyle(id)
		if err != nil {
			return err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{markFill}}
		if m, err = f.NewStyle(st); err != nil {
			return err
		}
		styles[id] = m
	}
	return f.SetCellStyle(SheetScores, ref, ref, m)
}

// fillNotes rewrites the prepared rows so that the notes stand in order,
// area by area.
func fillNotes(f *excelize.File, notes []evaluation.Note) error {
	rows := make([][3]string, len(notes))
	for i, n := range notes {
		rows[i] = [3]string{n.Area, string(n.Kind), n.Text}
	}
	return fillPrepared(f, SheetNotes, "notes", "D", [3]string{"A", "C", "D"}, rows)
}

// fillPrepared rewrites the prepared input rows of a sheet (Styrkor och
// förbättringsområden, Bedömning) so that rows stand in order from row 2:
// the two choice columns and the text column of cols. A longer list than
// the template prepares gets rows inserted above its last row, as an
// evaluator inserts them; the formulas and lists of the row are copied.
// The choice columns of the prepared rows left over are emptied; last is
// the sheet's last column.
func fillPrepared(f *excelize.File, sheet, what, last string, cols [3]string, rows [][3]string) error {
	have, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	n := len(have)
	if n < 3 {
		return fmt.Errorf("the sheet %s has no rows for %s", sheet, what)
	}
	for ; n-1 < len(rows); n++ {
		if err := f.DuplicateRow(sheet, n-1); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sheet, "A1:"+last+strconv.Itoa(n)); err != nil {
		return err
	}
	for r := 2; r <= n; r++ {
		for _, col := range cols[:2] {
			if err := f.SetCellValue(sheet, col+strconv.Itoa(r), nil); err != nil {
				return err
			}
		}
	}
	for i, row := range rows {
		r := strconv.Itoa(i + 2)
		for c, v := range row {
			if err := f.SetCellStr(sheet, cols[c]+r, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// idRows maps each ID in column A of the Poäng sheet to its row.
func idRows(f *excelize.File) (map[string]int, error) {
	rows, err := f.GetRows(SheetScores)
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
