package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// fillText rewrites the prepared rows of the Bedömning sheet so that the
// blocks stand in order.
func fillText(f *excelize.File, blocks []evaluation.TextBlock) error {
	rows := make([][3]string, len(blocks))
	for i, b := range blocks {
		rows[i] = [3]string{b.Section, string(b.Kind), b.Text}
	}
	return fillPrepared(f, SheetText, "text", "C", [3]string{"A", "B", "C"}, rows, nil)
}

// fillTables writes the tables one below the other from the top of the
// Tabeller sheet, a blank row between them, in the style of its prepared
// input cells; a table's notes follow its rows, one a row in column A.
func fillTables(f *excelize.File, tables []evaluation.Table) error {
	sh := SheetTables
	style, err := f.GetCellStyle(sh, "A1")
	if err != nil {
		return err
	}
	row, width := 1, tableCols
	put := func(col int, v string) error {
		c := sheet.Cell(col, row)
		return sheet.FirstErr(f.SetCellStr(sh, c, v), f.SetCellStyle(sh, c, c, style))
	}
	for _, t := range tables {
		if err := sheet.FirstErr(put(1, TableMark), put(2, t.Section), put(3, t.Title)); err != nil {
			return err
		}
		row++
		notes := make([][]string, len(t.Notes))
		for i, n := range t.Notes {
			notes[i] = []string{n}
		}
		for _, cells := range append(append([][]string{t.Header}, t.Rows...), notes...) {
			for c, v := range cells {
				if err := put(c+1, v); err != nil {
					return err
				}
			}
			width = max(width, len(cells))
			row++
		}
		row++ // the blank row that ends the table
	}
	lastCol, _ := excelize.ColumnNumberToName(width)
	return f.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", lastCol, max(row-1, 2+tableDataRows)))
}

// ReplaceText replaces the evaluators' text and tables of a filled-in
// workbook (kompass text import): the rows of Bedömning under its header
// and everything on Tabeller give way to text and tables, written as
// Fill writes them; the rest of the workbook is kept as it is. A workbook
// without the sheets (made before them) is refused.
func ReplaceText(f *excelize.File, text []evaluation.TextBlock, tables []evaluation.Table) error {
	for _, sh := range []string{SheetText, SheetTables} {
		if i, err := f.GetSheetIndex(sh); err != nil || i < 0 {
			return fmt.Errorf("%w: %s", ErrNoTextSheet, sh)
		}
	}
	rows, err := f.GetRows(SheetText)
	if err != nil {
		return err
	}
	if len(rows) < 3 {
		return fmt.Errorf("%w: %s", ErrNoTextSheet, SheetText)
	}
	if err := fillText(f, text); err != nil {
		return err
	}
	// Tabeller: every value goes, the cells' styles stay.
	cells, err := f.GetRows(SheetTables)
	if err != nil {
		return err
	}
	for r, row := range cells {
		for c, v := range row {
			if v != "" {
				if err := f.SetCellValue(SheetTables, sheet.Cell(c+1, r+1), nil); err != nil {
					return err
				}
			}
		}
	}
	if len(tables) == 0 {
		return f.SetCellStr(SheetTables, "A1", TableMark)
	}
	return fillTables(f, tables)
}

// ErrNoTextSheet is ReplaceText's error for a workbook without the sheets
// Bedömning and Tabeller as the template makes them.
var ErrNoTextSheet = msg.New("the workbook has no sheet for the text as the template makes it")
