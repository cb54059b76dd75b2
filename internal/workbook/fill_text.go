package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// fillText rewrites the prepared rows of the Bedömning sheet so that the
// blocks stand in order.
func fillText(f *excelize.File, blocks []evaluation.TextBlock) error {
	rows := make([][3]string, len(blocks))
	for i, b := range blocks {
		rows[i] = [3]string{b.Section, string(b.Kind), b.Text}
	}
	return fillPrepared(f, SheetText, "text", "C", [3]string{"A", "B", "C"}, rows)
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
		c := sheet.Cell(col, row)
		return sheet.FirstErr(f.SetCellStr(sh, c, v), f.SetCellStyle(sh, c, c, style))
	}
	for _, t := range tables {
		if err := sheet.FirstErr(put(1, TableMark), put(2, t.Section), put(3, t.Title)); err != nil {
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
