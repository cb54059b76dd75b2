package workbook_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestReplaceText: the text and tables a workbook held give way to the new
// ones, more rows than the template prepares included; the scores, the
// notes and the facts stay; a table's notes are rows under it.
func TestReplaceText(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	w.Fact(workbook.FactInterviews, 12)
	w.Note("3", "Styrka", "En påhittad styrka.")
	w.Comment("1.1", "En kommentar.")
	for i := range 30 {
		w.Text("3", "Stycke", "Gammal text "+string(rune('a'+i%26)))
	}
	w.Table("3", "Tabell 1 Gammal", []string{"a", "b"}, []string{"1", "2"}, []string{"3", "4"})
	w.Table("8", "Tabell 2 Gammal", []string{"a"}, []string{"1"})
	var buf bytes.Buffer
	if err := sheet.Save(&buf, f); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	bg := evaluation.SectionBackground
	text := []evaluation.TextBlock{
		{Section: bg, Kind: evaluation.Heading, Text: "Ny rubrik"},
		{Section: bg, Kind: evaluation.Paragraph, Text: "Nytt stycke."},
		{Section: bg, Kind: evaluation.TableRef, Text: "Tabell 1"},
	}
	tables := []evaluation.Table{{Section: bg, Title: "Tabell 1 Ny", Header: []string{"x", "y", "z"}, Rows: [][]string{{"1", "2", "3"}},
		Notes: []string{"Källa: påhittad."}}}
	if err := workbook.ReplaceText(g, text, tables); err != nil {
		t.Fatal(err)
	}
	ev, probs := read(t, save(t, g))
	for _, p := range probs {
		if p.Sheet == workbook.SheetText || p.Sheet == workbook.SheetTables {
			t.Errorf("problem: %v", p)
		}
	}
	var got []string
	for _, b := range ev.Text {
		got = append(got, b.Section+" "+string(b.Kind)+" "+b.Text+" "+b.Cell)
	}
	if want := []string{"Bakgrund Rubrik Ny rubrik C2", "Bakgrund Stycke Nytt stycke. C3", "Bakgrund Tabell Tabell 1 C4"}; !slices.Equal(got, want) {
		t.Errorf("text %q, want %q", got, want)
	}
	if len(ev.Tables) != 1 || ev.Tables[0].Title != "Tabell 1 Ny" || len(ev.Tables[0].Rows) != 1 || !slices.Equal(ev.Tables[0].Notes, []string{"Källa: påhittad."}) {
		t.Errorf("tables %+v", ev.Tables)
	}
	if ev.Facts.Interviews != 12 || len(ev.Notes) != 1 || !ev.Entries[1].Scored || ev.Entries[1].Comment != "En kommentar." {
		t.Errorf("the rest of the workbook changed: interviews %d, %d notes, %+v", ev.Facts.Interviews, len(ev.Notes), ev.Entries[1])
	}

	// A workbook without the sheet Bedömning is refused.
	h := newTemplate(t, "kommunkompassen@2007")
	if err := h.DeleteSheet(workbook.SheetText); err != nil {
		t.Fatal(err)
	}
	if err := workbook.ReplaceText(h, text, tables); !errors.Is(err, workbook.ErrNoTextSheet) {
		t.Errorf("err = %v, want ErrNoTextSheet", err)
	}
}
