package compare_test

import (
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/points"
)

// pts parses a score written as in the reports ("64,5") or fails.
func pts(t testing.TB, s string) points.P {
	t.Helper()
	p, err := points.Parse(s)
	if err != nil {
		t.Fatalf("points.Parse(%q): %v", s, err)
	}
	return p
}

// show formats an optional score for messages.
func show(p *points.P) string {
	if p == nil {
		return "nil"
	}
	return p.String()
}

// checkP fails unless got is present and equals want ("" = missing).
func checkP(t testing.TB, what string, got *points.P, want string) {
	t.Helper()
	if want == "" {
		if got != nil {
			t.Errorf("%s = %s, want missing", what, got)
		}
		return
	}
	if got == nil || *got != pts(t, want) {
		t.Errorf("%s = %s, want %s", what, show(got), want)
	}
}

// TestTrendUmea checks the trend against Tabell 2 of SKL's analysis of
// Umeå kommun (2007), as corrected in evaluations/ (see the workbooks'
// column Motivering i rapporten): 2003 TOTAL 497 → 497,5; 2007 area 5 79 → 78 and
// TOTAL 646 → 645.
func TestTrendUmea(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	evs := s.Kommun("Umeå")
	if len(evs) != 3 {
		t.Fatalf("Kommun(Umeå) = %d evaluations, want 3", len(evs))
	}
	tr, err := compare.NewTrend(evs)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Kommun != "Umeå" || tr.Instrument != "kommunkompassen@2007" {
		t.Errorf("trend of %q with %q, want Umeå with kommunkompassen@2007", tr.Kommun, tr.Instrument)
	}
	var years []int
	for _, c := range tr.Columns {
		years = append(years, c.Year)
		if c.Label != strings.TrimSpace(c.Label) || c.Kind != "kommun" || c.Instrument != "kommunkompassen@2007" {
			t.Errorf("column %+v", c)
		}
	}
	if len(years) != 3 || years[0] != 2003 || years[1] != 2005 || years[2] != 2007 {
		t.Fatalf("columns are the years %v, want 2003 2005 2007", years)
	}

	// Tabell 2, one row per area: 2003, 2005, 2007, then the changes
	// 2003→2005 and 2005→2007 (subtracted by hand).
	want := []struct {
		id                     string
		y2003, y2005, y2007    string
		change0305, change0507 string
	}{
		{"1", "56", "66", "73", "10", "7"},
		{"2", "55", "69,5", "79,5", "14,5", "10"},
		{"3", "64,5", "80", "79", "15,5", "-1"},
		{"4", "71,5", "82,5", "84,5", "11", "2"},
		{"5", "45", "71", "78", "26", "7"}, // 2007: 79 in Tabell 2, 78 from the delfrågor
		{"6", "68,5", "78", "78", "9,5", "0"},
		{"7", "57", "71", "75", "14", "4"},
		{"8", "80", "90", "98", "10", "8"},
	}
	if len(tr.Areas) != len(want) {
		t.Fatalf("%d area rows, want %d", len(tr.Areas), len(want))
	}
	for i, w := range want {
		r := tr.Areas[i]
		if r.ID != w.id || r.Max != points.FromInt(100) {
			t.Errorf("row %d is area %q (max %s), want %q (max 100)", i, r.ID, r.Max, w.id)
		}
		for j, v := range []string{w.y2003, w.y2005, w.y2007} {
			checkP(t, "area "+w.id+" "+tr.Columns[j].Label, r.Scores[j], v)
		}
		checkP(t, "area "+w.id+" change 2003→2005", r.Changes[0], w.change0305)
		checkP(t, "area "+w.id+" change 2005→2007", r.Changes[1], w.change0507)
	}
	// Totals: 497,5 (published 497), 608, 645 (published 646).
	if tr.Total.ID != "TOTAL" || tr.Total.Max != points.FromInt(800) {
		t.Errorf("total row %q max %s, want TOTAL max 800", tr.Total.ID, tr.Total.Max)
	}
	checkP(t, "total 2003", tr.Total.Scores[0], "497,5")
	checkP(t, "total 2005", tr.Total.Scores[1], "608")
	checkP(t, "total 2007", tr.Total.Scores[2], "645")
	checkP(t, "total change 2003→2005", tr.Total.Changes[0], "110,5")
	checkP(t, "total change 2005→2007", tr.Total.Changes[1], "37")

	if len(tr.Steps) != 2 {
		t.Fatalf("%d steps, want 2", len(tr.Steps))
	}
	for i, w := range []struct {
		from, to int
		total    string
		moved    string
		change   string
	}{
		{2003, 2005, "110,5", "5", "26"},
		{2005, 2007, "37", "2", "10"},
	} {
		st := tr.Steps[i]
		if st.From != w.from || st.To != w.to {
			t.Errorf("step %d is %d→%d, want %d→%d", i, st.From, st.To, w.from, w.to)
		}
		checkP(t, "step total", st.Total, w.total)
		if strings.Join(st.MostMoved, ",") != w.moved {
			t.Errorf("most moved %d→%d = %v, want area %s", w.from, w.to, st.MostMoved, w.moved)
		}
		checkP(t, "most moved change", st.Change, w.change)
	}

	if len(tr.Caveats) != 0 {
		t.Errorf("caveats %q for one instrument version", tr.Caveats)
	}
	// The corrections of the published figures stay visible.
	has := map[string]string{}
	for _, c := range tr.Comments {
		has[c.Column+" "+c.ID] = c.Text
	}
	for key, fragment := range map[string]string{
		"2003 TOTAL": "anger TOTALT 497",
		"2007 5":     "Rättat från 79 till 78",
		"2007 7.1":   "Rättat från 25 till 15",
		"2007 TOTAL": "Rättat från 646 till 645",
	} {
		if !strings.Contains(has[key], fragment) {
			t.Errorf("comment %s = %q, want it to contain %q", key, has[key], fragment)
		}
	}
}

// TestTrendFictional checks three years of a fictional kommun, with a tie
// for the most-moved area and a fall.
func TestTrendFictional(t *testing.T) {
	s := loadSet(t, groupDir)
	tr, err := compare.NewTrend(s.Kommun("Exempelkommun A"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Columns) != 3 {
		t.Fatalf("%d columns, want 3", len(tr.Columns))
	}
	// 2005→2007: +10 in areas 1 (60→70), 3 (70→80) and 8 (80→90); the
	// others move less (+7, +5, +5, +7,5, +8).
	st := tr.Steps[0]
	if strings.Join(st.MostMoved, ",") != "1,3,8" {
		t.Errorf("most moved 2005→2007 = %v, want 1, 3, 8 (tied)", st.MostMoved)
	}
	checkP(t, "change", st.Change, "10")
	checkP(t, "total change 2005→2007", st.Total, "62,5") // 561 − 498,5
	// 2007→2009: area 3 falls 80→71 (−9); the largest rise is +7 (area 4).
	st = tr.Steps[1]
	if strings.Join(st.MostMoved, ",") != "3" {
		t.Errorf("most moved 2007→2009 = %v, want 3", st.MostMoved)
	}
	checkP(t, "change", st.Change, "-9")
	checkP(t, "total change 2007→2009", st.Total, "20,5") // 581,5 − 561
	checkP(t, "area 6 change 2007→2009", tr.Areas[5].Changes[1], "0")
	if len(tr.Comments) != 0 {
		t.Errorf("comments %v, want none", tr.Comments)
	}
}

func TestTrendOneAndNone(t *testing.T) {
	tr, err := compare.NewTrend(nil)
	if err != nil || tr != nil {
		t.Errorf("NewTrend(nil) = %v, %v; want nil, nil", tr, err)
	}
	s := loadSet(t, groupDir)
	tr, err = compare.NewTrend(s.Kommun("Exempelkommun B"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Columns) != 1 || len(tr.Steps) != 0 || len(tr.Total.Changes) != 0 {
		t.Errorf("one evaluation: %d columns, %d steps, %d changes; want 1, 0, 0", len(tr.Columns), len(tr.Steps), len(tr.Total.Changes))
	}
	checkP(t, "total", tr.Total.Scores[0], "542,5")
}
