package validate

// What the consensus workbook leaves for the evaluators' meeting, and what
// must be gone before a report is published: a score still marked ATT
// DISKUTERA, and text that still starts with the names of the evaluators
// who wrote it ("Anna Exempelsson, Bertil Prov: …"). validate warns about
// each; kompass report refuses a workbook that has any (or is a draft)
// unless asked for a draft.

import (
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// maxPrefix is how far into a text the evaluators' names are looked for.
const maxPrefix = 400

// Unfinished lists, as warnings, the marks the evaluators' meeting has
// still to resolve: each Kommentar or Motivering i rapporten with ATT
// DISKUTERA, and each styrka, förbättringsområde, paragraph and table title
// that starts with the names of evaluators named in Utvärderare.
func Unfinished(ev *evaluation.Evaluation) []problem.Problem {
	pl := &problem.List{File: ev.File}
	for _, en := range ev.Entries {
		for _, c := range []struct{ text, cell string }{{en.Comment, en.CommentCell}, {en.Published, en.PublishedCell}} {
			if strings.Contains(strings.ToUpper(c.text), workbook.DiscussMark) {
				cell := c.cell
				if cell == "" {
					cell = en.Cell
				}
				pl.Warn(problem.At{Sheet: workbook.SheetScores, Cell: cell, ID: en.ID, Found: workbook.DiscussMark, Expected: msg.T("an agreed score, without the mark")},
					msg.Sprintf("the score is still marked %s; agree on it, then delete the mark", workbook.DiscussMark))
			}
		}
	}
	names := evaluatorNames(ev.Facts.Evaluators)
	if len(names) == 0 {
		return pl.Items
	}
	prefixed := func(sheet, cell, id, text string) {
		if p, ok := namePrefix(text, names); ok {
			pl.Warn(problem.At{Sheet: sheet, Cell: cell, ID: id, Found: problem.Short(p), Expected: msg.T("the agreed text, without names")},
				msg.Sprintf("the text still starts with the names of the evaluators who wrote it (%q); agree on the text, then delete the names", problem.Short(p)))
		}
	}
	for _, n := range ev.Notes {
		prefixed(workbook.SheetNotes, n.Cell, n.Area, n.Text)
	}
	for _, b := range ev.Text {
		prefixed(workbook.SheetText, b.Cell, b.Section, b.Text)
	}
	for _, t := range ev.Tables {
		prefixed(workbook.SheetTables, t.Cell, t.Section, t.Title)
	}
	return pl.Items
}

// evaluatorNames are the names in Utvärderare, split at commas and
// semicolons, folded as names are.
func evaluatorNames(s string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if k := evaluation.NameKey(part); len([]rune(k)) >= 2 {
			out[k] = true
		}
	}
	return out
}

// namePrefix reports whether text starts with one or more of names, joined
// by commas and ended by a colon ("Anna, Bertil: …"), and returns that
// prefix.
func namePrefix(text string, names map[string]bool) (string, bool) {
	head := text
	if len(head) > maxPrefix {
		head = head[:maxPrefix]
	}
	i := strings.Index(head, ": ")
	if i <= 0 {
		return "", false
	}
	for _, part := range strings.Split(head[:i], ",") {
		if !names[evaluation.NameKey(part)] {
			return "", false
		}
	}
	return head[:i+1], true
}
