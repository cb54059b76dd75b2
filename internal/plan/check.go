package plan

import (
	"path/filepath"
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

// foldedStatuses maps each status, folded (evaluation.FoldName: case,
// white space and the marks of å, ä, ö aside, NFC or NFD alike), to itself;
// the forms people also write — "Genomfört", "Ej påbörjat" — read as the
// status.
var foldedStatuses = func() map[string]Status {
	m := map[string]Status{}
	for _, s := range Statuses {
		k := evaluation.FoldName(string(s))
		m[k] = s
		if strings.HasSuffix(k, "d") {
			m[strings.TrimSuffix(k, "d")+"t"] = s
		}
	}
	return m
}()

// ParseStatus reads a status as people type it: whatever its case, white
// space and accents ("delvis  genomförd", "GENOMFORD", a decomposed
// "Genomförd", "Pagar"), and in its -t form ("Genomfört"). The status is
// the canonical one, as the list writes it.
func ParseStatus(s string) (Status, bool) {
	if len(s) > 64 {
		return "", false
	}
	st, ok := foldedStatuses[evaluation.FoldName(s)]
	return st, ok
}

func statusList() string {
	var names []string
	for _, s := range Statuses {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// nearestStatus is the status a misspelt one is closest to (at most two
// letters apart, folded), or "".
func nearestStatus(s string) Status {
	if len(s) > 64 {
		return ""
	}
	k := []rune(evaluation.FoldName(s))
	best, bestD := Status(""), 3
	for _, st := range Statuses {
		if d := distance(k, []rune(evaluation.FoldName(string(st)))); d < bestD {
			best, bestD = st, d
		}
	}
	return best
}

// distance is the Levenshtein distance of two short strings.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// parseStatus is ParseStatus, reporting a status not in the list at cell
// (with the status it is nearest to, when one is).
func parseStatus(s, cell string, pl *problem.List) Status {
	if st, ok := ParseStatus(s); ok {
		return st
	}
	at := problem.At{Sheet: SheetPlan, Cell: cell, Found: s, Expected: msg.Sprintf("one of %s", statusList())}
	if near := nearestStatus(s); near != "" {
		pl.Error(at, msg.Sprintf("Status %q is not one of the statuses; did you mean %s? Choose one from the list, or leave the cell empty", problem.Short(s), near))
		return ""
	}
	pl.Error(at, msg.Sprintf("Status %q is not one of the statuses; choose one from the list, or leave the cell empty", problem.Short(s)))
	return ""
}

// parseDate reads a cell that holds a day: a date cell, or text written as
// a date (2026-06-30); a month without a day (a date cell shown as "juni
// 2026", or the text "juni 2026", "2026-06") is the month's last day.
// Empty is no date. Anything else is reported at the cell, what naming
// the column or fact, example a day in the plan's time.
func parseDate(f *xlsx.File, sh *xlsx.Sheet, sheetName, what, example string, col, row int, pl *problem.List) time.Time {
	c, ok := sh.Cell(row, col)
	if !ok || strings.TrimSpace(c.Value) == "" {
		return time.Time{}
	}
	cell := sheet.Cell(col, row)
	at := problem.At{Sheet: sheetName, Cell: cell, Expected: msg.Sprintf("a date such as %s", example)}
	if d, ok := f.Date(c); ok {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			if monthOnly(f.NumFmt(c)) {
				return monthEnd(t.Year(), t.Month()) // "juni 2026" typed into a date cell
			}
			return t
		}
	}
	raw := strings.TrimSpace(c.Shown())
	if c.Type == xlsx.TypeString && len(raw) <= 32 {
		if t, err := time.Parse("2006-1-2", raw); err == nil {
			return t
		}
		if t, ok := parseMonth(raw); ok {
			return t
		}
	}
	if formula := sheet.Formula(sh, col, row); formula != "" {
		at.Found = formula
		pl.Error(at, msg.Sprintf("%s holds a formula; type the date itself", what))
		return time.Time{}
	}
	at.Found = raw
	pl.Error(at, msg.Sprintf("%s %q is not a date; type a date such as %s", what, problem.Short(raw), example))
	return time.Time{}
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
		if it.From != 0 {
			continue // carried over from an earlier plan: not of this evaluation
		}
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
