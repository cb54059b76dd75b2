package export

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/summary"
)

// DataSheet is the name of the table sheet in the exported workbook.
const DataSheet = "Data"

// XLSX writes a workbook with the table on the sheet Data (numbers as
// numbers, a filter on the header) and one sheet per evaluation with its
// poängsammanställning.
func XLSX(w io.Writer, evs []*evaluation.Evaluation) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", DataSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(DataSheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(Header))
	for i, h := range Header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{}); err != nil {
		return err
	}
	rows := Rows(evs)
	for i, r := range rows {
		var score any
		if r.Score != nil {
			score = r.Score.Float()
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{r.Kommun, r.Year, r.Kind, r.Instrument, r.Version, r.Area, r.Question, r.Text, r.Max.Float(), score, r.Source}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(Header), len(rows)+1)
	if err := f.AutoFilter(DataSheet, "A1:"+last, nil); err != nil {
		return err
	}
	used := map[string]bool{strings.ToLower(DataSheet): true}
	for _, ev := range evs {
		name := sheetName(ev.Label(), used)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeSummary(f, name, summary.Build(ev), bold); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "kompass", Title: "Kommunkompassen – export", Language: "sv-SE",
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// sheetName makes a valid, unique sheet name (at most 31 characters, none
// of : \ / ? * [ ], not beginning or ending with an apostrophe).
func sheetName(label string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, label)
	clean = strings.Trim(clean, "'")
	if clean == "" {
		clean = "Utvärdering"
	}
	// Excel (and excelize) count the 31 in UTF-16 units, so a character
	// outside the BMP counts twice; a cut must not leave a trailing
	// apostrophe, which Excel forbids.
	cut := func(s string, n int) string {
		units := 0
		for i, r := range s {
			if units += utf16.RuneLen(r); units > n {
				return strings.TrimRight(s[:i], "'")
			}
		}
		return s
	}
	name := cut(clean, 31)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = cut(clean, 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

func writeSummary(f *excelize.File, sheet string, s summary.Summary, bold int) error {
	title := fmt.Sprintf("Poängsammanställning: %s %d (%s@%s)", s.Kommun, s.Year, s.Instrument.ID, s.Instrument.Version)
	rows := [][]any{{title}, {}, {"ID", "Område / delfråga", "Maxpoäng", "Poäng", "Kommentar"}}
	num := func(p interface{ Float() float64 }, ok bool) any {
		if !ok {
			return nil
		}
		return p.Float()
	}
	for _, a := range s.Areas {
		rows = append(rows, []any{a.ID, a.Name, a.Max.Float(), num(a.Score, a.Score != nil), a.Comment})
		for _, q := range a.Questions {
			rows = append(rows, []any{q.ID, q.Text, q.Max.Float(), num(q.Score, q.Score != nil), q.Comment})
		}
	}
	rows = append(rows, []any{evaluation.TotalID, evaluation.TotalLabel, s.Total.Max.Float(), num(s.Total.Score, s.Total.Score != nil), s.Total.Comment})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A3", "E3", bold); err != nil {
		return err
	}
	for i, w := range []float64{8, 70, 10, 8, 60} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}
