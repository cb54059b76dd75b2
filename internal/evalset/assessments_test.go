package evalset_test

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestAssessmentsApart: the evaluators' own workbooks in a data folder are
// no evaluations: the kommun is there once, by its agreed evaluation; the
// workbooks are kept apart, found for that evaluation, and are inputs no
// output may replace. The same evaluator twice is left out with a warning.
func TestAssessmentsApart(t *testing.T) {
	files := testkit.AssessedFolder(t)
	name, _ := testkit.Agreed(t)
	files["anna-igen.xlsx"] = files[testkit.AssessmentFiles[0]]
	dir := testkit.Folder(t, files)
	s, err := evalset.Load(dir, testkit.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(s.Evaluations); !slices.Equal(got, []string{"Exempelkommun A 2025"}) {
		t.Errorf("Evaluations = %q", got)
	}
	if got := s.Kommuner(); !slices.Equal(got, []string{"Exempelkommun A"}) {
		t.Errorf("Kommuner = %q", got)
	}
	if evs, err := s.Lookup("exempelkommun a"); err != nil || len(evs) != 1 || filepath.Base(evs[0].File) != name {
		t.Errorf("Lookup = %v, %v", evs, err)
	}
	var assessors []string
	for _, a := range s.AssessmentsOf(s.Evaluations[0]) {
		assessors = append(assessors, a.Facts.Assessor)
	}
	if !slices.Equal(assessors, testkit.Assessors) {
		t.Errorf("AssessmentsOf = %q, want %q", assessors, testkit.Assessors)
	}
	// Files are read in name order: the copy comes first.
	if len(s.Excluded) != 1 || filepath.Base(s.Excluded[0].File) != testkit.AssessmentFiles[0] {
		t.Fatalf("Excluded = %+v", s.Excluded)
	}
	if w := s.Warnings(); len(w) != 1 || !strings.Contains(w[0], "Anna Exempelsson already has a bedömning of Exempelkommun A 2025 in "+filepath.Join(dir, "anna-igen.xlsx")) {
		t.Errorf("Warnings = %q", w)
	}
	inputs := map[string]bool{}
	for _, in := range s.Inputs() {
		inputs[filepath.Base(in)] = true
	}
	for f := range maps.Keys(files) {
		if !inputs[f] {
			t.Errorf("Inputs() lacks %s", f)
		}
	}
}
