package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// markFill is the colour of a Poäng cell still to be agreed on: orange,
// apart from the yellow of every input cell.
const markFill = "F4B183"

// fill writes what an evaluator types into a workbook made by template:
// facts by their label, scores, Kommentar and Motivering i rapporten in the
// row whose ID matches
// (an entry not scored leaves its Poäng cell empty), styrkor and
// förbättringsområden, text and tables one per row, in order.
func fill(f *excelize.File, ev *evaluation.Evaluation, x Extra) error {
	if err := fillFacts(f, ev); err != nil {
		return err
	}
	rowOf, err := idRows(f)
	if err != nil {
		return err
	}
	marked := map[int]int{} // style → the same style marked
	for _, en := range ev.Entries {
		r, ok := rowOf[en.ID]
		if !ok {
			return fmt.Errorf("no row with ID %s", en.ID)
		}
		ref := "D" + strconv.Itoa(r)
		if en.Scored {
			if err := f.SetCellFloat(SheetScores, ref, en.Score.Float(), -1, 64); err != nil {
				return err
			}
		}
		if en.Comment != "" {
			if err := f.SetCellStr(SheetScores, "F"+strconv.Itoa(r), en.Comment); err != nil {
				return err
			}
		}
		if en.Published != "" {
			if err := f.SetCellStr(SheetScores, "G"+strconv.Itoa(r), en.Published); err != nil {
				return err
			}
		}
		if x.Marked[en.ID] {
			if err := mark(f, ref, marked); err != nil {
				return err
			}
		}
	}
	if len(ev.Notes) > 0 {
		if err := fillNotes(f, ev.Notes); err != nil {
			return err
		}
	}
	if len(ev.Text) > 0 {
		if err := fillText(f, ev.Text); err != nil {
			return err
		}
	}
	if len(ev.Tables) > 0 {
		return fillTables(f, ev.Tables)
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
	return fillPrepared(f, SheetNotes, "notes", "D", [3]string{"A", "C", "D"}, rows, map[string]func(int) string{"B": areaNameFormula})
}

// fillPrepared rewrites the prepared input rows of a sheet (Styrkor och
// förbättringsområden, Bedömning) so that rows stand in order from row 2:
// the two choice columns and the text column of cols. A longer list than
// the template prepares gets rows inserted above its last row, as an
// evaluator inserts them: the lists reach them, they have the styles of
// that row, and each formula column its formula, made for the row by
// formulas. The prepared rows left over are emptied (what a workbook held
// there is replaced); last is the sheet's last column.
func fillPrepared(f *excelize.File, sheet, what, last string, cols [3]string, rows [][3]string, formulas map[string]func(row int) string) error {
	have, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	n := len(have)
	if n < 3 {
		return fmt.Errorf("the sheet %s has no rows for %s", sheet, what)
	}
	if extra := len(rows) - (n - 1); extra > 0 {
		if err := insertPrepared(f, sheet, last, n, extra, formulas); err != nil {
			return err
		}
		n += extra
	}
	if err := f.SetSheetDimension(sheet, "A1:"+last+strconv.Itoa(n)); err != nil {
		return err
	}
	for r := 2; r <= n; r++ {
		for _, col := range cols {
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

// insertPrepared inserts extra rows above row n, the last prepared row, in
// one step: the lists and every reference in the workbook are adjusted
// once (excelize's DuplicateRow adjusts them all for each row it copies,
// which made a consensus workbook of 5,000 paragraphs take a minute). The
// new rows get the styles of row n, and their formulas from formulas.
func insertPrepared(f *excelize.File, sh, last string, n, extra int, formulas map[string]func(row int) string) error {
	lastCol, err := excelize.ColumnNameToNumber(last)
	if err != nil {
		return err
	}
	styles := make([]int, lastCol)
	for c := range styles {
		if styles[c], err = f.GetCellStyle(sh, sheet.Cell(c+1, n)); err != nil {
			return err
		}
	}
	if err := f.InsertRows(sh, n, extra); err != nil {
		return err
	}
	for c, st := range styles {
		if err := f.SetCellStyle(sh, sheet.Cell(c+1, n), sheet.Cell(c+1, n+extra-1), st); err != nil {
			return err
		}
	}
	for col, formula := range formulas {
		for r := n; r < n+extra; r++ {
			if err := f.SetCellFormula(sh, col+strconv.Itoa(r), formula(r)); err != nil {
				return err
			}
		}
	}
	// The row the new rows were inserted above keeps its own formula.
	for col, formula := range formulas {
		if err := f.SetCellFormula(sh, col+strconv.Itoa(n+extra), formula(n+extra)); err != nil {
			return err
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
