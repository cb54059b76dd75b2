package compare_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// area2010 is the area list of instruments/kommunkompassen-2010.toml.
const area2010 = `
id = "kommunkompassen"
version = "2010"
name = "Kommunkompassen 2010 (test: with a declared comparison)"
language = "sv"
step = 0.5

[[area]]
id = "1"
name = "Offentlighet och demokrati"
max = 100

[[area]]
id = "2"
name = "Tillgänglighet och brukarorientering"
max = 100

[[area]]
id = "3"
name = "Politisk styrning och kontroll"
max = 100

[[area]]
id = "4"
name = "Ledarskap, ansvar och delegation"
max = 100

[[area]]
id = "5"
name = "Resultat och effektivitet"
max = 100

[[area]]
id = "6"
name = "Kommunen som arbetsgivare – personalpolitik"
max = 100

[[area]]
id = "7"
name = "Verksamhetsutveckling"
max = 100

[[area]]
id = "8"
name = "Kommunen som samhällsbyggare"
max = 100
`

// testCaveat is the caveat of the test mapping. The mapping is a test
// device, not a judgement about the real instruments: areas 2, 3 and 4
// are rotated (not merely swapped) so that the direction in which the
// mapping is read is visible in the numbers.
const testCaveat = "Testmappning: 2010 års områden 2, 3 och 4 jämförs med 2007 års områden 3, 4 och 2; övriga områden rakt av."

const compareFull = `
[[compare]]
version = "2007"
caveat = "` + testCaveat + `"
[compare.areas]
"1" = "1"
"2" = "3"
"3" = "4"
"4" = "2"
"5" = "5"
"6" = "6"
"7" = "7"
"8" = "8"
`

// comparePartial maps every area but 5.
const comparePartial = `
[[compare]]
version = "2007"
caveat = "Testmappning utan område 5."
[compare.areas]
"1" = "1"
"2" = "2"
"3" = "3"
"4" = "4"
"6" = "6"
"7" = "7"
"8" = "8"
`

func parseInstrument(t *testing.T, text string) *instrument.Instrument {
	t.Helper()
	in, err := instrument.Parse("test-2010.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// with returns a copy of ev evaluated with the instrument in (the set's
// own evaluations are shared between tests and stay untouched).
func with(ev *evaluation.Evaluation, in *instrument.Instrument) *evaluation.Evaluation {
	c := *ev
	c.Instrument = in
	return &c
}

func checkVersionError(t *testing.T, err error, refs ...string) {
	t.Helper()
	var ve *compare.VersionError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T), want *compare.VersionError", err, err)
	}
	for _, r := range refs {
		if !strings.Contains(err.Error(), r) {
			t.Errorf("error %q does not name %s", err, r)
		}
	}
}

func TestMixedVersionsRefused(t *testing.T) {
	s := loadSet(t, groupDir)
	a := find(t, s, "Exempelkommun A", 2007)
	e := find(t, s, "Exempelkommun E", 2012)

	_, err := compare.NewTrend([]*evaluation.Evaluation{a, e})
	checkVersionError(t, err, "kommunkompassen@2007", "kommunkompassen@2010", "Exempelkommun A 2007", "Exempelkommun E 2012")

	g, err := s.Group("Blandad", a, evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = compare.Against(a, g)
	checkVersionError(t, err, "kommunkompassen@2007", "kommunkompassen@2010", `"Blandad"`)
}

// TestMixedVersionsRealRefused: Örebro 2012 (kommunkompassen@2010) and
// Umeå 2007 (kommunkompassen@2007) are not compared, since the shipped
// instruments declare no mapping.
func TestMixedVersionsRealRefused(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	orebro := find(t, s, "Örebro", 2012)
	umea := find(t, s, "Umeå", 2007)
	_, err := compare.NewTrend([]*evaluation.Evaluation{umea, orebro})
	checkVersionError(t, err, "kommunkompassen@2007", "kommunkompassen@2010", "Örebro 2012", "Umeå 2007")
	g := &evalset.Group{Name: "Umeå ensam", Kind: evalset.GroupList, Members: []*evaluation.Evaluation{umea}}
	_, err = compare.Against(orebro, g)
	checkVersionError(t, err, "kommunkompassen@2007", "kommunkompassen@2010", `"Umeå ensam"`)
	if _, ok := compare.Comparable(orebro.Instrument, umea.Instrument); ok {
		t.Error("Comparable(2010, 2007) with the shipped instruments, want false")
	}
}

// TestMixedVersionsTrendMapped: the newer evaluation's instrument declares
// the mapping, so the trend works with its rows and shows the caveat.
//
// Rows are 2010's areas; the A 2007 column takes 2007's area 3 for row 2,
// area 4 for row 3 and area 2 for row 4:
//
//	row  A 2007          E 2012  change
//	1    70              66      −4
//	2    80 (2007's 3)   71,5    −8,5
//	3    55 (2007's 4)   58      +3
//	4    65,5 (2007's 2) 63      −2,5
//	5    60              70      +10
//	6    72,5            69      −3,5
//	7    68              61,5    −6,5
//	8    90              74      −16
//	TOT  561             533     −28
func TestMixedVersionsTrendMapped(t *testing.T) {
	s := loadSet(t, groupDir)
	in := parseInstrument(t, area2010+compareFull)
	a := find(t, s, "Exempelkommun A", 2007)
	e := with(find(t, s, "Exempelkommun E", 2012), in)

	tr, err := compare.NewTrend([]*evaluation.Evaluation{a, e})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Instrument != "kommunkompassen@2010" {
		t.Errorf("rows of %s, want kommunkompassen@2010 (the latest)", tr.Instrument)
	}
	if len(tr.Caveats) != 1 || tr.Caveats[0] != testCaveat {
		t.Errorf("caveats %q, want [%q]", tr.Caveats, testCaveat)
	}
	want := [][3]string{
		{"70", "66", "-4"}, {"80", "71,5", "-8,5"}, {"55", "58", "3"}, {"65,5", "63", "-2,5"},
		{"60", "70", "10"}, {"72,5", "69", "-3,5"}, {"68", "61,5", "-6,5"}, {"90", "74", "-16"},
	}
	for i, w := range want {
		r := tr.Areas[i]
		checkP(t, "row "+r.ID+" A 2007", r.Scores[0], w[0])
		checkP(t, "row "+r.ID+" E 2012", r.Scores[1], w[1])
		checkP(t, "row "+r.ID+" change", r.Changes[0], w[2])
	}
	checkP(t, "total A 2007", tr.Total.Scores[0], "561")
	checkP(t, "total E 2012", tr.Total.Scores[1], "533")
	checkP(t, "total change", tr.Total.Changes[0], "-28")
	if strings.Join(tr.Steps[0].MostMoved, ",") != "8" {
		t.Errorf("most moved %v, want 8", tr.Steps[0].MostMoved)
	}

	// A mapping that leaves out an area leaves that row and the older
	// total empty rather than inventing them.
	tr, err = compare.NewTrend([]*evaluation.Evaluation{a, with(e, parseInstrument(t, area2010+comparePartial))})
	if err != nil {
		t.Fatal(err)
	}
	checkP(t, "row 5 A 2007 (unmapped)", tr.Areas[4].Scores[0], "")
	checkP(t, "row 5 change (unmapped)", tr.Areas[4].Changes[0], "")
	checkP(t, "row 2 A 2007", tr.Areas[1].Scores[0], "65,5")
	checkP(t, "total A 2007 (incomplete mapping)", tr.Total.Scores[0], "")
	checkP(t, "total E 2012", tr.Total.Scores[1], "533")
	checkP(t, "total change", tr.Total.Changes[0], "")
}

// TestMixedVersionsGroupMapped: the member's instrument (2010) declares
// the mapping to the own evaluation's (2007), so it is read in reverse.
//
// Rows are 2007's areas; read in reverse, the mapping gives E 2012's
// area 4 for row 2, area 2 for row 3 and area 3 for row 4. Group
// "Blandad" is E 2012 and A 2007 (A itself, counted once):
//
//	row  E 2012         A 2007  mean    rank of A
//	1    66             70      68      1/2
//	2    63 (2010's 4)  65,5    64,25   1/2
//	3    71,5 (2010's 2) 80     75,75   1/2
//	4    58 (2010's 3)  55      56,5    2/2
//	5    70             60      65      2/2
//	TOT  533            561     547     1/2
func TestMixedVersionsGroupMapped(t *testing.T) {
	s := loadSet(t, groupDir)
	in := parseInstrument(t, area2010+compareFull)
	a := find(t, s, "Exempelkommun A", 2007)
	g, err := s.Group("Blandad", a, evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	mixed := *g
	mixed.Members = []*evaluation.Evaluation{with(g.Members[0], in), g.Members[1]}
	if mixed.Members[0].Facts.Kommun != "Exempelkommun E" {
		t.Fatalf("first member of Blandad is %s, want Exempelkommun E", mixed.Members[0].Label())
	}
	gc, err := compare.Against(a, &mixed)
	if err != nil {
		t.Fatal(err)
	}
	if len(gc.Caveats) != 1 || gc.Caveats[0] != testCaveat {
		t.Errorf("caveats %q, want [%q]", gc.Caveats, testCaveat)
	}
	for _, w := range []struct {
		row        int
		e, a, mean string
		rank       int
	}{
		{0, "66", "70", "68", 1},
		{1, "63", "65,5", "64,25", 1},
		{2, "71,5", "80", "75,75", 1},
		{3, "58", "55", "56,5", 2},
		{4, "70", "60", "65", 2},
	} {
		r := gc.Areas[w.row]
		checkP(t, "row "+r.ID+" E", r.Members[0], w.e)
		checkP(t, "row "+r.ID+" A", r.Members[1], w.a)
		checkP(t, "row "+r.ID+" mean", r.Mean, w.mean)
		if r.Rank != w.rank || r.RankOf != 2 {
			t.Errorf("row %s rank %d/%d, want %d/2", r.ID, r.Rank, r.RankOf, w.rank)
		}
	}
	checkP(t, "total E", gc.Total.Members[0], "533")
	checkP(t, "total mean", gc.Total.Mean, "547")
}

func TestComparableDirections(t *testing.T) {
	v2007 := testbase.Instrument(t, "kommunkompassen@2007")
	v2010 := parseInstrument(t, area2010+compareFull)
	m, ok := compare.Comparable(v2010, v2007)
	if !ok || m.Areas["2"] != "3" || m.Areas["3"] != "4" || m.Areas["4"] != "2" || m.Caveat != testCaveat {
		t.Errorf("Comparable(2010 declaring, 2007) = %v, %v", m, ok)
	}
	// read in reverse: 2007's area → 2010's
	m, ok = compare.Comparable(v2007, v2010)
	if !ok || m.Areas["3"] != "2" || m.Areas["4"] != "3" || m.Areas["2"] != "4" || m.Areas["1"] != "1" || m.Caveat != testCaveat {
		t.Errorf("Comparable(2007, 2010 declaring) = %v, %v", m, ok)
	}
	m, ok = compare.Comparable(v2007, v2007)
	if !ok || m.Caveat != "" || len(m.Areas) != 8 || m.Areas["5"] != "5" {
		t.Errorf("Comparable(2007, 2007) = %v, %v; want the identity without caveat", m, ok)
	}
}
