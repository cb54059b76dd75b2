package consensus_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/consensus"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
)

func pts(s string) points.P {
	p, err := points.Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

func list(ss ...string) []points.P {
	var out []points.P
	for _, s := range ss {
		out = append(out, pts(s))
	}
	return out
}

// scores is an item's scores as text, "–" where an evaluator left it open.
func scores(it consensus.Item) []string {
	var out []string
	for _, s := range it.Scores {
		out = append(out, points.Sv(s))
	}
	return out
}

// TestProposal: the median, for an even count the mean of the two middle
// scores, rounded down to the step.
func TestProposal(t *testing.T) {
	for _, tc := range []struct {
		scores []string
		step   string
		want   string
	}{
		{[]string{"5", "7", "9"}, "0.5", "7"},
		{[]string{"9", "5", "7"}, "0.5", "7"},             // order does not matter
		{[]string{"20", "20", "20"}, "0.5", "20"},         // agreed: the score itself
		{[]string{"5", "6"}, "0.5", "5.5"},                // the mean is on the step
		{[]string{"5", "5.5"}, "0.5", "5"},                // 5,25 rounded down
		{[]string{"7", "7.5", "9", "10"}, "0.5", "8"},     // (7,5 + 9) / 2 = 8,25 → 8
		{[]string{"7", "8"}, "1", "7"},                    // 7,5 → 7 in whole points
		{[]string{"0", "0.5"}, "0.5", "0"},                // 0,25 → 0
		{[]string{"28", "28", "30"}, "0.5", "28"},         // three: the middle one
		{[]string{"40", "30", "34", "31"}, "0.5", "32.5"}, // (31 + 34) / 2
		{[]string{"3"}, "0.5", "3"},
	} {
		if got := consensus.Proposal(list(tc.scores...), pts(tc.step)); got != pts(tc.want) {
			t.Errorf("Proposal(%v, step %s) = %s, want %s", tc.scores, tc.step, got, tc.want)
		}
	}
}

// TestSpreadAndThreshold: an item is to be discussed when the spread
// reaches the threshold, a quarter of its maxpoäng unless given.
func TestSpreadAndThreshold(t *testing.T) {
	fixed := pts("2.5")
	for _, tc := range []struct {
		scores  []string
		max     string
		fixed   *points.P
		spread  string
		discuss bool
	}{
		{[]string{"5", "7", "9"}, "10", nil, "4", true},        // 4 ≥ 2,5
		{[]string{"5", "7.5"}, "10", nil, "2.5", true},         // at the threshold
		{[]string{"5", "7"}, "10", nil, "2", false},            // below it
		{[]string{"28", "28", "30"}, "40", nil, "2", false},    // 2 < 10
		{[]string{"40", "30", "34"}, "40", nil, "10", true},    // 10 ≥ 10
		{[]string{"20", "20", "20"}, "30", nil, "0", false},    // the same
		{[]string{"28", "28", "30"}, "40", &fixed, "2", false}, // 2 < 2,5 points
		{[]string{"28", "31"}, "40", &fixed, "3", true},        // 3 ≥ 2,5 points
		{[]string{"10", "13.5"}, "15", nil, "3.5", false},      // a quarter of 15 is 3,75
	} {
		spread := consensus.Spread(list(tc.scores...))
		th := consensus.Threshold(pts(tc.max), tc.fixed)
		if spread != pts(tc.spread) || (spread >= th) != tc.discuss {
			t.Errorf("%v of max %s (fixed %v): spread %s, threshold %s; want spread %s, discuss %v", tc.scores, tc.max, tc.fixed, spread, th, tc.spread, tc.discuss)
		}
	}
	if consensus.Spread(nil) != 0 {
		t.Error("the spread of no scores is not 0")
	}
}

// assessments reads the evaluators' workbooks of testkit.Assessments, as
// kompass consensus does, in the order of testkit.Assessors.
func assessments(t *testing.T) []*evaluation.Evaluation {
	t.Helper()
	dir := testkit.Folder(t, testkit.Assessments(t))
	var evs []*evaluation.Evaluation
	for _, name := range testkit.AssessmentFiles {
		r := validate.File(filepath.Join(dir, name), testbase.Registry(t))
		if !r.OK() {
			t.Fatalf("%s: %v", name, r.Problems)
		}
		evs = append(evs, r.Evaluation)
	}
	return evs
}

func item(t *testing.T, c *consensus.Consensus, id string) consensus.Item {
	t.Helper()
	i := slices.IndexFunc(c.Items, func(it consensus.Item) bool { return it.ID == id })
	if i < 0 {
		t.Fatalf("no item %s", id)
	}
	return c.Items[i]
}

func TestNew(t *testing.T) {
	c, err := consensus.New(assessments(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Items) != 37 || c.Discuss != 2 || c.Identical != 34 {
		t.Errorf("%d items, %d to discuss, %d the same; want 37, 2, 34", len(c.Items), c.Discuss, c.Identical)
	}
	for _, tc := range []struct {
		id, spread, proposal string
		discuss              bool
	}{
		{"2.1", "4", "7", true},
		{"3.1", "0", "20", false},
		{"1.1", "2", "28", false},
		{"8.1", "10", "34", true},
	} {
		it := item(t, c, tc.id)
		if it.Spread != pts(tc.spread) || it.Proposal != pts(tc.proposal) || it.Discuss != tc.discuss || it.Level != consensus.Question {
			t.Errorf("%s: spread %s, proposal %s, discuss %v, level %s; want %s, %s, %v, question", tc.id, it.Spread, it.Proposal, it.Discuss, it.Level, tc.spread, tc.proposal, tc.discuss)
		}
	}
	if it := item(t, c, "2.1"); !slices.Equal(scores(it), []string{"5", "7", "9"}) || it.Comments[0] != "Få brukarundersökningar." || it.Comments[1] != "" {
		t.Errorf("2.1: scores %v, comments %q", it.Scores, it.Comments)
	}
	// Most divergent first: 2.1 (4 of 10) before 8.1 (10 of 40), then 1.1.
	var order []string
	for _, it := range c.ByDivergence()[:4] {
		order = append(order, it.ID)
	}
	if !slices.Equal(order, []string{"2.1", "8.1", "1.1", "1.2"}) {
		t.Errorf("most divergent first: %q", order)
	}
	// Deviations over 37 items, in thousandths of a point: Anna differs
	// from the others' mean by 1 (1.1), 3 (2.1) and 8 (8.1): 12/37; Bertil
	// by 1, 0 and 7: 8/37; Cecilia by 2, 3 and 1: 6/37.
	var devs []points.P
	for _, e := range c.Evaluators {
		devs = append(devs, e.Deviation)
	}
	if want := list("0.324", "0.216", "0.162"); !slices.Equal(devs, want) {
		t.Errorf("deviations %v, want %v", devs, want)
	}
	if c.Proposal != pts("636") || c.Evaluators[0].Total != pts("640") || c.Evaluators[1].Total != pts("632") {
		t.Errorf("total of the proposals %s, Anna's total %s", c.Proposal, c.Evaluators[0].Total)
	}
}

// TestNewAreaLevel: an area an evaluator scored only as a whole is
// compared as a whole.
func TestNewAreaLevel(t *testing.T) {
	evs := assessments(t)
	ev := *evs[1]
	ev.Entries = slices.Clone(ev.Entries)
	for i, en := range ev.Entries {
		switch {
		case en.ID == "1":
			ev.Entries[i].Score, ev.Entries[i].Scored = pts("80"), true
		case strings.HasPrefix(en.ID, "1."):
			ev.Entries[i].Scored = false
		}
	}
	evs[1] = &ev
	c, err := consensus.New(evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	it := item(t, c, "1")
	// Anna's area 1 adds up to 28 + 32 + 13 = 73, Cecilia's to 75.
	if it.Level != consensus.Area || !slices.Equal(scores(it), []string{"73", "80", "75"}) || it.Spread != pts("7") || it.Discuss {
		t.Errorf("area 1: %+v", it)
	}
	if q, a := c.Levels(); q != 34 || a != 1 {
		t.Errorf("levels: %d delfrågor, %d areas", q, a)
	}
}

// TestNewMissing: a score one evaluator left open (2.3), or a whole area
// (Bertil's area 6), takes the others' scores and is marked for the
// meeting; no consensus is refused for it.
func TestNewMissing(t *testing.T) {
	evs := assessments(t)
	for _, i := range []int{0, 1} {
		ev := *evs[i]
		ev.Entries = slices.Clone(ev.Entries)
		for k, en := range ev.Entries {
			if i == 0 && en.ID == "2.3" || i == 1 && (en.ID == "6" || strings.HasPrefix(en.ID, "6.")) {
				ev.Entries[k].Scored = false
			}
		}
		evs[i] = &ev
	}
	c, err := consensus.New(evs, nil)
	if err != nil {
		t.Fatal(err)
	}
	it := item(t, c, "2.3")
	if !slices.Equal(scores(it), []string{"–", "18", "18"}) || it.Missing != 1 || !it.Discuss || it.Proposal != pts("18") || it.Spread != 0 || it.Same() {
		t.Errorf("2.3: %+v", it)
	}
	if it := item(t, c, "6.1"); it.Level != consensus.Question || !slices.Equal(scores(it), []string{"14", "–", "14"}) || !it.Discuss {
		t.Errorf("6.1: %+v", it)
	}
	// 2 by spread, 1 (2.3) and 6 (area 6) with an evaluator missing.
	if len(c.Items) != 37 || c.Discuss != 9 || c.Identical != 27 {
		t.Errorf("%d items, %d to discuss, %d the same; want 37, 9, 27", len(c.Items), c.Discuss, c.Identical)
	}
	// Totals of what each scored: Anna 640 less 18, Bertil 632 less area 6 (78).
	if c.Evaluators[0].Total != pts("622") || c.Evaluators[1].Total != pts("554") {
		t.Errorf("totals %s, %s; want 622, 554", c.Evaluators[0].Total, c.Evaluators[1].Total)
	}
	// The deviation counts the items each scored: Bertil's over 31 items,
	// 1 (1.1), 0 (2.1) and 7 (8.1) from the others: 8/31.
	if c.Evaluators[1].Deviation != pts("0.258") {
		t.Errorf("Bertil's deviation %s, want 0,258", c.Evaluators[1].Deviation)
	}
}

// TestNewRefuses: workbooks that do not make one consensus are named,
// with what differs.
func TestNewRefuses(t *testing.T) {
	testbase.Language(t, msg.English)
	for _, tc := range []struct {
		name string
		edit func(evs []*evaluation.Evaluation) []*evaluation.Evaluation
		file int // the file named, an index in testkit.AssessmentFiles; -1 for none
		want string
	}{
		{"one evaluator", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation { return evs[:1] },
			-1, "a consensus needs the workbooks of at least two evaluators, not 1"},
		{"another year", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation { evs[2].Facts.Year = 2024; return evs },
			2, "År is 2024 here but 2025 in "},
		{"another version", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation {
			evs[1].Facts.InstrumentVersion = "2010"
			return evs
		}, 1, "Version is 2010 here but 2007 in "},
		{"another kommun", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation {
			evs[1].Facts.Kommun = "Exempelkommun B"
			return evs
		},
			1, "Kommun is Exempelkommun B here but Exempelkommun A in "},
		{"the same evaluator twice", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation {
			evs[2].Facts.Assessor = "anna exempelsson"
			return evs
		}, 2, "Bedömare anna exempelsson is the evaluator of "},
		{"the evaluation itself", func(evs []*evaluation.Evaluation) []*evaluation.Evaluation {
			evs[0].Facts.Kind = evaluation.KindKommun
			return evs
		}, 0, "not an evaluator's own workbook: Avser is kommun, not bedömning"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := assessments(t)
			_, err := consensus.New(tc.edit(evs), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
			var ie *consensus.InputError
			switch {
			case tc.file < 0 && errors.As(err, &ie):
				t.Errorf("%v names a file", err)
			case tc.file >= 0 && (!errors.As(err, &ie) || filepath.Base(ie.File) != testkit.AssessmentFiles[tc.file] || ie.Hint == ""):
				t.Errorf("%v: want an InputError naming %s, with a hint", err, testkit.AssessmentFiles[tc.file])
			}
		})
	}
}

// TestText and TestJSON: the outputs of kompass consensus, as golden
// files (go test ./internal/consensus -update).
func TestText(t *testing.T) {
	c, err := consensus.New(assessments(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Evaluators { // the folder is a temporary one
		c.Evaluators[i].File = filepath.Base(c.Evaluators[i].File)
	}
	var text, js bytes.Buffer
	if err := consensus.Text(&text, c); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, filepath.Join("testdata", "exempelkommun-a-2025.txt"), text.Bytes())
	if err := consensus.JSON(&js, c); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, filepath.Join("testdata", "exempelkommun-a-2025.json"), js.Bytes())

	fixed := pts("2")
	c, err = consensus.New(assessments(t), &fixed)
	if err != nil {
		t.Fatal(err)
	}
	text.Reset()
	if err := consensus.Text(&text, c); err != nil {
		t.Fatal(err)
	}
	if c.Discuss != 3 || !strings.Contains(text.String(), "Diskutera: spridningen är minst 2 poäng, eller en bedömare har inte satt poäng (–).") {
		t.Errorf("--threshold 2: %d to discuss (want 3: 1.1, 2.1, 8.1)\n%s", c.Discuss, text.String())
	}
}

func TestAgreement(t *testing.T) {
	a := consensus.AgreementOf(assessments(t))
	if a == nil {
		t.Fatal("no agreement")
	}
	var largest []string
	for _, it := range a.Largest {
		largest = append(largest, it.ID)
	}
	if a.Items != 37 || a.Agreed != 35 || a.Percent != 95 || a.Identical != 34 || a.What != "delfrågor" || !slices.Equal(largest, []string{"2.1", "8.1", "1.1"}) ||
		!slices.Equal(a.Evaluators, testkit.Assessors) {
		t.Errorf("agreement %+v", a)
	}
	if consensus.AgreementOf(assessments(t)[:1]) != nil {
		t.Error("an agreement of one evaluator")
	}
}
