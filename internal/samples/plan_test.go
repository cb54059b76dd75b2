package samples_test

import (
	"path/filepath"
	"testing"

	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/validate"
)

// TestExempelPlan: the shipped sample plan validates beside its evaluation, every
// förbättringsområde has one or two åtgärder, all four statuses occur and
// some åtgärd is overdue.
func TestExempelPlan(t *testing.T) {
	reg := testbase.Registry(t)
	ps := samples.ExempelPlan()
	// The committed plan, which TestWorkbooksUpToDate shows to be what
	// PlanWorkbook makes, beside its evaluation.
	planPath := filepath.Join(shippedDir, ps.File)
	var p *plan.Plan
	validate.Each([]string{planPath}, reg, func(_ int, r validate.Result) { // checked against the evaluation beside it
		if len(r.Problems) > 0 || r.Plan == nil {
			t.Fatalf("%s: %v", r.File, r.Problems)
		}
		p = r.Plan
	})
	ev, err := ps.Evaluation.Evaluation(reg)
	if err != nil {
		t.Fatal(err)
	}
	_, refs := plan.Refs(ev)
	if len(p.Items) != len(refs) {
		t.Fatalf("%d items, want %d", len(p.Items), len(refs))
	}
	seen := map[plan.Status]bool{}
	overdue := 0
	for _, it := range p.Items {
		if n := len(it.Actions); n < 1 || n > 2 {
			t.Errorf("%s: %d åtgärder", it.Ref, n)
		}
		for _, a := range it.Actions {
			i := -1 // the occasion of the latest status
			for j, r := range a.Reports {
				if r.Status != "" {
					i = j
				}
			}
			if i < 0 || a.Text == "" || a.Responsible == "" || a.Goal == "" || a.Due.IsZero() {
				t.Errorf("%s row %d: incomplete åtgärd %+v", it.Ref, a.Row, a)
				continue
			}
			for _, r := range a.Reports {
				seen[r.Status] = true
			}
			if a.Reports[i].Status != plan.Done && a.Due.Before(p.Occasions[i].Date) {
				overdue++
			}
		}
	}
	for _, s := range plan.Statuses {
		if !seen[s] {
			t.Errorf("no åtgärd is %s", s)
		}
	}
	if overdue == 0 {
		t.Error("no åtgärd is overdue")
	}
}
