package compare

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/points"
)

// JSON writes any comparison as indented JSON (decimal point, null for
// what is missing).
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// sv formats a score for people: decimal comma, "–" when missing.
func sv(p *points.P) string {
	if p == nil {
		return "–"
	}
	return p.Swedish()
}

// svMean formats a mean with at most one decimal.
func svMean(p *points.P) string {
	if p == nil {
		return "–"
	}
	r := (*p + 50) / 100 * 100
	return r.Swedish()
}

func svChange(p *points.P) string {
	if p == nil {
		return "–"
	}
	return p.SignedSwedish()
}

func svMeanChange(p *points.P) string {
	if p == nil {
		return "–"
	}
	r := *p
	if r >= 0 {
		r = (r + 50) / 100 * 100
	} else {
		r = -((-r + 50) / 100 * 100)
	}
	return r.SignedSwedish()
}

func dot(p *points.P) string {
	if p == nil {
		return ""
	}
	return p.String()
}

// table lays out rows of cells: the first column left-aligned, the others
// right-aligned, widths measured in runes.
type table struct{ rows [][]string }

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder) {
	widths := map[int]int{}
	for _, r := range t.rows {
		for i, c := range r {
			if n := utf8.RuneCountInString(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, r := range t.rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i == 0 {
				line.WriteString(c + pad)
			} else {
				line.WriteString("  " + pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

func areaName(id, name string, width int) string {
	s := id + " " + name
	if utf8.RuneCountInString(s) > width {
		r := []rune(s)
		s = string(r[:width-1]) + "…"
	}
	return s
}

const nameWidth = 52

// TrendText writes Tabell 2: areas × years with the total and the changes.
func TrendText(w io.Writer, t *Trend) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: poäng per huvudområde (%s)\n\n", t.Kommun, t.Instrument)
	var tb table
	head := []string{"Huvudområde"}
	for _, c := range t.Columns {
		head = append(head, c.Label)
	}
	for _, s := range t.Steps {
		head = append(head, fmt.Sprintf("%d→%d", s.From, s.To))
	}
	tb.add(head...)
	addRow := func(label string, r TrendRow) {
		cells := []string{label}
		for _, s := range r.Scores {
			cells = append(cells, sv(s))
		}
		for _, c := range r.Changes {
			cells = append(cells, svChange(c))
		}
		tb.add(cells...)
	}
	for _, a := range t.Areas {
		addRow(areaName(a.ID, a.Name, nameWidth), a)
	}
	addRow("TOTALT", t.Total)
	tb.write(&b)
	if len(t.Steps) > 0 {
		b.WriteString("\n")
	}
	for _, line := range MostMovedLines(t) {
		fmt.Fprintf(&b, "Störst förändring %s\n", line)
	}
	writeNotes(&b, t.Caveats, t.Comments)
	_, err := io.WriteString(w, b.String())
	return err
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
			moved = append(moved, fmt.Sprintf("%s %s (%s)", a.ID, a.Name, svChange(a.Changes[si])))
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

// TrendCSV writes one row per year and area (and the total), with the
// change since the previous evaluation.
func TrendCSV(w io.Writer, t *Trend) error {
	cw := csv.NewWriter(w)
	recs := [][]string{{"kommun", "year", "instrument", "area", "name", "max", "score", "change"}}
	add := func(r TrendRow) {
		for i, c := range t.Columns {
			change := ""
			if i > 0 {
				change = dot(r.Changes[i-1])
			}
			recs = append(recs, []string{t.Kommun, strconv.Itoa(c.Year), c.Instrument, r.ID, r.Name, r.Max.String(), dot(r.Scores[i]), change})
		}
	}
	for _, a := range t.Areas {
		add(a)
	}
	add(t.Total)
	if err := cw.WriteAll(recs); err != nil {
		return err
	}
	return cw.Error()
}

// GroupText writes the kommun beside the group: each member, the mean,
// min and max, the difference to the mean and the rank.
func GroupText(w io.Writer, g *GroupComparison) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s jämfört med %s (%s)\n", g.Own.Label, g.Group.Name, g.Instrument)
	if g.Group.Kind != "series" {
		fmt.Fprintf(&b, "Gruppen har %d %s.\n", g.Group.Size, map[bool]string{true: "medlem", false: "medlemmar"}[g.Group.Size == 1])
	}
	b.WriteString("\n")
	var tb table
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
	tb.add(head...)
	addRow := func(label string, r GroupRow) {
		cells := []string{label, sv(r.Own)}
		if series {
			cells = append(cells, sv(r.Mean), svChange(r.Diff))
		} else {
			for i, m := range r.Members {
				if g.Members[i].File != g.Own.File {
					cells = append(cells, sv(m))
				}
			}
			rk := "–"
			if r.Rank > 0 {
				rk = fmt.Sprintf("%d/%d", r.Rank, r.RankOf)
			}
			cells = append(cells, svMean(r.Mean), sv(r.Min), sv(r.Highest), svMeanChange(r.Diff), rk)
		}
		tb.add(cells...)
	}
	for _, a := range g.Areas {
		addRow(areaName(a.ID, a.Name, nameWidth), a)
	}
	addRow("TOTALT", g.Total)
	tb.write(&b)
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
	cw := csv.NewWriter(w)
	head := []string{"kommun", "year", "instrument", "group", "area", "name", "max", "own", "mean", "min", "max_in_group", "diff_from_mean", "rank", "rank_of"}
	for _, m := range g.Members {
		head = append(head, m.Label)
	}
	recs := [][]string{head}
	add := func(r GroupRow) {
		rk, of := "", ""
		if r.Rank > 0 {
			rk, of = strconv.Itoa(r.Rank), strconv.Itoa(r.RankOf)
		}
		rec := []string{g.Kommun, strconv.Itoa(g.Year), g.Instrument, g.Group.Name, r.ID, r.Name, r.Max.String(), dot(r.Own), dot(r.Mean), dot(r.Min), dot(r.Highest), dot(r.Diff), rk, of}
		for _, m := range r.Members {
			rec = append(rec, dot(m))
		}
		recs = append(recs, rec)
	}
	for _, a := range g.Areas {
		add(a)
	}
	add(g.Total)
	if err := cw.WriteAll(recs); err != nil {
		return err
	}
	return cw.Error()
}
