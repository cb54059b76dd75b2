package consensus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/consensus"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestWrite: the consensus workbook validates as it is written, holds the
// proposals, marks what is to be discussed and no more, and says who
// thought what.
func TestWrite(t *testing.T) {
	c, err := consensus.New(assessments(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := consensus.Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "exempelkommun-a-2025.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := validate.File(path, testkit.Registry(t))
	if !r.OK() || len(r.Problems) != 0 {
		t.Fatalf("the consensus workbook does not validate: %v", r.Problems)
	}
	ev := r.Evaluation
	if ev.Facts.Kind != evaluation.KindKommun || ev.Facts.Assessor != "" || ev.Facts.Evaluators != "Anna Exempelsson, Bertil Prov, Cecilia Påhitt" ||
		ev.Facts.Dates != "3–5 mars 2025" || ev.Facts.Kommun != "Exempelkommun A" || ev.Facts.Year != 2025 {
		t.Errorf("facts %+v", ev.Facts)
	}
	if tl := ev.Tally(); tl.Score.Value != c.Proposal || tl.Level != evaluation.LevelFull {
		t.Errorf("total %v (%s), want the proposals' %s", tl.Score, tl.Level, c.Proposal)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	marked := func(cell string) bool {
		t.Helper()
		return slices.Equal(testkit.Fill(t, f).Style(workbook.SheetScores, cell).Fill.Color, []string{"F4B183"})
	}
	for _, tc := range []struct {
		id, score string
		marked    bool
		comment   string
	}{
		{"2.1", "7", true, "ATT DISKUTERA: spridning 4; förslag 7 (medianen, avrundad nedåt). Anna Exempelsson: 5 (Få brukarundersökningar.); Bertil Prov: 7; Cecilia Påhitt: 9 (Tydlig filosofi i styrdokumenten.)"},
		{"8.1", "34", true, "ATT DISKUTERA: spridning 10; förslag 34 (medianen, avrundad nedåt). Anna Exempelsson: 40; Bertil Prov: 30; Cecilia Påhitt: 34"},
		{"1.1", "28", false, "Spridning 2; förslag 28 (medianen, avrundad nedåt). Anna Exempelsson: 28; Bertil Prov: 28; Cecilia Påhitt: 30"},
		{"3.1", "20", false, "Bertil Prov: Samma som förra gången."},
		{"3.2", "18", false, ""},
	} {
		en, _ := ev.Entry(tc.id)
		if !en.Scored || en.Score != pts(tc.score) || en.Comment != tc.comment || marked(en.Cell) != tc.marked {
			t.Errorf("%s: %+v, marked %v; want %s, marked %v, comment %q", tc.id, en, marked(en.Cell), tc.score, tc.marked, tc.comment)
		}
	}
	if en, _ := ev.Entry("2"); en.Scored || marked(en.Cell) {
		t.Errorf("area 2 row: %+v", en)
	}
	want := []evaluation.Note{
		{Area: "1", Kind: evaluation.Strength, Text: "Anna Exempelsson, Bertil Prov: Tydlig information till medborgarna."},
		{Area: "2", Kind: evaluation.Improvement, Text: "Cecilia Påhitt: Fler brukarundersökningar."},
	}
	var notes []evaluation.Note
	for _, n := range ev.Notes {
		notes = append(notes, evaluation.Note{Area: n.Area, Kind: n.Kind, Text: n.Text})
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes %+v, want %+v", notes, want)
	}
	instr, err := f.GetRows(workbook.SheetInstructions)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(instr, func(row []string) bool {
		return len(row) > 0 && row[0] == "Konsensusarbetsbok, skriven av kompass consensus ur 3 bedömares egna arbetsböcker: Anna Exempelsson (exempelkommun-a-2025-anna-exempelsson.xlsx), Bertil Prov (exempelkommun-a-2025-bertil-prov.xlsx), Cecilia Påhitt (exempelkommun-a-2025-cecilia-påhitt.xlsx)."
	}) {
		t.Error("the instructions do not say where the workbook comes from")
	}
	// The same input gives the same bytes.
	var again bytes.Buffer
	if err := consensus.Write(&again, c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of one consensus differ")
	}
}
