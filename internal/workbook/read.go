package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// Limits on what the reader opens. A workbook of the instrument is some
// tens of kilobytes; these leave room for long comments and many sheets.
const (
	MaxFileSize       = 20 << 20 // bytes on disk
	MaxUnzipSize      = 50 << 20 // bytes of all parts, unpacked (declared sizes, checked before inflating)
	MaxUnzipXMLSize   = 25 << 20 // bytes of one part that is read, unpacked
	MaxScoreSheetRows = 5000     // rows read from any sheet
	MaxCellText       = 1 << 20  // bytes of one cell's text
)

var limits = xlsx.Limits{MaxEntries: 1000, MaxTotal: MaxUnzipSize, MaxPart: MaxUnzipXMLSize,
	MaxRows: MaxScoreSheetRows, MaxCols: 256, MaxCells: 100000, MaxCellText: MaxCellText}

// Read opens a workbook and returns the evaluation in it with every
// problem found in its cells. It never modifies the file. When the file
// cannot be read as a workbook at all, the evaluation is nil and the
// problems say why.
func Read(path string) (ev *evaluation.Evaluation, probs []problem.Problem) {
	pl := &problem.List{File: path}
	defer func() {
		// Untrusted input: a panic anywhere in reading becomes a problem
		// with the file, never a crash.
		if r := recover(); r != nil {
			ev = nil
			pl.Items = nil
			pl.Error(problem.At{}, "the workbook could not be read (internal error: %v); open it in Excel or LibreOffice and save it again as .xlsx", r)
			probs = pl.Items
		}
	}()
	f := open(path, pl)
	if f == nil {
		return nil, pl.Items
	}
	ev = &evaluation.Evaluation{File: path}
	readFacts(f, ev, pl)
	readScores(f, ev, pl)
	readNotes(f, ev, pl)
	problem.Sort(pl.Items, SheetOrder...)
	return ev, pl.Items
}

func open(path string, pl *problem.List) *xlsx.File {
	st, err := os.Stat(path)
	if err != nil {
		pl.Error(problem.At{}, "cannot read the file: %v", unwrapPathError(err))
		return nil
	}
	if st.IsDir() {
		pl.Error(problem.At{}, "is a directory, not a workbook")
		return nil
	}
	if st.Size() > MaxFileSize {
		pl.Error(problem.At{Found: fmt.Sprintf("%d bytes", st.Size()), Expected: fmt.Sprintf("at most %d bytes", MaxFileSize)}, "the file is %s MB; kompass reads workbooks of at most %d MB", mb(st.Size()), MaxFileSize>>20)
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		pl.Error(problem.At{}, "cannot read the file: %v", unwrapPathError(err))
		return nil
	}
	if msg := sniff(data); msg != "" {
		pl.Error(problem.At{Expected: "an .xlsx workbook"}, "%s", msg)
		return nil
	}
	f, err := xlsx.Open(data, limits)
	if err != nil {
		pl.Error(problem.At{Expected: "an .xlsx workbook"}, "%s", openError(err))
		return nil
	}
	return f
}

// sniff recognises what is not an xlsx before it is parsed, so that the
// message says what the file is.
func sniff(data []byte) string {
	switch {
	case len(data) == 0:
		return "the file is empty"
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			return "the workbook is password-protected (encrypted); save a copy without a password to open (Arkiv → Info → Skydda arbetsbok)"
		}
		return "this is an old Excel file (.xls, Excel 97–2003); save it as an Excel workbook (.xlsx)"
	case !bytes.HasPrefix(data, []byte("PK")):
		return "the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not)"
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "the file is a damaged or truncated zip archive, not a readable xlsx workbook (" + err.Error() + ")"
	}
	var total uint64
	hasWorkbook := false
	seen := map[string]bool{}
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.Name == "xl/workbook.xml" {
			hasWorkbook = true
		}
		// Part names are case-insensitive. With a part twice, readers differ
		// in which copy they take, so kompass could check other scores than
		// Excel shows.
		name := strings.ToLower(strings.TrimPrefix(zf.Name, "/"))
		if seen[name] {
			return "the zip archive holds the part " + zf.Name + " twice, so programs may read different contents; open it in Excel or LibreOffice and save it again"
		}
		seen[name] = true
	}
	if total > MaxUnzipSize {
		return fmt.Sprintf("the workbook unpacks to %s MB, more than the %d MB kompass accepts (a zip bomb, or not an evaluation workbook)", mb(int64(min(total, 1<<62))), MaxUnzipSize>>20)
	}
	if !hasWorkbook {
		return "the zip archive holds no xl/workbook.xml: it is not an xlsx workbook"
	}
	return ""
}

func openError(err error) string {
	switch {
	case errors.Is(err, xlsx.ErrNotZip), errors.Is(err, zip.ErrFormat):
		return "the file is a damaged zip archive, not a readable xlsx workbook"
	case errors.Is(err, xlsx.ErrNotWorkbook):
		return "the zip archive holds no xl/workbook.xml: it is not an xlsx workbook"
	case errors.Is(err, xlsx.ErrTooLarge), errors.Is(err, xlsx.ErrTooMany):
		return "the workbook is larger than kompass accepts (" + err.Error() + ")"
	}
	return "the workbook is damaged and cannot be read (" + err.Error() + "); open it in Excel or LibreOffice and save it again"
}

func mb(n int64) string { return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) }

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// norm folds a header or label for matching: trimmed, lower case, inner
// white space collapsed, trailing colon dropped.
func norm(s string) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	return strings.ToLower(strings.TrimSuffix(s, ":"))
}

// rows reads a sheet, reporting a missing or unreadable one.
func rows(f *xlsx.File, sheet string, pl *problem.List) (*xlsx.Sheet, [][]string, bool) {
	if !f.HasSheet(sheet) {
		pl.Error(problem.At{Sheet: sheet, Expected: "a sheet named " + sheet}, "the sheet %q is missing; the workbook must have the sheets %s (make one with kompass template)", sheet, strings.Join(SheetOrder[1:], ", "))
		return nil, nil, false
	}
	sh, err := f.Sheet(sheet)
	switch {
	case errors.Is(err, xlsx.ErrTooManyRows):
		pl.Error(problem.At{Sheet: sheet, Found: fmt.Sprintf("more than %d rows", MaxScoreSheetRows), Expected: fmt.Sprintf("at most %d rows", MaxScoreSheetRows)}, "the sheet has more than %d rows; an evaluation workbook has one row per area and delfråga", MaxScoreSheetRows)
		return nil, nil, false
	case errors.Is(err, xlsx.ErrTooLarge):
		// The sentinel's own text speaks of the archive's size; what was too
		// large here is a cell or the sheet's extent, which the rest says.
		detail := strings.TrimPrefix(err.Error(), xlsx.ErrTooLarge.Error()+": ")
		pl.Error(problem.At{Sheet: sheet}, "the sheet is too large to read: %s", detail)
		return nil, nil, false
	case err != nil:
		pl.Error(problem.At{Sheet: sheet}, "the sheet could not be read: %v", err)
		return nil, nil, false
	}
	return sh, sh.Rows(), true
}

// formulaAt returns the formula of a cell ("=…"), or "" if it has none.
func formulaAt(sh *xlsx.Sheet, col, row int) string {
	c, ok := sh.Cell(row, col)
	if !ok || !c.HasFormula {
		return ""
	}
	if c.Formula == "" {
		return "=(shared formula)"
	}
	return "=" + c.Formula
}

func at(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

func readFacts(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	ev.Facts.Cells = map[string]string{}
	ev.Facts.Raw = map[string]string{}
	sh, rs, ok := rows(f, SheetFacts, pl)
	if !ok {
		return
	}
	labels := map[string]string{}
	for _, l := range []string{FactKommun, FactYear, FactInstrument, FactVersion, FactKind, FactAssessor, FactEvaluators, FactDates, FactSources} {
		labels[norm(l)] = l
	}
	for r, row := range rs {
		label, ok := labels[norm(at(row, 0))]
		if !ok {
			continue
		}
		c := cell(2, r+1)
		if _, dup := ev.Facts.Cells[label]; dup {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: cell(1, r+1), Found: label, Expected: "one row " + label}, "%s is given twice (first at %s)", label, ev.Facts.Cells[label])
			continue
		}
		ev.Facts.Cells[label] = c
		if formula := formulaAt(sh, 2, r+1); formula != "" {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: formula, Expected: "a value"}, "%s holds a formula; type the value itself", label)
			continue
		}
		v := strings.Join(strings.Fields(at(row, 1)), " ")
		ev.Facts.Raw[label] = v
		switch label {
		case FactKommun:
			ev.Facts.Kommun = evaluation.NormName(v)
		case FactYear:
			if v == "" {
				continue
			}
			y, err := strconv.Atoi(strings.TrimSuffix(v, ".0"))
			if err != nil || y < 1900 || y > 2100 {
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: "a year such as 2007"}, "År %q is not a year", v)
				continue
			}
			ev.Facts.Year = y
		case FactInstrument:
			ev.Facts.InstrumentID = v
		case FactVersion:
			ev.Facts.InstrumentVersion = strings.TrimSuffix(v, ".0")
		case FactKind:
			switch norm(v) {
			case "", string(evaluation.KindKommun):
				ev.Facts.Kind = evaluation.KindKommun
			case string(evaluation.KindMean), "medelvarde", "medel":
				ev.Facts.Kind = evaluation.KindMean
			case string(evaluation.KindAssessment), "bedomning":
				ev.Facts.Kind = evaluation.KindAssessment
			default:
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: `"kommun", "medelvärde" or "bedömning"`}, "Avser %q is neither kommun, medelvärde nor bedömning", v)
			}
		case FactAssessor:
			ev.Facts.Assessor = evaluation.NormName(v)
		case FactEvaluators:
			ev.Facts.Evaluators = v
		case FactDates:
			ev.Facts.Dates = v
		case FactSources:
			ev.Facts.Sources = strings.TrimSpace(at(row, 1))
		}
	}
	if ev.Facts.Kind == "" {
		ev.Facts.Kind = evaluation.KindKommun
	}
}

// header finds the header row among the first rows: the first row holding
// every required name. It returns the row index and column of each name.
func header(rs [][]string, required, optional []string) (int, map[string]int) {
	for r := 0; r < len(rs) && r < headerSearchRows; r++ {
		cols := map[string]int{}
		for c, v := range rs[r] {
			for _, name := range append(required, optional...) {
				if _, seen := cols[name]; !seen && norm(v) == norm(name) {
					cols[name] = c
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
	sh, rs, ok := rows(f, SheetScores, pl)
	if !ok {
		ev.ScoresUnread = true
		return
	}
	hr, cols := header(rs, []string{ColID, ColScore}, []string{ColComment})
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetScores, Cell: "A1", Expected: "a header row with the columns ID and Poäng"}, "no header row naming the columns %q and %q in the first %d rows", ColID, ColScore, headerSearchRows)
		ev.ScoresUnread = true
		return
	}
	idCol, scoreCol := cols[ColID], cols[ColScore]
	commentCol, hasComment := cols[ColComment]
	if !hasComment {
		commentCol = -1
	}
	merged := mergedRanges(sh)
	firstRow := map[string]int{}
	for r := hr + 1; r < len(rs); r++ {
		row := rs[r]
		rowNo := r + 1
		idCell := cell(idCol+1, rowNo)
		rawID := strings.TrimSpace(at(row, idCol))
		// A formula is reported even when the file holds no computed value
		// for it (files written by programs often do not).
		if formula := formulaAt(sh, idCol+1, rowNo); formula != "" {
			pl.Error(problem.At{Sheet: SheetScores, Cell: idCell, ID: rawID, Found: formula, Expected: "the id typed as text"}, "the ID cell holds a formula; ids must be plain text")
			continue
		}
		if rawID == "" {
			continue
		}
		id := normID(rawID)
		if prev, dup := firstRow[id]; dup {
			pl.Error(problem.At{Sheet: SheetScores, Cell: idCell, ID: id, Found: id, Expected: "each id once"}, "id %s appears twice (first in row %d); this row is ignored", id, prev)
			continue
		}
		firstRow[id] = rowNo
		en := evaluation.Entry{ID: id, Row: rowNo, Cell: cell(scoreCol+1, rowNo), IDCell: idCell, Comment: strings.TrimSpace(at(row, commentCol))}
		if m, ok := merged[en.Cell]; ok {
			pl.Error(problem.At{Sheet: SheetScores, Cell: en.Cell, ID: id, Found: "merged cells " + m, Expected: "one Poäng cell per row"}, "the Poäng cell is merged with other cells (%s); unmerge it", m)
			ev.Entries = append(ev.Entries, en)
			continue
		}
		raw := strings.TrimSpace(at(row, scoreCol))
		formula := formulaAt(sh, scoreCol+1, rowNo)
		switch {
		case formula != "":
			pl.Error(problem.At{Sheet: SheetScores, Cell: en.Cell, ID: id, Found: formula, Expected: "a number typed in the cell"}, "the Poäng cell holds a formula; type the score itself (kompass computes all sums)")
		case raw == "":
			// not scored
		default:
			c, _ := sh.Cell(rowNo, scoreCol+1)
			p, err := parseScore(c.Type, raw)
			if err != nil {
				if c.Type == xlsx.TypeBool {
					raw = map[string]string{"1": "TRUE", "0": "FALSE"}[raw]
				}
				pl.Error(problem.At{Sheet: SheetScores, Cell: en.Cell, ID: id, Found: raw, Expected: "a number such as 7,5"}, "Poäng %q is not a number", raw)
				break
			}
			en.Score, en.Scored = p, true
		}
		ev.Entries = append(ev.Entries, en)
	}
}

// parseScore reads a Poäng cell. Text is read as people type ("7,5",
// " 7.5 "); a numeric cell is read from its stored value.
func parseScore(t xlsx.CellType, raw string) (points.P, error) {
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
	if strings.EqualFold(s, evaluation.TotalID) || strings.EqualFold(s, TotalLabel) {
		return evaluation.TotalID
	}
	if strings.HasSuffix(s, ".0") && !strings.Contains(strings.TrimSuffix(s, ".0"), ".") {
		if _, err := strconv.Atoi(strings.TrimSuffix(s, ".0")); err == nil {
			return strings.TrimSuffix(s, ".0")
		}
	}
	return s
}

// mergedRanges maps every cell covered by a merge to the merged range.
func mergedRanges(sh *xlsx.Sheet) map[string]string {
	out := map[string]string{}
	for _, m := range sh.Merged {
		if (m.ToCol-m.FromCol+1)*(m.ToRow-m.FromRow+1) > 100000 {
			continue
		}
		for c := m.FromCol; c <= m.ToCol; c++ {
			for r := m.FromRow; r <= m.ToRow; r++ {
				out[cell(c, r)] = m.String()
			}
		}
	}
	return out
}

func readNotes(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	_, rs, ok := rows(f, SheetNotes, pl)
	if !ok {
		return
	}
	hr, cols := header(rs, []string{ColNoteArea, ColNoteKind, ColNoteText}, nil)
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetNotes, Cell: "A1", Expected: "a header row with the columns Område, Typ and Text"}, "no header row naming the columns %q, %q and %q in the first %d rows", ColNoteArea, ColNoteKind, ColNoteText, headerSearchRows)
		return
	}
	for r := hr + 1; r < len(rs); r++ {
		row := rs[r]
		text := strings.TrimSpace(at(row, cols[ColNoteText]))
		if text == "" {
			continue
		}
		rowNo := r + 1
		n := evaluation.Note{Area: normID(strings.TrimSpace(at(row, cols[ColNoteArea]))), Text: text, Cell: cell(cols[ColNoteText]+1, rowNo)}
		switch k := norm(at(row, cols[ColNoteKind])); k {
		case "styrka", "styrkor":
			n.Kind = evaluation.Strength
		case "förbättringsområde", "förbättringsområden", "förbättring":
			n.Kind = evaluation.Improvement
		default:
			pl.Error(problem.At{Sheet: SheetNotes, Cell: cell(cols[ColNoteKind]+1, rowNo), ID: n.Area, Found: at(row, cols[ColNoteKind]), Expected: "Styrka or Förbättringsområde"}, "Typ %q is neither Styrka nor Förbättringsområde", strings.TrimSpace(at(row, cols[ColNoteKind])))
			continue
		}
		if n.Area == "" {
			pl.Error(problem.At{Sheet: SheetNotes, Cell: cell(cols[ColNoteArea]+1, rowNo), Expected: "an area id such as 1"}, "the row has a text but no Område")
			continue
		}
		ev.Notes = append(ev.Notes, n)
	}
}
