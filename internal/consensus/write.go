package consensus

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Write writes the consensus workbook for the evaluators' meeting: an
// ordinary workbook of the evaluation (Avser = kommun) with every item
// scored by its proposal — the agreed score where the evaluators agree —
// and the items to discuss marked in orange, each evaluator's score and
// comment in their Kommentar; the evaluators in Utvärderare; every
// evaluator's styrkor and förbättringsområden with their names. The
// instructions end with what the marks mean. It validates as it is.
func Write(w io.Writer, c *Consensus) error {
	ev, marked := c.evaluation()
	f, err := workbook.Build(c.in, ev, workbook.Extra{About: c.about(), Marked: marked})
	if err != nil {
		return err
	}
	defer f.Close()
	return sheet.Save(w, f)
}

// evaluation is what the consensus workbook holds, and the items to
// discuss, whose Poäng cells are marked.
func (c *Consensus) evaluation() (*evaluation.Evaluation, map[string]bool) {
	var names, dates, sources []string
	for i, e := range c.Evaluators {
		names = append(names, e.Name)
		dates = appendNew(dates, c.evs[i].Facts.Dates)
		sources = appendNew(sources, c.evs[i].Facts.Sources)
	}
	ev := &evaluation.Evaluation{Facts: evaluation.Facts{
		Kommun:     c.Kommun,
		Year:       c.Year,
		Kind:       evaluation.KindKommun,
		Evaluators: strings.Join(names, ", "),
		Dates:      strings.Join(dates, "; "),
		Sources:    strings.Join(sources, "; "),
	}}
	items := map[string]Item{}
	for _, it := range c.Items {
		items[it.ID] = it
	}
	marked := map[string]bool{}
	// Every row in the instrument's order: an item gets its proposal, any
	// other row the evaluators commented on gets their comments.
	var ids []string
	for _, a := range c.in.Areas {
		ids = append(ids, a.ID)
		for _, q := range a.Questions {
			ids = append(ids, q.ID)
		}
	}
	for _, id := range append(ids, evaluation.TotalID) {
		if it, ok := items[id]; ok {
			ev.Entries = append(ev.Entries, evaluation.Entry{ID: id, Score: it.Proposal, Scored: true, Comment: cut(c.itemComment(it))})
			marked[id] = it.Discuss
			continue
		}
		comments := make([]string, len(c.evs))
		for i, e := range c.evs {
			en, _ := e.Entry(id)
			comments[i] = en.Comment
		}
		if s := c.byName(comments); s != "" {
			ev.Entries = append(ev.Entries, evaluation.Entry{ID: id, Comment: cut(s)})
		}
	}
	ev.Notes = c.notes()
	ev.Text, ev.Tables = c.text(), c.tables()
	ev.Facts.Interviews, ev.Facts.Interviewed = c.interviews()
	return ev, marked
}

// sections are the parts of an evaluation's text in the report's order:
// the background, the summary, then each huvudområde.
func (c *Consensus) sections() []string {
	out := []string{evaluation.SectionBackground, evaluation.SectionSummary}
	for _, a := range c.in.Areas {
		out = append(out, a.ID)
	}
	return out
}

// text is every evaluator's text (the sheet Bedömning), section by
// section: each sub-heading once, each paragraph once after the names of
// the evaluators who wrote it ("Anna, Bertil: …"), in the order first
// written, the first evaluator's first.
func (c *Consensus) text() []evaluation.TextBlock {
	var out []evaluation.TextBlock
	for _, sec := range c.sections() {
		type key struct {
			kind evaluation.TextKind
			text string
		}
		var order []key
		by := map[key][]string{}
		for i, ev := range c.evs {
			for _, b := range ev.TextOf(sec) {
				k := key{b.Kind, b.Text}
				if _, seen := by[k]; !seen {
					order = append(order, k)
				}
				if !slices.Contains(by[k], c.Evaluators[i].Name) {
					by[k] = append(by[k], c.Evaluators[i].Name)
				}
			}
		}
		for _, k := range order {
			text := k.text
			if k.kind != evaluation.Heading {
				text = cut(strings.Join(by[k], ", ") + ": " + text)
			}
			out = append(out, evaluation.TextBlock{Section: sec, Kind: k.kind, Text: text})
		}
	}
	return out
}

// tables are every evaluator's tables (the sheet Tabeller), section by
// section: a table all evaluators gave alike once as it is, any other once
// with the names of those who gave it before its title.
func (c *Consensus) tables() []evaluation.Table {
	var out []evaluation.Table
	for _, sec := range c.sections() {
		var order []string
		tables := map[string]evaluation.Table{}
		by := map[string][]string{}
		for i, ev := range c.evs {
			for _, t := range ev.TablesOf(sec) {
				k := tableKey(t)
				if _, seen := tables[k]; !seen {
					order = append(order, k)
					tables[k] = evaluation.Table{Section: sec, Title: t.Title, Header: t.Header, Rows: t.Rows}
				}
				if !slices.Contains(by[k], c.Evaluators[i].Name) {
					by[k] = append(by[k], c.Evaluators[i].Name)
				}
			}
		}
		for _, k := range order {
			t := tables[k]
			if len(by[k]) < len(c.evs) {
				t.Title = strings.Join(by[k], ", ") + ": " + t.Title
			}
			out = append(out, t)
		}
	}
	return out
}

// tableKey tells tables apart by their title and cells.
func tableKey(t evaluation.Table) string {
	rows := [][]string{{t.Title}, t.Header}
	var b strings.Builder
	for _, r := range append(rows, t.Rows...) {
		b.WriteString(strings.Join(r, "\x1f"))
		b.WriteString("\x1e")
	}
	return b.String()
}

// interviews are the number of interviews where the evaluators agree on
// it (a number that differs is left for the meeting, and the instructions
// say so: see about; 0 then), and who was interviewed, each different
// answer once.
func (c *Consensus) interviews() (n int, who string) {
	var counts []int
	var whom []string
	for _, ev := range c.evs {
		if ev.Facts.Interviews > 0 && !slices.Contains(counts, ev.Facts.Interviews) {
			counts = append(counts, ev.Facts.Interviews)
		}
		whom = appendNew(whom, ev.Facts.Interviewed)
	}
	if len(counts) == 1 {
		n = counts[0]
	}
	return n, cut(strings.Join(whom, "; "))
}

// interviewsDiffer says, for the instructions, what the evaluators gave as
// Antal intervjuer when they differ; "" when they agree.
func (c *Consensus) interviewsDiffer() string {
	var counts, parts []string
	for i, ev := range c.evs {
		if ev.Facts.Interviews > 0 {
			counts = appendNew(counts, strconv.Itoa(ev.Facts.Interviews))
			parts = append(parts, fmt.Sprintf("%s %d", c.Evaluators[i].Name, ev.Facts.Interviews))
		}
	}
	if len(counts) < 2 {
		return ""
	}
	return fmt.Sprintf("Antal intervjuer skiljer sig mellan bedömarna (%s) och är lämnat tomt: skriv in det rätta.", strings.Join(parts, ", "))
}

// itemComment is the Kommentar of an item. Where the evaluators gave the
// same score it holds their comments, by name; else it starts with the
// proposal (and for an item to discuss says so) and gives each
// evaluator's score and comment:
//
//	ATT DISKUTERA: spridning 4; förslag 7 (medianen, avrundad nedåt). Anna: 5 (Få brukarundersökningar.); Bertil: 7; Cecilia: 9
func (c *Consensus) itemComment(it Item) string {
	if it.Same() {
		return c.byName(it.Comments)
	}
	head := fmt.Sprintf("Spridning %s; förslag %s (medianen, avrundad nedåt).", it.Spread.Swedish(), it.Proposal.Swedish())
	if it.Discuss {
		head = fmt.Sprintf("ATT DISKUTERA: spridning %s; förslag %s (medianen, avrundad nedåt).", it.Spread.Swedish(), it.Proposal.Swedish())
	}
	parts := make([]string, len(it.Scores))
	for i, s := range it.Scores {
		parts[i] = c.Evaluators[i].Name + ": " + s.Swedish()
		if it.Comments[i] != "" {
			parts[i] += " (" + it.Comments[i] + ")"
		}
	}
	return head + " " + strings.Join(parts, "; ")
}

// byName is the evaluators' comments, each after the evaluator's name,
// leaving out those who wrote none: "Anna: …; Cecilia: …".
func (c *Consensus) byName(comments []string) string {
	var parts []string
	for i, s := range comments {
		if s != "" {
			parts = append(parts, c.Evaluators[i].Name+": "+s)
		}
	}
	return strings.Join(parts, "; ")
}

// notes are every evaluator's styrkor and förbättringsområden, area by
// area, styrkor first, each text once after the names of the evaluators
// who wrote it: "Anna, Bertil: Tydlig information till medborgarna."
func (c *Consensus) notes() []evaluation.Note {
	var out []evaluation.Note
	for _, a := range c.in.Areas {
		for _, kind := range []evaluation.NoteKind{evaluation.Strength, evaluation.Improvement} {
			var texts []string
			by := map[string][]string{}
			for i, ev := range c.evs {
				for _, n := range ev.Notes {
					if n.Area != a.ID || n.Kind != kind {
						continue
					}
					texts = appendNew(texts, n.Text)
					if !slices.Contains(by[n.Text], c.Evaluators[i].Name) {
						by[n.Text] = append(by[n.Text], c.Evaluators[i].Name)
					}
				}
			}
			for _, t := range texts {
				out = append(out, evaluation.Note{Area: a.ID, Kind: kind, Text: cut(strings.Join(by[t], ", ") + ": " + t)})
			}
		}
	}
	return out
}

// about is what the instructions of the consensus workbook say of it.
func (c *Consensus) about() []string {
	var from []string
	for _, e := range c.Evaluators {
		from = append(from, fmt.Sprintf("%s (%s)", e.Name, filepath.Base(e.File)))
	}
	lines := []string{
		fmt.Sprintf("Konsensusarbetsbok, skriven av kompass consensus ur %d bedömares egna arbetsböcker: %s.", len(c.Evaluators), strings.Join(from, ", ")),
		fmt.Sprintf("Orange Poäng: bedömarnas poäng skiljer sig med %s (spridning = högsta minus lägsta poäng). De ska diskuteras; Kommentar börjar med ATT DISKUTERA och visar varje bedömares poäng och kommentar. %d %s är markerade.", c.thresholdRule(), c.Discuss, c.what()),
		fmt.Sprintf("Varje poäng är förifylld med medianen av bedömarnas poäng, avrundad nedåt till steget %s (vid ett jämnt antal bedömare medelvärdet av de två mittersta, sedan avrundat nedåt). Där alla gav samma poäng är det den poängen.", c.Instrument.Step.Swedish()),
		"På mötet: skriv in den poäng ni enas om och ändra kommentaren; färgen får stå kvar. Styrkor och förbättringsområden är alla bedömares, med namn: stryk och slå ihop dem. Kör sedan kompass validate – arbetsboken är en vanlig utvärdering (Avser = kommun).",
		"Bladen Bedömning och Tabeller har alla bedömares text och tabeller: varje rubrik en gång, varje stycke en gång efter namnen på dem som skrev det, och en tabell som inte alla gav med namnen före rubriken. Stryk namnen och slå ihop texten till en.",
	}
	if d := c.interviewsDiffer(); d != "" {
		lines = append(lines, d)
	}
	return lines
}

// appendNew appends s to list unless it is empty or there already.
func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// cut keeps a merged text within what a cell holds (sheet.CellText).
func cut(s string) string { return sheet.CellText(s) }
