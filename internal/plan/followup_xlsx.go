package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// The nämnd's report as a workbook (kompass follow-up --format xlsx): the
// summary (the standing, the counts per huvudområde and per nämnd, the
// traffic lights and måluppfyllelse), every åtgärd with its latest status,
// comment and responsible grouped as by says, and the overdue åtgärder.
// In Swedish, printed landscape on A4 one page wide, nothing to fill in.

// Sheets of the nämnd's workbook.
const (
	reportSheetSummary = "Uppföljning"
	reportSheetActions = "Åtgärder"
	reportSheetOverdue = "Försenade"
)

// Traffic-light fills and fonts: Excel's own good, neutral and bad, which
// keep their words readable in greyscale.
var lightColours = map[Light][2]string{
	OnTrack: {"C6EFCE", "006100"},
	AtRisk:  {"FFEB9C", "9C5700"},
	Late:    {"FFC7CE", "9C0006"},
}

type reportStyles struct {
	sheet.Styles
	wrap   int // a locked cell wrapping its text (LockedWrap)
	note   int // a line of text under a title
	number int
	bold   int // a total's number
	light  map[Light]int
}

func newReportStyles(f *excelize.File, st sheet.Styles) (reportStyles, error) {
	rs := reportStyles{Styles: st, wrap: st.LockedWrap, light: map[Light]int{}}
	font := &excelize.Font{Family: "Calibri", Size: 11}
	top := &excelize.Alignment{Vertical: "top"}
	var err error
	if rs.note, err = f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return rs, err
	}
	if rs.number, err = f.NewStyle(&excelize.Style{Font: font, Border: sheet.Border(), Alignment: top}); err != nil {
		return rs, err
	}
	if rs.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Bold: true}, Border: sheet.Border(), Alignment: top}); err != nil {
		return rs, err
	}
	for l, c := range lightColours {
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Bold: true, Color: c[1]}, Border: sheet.Border(),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}}, Alignment: top})
		if err != nil {
			return rs, err
		}
		rs.light[l] = id
	}
	return rs, nil
}

// FollowUpXLSX writes the nämnd's report as a workbook.
func FollowUpXLSX(w io.Writer, pr Progress, by GroupBy) error {
	f, st, err := sheet.NewFile(reportSheetSummary, reportSheetActions, reportSheetOverdue)
	if err != nil {
		return err
	}
	defer f.Close()
	rs, err := newReportStyles(f, st)
	if err != nil {
		return err
	}
	x := reportWriter{f: f, st: rs, pr: pr, by: by}
	for _, step := range []func() error{x.summary, x.actions, x.overdue} {
		if err := step(); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:  "kompass",
		Title:    fmt.Sprintf("Uppföljning av åtgärdsplanen – %s %d", pr.Kommun, pr.Year),
		Language: "sv-SE",
		Created:  "2000-01-01T00:00:00Z",
		Modified: "2000-01-01T00:00:00Z",
	}); err != nil {
		return err
	}
	return sheet.Save(w, f)
}

type reportWriter struct {
	f  *excelize.File
	st reportStyles
	pr Progress
	by GroupBy
}

// put writes a value with a style.
func (x reportWriter) put(sh string, col, row int, v any, style int) error {
	c := sheet.Cell(col, row)
	if v != nil && v != "" {
		if err := x.f.SetCellValue(sh, c, v); err != nil {
			return err
		}
	}
	return x.f.SetCellStyle(sh, c, c, style)
}

// summaryWidths are the widths of the summary's columns: the group, its
// förbättringsområden and åtgärder, the statuses and the lights.
var summaryWidths = []float64{34, 18, 10, 12, 12, 8, 12, 12, 13, 12, 8, 11}

// line writes a line of text across the summary's columns, wrapped
// (sheet.Save makes the row as tall as the text needs).
func (x reportWriter) line(r int, text string, style int) error {
	sh := reportSheetSummary
	last := sheet.Cell(len(summaryWidths), r)
	return sheet.FirstErr(x.put(sh, 1, r, text, style), x.f.MergeCell(sh, sheet.Cell(1, r), last))
}

func (x reportWriter) summary() error {
	sh, pr, st := reportSheetSummary, x.pr, x.st
	lines := []struct {
		text  string
		style int
	}{
		{fmt.Sprintf("Uppföljning av åtgärdsplanen – %s %d", pr.Kommun, pr.Year), st.Title},
		{fmt.Sprintf("Åtgärdsplanen för förbättringsområdena i Kommunkompassens utvärdering av %s %d.", pr.Kommun, pr.Year), st.note},
		{StandingLine(pr), st.note},
	}
	if l := pr.Decision.Line(); l != "" {
		lines = append(lines, struct {
			text  string
			style int
		}{l, st.note})
	}
	r := 1
	for _, l := range lines {
		if err := x.line(r, l.text, l.style); err != nil {
			return err
		}
		r++
	}
	r++
	heads := countHeads()
	table := func(head string, ts []Tally) error {
		for i, h := range append([]string{head, "Förbättringsområden", "Åtgärder"}, heads...) {
			if err := x.put(sh, i+1, r, h, st.Header); err != nil {
				return err
			}
		}
		r++
		row := func(t Tally, total bool) error {
			style := st.number
			if total {
				style = st.bold
			}
			label := st.wrap
			if total {
				label = st.Label
			}
			if err := x.put(sh, 1, r, t.Label(), label); err != nil {
				return err
			}
			for i, v := range append([]int{t.Improvements, t.Actions}, countValues(t)...) {
				if err := x.put(sh, i+2, r, v, style); err != nil {
					return err
				}
			}
			r++
			return nil
		}
		for _, t := range ts {
			if err := row(t, false); err != nil {
				return err
			}
		}
		if err := row(pr.Total, true); err != nil {
			return err
		}
		r++
		return nil
	}
	first, second := pr.Areas, pr.Boards
	firstHead, secondHead := "Huvudområde", "Nämnd/förvaltning"
	if x.by == ByBoard {
		first, second, firstHead, secondHead = second, first, secondHead, firstHead
	}
	if err := table(firstHead, first); err != nil {
		return err
	}
	if err := table(secondHead, second); err != nil {
		return err
	}
	notes := []string{
		"Måluppfyllelse (genomförd = helt; delvis genomförd och pågår = delvis; ej genomförd och ej påbörjad = inte alls): " + FulfilmentLine(pr.Total.Now) + ".",
		"Trafikljus: ● enligt plan – genomförd, eller igång med tid kvar; ▲ risk – ingen status rapporterad, eller inte genomförd fast Klart senast infaller senast vid nästa rapporteringstillfälle; ■ försenad – Klart senast har passerat utan att åtgärden är genomförd, eller ej genomförd.",
		fmt.Sprintf("Varje åtgärd med sin senaste status står på bladet %s, de försenade på bladet %s.", reportSheetActions, reportSheetOverdue),
	}
	for _, n := range notes {
		if err := x.line(r, n, st.note); err != nil {
			return err
		}
		r++
	}
	if err := sheet.SetWidths(x.f, sh, summaryWidths...); err != nil {
		return err
	}
	if err := x.f.SetSheetDimension(sh, "A1:"+sheet.Cell(3+len(heads), r)); err != nil {
		return err
	}
	return sheet.PageSetup(x.f, sh)
}

// actionHeads are the columns of the sheet of åtgärder.
var actionHeads = []struct {
	name  string
	width float64
}{
	{"Ref", 10}, {"Förbättringsområde", 30}, {"Åtgärd", 34}, {"Ansvarig", 16}, {"Nämnd/förvaltning", 18}, {"Prioritet", 9},
	{"Klart senast", 13}, {"Indikator / målvärde", 20}, {"Senaste status", 15}, {"Rapporterad", 13}, {"Trafikljus", 13}, {"Kommentar", 34},
}

func (x reportWriter) actions() error {
	sh, st := reportSheetActions, x.st
	var widths []float64
	for i, h := range actionHeads {
		if err := x.put(sh, i+1, 1, h.name, st.Header); err != nil {
			return err
		}
		widths = append(widths, h.width)
	}
	last := len(actionHeads)
	r := 2
	for _, g := range x.pr.Groups(x.by) {
		head := fmt.Sprintf("%s – %s", g.Label(), CountLine(g.Now))
		if err := x.put(sh, 1, r, head, st.Area); err != nil {
			return err
		}
		if err := sheet.FirstErr(x.f.SetCellStyle(sh, sheet.Cell(2, r), sheet.Cell(last, r), st.Area), x.f.MergeCell(sh, sheet.Cell(1, r), sheet.Cell(last, r))); err != nil {
			return err
		}
		r++
		for _, a := range g.Actions {
			var due any
			if !a.Due.IsZero() {
				due = date(a.Due)
			}
			vals := []any{refText(a.Ref), a.Improvement, a.Text, a.Responsible, a.Board, a.Priority, due, measure(a.Action),
				statusText(a.Status), reported(a), a.Light.Mark() + " " + a.Light.String(), a.Comment}
			for i, v := range vals {
				style := st.wrap
				if i == 10 {
					style = st.light[a.Light]
				}
				if err := x.put(sh, i+1, r, v, style); err != nil {
					return err
				}
			}
			r++
		}
		for _, u := range g.Without {
			vals := []any{refText(u.Ref), u.Text, "Ingen åtgärd beslutad"}
			for i := 1; i <= last; i++ {
				var v any
				if i <= len(vals) {
					v = vals[i-1]
				}
				if err := x.put(sh, i, r, v, st.wrap); err != nil {
					return err
				}
			}
			r++
		}
	}
	return x.listSheet(sh, widths, r-1)
}

// listSheet finishes a sheet that lists rows under a header row: widths,
// the header row in view and on every page, landscape on A4.
func (x reportWriter) listSheet(sh string, widths []float64, last int) error {
	if err := sheet.SetWidths(x.f, sh, widths...); err != nil {
		return err
	}
	if err := x.f.SetSheetDimension(sh, "A1:"+sheet.Cell(len(widths), max(last, 1))); err != nil {
		return err
	}
	if err := sheet.HeaderRow(x.f, sh); err != nil {
		return err
	}
	return sheet.PageSetup(x.f, sh)
}

func (x reportWriter) overdue() error {
	sh, st := reportSheetOverdue, x.st
	heads := []struct {
		name  string
		width float64
	}{{"Ref", 10}, {"Åtgärd", 40}, {"Ansvarig", 18}, {"Nämnd/förvaltning", 20}, {"Klart senast", 13}, {"Senaste status", 16}, {"Rapporterad", 14}, {"Rad i planen", 13}}
	var widths []float64
	for i, h := range heads {
		if err := x.put(sh, i+1, 1, h.name, st.Header); err != nil {
			return err
		}
		widths = append(widths, h.width)
	}
	r := 2
	for _, o := range x.pr.Overdue {
		occ := ""
		if o.Occasion != "" {
			occ = InSentence(o.Occasion)
		}
		for i, v := range []any{refText(o.Ref), o.Action, o.Responsible, o.Board, date(o.Due), statusText(o.Status), occ, o.Row} {
			if err := x.put(sh, i+1, r, v, st.wrap); err != nil {
				return err
			}
		}
		r++
	}
	note := func(r int, text string) error {
		return sheet.FirstErr(x.put(sh, 1, r, text, st.note), x.f.MergeCell(sh, sheet.Cell(1, r), sheet.Cell(len(heads), r)))
	}
	if len(x.pr.Overdue) == 0 {
		text := "Inga försenade åtgärder."
		if x.pr.Date.IsZero() {
			text = "Ingen status är rapporterad ännu, så ingen åtgärd bedöms som försenad."
		}
		if err := note(r, text); err != nil {
			return err
		}
		r++
	} else if l := OverdueLine(x.pr); l != "" {
		if err := note(r+1, l); err != nil {
			return err
		}
		r += 2
	}
	return x.listSheet(sh, widths, r-1)
}

// CountLine is counts in words: "3 åtgärder: 1 genomförd, 1 pågår, 1 ej
// påbörjad"; "ingen åtgärd" when there is none.
func CountLine(c Counts) string {
	words := map[Status][2]string{
		Done: {"genomförd", "genomförda"}, Partly: {"delvis genomförd", "delvis genomförda"}, InProgress: {"pågår", "pågår"},
		NotDone: {"ej genomförd", "ej genomförda"}, NotStarted: {"ej påbörjad", "ej påbörjade"}, "": {"ej rapporterad", "ej rapporterade"},
	}
	if c.Total() == 0 {
		return "ingen åtgärd"
	}
	var parts []string
	for _, s := range append(append([]Status(nil), Statuses...), "") {
		if n := c.Of(s); n > 0 {
			parts = append(parts, msg.Counted(n, words[s][0], words[s][1]))
		}
	}
	return msg.Counted(c.Total(), "åtgärd", "åtgärder") + ": " + strings.Join(parts, ", ")
}
