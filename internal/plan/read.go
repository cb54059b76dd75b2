package plan

import (
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// IsPlan reports whether the workbook at path is an åtgärdsplan: one with a
// sheet Åtgärdsplan (in any case). A file that cannot be opened as a
// workbook is no plan; reading it as an evaluation says why.
func IsPlan(path string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f := sheet.Open(path, &problem.List{File: path})
	return f != nil && f.HasSheet(SheetPlan)
}

// Read opens a plan workbook and returns the plan in it with every problem
// found in its cells: facts, Ref, Klart senast and Status. It never
// modifies the file and never panics; when the file cannot be read as a
// workbook at all, the plan is nil and the problems say why. The checks
// against the evaluation the plan follows are Check's.
func Read(path string) (*Plan, []problem.Problem) {
	p := &Plan{File: path, Cells: map[string]string{}}
	probs, ok := sheet.Guarded(path, SheetOrder, func(f *xlsx.File, pl *problem.List) {
		readFacts(f, p, pl)
		readPlan(f, p, pl)
	})
	if !ok {
		return nil, probs
	}
	return p, probs
}

func readFacts(f *xlsx.File, p *Plan, pl *problem.List) {
	sh, rs, ok := sheet.Rows(f, SheetFacts, pl)
	if !ok {
		return
	}
	labels := map[string]string{}
	for _, l := range []string{workbook.FactKommun, workbook.FactYear, workbook.FactInstrument, workbook.FactVersion, workbook.FactKind} {
		labels[sheet.Norm(l)] = l
	}
	raw := map[string]string{}
	for _, row := range rs {
		label, ok := labels[sheet.Norm(row.At(1))]
		if !ok {
			continue
		}
		c := sheet.Cell(2, row.N)
		if prev, dup := p.Cells[label]; dup {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: sheet.Cell(1, row.N), Found: label, Expected: msg.Sprintf("one row %s", label)}, msg.Sprintf("%s is given twice (first at %s)", label, prev))
			continue
		}
		p.Cells[label] = c
		v := strings.Join(strings.Fields(sheet.Shown(sh, 2, row.N)), " ")
		raw[label] = v
		switch label {
		case workbook.FactKommun:
			p.Kommun = evaluation.NormName(v)
		case workbook.FactYear:
			if v == "" {
				continue
			}
			y, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
			if err != nil || y < workbook.MinYear || y > workbook.MaxYear {
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: msg.T("a year such as 2007")}, msg.Sprintf("År %q is not a year", problem.Short(v)))
				continue
			}
			p.Year = y
		case workbook.FactInstrument:
			p.InstrumentID = v
		case workbook.FactVersion:
			p.InstrumentVersion = strings.TrimSuffix(v, ".0")
		case workbook.FactKind:
			if n := sheet.Norm(v); n != Kind && n != "atgardsplan" {
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: Kind}, msg.Sprintf("Avser %q: a workbook with a sheet %s is an åtgärdsplan, and says so", problem.Short(v), SheetPlan))
			}
		}
	}
	for _, l := range []string{workbook.FactKommun, workbook.FactYear} {
		c, present := p.Cells[l]
		switch {
		case !present:
			pl.Error(problem.At{Sheet: SheetFacts, Expected: msg.Sprintf("a row %s", l)}, msg.Sprintf("no row labelled %s in column A", l))
		case raw[l] == "":
			pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Expected: msg.Sprintf("the %s of the evaluation the plan follows", l)}, msg.Sprintf("%s is empty", l))
		}
	}
}

// columns are the columns of the Åtgärdsplan sheet, found by their
// headers (0: the sheet has none).
type columns struct {
	ref, text, action, responsible, due, goal int
	status, comment                           []int // per occasion
}

// findHeader finds the header row of the Åtgärdsplan sheet among its
// first rows: the first row with a cell Ref. It reads the occasions from
// the Status and Kommentar headers.
func findHeader(rs []xlsx.Row, p *Plan, pl *problem.List) (int, columns, bool) {
	for i := 0; i < len(rs) && rs[i].N <= sheet.HeaderSearchRows; i++ {
		row := rs[i]
		var cols columns
		fixed := map[string]*int{
			sheet.Norm(ColRef): &cols.ref, sheet.Norm(ColText): &cols.text, sheet.Norm(ColAction): &cols.action,
			sheet.Norm(ColResponsible): &cols.responsible, sheet.Norm(ColDue): &cols.due, sheet.Norm(ColGoal): &cols.goal,
		}
		for c, v := range row.Values {
			if dst, ok := fixed[sheet.Norm(v)]; ok && *dst == 0 {
				*dst = c + 1
			}
		}
		if cols.ref == 0 {
			continue
		}
		type occCols struct{ status, comment int }
		byLabel := map[string]*occCols{}
		var found []Occasion
		for c, v := range row.Values {
			n := sheet.Norm(v)
			var label string
			var isStatus bool
			if rest, ok := strings.CutPrefix(n, sheet.Norm(ColStatus)+" "); ok {
				label, isStatus = rest, true
			} else if rest, ok := strings.CutPrefix(n, sheet.Norm(ColComment)+" "); ok {
				label = rest
			} else {
				continue
			}
			o, ok := ParseOccasion(label)
			if !ok {
				pl.Warn(problem.At{Sheet: SheetPlan, Cell: sheet.Cell(c+1, row.N), Found: v, Expected: msg.T("a reporting occasion such as Status April 2008")},
					msg.Sprintf("the column %q names no reporting occasion, so it is not read", problem.Short(strings.TrimSpace(v))))
				continue
			}
			oc := byLabel[o.Label]
			if oc == nil {
				oc = &occCols{}
				byLabel[o.Label] = oc
				found = append(found, o)
			}
			dst := &oc.comment
			if isStatus {
				dst = &oc.status
			}
			if *dst != 0 {
				pl.Error(problem.At{Sheet: SheetPlan, Cell: sheet.Cell(c+1, row.N), Found: v, Expected: msg.T("each column once")}, msg.Sprintf("the column %q appears twice (first in %s); this one is not read", problem.Short(strings.TrimSpace(v)), sheet.Cell(*dst, row.N)))
				continue
			}
			*dst = c + 1
		}
		// Occasions in time order, whatever the order of the columns.
		sortOccasions(found)
		for _, o := range found {
			oc := byLabel[o.Label]
			if oc.status == 0 {
				pl.Warn(problem.At{Sheet: SheetPlan, Cell: sheet.Cell(oc.comment, row.N), Found: o.Label, Expected: msg.Sprintf("a column %s", ColStatus+" "+o.Label)}, msg.Sprintf("the occasion %s has a Kommentar column but no Status column", o.Label))
			}
			p.Occasions = append(p.Occasions, o)
			cols.status = append(cols.status, oc.status)
			cols.comment = append(cols.comment, oc.comment)
		}
		return i, cols, true
	}
	return -1, columns{}, false
}

func readPlan(f *xlsx.File, p *Plan, pl *problem.List) {
	sh, rs, ok := sheet.Rows(f, SheetPlan, pl)
	if !ok {
		return
	}
	hr, cols, ok := findHeader(rs, p, pl)
	if !ok {
		pl.Error(problem.At{Sheet: SheetPlan, Cell: "A1", Expected: msg.T("a header row with the column Ref")}, msg.Sprintf("no header row naming the column %q in the first %d rows", ColRef, sheet.HeaderSearchRows))
		return
	}
	items := map[string]int{} // Ref → index in p.Items
	text := func(col, row int) string {
		if col == 0 {
			return ""
		}
		return strings.TrimSpace(sheet.Shown(sh, col, row))
	}
	for _, row := range rs[hr+1:] {
		r := row.N
		a := Action{Text: text(cols.action, r), Responsible: text(cols.responsible, r), Goal: text(cols.goal, r), Row: r}
		filled := a.Text != "" || a.Responsible != "" || a.Goal != "" || text(cols.due, r) != ""
		for j := range p.Occasions {
			rep := Report{Comment: text(cols.comment[j], r)}
			if cols.status[j] != 0 {
				rep.Cell = sheet.Cell(cols.status[j], r)
				if st := text(cols.status[j], r); st != "" {
					filled = true
					rep.Status = parseStatus(st, rep.Cell, pl)
				}
			}
			filled = filled || rep.Comment != ""
			a.Reports = append(a.Reports, rep)
		}
		rawRef := text(cols.ref, r)
		refCell := sheet.Cell(cols.ref, r)
		if rawRef == "" {
			if filled {
				pl.Error(problem.At{Sheet: SheetPlan, Cell: refCell, Expected: msg.T("the Ref of a förbättringsområde, such as 5.F2")},
					msg.T("the row has an åtgärd but no Ref; write the Ref of its förbättringsområde (a row inserted for a further åtgärd repeats the Ref)"))
			}
			continue
		}
		area, n, ok := parseRef(rawRef)
		if !ok {
			pl.Error(problem.At{Sheet: SheetPlan, Cell: refCell, Found: rawRef, Expected: msg.T("the Ref of a förbättringsområde, such as 5.F2")}, msg.Sprintf("Ref %q is not a reference such as 5.F2", problem.Short(rawRef)))
			continue
		}
		ref := Ref(area, n)
		if cols.due != 0 {
			a.Due = parseDue(f, sh, cols.due, r, pl)
		}
		i, seen := items[ref]
		if !seen {
			i = len(p.Items)
			items[ref] = i
			p.Items = append(p.Items, Item{Ref: ref, Area: area, Cell: refCell})
		}
		it := &p.Items[i]
		if t := text(cols.text, r); t != "" && it.Text == "" {
			it.Text, it.TextCell = t, sheet.Cell(cols.text, r)
		}
		if filled {
			it.Actions = append(it.Actions, a)
		}
	}
}

// parseRef reads a Ref as people type it: "5.F2", "5.f2", " 5.F2 ".
func parseRef(s string) (area string, n int, ok bool) {
	s = strings.Join(strings.Fields(s), "")
	i := strings.LastIndex(strings.ToUpper(s), ".F")
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+2:])
	if err != nil || n < 1 || n > 1000 || strings.HasPrefix(s[i+2:], "+") {
		return "", 0, false
	}
	return s[:i], n, true
}
