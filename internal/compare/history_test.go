package compare_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
)

const programmeDir = "../../testdata/programme"

// TestHistoryAcrossVersions: Exempelkommun A was evaluated 2005 and 2007
// (2003–2009 version), 2012 (2010) and 2021 (2020). No instrument declares
// how those versions correspond, so the history has three blocks, changes
// only within a block, and a boundary naming both versions between them.
func TestHistoryAcrossVersions(t *testing.T) {
	s := loadSet(t, programmeDir)
	evs, err := s.Lookup("Exempelkommun A")
	if err != nil {
		t.Fatal(err)
	}
	h, err := compare.NewHistory(evs)
	if err != nil {
		t.Fatal(err)
	}
	var years [][]int
	for _, b := range h.Blocks {
		var ys []int
		for _, c := range b.Columns {
			ys = append(ys, c.Year)
		}
		years = append(years, ys)
	}
	if want := [][]int{{2005, 2007}, {2012}, {2021}}; !slices.EqualFunc(years, want, slices.Equal) {
		t.Fatalf("blocks by year = %v, want %v", years, want)
	}
	if got := h.Latest().Instrument; got != "kommunkompassen@2020" {
		t.Errorf("latest block is %s", got)
	}
	if n := len(h.Blocks[0].Steps); n != 1 || len(h.Blocks[1].Steps) != 0 {
		t.Errorf("steps per block: %d, %d; want a change 2005→2007 and none across versions", n, len(h.Blocks[1].Steps))
	}
	// The 2007 block's change is the difference of its own totals.
	b := h.Blocks[0]
	if d := *b.Total.Scores[1] - *b.Total.Scores[0]; b.Total.Changes[0] == nil || *b.Total.Changes[0] != d {
		t.Errorf("2005→2007 total change = %v, want %v", b.Total.Changes[0], d)
	}
	if len(h.Boundaries) != 2 {
		t.Fatalf("boundaries = %+v", h.Boundaries)
	}
	bd := h.Boundaries[0]
	if bd.FromYear != 2007 || bd.ToYear != 2012 || bd.FromInstrument != "kommunkompassen@2007" || bd.ToInstrument != "kommunkompassen@2010" {
		t.Errorf("first boundary = %+v", bd)
	}

	var txt, cs bytes.Buffer
	if err := compare.HistoryText(&txt, h); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Exempelkommun A: poäng per huvudområde, 3 instrumentversioner",
		"== Kommunkompassen 2003–2009 (kommunkompassen@2007): 2005, 2007",
		"-- Versionsgräns 2007→2012: kommunkompassen@2007 → kommunkompassen@2010.",
		"-- Versionsgräns 2012→2021: kommunkompassen@2010 → kommunkompassen@2020.",
	} {
		if !strings.Contains(txt.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, txt.String())
		}
	}
	if err := compare.HistoryCSV(&cs, h); err != nil {
		t.Fatal(err)
	}
	// every year's TOTAL row, with its own version; a change only 2005→2007
	totals := map[string]string{}
	for _, line := range strings.Split(cs.String(), "\n") {
		f := strings.Split(line, ",")
		if len(f) == 9 && f[4] == "TOTAL" {
			totals[f[1]+"@"+f[3]] = f[8]
		}
	}
	if len(totals) != 4 || totals["2005@2007"] != "" || totals["2007@2007"] == "" || totals["2012@2010"] != "" || totals["2021@2020"] != "" {
		t.Errorf("CSV TOTAL rows (year@version → change) = %v", totals)
	}
}

// TestHistoryOneVersion: with one version the history is the trend, and
// its text is TrendText's.
func TestHistoryOneVersion(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	evs, err := s.Lookup("umea")
	if err != nil {
		t.Fatal(err)
	}
	h, err := compare.NewHistory(evs)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := compare.NewTrend(evs)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := compare.HistoryText(&a, h); err != nil {
		t.Fatal(err)
	}
	if err := compare.TrendText(&b, tr); err != nil {
		t.Fatal(err)
	}
	if len(h.Blocks) != 1 || a.String() != b.String() {
		t.Errorf("one-version history differs from its trend:\n%s\n---\n%s", a.String(), b.String())
	}
}
