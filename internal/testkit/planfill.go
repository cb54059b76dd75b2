package testkit

import (
	"slices"
	"strings"

	"github.com/kompass-dev/kompass/internal/plan"
)

// PlanCell is one value PlanAction writes: the column by its header name
// (plan.ColAction, "Status April 2008", …) and the value.
type PlanCell struct {
	Column string
	Value  any
}

// PlanAction writes an åtgärd into the Åtgärdsplan sheet of a plan workbook
// the way a program filling it in would: into the first row whose Ref is
// ref and whose Åtgärd is empty, else into a new row below the table that
// repeats the Ref (with the styles of the first row), as the plan's
// instructions say a further åtgärd is written. It returns the row number.
func (w Filler) PlanAction(ref string, cells ...PlanCell) int {
	w.helper()
	names := []string{plan.ColRef, plan.ColAction}
	for _, c := range cells {
		if !slices.Contains(names, c.Column) {
			names = append(names, c.Column)
		}
	}
	rows, header, cols := w.header(plan.SheetPlan, names...)
	target, first := -1, -1
	for r := header + 1; r < len(rows) && target < 0; r++ {
		if strings.TrimSpace(at(rows[r], cols[plan.ColRef])) != ref {
			continue
		}
		if first < 0 {
			first = r
		}
		if strings.TrimSpace(at(rows[r], cols[plan.ColAction])) == "" {
			target = r
		}
	}
	if first < 0 {
		w.t.Fatalf("no row with Ref %q on the sheet %s", ref, plan.SheetPlan)
	}
	if target < 0 {
		target = len(rows)
		for c := range rows[header] {
			style, err := w.f.GetCellStyle(plan.SheetPlan, cellName(c, header+1))
			if err == nil {
				err = w.f.SetCellStyle(plan.SheetPlan, cellName(c, target), cellName(c, target), style)
			}
			if err != nil {
				w.t.Fatalf("%v", err)
			}
		}
		w.set(plan.SheetPlan, cellName(cols[plan.ColRef], target), ref)
	}
	for _, c := range cells {
		w.set(plan.SheetPlan, cellName(cols[c.Column], target), c.Value)
	}
	return target + 1
}
