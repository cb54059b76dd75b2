package compare_test

import (
	"fmt"
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
)

// groupRow is one expected row of a group comparison, computed by hand.
type groupRow struct {
	id                   string
	own                  string
	members              []string
	mean, min, max, diff string
	rank, of             int
}

func checkGroupRow(t *testing.T, got compare.GroupRow, w groupRow) {
	t.Helper()
	if got.ID != w.id {
		t.Errorf("row %q, want %q", got.ID, w.id)
		return
	}
	checkP(t, w.id+" own", got.Own, w.own)
	if len(got.Members) != len(w.members) {
		t.Errorf("%s: %d member scores, want %d", w.id, len(got.Members), len(w.members))
	} else {
		for i, m := range w.members {
			checkP(t, fmt.Sprintf("%s member %d", w.id, i+1), got.Members[i], m)
		}
	}
	checkP(t, w.id+" mean", got.Mean, w.mean)
	checkP(t, w.id+" min", got.Min, w.min)
	checkP(t, w.id+" max", got.Highest, w.max)
	checkP(t, w.id+" diff", got.Diff, w.diff)
	if got.Rank != w.rank || got.RankOf != w.of {
		t.Errorf("%s rank %d/%d, want %d/%d", w.id, got.Rank, got.RankOf, w.rank, w.of)
	}
}

func group(t *testing.T, s *evalset.Set, name, kommun string, year int) (*compare.GroupComparison, error) {
	t.Helper()
	own := find(t, s, kommun, year)
	g, err := s.Group(name, own, evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	return compare.Against(own, g)
}

// TestAgainstMember compares Exempelkommun A 2007 with "Exempelgruppen
// 2007" (A, B and C 2007), of which it is a member: it is counted once, so
// the ranks are out of 3.
//
// By hand (A, B, C; mean = sum / 3 rounded to the nearest thousandth,
// diff = A − mean, rank among A, B, C with ties sharing the higher rank):
//
//	area  A     B     C     sum     mean     min   max   diff     rank
//	1     70    62,5  80    212,5   70,833   62,5  80    −0,833   2 (80 > 70 > 62,5)
//	2     65,5  65,5  50    181     60,333   50    65,5  +5,167   1 (tie with B)
//	3     80    75    75    230     76,667   75    80    +3,333   1
//	4     55    55    61,5  171,5   57,167   55    61,5  −2,167   2 (tie with B)
//	5     60    71    60    191     63,667   60    71    −3,667   2 (tie with C)
//	6     72,5  60    72,5  205     68,333   60    72,5  +4,167   1 (tie with C)
//	7     68    68    70    206     68,667   68    70    −0,667   2 (tie with B)
//	8     90    85,5  77    252,5   84,167   77    90    +5,833   1
//	TOT   561   542,5 546   1649,5  549,833  542,5 561   +11,167  1
func TestAgainstMember(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "exempelgruppen 2007", "Exempelkommun A", 2007)
	if err != nil {
		t.Fatal(err)
	}
	if gc.Kommun != "Exempelkommun A" || gc.Year != 2007 || gc.Instrument != "kommunkompassen@2007" {
		t.Errorf("comparison of %s %d (%s)", gc.Kommun, gc.Year, gc.Instrument)
	}
	if gc.Group.Name != "Exempelgruppen 2007" || gc.Group.Kind != "list" || gc.Group.Size != 3 ||
		gc.Group.Description != "Tre fiktiva kommuner utvärderade 2007 (testdata)." {
		t.Errorf("group %+v", gc.Group)
	}
	if len(gc.Members) != 3 || gc.Members[0].Label != "Exempelkommun A 2007" || gc.Members[1].Label != "Exempelkommun B 2007" || gc.Members[2].Label != "Exempelkommun C 2007" {
		t.Errorf("members %+v", gc.Members)
	}
	m := func(a, b, c string) []string { return []string{a, b, c} }
	want := []groupRow{
		{"1", "70", m("70", "62,5", "80"), "70,833", "62,5", "80", "-0,833", 2, 3},
		{"2", "65,5", m("65,5", "65,5", "50"), "60,333", "50", "65,5", "5,167", 1, 3},
		{"3", "80", m("80", "75", "75"), "76,667", "75", "80", "3,333", 1, 3},
		{"4", "55", m("55", "55", "61,5"), "57,167", "55", "61,5", "-2,167", 2, 3},
		{"5", "60", m("60", "71", "60"), "63,667", "60", "71", "-3,667", 2, 3},
		{"6", "72,5", m("72,5", "60", "72,5"), "68,333", "60", "72,5", "4,167", 1, 3},
		{"7", "68", m("68", "68", "70"), "68,667", "68", "70", "-0,667", 2, 3},
		{"8", "90", m("90", "85,5", "77"), "84,167", "77", "90", "5,833", 1, 3},
	}
	if len(gc.Areas) != len(want) {
		t.Fatalf("%d area rows, want %d", len(gc.Areas), len(want))
	}
	for i, w := range want {
		checkGroupRow(t, gc.Areas[i], w)
	}
	checkGroupRow(t, gc.Total, groupRow{"TOTAL", "561", m("561", "542,5", "546"), "549,833", "542,5", "561", "11,167", 1, 3})
	if len(gc.Caveats) != 0 || len(gc.Comments) != 0 {
		t.Errorf("caveats %v, comments %v; want none", gc.Caveats, gc.Comments)
	}
}

// TestAgainstNonMember compares Exempelkommun D 2007 with the same group,
// of which it is not a member: the mean, min and max are the members'
// (as in TestAgainstMember), and D is ranked among A, B, C and itself.
//
// By hand (diff = D − mean from the table in TestAgainstMember):
//
//	area  D     others (A, B, C)     diff      rank
//	1     55    70, 62,5, 80         −15,833   4 (80, 70, 62,5, 55)
//	2     70    65,5, 65,5, 50       +9,667    1
//	3     66,5  80, 75, 75           −10,167   4
//	4     48    55, 55, 61,5         −9,167    4
//	5     52,5  60, 71, 60           −11,167   4
//	6     64    72,5, 60, 72,5       −4,333    3 (72,5 and 72,5 share 1, so 64 is 3rd)
//	7     59    68, 68, 70           −9,667    4
//	8     81    90, 85,5, 77         −3,167    3 (90, 85,5, 81, 77)
//	TOT   496   561, 542,5, 546      −53,833   4
func TestAgainstNonMember(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "Exempelgruppen 2007", "Exempelkommun D", 2007)
	if err != nil {
		t.Fatal(err)
	}
	m := func(a, b, c string) []string { return []string{a, b, c} }
	want := []groupRow{
		{"1", "55", m("70", "62,5", "80"), "70,833", "62,5", "80", "-15,833", 4, 4},
		{"2", "70", m("65,5", "65,5", "50"), "60,333", "50", "65,5", "9,667", 1, 4},
		{"3", "66,5", m("80", "75", "75"), "76,667", "75", "80", "-10,167", 4, 4},
		{"4", "48", m("55", "55", "61,5"), "57,167", "55", "61,5", "-9,167", 4, 4},
		{"5", "52,5", m("60", "71", "60"), "63,667", "60", "71", "-11,167", 4, 4},
		{"6", "64", m("72,5", "60", "72,5"), "68,333", "60", "72,5", "-4,333", 3, 4},
		{"7", "59", m("68", "68", "70"), "68,667", "68", "70", "-9,667", 4, 4},
		{"8", "81", m("90", "85,5", "77"), "84,167", "77", "90", "-3,167", 3, 4},
	}
	for i, w := range want {
		checkGroupRow(t, gc.Areas[i], w)
	}
	checkGroupRow(t, gc.Total, groupRow{"TOTAL", "496", m("561", "542,5", "546"), "549,833", "542,5", "561", "-53,833", 4, 4})
}

// TestAgainstTiesShareRank: B ties with A in area 2 (65,5) and area 4 (55)
// and with C in area 3 (75); both members of a tie get the higher rank,
// and the next rank is skipped ("1, 1, 3").
func TestAgainstTiesShareRank(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "Exempelgruppen 2007", "Exempelkommun B", 2007)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct {
		area int
		rank int
	}{
		{1, 3}, // 80 > 70 > 62,5
		{2, 1}, // 65,5 = 65,5 > 50
		{3, 2}, // 80 > 75 = 75
		{4, 2}, // 61,5 > 55 = 55
		{5, 1}, // 71 > 60 = 60
		{6, 3}, // 72,5 = 72,5 > 60
		{7, 2}, // 70 > 68 = 68
		{8, 2}, // 90 > 85,5 > 77
	} {
		r := gc.Areas[w.area-1]
		if r.Rank != w.rank || r.RankOf != 3 {
			t.Errorf("area %d: B ranked %d/%d, want %d/3", w.area, r.Rank, r.RankOf, w.rank)
		}
	}
	// A, ranked in its own comparison, shares rank 1 in area 2 with B.
	ga, err := group(t, s, "Exempelgruppen 2007", "Exempelkommun A", 2007)
	if err != nil {
		t.Fatal(err)
	}
	if ga.Areas[1].Rank != 1 || gc.Areas[1].Rank != 1 {
		t.Errorf("area 2: A ranked %d and B %d, want both 1", ga.Areas[1].Rank, gc.Areas[1].Rank)
	}
}

// TestAgainstAll compares with the built-in group "alla": every kommun
// evaluation made with kommunkompassen@2007 (A 2005, 2007, 2009, B, C, D;
// F is left out, E is of 2010).
//
// Area 1 by hand: 60 + 70 + 75 + 62,5 + 80 + 55 = 402,5; / 6 = 67,083;
// A 2007 (70) ranks 3rd after 80 and 75.
func TestAgainstAll(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "ALLA", "Exempelkommun A", 2007)
	if err != nil {
		t.Fatal(err)
	}
	// The other kommuner's latest @2007 evaluations: B 2007, C 2007, D 2007
	// (A itself and its other years are not members; F has problems).
	if gc.Group.Kind != "all" || gc.Group.Size != 3 {
		t.Errorf("group %+v, want kind all with 3 members", gc.Group)
	}
	// Area 1: A 70 against 62,5, 80 and 55: mean 197,5 / 3 = 65,833;
	// A ranks 2nd of the four.
	r := gc.Areas[0]
	checkP(t, "mean", r.Mean, "65,833")
	checkP(t, "min", r.Min, "55")
	checkP(t, "max", r.Highest, "80")
	checkP(t, "diff", r.Diff, "4,167")
	if r.Rank != 2 || r.RankOf != 4 {
		t.Errorf("rank %d/%d, want 2/4", r.Rank, r.RankOf)
	}
}

// TestAgainstSeries compares Vallentuna 2021 with the published national
// mean beside it (both from Vallentuna kommun's page): Vallentuna
// 73, 75, 80, 83, 86, 82, 86, 83 against 63, 65, 73, 64, 61, 59, 68, 64.
func TestAgainstSeries(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	gc, err := group(t, s, "Sverigesnitt 2021", "Vallentuna", 2021)
	if err != nil {
		t.Fatal(err)
	}
	if gc.Group.Kind != "series" || gc.Group.Size != 1 || gc.Group.Name != "Sverigesnitt 2021" {
		t.Errorf("group %+v", gc.Group)
	}
	diffs := []string{"10", "10", "7", "19", "25", "23", "18", "19"}
	for i, d := range diffs {
		r := gc.Areas[i]
		checkP(t, "area "+r.ID+" diff", r.Diff, d)
		if r.Rank != 0 || r.RankOf != 0 {
			t.Errorf("area %s: rank %d/%d for a series, want 0/0", r.ID, r.Rank, r.RankOf)
		}
	}
	if gc.Areas[4].Name != "Brukarens fokus" {
		t.Errorf("area 5 is %q, want Brukarens fokus", gc.Areas[4].Name)
	}
	checkP(t, "area 5 own", gc.Areas[4].Own, "86")
	checkP(t, "area 5 mean", gc.Areas[4].Mean, "61")
	// 648 − (63+65+73+64+61+59+68+64 = 517) = 131
	checkP(t, "total own", gc.Total.Own, "648")
	checkP(t, "total mean", gc.Total.Mean, "517")
	checkP(t, "total diff", gc.Total.Diff, "131")
	if gc.Total.Rank != 0 {
		t.Errorf("total rank %d for a series, want 0", gc.Total.Rank)
	}
}
