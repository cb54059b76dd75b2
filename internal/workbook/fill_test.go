package workbook_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestFillMarked: a marked score keeps its cell an input cell (unlocked)
// in another colour, and reads back as any score, with its comment.
func TestFillMarked(t *testing.T) {
	f, err := workbook.Build(testbase.Instrument(t, "kommunkompassen@2007"), &evaluation.Evaluation{
		Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007, Evaluators: "Anna, Bertil"},
		Entries: []evaluation.Entry{
			{ID: "2.1", Score: points.FromInt(7), Scored: true, Comment: "Anna: 5; Bertil: 9"},
			{ID: "2.2", Score: points.FromInt(15), Scored: true},
		},
	}, workbook.Extra{Marked: map[string]bool{"2.1": true}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	style := func(ref string) (fill []string, locked bool) {
		t.Helper()
		st := testkit.Fill(t, f).Style(workbook.SheetScores, ref)
		return st.Fill.Color, st.Protection == nil || st.Protection.Locked
	}
	// 2.1 and 2.2 stand in rows 7 and 8.
	if fill, locked := style("D7"); len(fill) != 1 || fill[0] != "F4B183" || locked {
		t.Errorf("marked D7: fill %v, locked %v; want F4B183, unlocked", fill, locked)
	}
	if fill, locked := style("D8"); len(fill) != 1 || fill[0] != "FFF2CC" || locked {
		t.Errorf("D8: fill %v, locked %v; want the input yellow, unlocked", fill, locked)
	}
	ev, _ := read(t, save(t, f))
	en, _ := ev.Entry("2.1")
	if !en.Scored || en.Score != points.FromInt(7) || en.Comment != "Anna: 5; Bertil: 9" || en.Cell != "D7" {
		t.Errorf("2.1 reads back as %+v", en)
	}
	if ev.Facts.Evaluators != "Anna, Bertil" {
		t.Errorf("Utvärderare %q", ev.Facts.Evaluators)
	}
}
