package validate_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// umeaPlan writes the plan of the shipped Umeå 2007 into dir, with a copy
// of the evaluation beside it when withEvaluation.
func umeaPlan(t *testing.T, dir string, withEvaluation bool) (planPath, evPath string) {
	t.Helper()
	src := filepath.Join(shippedDir, "umea-2007.xlsx")
	ev, probs := workbook.Read(src)
	if ev == nil || problem.HasErrors(probs) {
		t.Fatal(probs)
	}
	in := testbase.Instrument(t, "kommunkompassen@2007")
	var buf bytes.Buffer
	if err := plan.Write(&buf, ev, in, plan.Options{}); err != nil {
		t.Fatal(err)
	}
	planPath = filepath.Join(dir, "umea-2007-atgardsplan.xlsx")
	if err := os.WriteFile(planPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if withEvaluation {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		evPath = filepath.Join(dir, "umea-2007.xlsx")
		if err := os.WriteFile(evPath, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return planPath, evPath
}

func TestPlanValidates(t *testing.T) {
	reg := testbase.Registry(t)
	dir := t.TempDir()
	planPath, evPath := umeaPlan(t, dir, true)
	// The plan sorts before its evaluation, which the run reads next.
	paths, err := validate.Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || paths[0] != planPath {
		t.Fatalf("files %v", paths)
	}
	results := files(t, paths)
	for _, r := range results {
		if len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.File, r.Problems)
		}
	}
	if r := results[0]; !r.OK() || r.Plan == nil || r.Evaluation != nil || r.Outcome().Label != "åtgärdsplan Umeå 2007" {
		t.Errorf("plan: OK %v, outcome %+v", r.OK(), r.Outcome())
	}
	// Alone in a folder, with the evaluation elsewhere in the run.
	other := t.TempDir()
	moved := filepath.Join(other, filepath.Base(planPath))
	if err := os.Rename(planPath, moved); err != nil {
		t.Fatal(err)
	}
	for _, r := range files(t, []string{evPath, moved}) {
		if len(r.Problems) > 0 {
			t.Errorf("%s: %v", r.File, r.Problems)
		}
	}
	// The set keeps the plan apart from the evaluations.
	set, err := evalset.Load(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Plans) != 0 || len(set.Evaluations) != 1 {
		t.Fatalf("set: %d plans, %d evaluations", len(set.Plans), len(set.Evaluations))
	}
	if err := os.Rename(moved, planPath); err != nil {
		t.Fatal(err)
	}
	set, err = evalset.Load(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Plans) != 1 || len(set.Evaluations) != 1 || len(set.Excluded) != 0 || !set.Plans[0].Of(set.Evaluations[0]) {
		t.Fatalf("set: %d plans, %d evaluations, excluded %v", len(set.Plans), len(set.Evaluations), set.Excluded)
	}
}

func TestPlanWithoutEvaluation(t *testing.T) {
	reg := testbase.Registry(t)
	dir := t.TempDir()
	planPath, _ := umeaPlan(t, dir, false)
	r := validate.File(planPath, reg)
	if len(r.Problems) > 0 {
		t.Fatalf("on its own: %v", r.Problems)
	}
	results := files(t, []string{planPath})
	checkExactly(t, results[0].Problems, []want{{planPath, plan.SheetFacts, "B2", "", problem.Error,
		"there is no evaluation of Umeå 2007 for this åtgärdsplan among the workbooks checked or in " + dir}})
	set, err := evalset.Load(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Plans) != 0 || len(set.Excluded) != 1 || set.Excluded[0].Kommun != "Umeå" || set.Excluded[0].Year != 2007 {
		t.Errorf("set: plans %v, excluded %v", set.Plans, set.Excluded)
	}
}

func TestPlanTwice(t *testing.T) {
	dir := t.TempDir()
	planPath, _ := umeaPlan(t, dir, true)
	b, err := os.ReadFile(planPath)
	if err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "umea-2007-atgardsplan-2.xlsx")
	if err := os.WriteFile(second, b, 0o644); err != nil {
		t.Fatal(err)
	}
	results := files(t, []string{planPath, second})
	if len(results[0].Problems) != 0 || len(results[1].Problems) != 1 || !strings.Contains(results[1].Problems[0].Message, "has an åtgärdsplan already in "+planPath) {
		t.Errorf("problems: %v / %v", results[0].Problems, results[1].Problems)
	}
}

// TestPlanReadAhead: a plan that sorts before its evaluation is checked
// against it whether the evaluation comes right after it, a few files
// later (Each holds the plan back until it has been seen) or many files
// later (then it is looked for in the plan's folder); without the
// evaluation the plan has the one problem that says so. The results keep
// their order.
func TestPlanReadAhead(t *testing.T) {
	reg := testbase.Registry(t)
	other, err := os.ReadFile(filepath.Join(shippedDir, "orebro-2012.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		between    int
		evaluation bool
	}{{0, true}, {3, true}, {12, true}, {3, false}} {
		between := tc.between
		dir := t.TempDir()
		planPath, _ := umeaPlan(t, dir, tc.evaluation)
		for i := range between { // sorts between the plan and umea-2007.xlsx
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("umea-2007-b%02d.xlsx", i)), other, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files, err := validate.Collect([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		validate.Each(files, reg, func(i int, r validate.Result) {
			if i != n || r.File != files[i] {
				t.Errorf("%d between: result %d is %s, want %d, %s", between, i, r.File, n, files[n])
			}
			n++
			if r.File != planPath {
				return
			}
			if want := map[bool]int{true: 0, false: 1}[tc.evaluation]; len(r.Problems) != want {
				t.Errorf("%d between, evaluation %v: the plan has problems %v, want %d", between, tc.evaluation, r.Problems, want)
			}
		})
		if n != len(files) {
			t.Errorf("%d between: %d results for %d files", between, n, len(files))
		}
	}
}
