package consensus

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Write writes the consensus workbook for the evaluators' meeting, a draft
// (Status Utkast): an ordinary workbook of the evaluation (Avser = kommun)
// with every item scored by its proposal — the agreed score where the
// evaluators agree — and the items to discuss marked in orange, with ATT
// DISKUTERA and each evaluator's score and comment in their Kommentar (no
// other item gets one); the evaluators in Utvärderare; every evaluator's
// styrkor, förbättringsområden and text, after the names of those who
// wrote it where not all did. The instructions end with what the marks
// mean. It validates as it is, with a warning for each mark.
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
		Status:     evaluation.StatusDraft, // until the meeting is done
		Evaluators: strings.Join(names, ", "),
		Dates:      strings.Join(dates, "; "),
		Sources:    strings.Join(sources, "; "),
	}}
	// Every item gets its proposal (none when no evaluator scored it); only
	// those to discuss get a Kommentar, the note for the meeting. The
	// evaluators' own comments are working notes and stay in their
	// workbooks, but on what is to be discussed.
	marked := map[string]bool{}
	for _, it := range c.Items {
		en := evaluation.Entry{ID: it.ID, Score: it.Proposal, Scored: it.Missing < len(c.evs)}
		if it.Discuss {
			en.Comment = cut(c.itemComment(it))
			marked[it.ID] = true
		}
		ev.Entries = append(ev.Entries, en)
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
				text = c.byWhom(by[k], text)
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

// itemComment is the Kommentar of an item to discuss: the mark, what is
// missing, the spread and the proposal, then each evaluator's score and
// comment:
//
//	ATT DISKUTERA: spridning 4; förslag 7 (medianen, avrundad nedåt). Anna: 5 (Få brukarundersökningar.); Bertil: 7; Cecilia: 9
//	ATT DISKUTERA: 1 bedömare saknas; spridning 2; förslag 6 (medianen, avrundad nedåt). Anna: 5; Bertil: –; Cecilia: 7
func (c *Consensus) itemComment(it Item) string {
	var head string
	switch {
	case it.Missing == len(it.Scores):
		head = fmt.Sprintf("%s: ingen bedömare har satt poäng.", workbook.DiscussMark)
	case it.Missing > 0:
		head = fmt.Sprintf("%s: %s; spridning %s; förslag %s (medianen av de givna, avrundad nedåt).", workbook.DiscussMark, it.missing(), it.Spread.Swedish(), it.Proposal.Swedish())
	default:
		head = fmt.Sprintf("%s: spridning %s; förslag %s (medianen, avrundad nedåt).", workbook.DiscussMark, it.Spread.Swedish(), it.Proposal.Swedish())
	}
	parts := make([]string, len(it.Scores))
	for i, s := range it.Scores {
		parts[i] = c.Evaluators[i].Name + ": " + points.Sv(s)
		if it.Comments[i] != "" {
			parts[i] += " (" + it.Comments[i] + ")"
		}
	}
	return head + " " + strings.Join(parts, "; ")
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
				out = append(out, evaluation.Note{Area: a.ID, Kind: kind, Text: c.byWhom(by[t], t)})
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
		fmt.Sprintf("Orange Poäng: bedömarnas poäng skiljer sig med %s (spridning = högsta minus lägsta poäng), eller en bedömare har inte satt poäng. De ska diskuteras; Kommentar börjar med %s och visar varje bedömares poäng och kommentar (– där poäng saknas). %d %s är markerade. Övriga poäng har ingen kommentar: bedömarnas egna anteckningar står kvar i deras arbetsböcker.", c.thresholdRule(), workbook.DiscussMark, c.Discuss, c.what()),
		fmt.Sprintf("Varje poäng är förifylld med medianen av bedömarnas poäng, avrundad nedåt till steget %s (vid ett jämnt antal bedömare medelvärdet av de två mittersta, sedan avrundat nedåt; där en bedömare saknas, av de övrigas). Där alla gav samma poäng är det den poängen.", c.Instrument.Step.Swedish()),
		fmt.Sprintf("På mötet: skriv in den poäng ni enas om och ta bort %s ur kommentaren; färgen får stå kvar. Styrkor, förbättringsområden och text som inte alla skrev står efter namnen på dem som skrev dem: stryk namnen och slå ihop texten. Det alla skrev likadant står utan namn.", workbook.DiscussMark),
		"Arbetsboken är ett utkast (Status: Utkast) tills mötet är klart. kompass validate varnar för varje kvarvarande ATT DISKUTERA och varje namn före en text, och kompass report vägrar skriva rapporten så länge något av det finns kvar (utom med --utkast, som märker rapporten UTKAST). Sätt Status till Slutlig när allt är överenskommet.",
	}
	if d := c.interviewsDiffer(); d != "" {
		lines = append(lines, d)
	}
	return lines
}

// byWhom is a text written by some of the evaluators after their names
// ("Anna, Bertil: …"), for the meeting to agree on; a text every evaluator
// wrote alike is agreed already and stands as it is.
func (c *Consensus) byWhom(names []string, text string) string {
	if len(names) == len(c.evs) {
		return cut(text)
	}
	return cut(strings.Join(names, ", ") + ": " + text)
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
