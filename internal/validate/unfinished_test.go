package validate_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/validate"
)

// TestUnfinished: each mark the consensus workbook leaves for the meeting
// is a warning at its cell, and nothing else is: a name that is not an
// evaluator's, a colon far into the text, an evaluator named later in it.
func TestUnfinished(t *testing.T) {
	ev := &evaluation.Evaluation{File: "k.xlsx", Facts: evaluation.Facts{Evaluators: "Anna Exempelsson, Bertil Prov; Cecilia Påhitt (Exempelkonsult AB)"},
		Entries: []evaluation.Entry{
			{ID: "2.1", Cell: "D7", Comment: "ATT DISKUTERA: spridning 4", CommentCell: "F7"},
			{ID: "2.2", Cell: "D8", Comment: "att diskutera på mötet", CommentCell: "F8"},
			{ID: "2.3", Cell: "D9", Published: "ATT DISKUTERA", PublishedCell: "G9"},
			{ID: "2.4", Cell: "D10", Comment: "Bra: enligt protokollet", CommentCell: "F10"},
		},
		Notes: []evaluation.Note{
			{Area: "1", Text: "Anna Exempelsson, Bertil Prov: Tydlig information.", Cell: "D2"},
			{Area: "1", Text: "anna  exempelsson: Öppna möten.", Cell: "D3"},
			{Area: "1", Text: "Medborgarna: nöjda.", Cell: "D4"},
			{Area: "2", Text: "Enligt Anna Exempelsson: bra.", Cell: "D5"},
		},
		Text:   []evaluation.TextBlock{{Section: "3", Kind: evaluation.Paragraph, Text: "Bertil Prov: Målen är många.", Cell: "C4"}},
		Tables: []evaluation.Table{{Section: "5", Title: "Anna Exempelsson: Tabell 2", Cell: "C6"}},
	}
	var got []string
	for _, p := range validate.Unfinished(ev) {
		if p.Severity != problem.Warning {
			t.Errorf("not a warning: %v", p)
		}
		got = append(got, p.Place()+" "+p.Found)
	}
	want := []string{
		"Poäng!F7 ATT DISKUTERA", "Poäng!F8 ATT DISKUTERA", "Poäng!G9 ATT DISKUTERA",
		"Styrkor och förbättringsområden!D2 Anna Exempelsson, Bertil Prov:", "Styrkor och förbättringsområden!D3 anna  exempelsson:",
		"Bedömning!C4 Bertil Prov:", "Tabeller!C6 Anna Exempelsson:",
	}
	if len(got) != len(want) {
		t.Fatalf("marks %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mark %d: %q, want %q", i, got[i], want[i])
		}
	}
	// Without Utvärderare no text is a name's.
	ev.Facts.Evaluators = ""
	if n := len(validate.Unfinished(ev)); n != 3 {
		t.Errorf("%d marks without Utvärderare, want the 3 ATT DISKUTERA", n)
	}
}
