package compare

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/texttable"
)

// JSON writes any comparison as indented JSON (decimal point, null for
// what is missing).
func JSON(w io.Writer, v any) error {
	return encode.JSON(w, v)
}

// areaName is "id name", cut to width.
func areaName(id, name string, width int) string { return texttable.Cut(id+" "+name, width) }

const nameWidth = 52

// TrendText writes Tabell 2: areas × years with the total and the changes.
func TrendText(w io.Writer, t *Trend) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: poäng per huvudområde (%s)\n\n", t.Kommun, t.Instrument)
	writeTrend(&b, t)
	_, err := io.WriteString(w, b.String())
	return err
}

// HistoryText writes a kommun's whole history: with one instrument version
// (or versions joined by a declared mapping) it is TrendText; with several,
// one table per version, oldest first, and between them the version
// boundary and why the scores are not compared across it.
func HistoryText(w io.Writer, h *History) error {
	if len(h.Blocks) == 1 {
		return TrendText(w, h.Blocks[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: poäng per huvudområde, %d instrumentversioner\n", h.Kommun, len(h.Blocks))
	b.WriteString("Förändringar räknas bara inom en version.\n")
	for i, t := range h.Blocks {
		if i > 0 {
			bd := h.Boundaries[i-1]
			fmt.Fprintf(&b, "\n-- Versionsgräns %d→%d: %s → %s. %s\n", bd.FromYear, bd.ToYear, bd.FromInstrument, bd.ToInstrument, bd.Reason)
		}
		fmt.Fprintf(&b, "\n== %s (%s): %s\n\n", t.InstrumentName, t.Instrument, yearList(t))
		writeTrend(&b, t)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func yearList(t *Trend) string {
	var ys []string
	for _, c := range t.Columns {
		ys = append(ys, c.Label)
	}
	return strings.Join(ys, ", ")
}

func writeTrend(b *strings.Builder, t *Trend) {
	var tb texttable.Table
	head := []string{"Huvudområde"}
	for _, c := range t.Columns {
		head = append(head, c.Label)
	}
	for _, s := range t.Steps {
		head = append(head, fmt.Sprintf("%d→%d", s.From, s.To))
	}
	tb.Add(head...)
	addRow := func(label string, r TrendRow) {
		cells := []string{label}
		for _, s := range r.Scores {
			cells = append(cells, points.Sv(s))
		}
		for _, c := range r.Changes {
			cells = append(cells, points.SvChange(c))
		}
		tb.Add(cells...)
	}
	for _, a := range t.Areas {
		addRow(areaName(a.ID, a.Name, nameWidth), a)
	}
	addRow(strings.ToUpper(evaluation.TotalLabel), t.Total)
	tb.Write(b)
	if len(t.Steps) > 0 {
		b.WriteString("\n")
	}
	for _, line := range MostMovedLines(t) {
		fmt.Fprintf(b, "Störst förändring %s\n", line)
	}
	writeNotes(b, t.Caveats, t.Comments)
}

// MostMovedLines describes, per step, the area or areas that moved most,
// each with its own change: "2003→2005: 5 Kontroll och rapportering (+26)".
func MostMovedLines(t *Trend) []string {
	byID := map[string]int{}
	for i, a := range t.Areas {
		byID[a.ID] = i
	}
	var out []string
	for si, s := range t.Steps {
		var moved []string
		for _, id := range s.MostMoved {
			a := t.Areas[byID[id]]
			moved = append(moved, fmt.Sprintf("%s %s (%s)", a.ID, a.Name, points.SvChange(a.Changes[si])))
		}
		if len(moved) > 0 {
			out = append(out, fmt.Sprintf("%d→%d: %s", s.From, s.To, strings.Join(moved, "; ")))
		}
	}
	return out
}

func writeNotes(b *strings.Builder, caveats []string, comments []Comment) {
	if len(caveats) > 0 {
		b.WriteString("\nObservera:\n")
		for _, c := range caveats {
			fmt.Fprintf(b, "- %s\n", c)
		}
	}
	if len(comments) > 0 {
		b.WriteString("\nKommentarer i arbetsböckerna (rättelser och motiveringar):\n")
		for _, c := range comments {
			fmt.Fprintf(b, "- %s, %s: %s\n", c.Column, c.ID, c.Text)
		}
	}
}

// HistoryCSV writes one row per year and area (and the total) of every
// block, oldest first, with the change since the previous evaluation; each
// row names its instrument version, and a change is given only within a
// version.
func HistoryCSV(w io.Writer, h *History) error {
	var recs [][]string
	for _, t := range h.Blocks {
		recs = append(recs, trendRecords(t)...)
	}
	return encode.CSV(w, trendHeader, recs)
}

var trendHeader = []string{"kommun", "year", "instrument", "version", "area", "name", "max", "score", "change"}

func trendRecords(t *Trend) [][]string {
	var recs [][]string
	add := func(r TrendRow) {
		for i, c := range t.Columns {
			change := ""
			if i > 0 {
				change = points.Dot(r.Changes[i-1])
			}
			id, version := instrument.ParseRef(c.Instrument)
			recs = append(recs, []string{t.Kommun, strconv.Itoa(c.Year), id, version, r.ID, r.Name, r.Max.String(), points.Dot(r.Scores[i]), change})
		}
	}
	for _, a := range t.Areas {
		add(a)
	}
	add(t.Total)
	return recs
}

// GroupText writes the kommun beside the group: each member, the mean,
// min and max, the difference to the mean and the rank.
func GroupText(w io.Writer, g *GroupComparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s jämfört med %s (%s)\n", g.Own.Label, g.Group.Name, g.Instrument)
	if g.Group.Kind != "series" {
		fmt.Fprintf(&b, "Gruppen har %s.\n", msg.Counted(g.Group.Size, "medlem", "medlemmar"))
	}
	if g.Group.Kind == "all" {
		fmt.Fprintf(&b, "%s\n", g.Group.Description)
	}
	b.WriteString("\n")
	var tb texttable.Table
	series := g.Group.Kind == "series"
	head := []string{"Huvudområde", g.Own.Label}
	if series {
		head = append(head, g.Group.Name, "Skillnad")
	} else {
		for _, m := range g.Members {
			if m.File != g.Own.File { // the kommun itself already has the first column
				head = append(head, m.Label)
			}
		}
		head = append(head, "Medel", "Min", "Max", "Skillnad", "Rang")
	}
	tb.Add(head...)
	addRow := func(label string, r GroupRow) {
		cells := []string{label, points.Sv(r.Own)}
		if series {
			cells = append(cells, points.Sv(r.Mean), points.SvChange(r.Diff))
		} else {
			for i, m := range r.Members {
				if g.Members[i].File != g.Own.File {
					cells = append(cells, points.Sv(m))
				}
			}
			rk := "–"
			if r.Rank > 0 {
				rk = fmt.Sprintf("%d/%d", r.Rank, r.RankOf)
			}
			cells = append(cells, points.SvMean(r.Mean), points.Sv(r.Min), points.Sv(r.Highest), points.SvMeanChange(r.Diff), rk)
		}
		tb.Add(cells...)
	}
	for _, a := range g.Areas {
		addRow(areaName(a.ID, a.Name, nameWidth), a)
	}
	addRow(strings.ToUpper(evaluation.TotalLabel), g.Total)
	tb.Write(&b)
	if !series {
		b.WriteString("\nMedel avrundat till en decimal; Skillnad = egen poäng minus gruppens medel; Rang bland gruppens medlemmar och kommunen (1 = högst).\n")
	}
	writeNotes(&b, g.Caveats, g.Comments)
	_, err := io.WriteString(w, b.String())
	return err
}

// GroupCSV writes one row per area (and the total) with the own score, the
// group's mean, min, max, the difference and the rank, then one column per
// member.
func GroupCSV(w io.Writer, g *GroupComparison) error {
	head := []string{"kommun", "year", "instrument", "version", "group", "area", "name", "max", "own", "mean", "min", "max_in_group", "diff_from_mean", "rank", "rank_of"}
	for _, m := range g.Members {
		head = append(head, m.Label)
	}
	var recs [][]string
	id, version := instrument.ParseRef(g.Instrument)
	add := func(r GroupRow) {
		rk, of := "", ""
		if r.Rank > 0 {
			rk, of = strconv.Itoa(r.Rank), strconv.Itoa(r.RankOf)
		}
		rec := []string{g.Kommun, strconv.Itoa(g.Year), id, version, g.Group.Name, r.ID, r.Name, r.Max.String(), points.Dot(r.Own), points.Dot(r.Mean), points.Dot(r.Min), points.Dot(r.Highest), points.Dot(r.Diff), rk, of}
		for _, m := range r.Members {
			rec = append(rec, points.Dot(m))
		}
		recs = append(recs, rec)
	}
	for _, a := range g.Areas {
		add(a)
	}
	add(g.Total)
	return encode.CSV(w, head, recs)
}
