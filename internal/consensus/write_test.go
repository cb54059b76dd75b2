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
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// TestWrite: the consensus workbook validates as it is written, with a
// warning for each mark the meeting must resolve; it is a draft, holds the
// proposals, marks what is to be discussed and no more, says who thought
// what where they differ, and nothing on what they agreed.
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
	r := validate.File(path, testbase.Registry(t))
	if !r.OK() {
		t.Fatalf("the consensus workbook does not validate: %v", r.Problems)
	}
	var marks []string
	for _, p := range r.Problems {
		marks = append(marks, p.Place())
	}
	// ATT DISKUTERA on 2.1 and 8.1; the names before the styrka only Anna
	// and Bertil wrote, and the förbättringsområde only Cecilia wrote.
	if want := []string{"Poäng!F7", "Poäng!F43", "Styrkor och förbättringsområden!D2", "Styrkor och förbättringsområden!D3"}; !slices.Equal(marks, want) {
		t.Errorf("warnings at %q, want %q: %v", marks, want, r.Problems)
	}
	ev := r.Evaluation
	if !ev.Facts.Draft() {
		t.Errorf("Status %q, want Utkast until the meeting is done", ev.Facts.Status)
	}
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
		// not to discuss: no note, whatever the evaluators wrote in theirs
		{"1.1", "28", false, ""},
		{"3.1", "20", false, ""},
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

// TestWriteText: the evaluators' text, tables and interviews reach the
// consensus workbook: each sub-heading once, each paragraph once with the
// names of those who wrote it, a table all gave alike as it is, one only
// some gave with their names, Antal intervjuer only where all agree.
func TestWriteText(t *testing.T) {
	evs := assessments(t)
	tabell := evaluation.Table{Section: evaluation.SectionBackground, Title: "Tabell 1 Mandat", Header: []string{"Parti", "2022"}, Rows: [][]string{{"A", "5"}, {"B", "4"}}}
	own := evaluation.Table{Section: "5", Title: "Tabell 2 Mål", Header: []string{"Mål", "Antal"}, Rows: [][]string{{"Uppfyllda", "12"}}}
	head := evaluation.TextBlock{Section: "1", Kind: evaluation.Heading, Text: "Information"}
	para := func(s string) evaluation.TextBlock {
		return evaluation.TextBlock{Section: "1", Kind: evaluation.Paragraph, Text: s}
	}
	evs[0].Text = []evaluation.TextBlock{head, para("Webben är bra."), {Section: evaluation.SectionSummary, Kind: evaluation.Paragraph, Text: "Kort sammanfattning."}}
	evs[1].Text = []evaluation.TextBlock{head, para("Webben är bra."), para("Protokollen kommer sent.")}
	evs[2].Text = []evaluation.TextBlock{head}
	evs[0].Tables, evs[1].Tables, evs[2].Tables = []evaluation.Table{tabell}, []evaluation.Table{tabell, own}, []evaluation.Table{tabell}
	evs[0].Facts.Interviews, evs[1].Facts.Interviews, evs[2].Facts.Interviews = 24, 24, 24
	evs[0].Facts.Interviewed, evs[1].Facts.Interviewed = "kommunstyrelsens presidium", "kommunstyrelsens presidium"
	ev := writeRead(t, evs)
	want := []evaluation.TextBlock{
		{Section: evaluation.SectionSummary, Kind: evaluation.Paragraph, Text: "Anna Exempelsson: Kort sammanfattning."},
		head,
		para("Anna Exempelsson, Bertil Prov: Webben är bra."),
		para("Bertil Prov: Protokollen kommer sent."),
	}
	var got []evaluation.TextBlock
	for _, b := range ev.Text {
		got = append(got, evaluation.TextBlock{Section: b.Section, Kind: b.Kind, Text: b.Text})
	}
	if !slices.Equal(got, want) {
		t.Errorf("text\n got %q\nwant %q", got, want)
	}
	if len(ev.Tables) != 2 || ev.Tables[0].Title != tabell.Title || !slices.Equal(ev.Tables[0].Header, tabell.Header) || len(ev.Tables[0].Rows) != 2 ||
		ev.Tables[1].Title != "Bertil Prov: Tabell 2 Mål" || ev.Tables[1].Section != "5" {
		t.Errorf("tables %+v", ev.Tables)
	}
	if ev.Facts.Interviews != 24 || ev.Facts.Interviewed != "kommunstyrelsens presidium" {
		t.Errorf("interviews %d, %q", ev.Facts.Interviews, ev.Facts.Interviewed)
	}

	// Numbers that differ are left for the meeting.
	evs[2].Facts.Interviews = 25
	if ev := writeRead(t, evs); ev.Facts.Interviews != 0 {
		t.Errorf("Antal intervjuer 24, 24, 25 gave %d; want it left empty", ev.Facts.Interviews)
	}
}

// writeRead writes the consensus of evs and reads it back, validated.
func writeRead(t *testing.T, evs []*evaluation.Evaluation) *evaluation.Evaluation {
	t.Helper()
	c, err := consensus.New(evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := consensus.Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "konsensus.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := validate.File(path, testbase.Registry(t))
	if !r.OK() {
		t.Fatalf("the consensus workbook does not validate: %v", r.Problems)
	}
	// the marks for the meeting: warnings (TestWrite has them all)
	for _, p := range r.Problems {
		if p.Severity != problem.Warning {
			t.Errorf("unexpected problem %v", p)
		}
	}
	return r.Evaluation
}
