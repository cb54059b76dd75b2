package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// Read opens a workbook and returns the evaluation in it with every
// problem found in its cells. It never modifies the file. When the file
// cannot be read as a workbook at all, the evaluation is nil and the
// problems say why.
func Read(path string) (*evaluation.Evaluation, []problem.Problem) {
	ev := &evaluation.Evaluation{File: path}
	probs, ok := sheet.Guarded(path, SheetOrder, func(f *xlsx.File, pl *problem.List) {
		readFacts(f, ev, pl)
		readScores(f, ev, pl)
		readNotes(f, ev, pl)
		readText(f, ev, pl)
		readTables(f, ev, pl)
	})
	if !ok {
		return nil, probs
	}
	return ev, probs
}

// header finds the header row among the first rows of the sheet: the first
// row holding every required name. It returns the row's index in rs and the
// column (1-based) of each name.
func header(rs []xlsx.Row, required, optional []string) (int, map[string]int) {
	for r := 0; r < len(rs) && rs[r].N <= sheet.HeaderSearchRows; r++ {
		cols := map[string]int{}
		for c, v := range rs[r].Values {
			for _, name := range append(required, optional...) {
				if _, seen := cols[name]; !seen && sheet.Norm(v) == sheet.Norm(name) {
					cols[name] = c + 1
				}
			}
		}
		found := true
		for _, name := range required {
			if _, ok := cols[name]; !ok {
				found = false
			}
		}
		if found {
			return r, cols
		}
	}
	return -1, nil
}

func readScores(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	sh, rs, ok := sheet.Rows(f, SheetScores, pl)
	if !ok {
		ev.ScoresUnread = true
		return
	}
	hr, cols := header(rs, []string{ColID, ColScore}, []string{ColComment, ColPublished})
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetScores, Cell: "A1", Expected: msg.T("a header row with the columns ID and Poäng")}, msg.Sprintf("no header row naming the columns %q and %q in the first %d rows", ColID, ColScore, sheet.HeaderSearchRows))
		ev.ScoresUnread = true
		return
	}
	// Kommentar and Motivering i rapporten are 0 when the sheet has none.
	idCol, scoreCol, commentCol, publishedCol := cols[ColID], cols[ColScore], cols[ColComment], cols[ColPublished]
	merged := mergedIn(sh, scoreCol)
	mergeReported := map[string]bool{}
	firstRow := map[string]int{}
	for _, row := range rs[hr+1:] {
		rowNo := row.N
		idCell := sheet.Cell(idCol, rowNo)
		rawID := strings.TrimSpace(sheet.Shown(sh, idCol, rowNo))
		// A formula is reported even when the file holds no computed value
		// for it (files written by programs often do not). With a value,
		// the row is the id's, but nothing in it is read.
		idFormula := sheet.Formula(sh, idCol, rowNo)
		if idFormula != "" {
			pl.Error(problem.At{Sheet: SheetScores, Cell: idCell, ID: rawID, Found: idFormula, Expected: msg.T("the id typed as text")}, msg.T("the ID cell holds a formula; ids must be plain text"))
		}
		if rawID == "" {
			continue
		}
		id := normID(rawID)
		if prev, dup := firstRow[id]; dup {
			pl.Error(problem.At{Sheet: SheetScores, Cell: idCell, ID: id, Found: id, Expected: msg.T("each id once")}, msg.Sprintf("id %s appears twice (first in row %d); this row is ignored", id, prev))
			continue
		}
		firstRow[id] = rowNo
		en := evaluation.Entry{ID: id, Row: rowNo, Cell: sheet.Cell(scoreCol, rowNo), IDCell: idCell, Comment: strings.TrimSpace(row.At(commentCol))}
		if commentCol != 0 {
			en.CommentCell = sheet.Cell(commentCol, rowNo)
		}
		if publishedCol != 0 {
			en.Published, en.PublishedCell = strings.TrimSpace(row.At(publishedCol)), sheet.Cell(publishedCol, rowNo)
		}
		if idFormula != "" {
			en.Comment, en.Published, en.Unreadable = "", "", true
			ev.Entries = append(ev.Entries, en)
			continue
		}
		readScore(f, sh, &en, row.At(scoreCol), scoreCol, merged, mergeReported, pl)
		ev.Entries = append(ev.Entries, en)
	}
	// A workbook made before the column Motivering i rapporten: its
	// Kommentar may hold what was once published, and is now not. Say so
	// once, so that no correction disappears unnoticed.
	if publishedCol == 0 && commentCol != 0 && slices.ContainsFunc(ev.Entries, func(en evaluation.Entry) bool { return en.Comment != "" }) {
		pl.Warn(problem.At{Sheet: SheetScores, Cell: sheet.Cell(commentCol, rs[hr].N), Found: ColComment, Expected: msg.Sprintf("a column %s", ColPublished)},
			msg.Sprintf("the sheet has no column %[1]s, so no Kommentar is published (they are the evaluators' own notes); to print a correction or reason in the report, add a column headed %[1]s and write it there", ColPublished))
	}
}

// readScore reads the Poäng cell of an entry, reporting what is not a
// number. One merged range is reported once, at its first Poäng cell.
func readScore(f *xlsx.File, sh *xlsx.Sheet, en *evaluation.Entry, value string, col int, merged []xlsx.Range, mergeReported map[string]bool, pl *problem.List) {
	at := problem.At{Sheet: SheetScores, Cell: en.Cell, ID: en.ID}
	if m, ok := mergedAt(merged, col, en.Row); ok {
		en.Unreadable = true
		if !mergeReported[m] {
			mergeReported[m] = true
			at.Found, at.Expected = msg.Sprintf("merged cells %s", m), msg.T("one Poäng cell per row")
			pl.Error(at, msg.Sprintf("the Poäng cell is merged with other cells (%s); unmerge it", m))
		}
		return
	}
	raw := strings.TrimSpace(value)
	if formula := sheet.Formula(sh, col, en.Row); formula != "" {
		en.Unreadable = true
		at.Found, at.Expected = formula, msg.T("a number typed in the cell")
		pl.Error(at, msg.T("the Poäng cell holds a formula; type the score itself (kompass computes all sums)"))
		return
	}
	if raw == "" {
		return // not scored
	}
	c, _ := sh.Cell(en.Row, col)
	if date, ok := f.Date(c); ok {
		en.Unreadable = true
		at.Found, at.Expected = date, msg.T("a number such as 7,5")
		pl.Error(at, msg.Sprintf("Poäng looks like a date (%s), not a number; type the score as a number, in a cell formatted as a number", date))
		return
	}
	p, err := parseScore(c.Type, raw)
	if err == nil {
		en.Score, en.Scored = p, true
		if c.Type == xlsx.TypeString {
			// kompass reads it, but the sheet's own sums may not: say so, so
			// that the sheet and the report cannot show different totals.
			en.Text = true
			at.Found, at.Expected = raw, msg.Sprintf("the number %s", p.Swedish())
			pl.Warn(at, msg.Sprintf("Poäng %q is stored as text; kompass reads it as %s, but sums in Excel and LibreOffice skip text — type %s again as a number", problem.Short(raw), p.Swedish(), p.Swedish()))
		}
		return
	}
	en.Unreadable = true
	if c.Type == xlsx.TypeBool {
		raw = map[string]string{"1": "TRUE", "0": "FALSE"}[raw]
	}
	at.Found, at.Expected = raw, msg.T("a number such as 7,5")
	if isDash(raw) {
		pl.Error(at, msg.Sprintf("Poäng %q is not a number; leave the cell empty for what is not scored", raw))
		return
	}
	pl.Error(at, msg.Sprintf("Poäng %q is not a number", problem.Short(raw)))
}

// isDash reports whether s is a dash, which evaluators type for "not
// scored" (and which is never 0).
func isDash(s string) bool {
	switch s {
	case "-", "–", "—", "−":
		return true
	}
	return false
}

// parseScore reads a Poäng cell. Text is read as people type ("7,5",
// " 7.5 "); a numeric cell is read from its stored value.
func parseScore(t xlsx.CellType, raw string) (points.P, error) {
	if len(raw) > sheet.MaxLabel {
		return 0, points.ErrSyntax // no score is that long; not parsed
	}
	switch t {
	case xlsx.TypeBool, xlsx.TypeError, xlsx.TypeDate:
		// TRUE is stored as 1, but it is not a score.
		return 0, points.ErrSyntax
	}
	if p, err := points.Parse(raw); err == nil {
		return p, nil
	}
	if t == xlsx.TypeNumber {
		return points.ParseRaw(raw)
	}
	return 0, points.ErrSyntax
}

// normID makes ids typed as numbers match: "1.0" → "1", "total" → TOTAL.
func normID(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if strings.EqualFold(s, evaluation.TotalID) || strings.EqualFold(s, evaluation.TotalLabel) {
		return evaluation.TotalID
	}
	if strings.HasSuffix(s, ".0") && !strings.Contains(strings.TrimSuffix(s, ".0"), ".") {
		if _, err := strconv.Atoi(strings.TrimSuffix(s, ".0")); err == nil {
			return strings.TrimSuffix(s, ".0")
		}
	}
	return s
}

// mergedIn keeps the merged ranges of a sheet that cover column col, as
// rectangles: a range is never expanded cell by cell, so a few bytes of
// XML declaring huge or many ranges cost no more than their number (which
// the xlsx reader bounds).
func mergedIn(sh *xlsx.Sheet, col int) []xlsx.Range {
	var out []xlsx.Range
	for _, m := range sh.Merged {
		if m.FromCol <= col && col <= m.ToCol {
			out = append(out, m)
		}
	}
	return out
}

// mergedAt is the first of the ranges that holds the cell, as "D3:D4".
func mergedAt(ranges []xlsx.Range, col, row int) (string, bool) {
	for _, m := range ranges {
		if m.FromCol <= col && col <= m.ToCol && m.FromRow <= row && row <= m.ToRow {
			return m.String(), true
		}
	}
	return "", false
}

func readNotes(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	sh, rs, ok := sheet.Rows(f, SheetNotes, pl)
	if !ok {
		return
	}
	hr, cols := header(rs, []string{ColNoteArea, ColNoteKind, ColNoteText}, nil)
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetNotes, Cell: "A1", Expected: msg.T("a header row with the columns Område, Typ and Text")}, msg.Sprintf("no header row naming the columns %q, %q and %q in the first %d rows", ColNoteArea, ColNoteKind, ColNoteText, sheet.HeaderSearchRows))
		return
	}
	areaCol, kindCol, textCol := cols[ColNoteArea], cols[ColNoteKind], cols[ColNoteText]
	for _, row := range rs[hr+1:] {
		text := strings.TrimSpace(row.At(textCol))
		if text == "" {
			continue
		}
		n := evaluation.Note{Area: normID(strings.TrimSpace(sheet.Shown(sh, areaCol, row.N))), Text: text, Cell: sheet.Cell(textCol, row.N), AreaCell: sheet.Cell(areaCol, row.N)}
		switch k := sheet.Norm(row.At(kindCol)); k {
		case "styrka", "styrkor":
			n.Kind = evaluation.Strength
		case "förbättringsområde", "förbättringsområden", "förbättring":
			n.Kind = evaluation.Improvement
		default:
			pl.Error(problem.At{Sheet: SheetNotes, Cell: sheet.Cell(kindCol, row.N), ID: n.Area, Found: row.At(kindCol), Expected: msg.T("Styrka or Förbättringsområde")}, msg.Sprintf("Typ %q is neither Styrka nor Förbättringsområde", problem.Short(strings.TrimSpace(row.At(kindCol)))))
			continue
		}
		if n.Area == "" {
			pl.Error(problem.At{Sheet: SheetNotes, Cell: n.AreaCell, Expected: msg.T("an area id such as 1")}, msg.T("the row has a text but no Område"))
			continue
		}
		ev.Notes = append(ev.Notes, n)
	}
}
