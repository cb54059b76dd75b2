package evalset_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// clashFolder is a data folder of fictional kommuner: Sjöhamra 2023 and
// 2025, a copy of 2025 with another score, and Exempelkommun B 2025.
func clashFolder(t *testing.T, copyScore float64) string {
	t.Helper()
	reg := testbase.Registry(t)
	wb := func(kommun string, year int, first float64) []byte {
		var scores []samples.Score
		for i := range 8 {
			v := 58.0
			if i == 0 {
				v = first
			}
			scores = append(scores, samples.Score{ID: string(rune('1' + i)), Value: v})
		}
		b, err := samples.Workbook(reg, samples.Sample{Instrument: "kommunkompassen@2010", Scores: scores,
			Facts: evaluation.Facts{Kommun: kommun, Year: year, Kind: evaluation.KindKommun, Sources: "Fiktiva poäng för kompass tester."}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return testkit.Folder(t, map[string][]byte{
		"sjöhamra-2023.xlsx":          wb("Sjöhamra", 2023, 50),
		"sjöhamra-2025.xlsx":          wb("Sjöhamra", 2025, 60),
		"sjöhamra-2025 - kopia.xlsx":  wb("Sjöhamra", 2025, copyScore),
		"b.xlsx":                      wb("Exempelkommun B", 2025, 70),
		"sjöhamra-2021 (utkast).xlsx": wb("SJÖHAMRA", 2021, 40),
		"sjöhamra-2021.xlsx":          wb("Sjöhamra", 2021, 41),
	})
}

// TestClashes: two valid workbooks of one kommun and year are both left
// out, whichever sorts first; the kommun's evaluations are refused for any
// year that includes one (a *ClashError naming the files), others are not;
// the kommun is still listed, and other kommuner are untouched.
func TestClashes(t *testing.T) {
	dir := clashFolder(t, 63)
	s, err := evalset.Load(dir, testbase.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(s.Evaluations); !slices.Equal(got, []string{"Exempelkommun B 2025", "Sjöhamra 2023"}) {
		t.Errorf("Evaluations = %q", got)
	}
	var clashes []string
	for _, c := range s.Clashes {
		var files []string
		for _, f := range c.Files {
			files = append(files, filepath.Base(f))
		}
		clashes = append(clashes, c.Kommun+" "+strings.Join(files, " | "))
	}
	if want := []string{"SJÖHAMRA sjöhamra-2021 (utkast).xlsx | sjöhamra-2021.xlsx", "Sjöhamra sjöhamra-2025 - kopia.xlsx | sjöhamra-2025.xlsx"}; !slices.Equal(clashes, want) {
		t.Errorf("Clashes = %q, want %q", clashes, want)
	}
	if got := s.Kommuner(); !slices.Equal(got, []string{"Exempelkommun B", "Sjöhamra"}) {
		t.Errorf("Kommuner = %q", got)
	}
	var ce *evalset.ClashError
	for _, tc := range []struct {
		name  string
		call  func() error
		clash bool
	}{
		{"Lookup", func() error { _, err := s.Lookup("sjohamra"); return err }, true},
		{"Select all", func() error { _, err := s.Select("Sjöhamra"); return err }, true},
		{"Select 2023, 2025", func() error { _, err := s.Select("Sjöhamra", 2023, 2025); return err }, true},
		{"Select 2023", func() error { _, err := s.Select("Sjöhamra", 2023); return err }, false},
		{"Until the latest", func() error { _, err := s.Until("Sjöhamra", 0); return err }, true},
		{"Until 2023", func() error { _, err := s.Until("Sjöhamra", 2023); return err }, true}, // 2021 is before it
		{"another kommun", func() error { _, err := s.Lookup("Exempelkommun B"); return err }, false},
	} {
		err := tc.call()
		if got := errors.As(err, &ce); got != tc.clash || !tc.clash && err != nil {
			t.Errorf("%s: %v; want a clash %v", tc.name, err, tc.clash)
		}
	}
	_, err = s.Lookup("Sjöhamra")
	if !errors.As(err, &ce) || len(ce.Clashes) != 2 || !strings.Contains(err.Error(), "Sjöhamra 2025 is in 2 workbooks, "+filepath.Join(dir, "sjöhamra-2025 - kopia.xlsx")+", "+filepath.Join(dir, "sjöhamra-2025.xlsx")) {
		t.Errorf("Lookup error %v", err)
	}
}

// TestClashBrokenCopy: a copy with an error claims nothing; the valid
// workbook is used.
func TestClashBrokenCopy(t *testing.T) {
	s, err := evalset.Load(clashFolder(t, 163), testbase.Registry(t)) // 163 is above maxpoäng 100
	if err != nil {
		t.Fatal(err)
	}
	evs, err := s.Select("Sjöhamra", 2023, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(evs); !slices.Equal(got, []string{"Sjöhamra 2023", "Sjöhamra 2025"}) || filepath.Base(evs[1].File) != "sjöhamra-2025.xlsx" {
		t.Errorf("Select = %q (%s)", got, evs[1].File)
	}
	if len(s.Clashes) != 1 || s.Clashes[0].Year != 2021 {
		t.Errorf("Clashes = %+v, want only 2021's", s.Clashes)
	}
}

// TestNationalLeavesOutDrafts: the national mean ("alla") is of finished
// evaluations; a kommun whose latest is a draft counts with its latest
// final one.
func TestNationalLeavesOutDrafts(t *testing.T) {
	reg := testbase.Registry(t)
	wb := func(kommun string, year int, v float64, draft bool) []byte {
		var scores []samples.Score
		for i := range 8 {
			scores = append(scores, samples.Score{ID: string(rune('1' + i)), Value: v})
		}
		f := evaluation.Facts{Kommun: kommun, Year: year, Kind: evaluation.KindKommun, Sources: "Fiktiva poäng för kompass tester."}
		if draft {
			f.Status = evaluation.StatusDraft
		}
		b, err := samples.Workbook(reg, samples.Sample{Instrument: "kommunkompassen@2010", Scores: scores, Facts: f})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	s, err := evalset.Load(testkit.Folder(t, map[string][]byte{
		"a.xlsx":  wb("Exempelkommun A", 2025, 50, false),
		"b1.xlsx": wb("Exempelkommun B", 2023, 60, false),
		"b2.xlsx": wb("Exempelkommun B", 2025, 70, true),
		"c.xlsx":  wb("Exempelkommun C", 2025, 80, true),
	}), reg)
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.Group("alla", find(t, s, "Exempelkommun A", 2025), evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(g.Members); !slices.Equal(got, []string{"Exempelkommun B 2023"}) {
		t.Errorf("alla = %q, want Exempelkommun B 2023 only", got)
	}
}
