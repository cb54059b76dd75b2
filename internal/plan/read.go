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
		dates := readFacts(f, p, pl)
		readPlan(f, p, dates, readImprovements(f), pl)
	})
	if !ok {
		return nil, probs
	}
	return p, probs
}

// readFacts reads the facts of Uppgifter, the plan's decision in its open
// part, and the table of reporting occasions below them: the occasions'
// dates by their folded labels.
func readFacts(f *xlsx.File, p *Plan, pl *problem.List) map[string]Occasion {
	sh, rs, ok := sheet.Rows(f, SheetFacts, pl)
	if !ok {
		return nil
	}
	labels := map[string]string{}
	for _, l := range []string{workbook.FactKommun, workbook.FactYear, workbook.FactInstrument, workbook.FactVersion, workbook.FactKind,
		FactDecisionBody, FactDecisionParagraph, FactDecisionDate} {
		labels[sheet.Norm(l)] = l
	}
	raw := map[string]string{}
	table := -1 // the index in rs of the header of the occasions' table
	var dateRow int
	for i, row := range rs {
		if sheet.Norm(row.At(1)) == sheet.Norm(ColOccasion) {
			table = i
			break
		}
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
		case FactDecisionBody:
			p.Decision.Body = v
		case FactDecisionParagraph:
			p.Decision.Paragraph = v
		case FactDecisionDate:
			dateRow = row.N
		}
	}
	// After the year: the example of a date is a day of the plan's time.
	if dateRow != 0 {
		p.Decision.Date = parseDate(f, sh, SheetFacts, FactDecisionDate, exampleDay(p.Year), 2, dateRow, pl)
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
	if table < 0 {
		return nil
	}
	// The occasions' table: a label in column A and its date in B, down
	// to the first row without a label.
	dates := map[string]Occasion{}
	for _, row := range rs[table+1:] {
		label := strings.Join(strings.Fields(row.At(1)), " ")
		if label == "" {
			break
		}
		if len(label) > sheet.MaxLabel {
			continue
		}
		d := parseDate(f, sh, SheetFacts, ColOccasionDate, exampleDay(p.Year), 2, row.N, pl)
		if d.IsZero() {
			continue
		}
		k := evaluation.FoldName(label)
		if _, dup := dates[k]; dup {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: sheet.Cell(1, row.N), Found: label, Expected: msg.T("each column once")}, msg.Sprintf("the reporting occasion %s is given twice", label))
			continue
		}
		dates[k] = Occasion{Label: label, Date: d}
	}
	return dates
}

// readImprovements reads the sheet of förbättringsområden, when the plan
// has one: each Ref's text, for the rows whose lookups a program other
// than a spreadsheet left without a value.
func readImprovements(f *xlsx.File) map[string]string {
	if !f.HasSheet(SheetImprovements) {
		return nil
	}
	var pl problem.List // the sheet is kompass's own and locked: nothing to report
	_, rs, ok := sheet.Rows(f, SheetImprovements, &pl)
	if !ok || len(rs) == 0 {
		return nil
	}
	ref, text := 0, 0
	for c, v := range rs[0].Values {
		switch sheet.Norm(v) {
		case sheet.Norm(ColRef):
			ref = c + 1
		case sheet.Norm(ColText):
			text = c + 1
		}
	}
	if ref == 0 || text == 0 {
		return nil
	}
	out := map[string]string{}
	for _, row := range rs[1:] {
		from, a, n, ok := parseRef(row.At(ref))
		if !ok {
			continue
		}
		r := Ref(a, n)
		if from != 0 {
			r = CarriedRef(from, r)
		}
		out[r] = strings.TrimSpace(row.At(text))
	}
	return out
}

// columns are the columns of the Åtgärdsplan sheet, found by their
// headers (0: the sheet has none).
type columns struct {
	ref, text, action, responsible, board, priority, due, indicator, target, goal int
	status, comment                                                               []int // per occasion
}

// findHeader finds the header row of the Åtgärdsplan sheet among its
// first rows: the first row with a cell Ref. It reads the occasions from
// the Status and Kommentar headers.
func findHeader(rs []xlsx.Row, p *Plan, dates map[string]Occasion, pl *problem.List) (int, columns, bool) {
	for i := 0; i < len(rs) && rs[i].N <= sheet.HeaderSearchRows; i++ {
		row := rs[i]
		var cols columns
		fixed := map[string]*int{
			sheet.Norm(ColRef): &cols.ref, sheet.Norm(ColText): &cols.text, sheet.Norm(ColAction): &cols.action,
			sheet.Norm(ColResponsible): &cols.responsible, sheet.Norm(ColDue): &cols.due, sheet.Norm(ColGoal): &cols.goal,
			sheet.Norm(ColPriority): &cols.priority, sheet.Norm(ColIndicator): &cols.indicator, sheet.Norm(ColTarget): &cols.target,
		}
		for _, h := range boardHeaders {
			fixed[sheet.Norm(h)] = &cols.board
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
			if len(v) > sheet.MaxLabel {
				continue
			}
			// The label as the header writes it: the kommun's own words.
			words := strings.Fields(v)
			if len(words) < 2 {
				continue
			}
			var isStatus bool
			switch sheet.Norm(words[0]) {
			case sheet.Norm(ColStatus):
				isStatus = true
			case sheet.Norm(ColComment):
			default:
				continue
			}
			label := strings.Join(words[1:], " ")
			o, ok := dates[evaluation.FoldName(label)]
			if ok {
				o.Label = label
				if known, isKnown := ParseOccasion(label); isKnown {
					o.Label = known.Label
				}
			} else if o, ok = ParseOccasion(label); !ok {
				pl.Warn(problem.At{Sheet: SheetPlan, Cell: sheet.Cell(c+1, row.N), Found: v, Expected: msg.Sprintf("a reporting occasion such as Status April %d, or one with its date in the table %s on %s", max(p.Year+1, 2000), ColOccasion, SheetFacts)},
					msg.Sprintf("the column %q names no reporting occasion, so it is not read", problem.Short(strings.TrimSpace(v))))
				continue
			}
			key := evaluation.FoldName(o.Label)
			oc := byLabel[key]
			if oc == nil {
				oc = &occCols{}
				byLabel[key] = oc
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
			oc := byLabel[evaluation.FoldName(o.Label)]
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

func readPlan(f *xlsx.File, p *Plan, dates map[string]Occasion, improvements map[string]string, pl *problem.List) {
	sh, rs, ok := sheet.Rows(f, SheetPlan, pl)
	if !ok {
		return
	}
	hr, cols, ok := findHeader(rs, p, dates, pl)
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
		a := Action{Text: text(cols.action, r), Responsible: text(cols.responsible, r), Board: text(cols.board, r), Priority: text(cols.priority, r),
			Indicator: text(cols.indicator, r), Target: text(cols.target, r), Goal: text(cols.goal, r), Row: r}
		filled := a.Text != "" || a.Responsible != "" || a.Board != "" || a.Priority != "" || a.Indicator != "" || a.Target != "" ||
			a.Goal != "" || text(cols.due, r) != ""
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
		from, area, n, ok := parseRef(rawRef)
		if !ok {
			pl.Error(problem.At{Sheet: SheetPlan, Cell: refCell, Found: rawRef, Expected: msg.T("the Ref of a förbättringsområde, such as 5.F2")}, msg.Sprintf("Ref %q is not a reference such as 5.F2", problem.Short(rawRef)))
			continue
		}
		ref := Ref(area, n)
		if from != 0 {
			if p.Year != 0 && from >= p.Year {
				pl.Error(problem.At{Sheet: SheetPlan, Cell: refCell, Found: rawRef, Expected: msg.Sprintf("a year before %d", p.Year)},
					msg.Sprintf("Ref %s carries an åtgärd over from the plan of %d, which is not an earlier evaluation than this plan's %d", rawRef, from, p.Year))
				continue
			}
			ref = CarriedRef(from, ref)
		}
		if cols.due != 0 {
			a.Due = parseDate(f, sh, SheetPlan, ColDue, exampleDay(p.Year), cols.due, r, pl)
		}
		i, seen := items[ref]
		if !seen {
			i = len(p.Items)
			items[ref] = i
			p.Items = append(p.Items, Item{Ref: ref, Area: area, From: from, Cell: refCell})
		}
		it := &p.Items[i]
		if t := text(cols.text, r); t != "" && it.Text == "" {
			it.Text, it.TextCell = t, sheet.Cell(cols.text, r)
		}
		if filled {
			it.Actions = append(it.Actions, a)
		}
	}
	// A text the row's lookup did not show (a workbook no spreadsheet has
	// calculated yet) is the one on the sheet of förbättringsområden.
	for i := range p.Items {
		if it := &p.Items[i]; it.Text == "" {
			it.Text = improvements[it.Ref]
		}
	}
}

// parseRef reads a Ref as people type it: "5.F2", "5.f2", " 5.F2 ", and
// "2005:5.F2" for an åtgärd carried over from the plan of 2005 (from is
// then 2005, else 0).
func parseRef(s string) (from int, area string, n int, ok bool) {
	s = strings.Join(strings.Fields(s), "")
	if y, rest, carried := strings.Cut(s, ":"); carried {
		year, err := strconv.Atoi(y)
		if err != nil || len(y) != 4 || year < workbook.MinYear || year > workbook.MaxYear || strings.Contains(rest, ":") {
			return 0, "", 0, false
		}
		_, area, n, ok = parseRef(rest)
		return year, area, n, ok
	}
	i := strings.LastIndex(strings.ToUpper(s), ".F")
	if i <= 0 {
		return 0, "", 0, false
	}
	n, err := strconv.Atoi(s[i+2:])
	if err != nil || n < 1 || n > 1000 || strings.HasPrefix(s[i+2:], "+") {
		return 0, "", 0, false
	}
	return 0, s[:i], n, true
}
