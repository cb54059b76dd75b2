package samples_test

import (
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/samples"
)

// TestExempelkommunText checks that the fictional sample is a complete
// analysis: a background with Tabell 1, a summary, and for each of the
// eight areas 2–4 paragraphs under sub-headings with styrkor and
// förbättringsområden; that its markup reads as meant (no star is left
// as text); and that it says it is invented.
func TestExempelkommunText(t *testing.T) {
	var s samples.Sample
	for _, x := range samples.Exempelkommun() {
		if x.Text != nil {
			s = x
		}
		if !strings.Contains(x.Sources, "Fiktiv") {
			t.Errorf("%s does not say it is fictional: %q", x.File, x.Sources)
		}
	}
	if s.Interviews == 0 || s.Interviewed == "" || len(s.Tables) == 0 || s.Tables[0].Section != evaluation.SectionBackground {
		t.Errorf("interviews %d %q, tables %+v", s.Interviews, s.Interviewed, s.Tables)
	}
	count := map[string]map[evaluation.TextKind]int{}
	for _, b := range s.Text {
		if count[b.Section] == nil {
			count[b.Section] = map[evaluation.TextKind]int{}
		}
		count[b.Section][b.Kind]++
		for _, mb := range markup.Parse(b.Text) {
			if strings.Contains(mb.Text(), "*") {
				t.Errorf("section %s: a star is left as text in %q", b.Section, b.Text)
			}
		}
	}
	notes := map[string]map[evaluation.NoteKind]int{}
	for _, n := range s.Notes {
		if notes[n.Area] == nil {
			notes[n.Area] = map[evaluation.NoteKind]int{}
		}
		notes[n.Area][n.Kind]++
	}
	for _, sec := range []string{evaluation.SectionBackground, evaluation.SectionSummary, "1", "2", "3", "4", "5", "6", "7", "8"} {
		c := count[sec]
		if c[evaluation.Heading] < 1 || c[evaluation.Paragraph] < 2 {
			t.Errorf("section %s: %d headings, %d paragraphs", sec, c[evaluation.Heading], c[evaluation.Paragraph])
		}
		if sec == evaluation.SectionBackground || sec == evaluation.SectionSummary {
			continue
		}
		if c[evaluation.Paragraph] > 4+1 { // an introduction and at most 4 under headings
			t.Errorf("area %s: %d paragraphs", sec, c[evaluation.Paragraph])
		}
		if notes[sec][evaluation.Strength] == 0 || notes[sec][evaluation.Improvement] == 0 {
			t.Errorf("area %s: notes %v", sec, notes[sec])
		}
	}
}
