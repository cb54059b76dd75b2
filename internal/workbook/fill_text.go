package workbook

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// fillText rewrites the prepared rows of the Bedömning sheet so that the
// blocks stand in order, as fillNotes does for the notes: a longer text
// gets rows inserted above the last prepared row, with its lists.
func fillText(f *excelize.File, blocks []evaluation.TextBlock) error {
	sh := SheetText
	rows, err := f.GetRows(sh)
	if err != nil {
		return err
	}
	last := len(rows)
	if last < 3 {
		return fmt.Errorf("the sheet %s has no rows for text", sh)
	}
	for ; last-1 < len(blocks); last++ {
		if err := f.DuplicateRow(sh, last-1); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sh, "A1:C"+strconv.Itoa(last)); err != nil {
		return err
	}
	for r := 2; r <= last; r++ {
		for _, col := range []string{"A", "B"} {
			if err := f.SetCellValue(sh, col+strconv.Itoa(r), nil); err != nil {
				return err
			}
		}
	}
	for i, b := range blocks {
		r := strconv.Itoa(i + 2)
		for _, c := range [][2]string{{"A", b.Section}, {"B", string(b.Kind)}, {"C", b.Text}} {
			if err := f.SetCellStr(sh, c[0]+r, c[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillTables writes the tables one below the other from the top of the
// Tabeller sheet, a blank row between them, in the style of its prepared
// input cells.
func fillTables(f *excelize.File, tables []evaluation.Table) error {
	sh := SheetTables
	style, err := f.GetCellStyle(sh, "A1")
	if err != nil {
		return err
	}
	row, width := 1, tableCols
	put := func(col int, v string) error {
		c := Cell(col, row)
		return FirstErr(f.SetCellStr(sh, c, v), f.SetCellStyle(sh, c, c, style))
	}
	for _, t := range tables {
		if err := FirstErr(put(1, TableMark), put(2, t.Section), put(3, t.Title)); err != nil {
			return err
		}
		row++
		for _, cells := range append([][]string{t.Header}, t.Rows...) {
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
