package evalset_test

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestAssessmentsApart: the evaluators' own workbooks in a data folder are
// no evaluations: the kommun is there once, by its agreed evaluation; the
// workbooks are kept apart, found for that evaluation, and are inputs no
// output may replace. The same evaluator twice: both copies are left out,
// each with a warning naming the other (which one is right, only the
// evaluators know).
func TestAssessmentsApart(t *testing.T) {
	files := testkit.AssessedFolder(t)
	name, _ := testkit.Agreed(t)
	files["anna-igen.xlsx"] = files[testkit.AssessmentFiles[0]]
	dir := testkit.Folder(t, files)
	s, err := evalset.Load(dir, testbase.Registry(t))
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
	if !slices.Equal(assessors, testkit.Assessors[1:]) {
		t.Errorf("AssessmentsOf = %q, want %q", assessors, testkit.Assessors[1:])
	}
	if len(s.Excluded) != 2 || filepath.Base(s.Excluded[0].File) != "anna-igen.xlsx" || filepath.Base(s.Excluded[1].File) != testkit.AssessmentFiles[0] {
		t.Fatalf("Excluded = %+v", s.Excluded)
	}
	w := s.Warnings()
	if len(w) != 2 || !strings.Contains(w[0], "Anna Exempelsson's bedömning of Exempelkommun A 2025 is also in "+filepath.Join(dir, testkit.AssessmentFiles[0])) ||
		!strings.Contains(w[1], "is also in "+filepath.Join(dir, "anna-igen.xlsx")) {
		t.Errorf("Warnings = %q", w)
	}
	// Clashes of evaluators' workbooks are no clash of the evaluation.
	if len(s.Clashes) != 0 {
		t.Errorf("Clashes = %+v", s.Clashes)
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
