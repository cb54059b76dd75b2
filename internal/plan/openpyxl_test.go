package plan_test

import (
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestFilledByOpenpyxl: the plan of Umeå 2007, filled in by a Python
// program with openpyxl (testdata/fill-plan.py), still reads and checks
// without a problem.
func TestFilledByOpenpyxl(t *testing.T) {
	python := testkit.Openpyxl(t)
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	out := filepath.Join(t.TempDir(), "filled.xlsx")
	if b, err := exec.Command(python, "testdata/fill-plan.py", path, out).CombinedOutput(); err != nil {
		t.Fatalf("fill-plan.py: %v\n%s", err, b)
	}
	p, probs := plan.Read(out)
	if len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	if probs := plan.Check(p, ev); len(probs) > 0 {
		t.Fatalf("Check: %v", probs)
	}
	_, refs := plan.Refs(ev)
	if len(p.Items) != len(refs) || len(p.Items[0].Actions) != 2 {
		t.Fatalf("%d items (want %d), first with %d åtgärder (want 2)", len(p.Items), len(refs), len(p.Items[0].Actions))
	}
	for _, it := range p.Items {
		a := it.Actions[0]
		if !a.Due.Equal(time.Date(2008, 6, 30, 0, 0, 0, 0, time.UTC)) || a.Reports[0].Status == "" {
			t.Errorf("%s: %+v", it.Ref, a)
		}
	}
	second := p.Items[0].Actions[1]
	if st, i, ok := lastReport(second); !ok || i != 1 || st.Status != plan.Done || !second.Due.Equal(time.Date(2009, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("second åtgärd: %+v", second)
	}
}
