package plan

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// The checks of a plan. Read reports what a cell holds that is not what
// its column takes (a Status not in the list, a Klart senast that is not a
// date); Check compares the plan with the evaluation it follows, and
// NoEvaluation is the problem of a plan that follows none.

// ParseStatus reads a status as people type it: case and white space
// aside ("delvis  genomförd" is Delvis genomförd).
func ParseStatus(s string) (Status, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, st := range Statuses {
		if strings.EqualFold(s, string(st)) {
			return st, true
		}
	}
	return "", false
}

func statusList() string {
	var names []string
	for _, s := range Statuses {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// parseStatus is ParseStatus, reporting a status not in the list at cell.
func parseStatus(s, cell string, pl *problem.List) Status {
	if st, ok := ParseStatus(s); ok {
		return st
	}
	pl.Error(problem.At{Sheet: SheetPlan, Cell: cell, Found: s, Expected: msg.Sprintf("one of %s", statusList())},
		msg.Sprintf("Status %q is not one of the statuses; choose one from the list, or leave the cell empty", problem.Short(s)))
	return ""
}

// parseDue reads a Klart senast cell: a date cell, or text written as a
// date (2008-06-30); empty is no date. Anything else is reported.
func parseDue(f *xlsx.File, sh *xlsx.Sheet, col, row int, pl *problem.List) time.Time {
	c, ok := sh.Cell(row, col)
	if !ok || strings.TrimSpace(c.Value) == "" {
		return time.Time{}
	}
	cell := sheet.Cell(col, row)
	at := problem.At{Sheet: SheetPlan, Cell: cell, Expected: msg.T("a date such as 2008-06-30")}
	if d, ok := f.Date(c); ok {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return t
		}
	}
	raw := strings.TrimSpace(c.Shown())
	if c.Type == xlsx.TypeString && len(raw) <= 32 {
		if t, err := time.Parse("2006-1-2", raw); err == nil {
			return t
		}
	}
	if formula := sheet.Formula(sh, col, row); formula != "" {
		at.Found = formula
		pl.Error(at, msg.Sprintf("%s holds a formula; type the date itself", ColDue))
		return time.Time{}
	}
	at.Found = raw
	pl.Error(at, msg.Sprintf("Klart senast %q is not a date; type a date such as 2008-06-30", problem.Short(raw)))
	return time.Time{}
}

func sortOccasions(os []Occasion) {
	sort.SliceStable(os, func(i, j int) bool { return os[i].Date.Before(os[j].Date) })
}

// Check compares a plan with the evaluation it follows (p.Of(ev)): every
// Ref must be a förbättringsområde of the evaluation (an error where it is
// not), and a text that differs from the evaluation's is a warning. Rows
// with the same Ref are several åtgärder of one förbättringsområde.
func Check(p *Plan, ev *evaluation.Evaluation) []problem.Problem {
	pl := &problem.List{File: p.File}
	byRef, refs := Refs(ev)
	for _, it := range p.Items {
		note, ok := byRef[it.Ref]
		if !ok {
			expected := msg.Sprintf("one of %s", clipList(refs))
			if len(refs) == 0 {
				expected = msg.T("no Ref: the evaluation has no förbättringsområden")
			}
			pl.Error(problem.At{Sheet: SheetPlan, Cell: it.Cell, ID: it.Area, Found: it.Ref, Expected: expected},
				msg.Sprintf("Ref %s is not a förbättringsområde of %s in %s", it.Ref, ev.Label(), filepath.Base(ev.File)))
			continue
		}
		// The plan holds the text as a cell holds it (sheet.CellText).
		if it.Text != "" && strings.Join(strings.Fields(it.Text), " ") != strings.Join(strings.Fields(sheet.CellText(note.Text)), " ") {
			pl.Warn(problem.At{Sheet: SheetPlan, Cell: it.TextCell, ID: it.Area, Found: it.Text, Expected: problem.Short(note.Text)},
				msg.Sprintf("the text of %s differs from the förbättringsområde in %s; check that the row refers to the right one", it.Ref, filepath.Base(ev.File)))
		}
	}
	return pl.Items
}

// clipList lists refs, at most ten of them.
func clipList(refs []string) string {
	if len(refs) > 10 {
		return strings.Join(refs[:10], ", ") + " …"
	}
	return strings.Join(refs, ", ")
}

// NoEvaluation is the problem of a plan that follows no evaluation: none
// of its kommun and year among the workbooks checked or in folder.
func NoEvaluation(p *Plan, folder string) problem.Problem {
	pl := &problem.List{File: p.File}
	pl.Error(problem.At{Sheet: SheetFacts, Cell: p.Cells[workbook.FactKommun], Found: p.Kommun + " " + strconv.Itoa(p.Year), Expected: msg.T("the evaluation the plan follows")},
		msg.Sprintf("there is no evaluation of %s %d for this åtgärdsplan among the workbooks checked or in %s", p.Kommun, p.Year, folder))
	return pl.Items[0]
}
