package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
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
	MaxMerged         = 10000    // merged ranges of a sheet
)

var limits = xlsx.Limits{MaxEntries: 1000, MaxTotal: MaxUnzipSize, MaxPart: MaxUnzipXMLSize,
	MaxRows: MaxScoreSheetRows, MaxCols: 256, MaxCells: 100000, MaxCellText: MaxCellText, MaxMerged: MaxMerged}

// Read opens a workbook and returns the evaluation in it with every
// problem found in its cells. It never modifies the file. When the file
// cannot be read as a workbook at all, the evaluation is nil and the
// problems say why.
func Read(path string) (*evaluation.Evaluation, []problem.Problem) {
	ev := &evaluation.Evaluation{File: path}
	probs, ok := Guarded(path, SheetOrder, func(f *xlsx.File, pl *problem.List) {
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

// Guarded opens the workbook at path and reads it with read, then sorts
// the problems in the order of sheets. The input is untrusted: a panic
// anywhere in reading becomes a problem with the file, never a crash. ok
// is false when the file could not be opened as a workbook or reading
// panicked; what read made is then to be dropped, and the problems say why.
func Guarded(path string, sheets []string, read func(f *xlsx.File, pl *problem.List)) (probs []problem.Problem, ok bool) {
	pl := &problem.List{File: path}
	defer func() {
		if r := recover(); r != nil {
			pl.Items = nil
			pl.Error(problem.At{}, msg.Sprintf("the workbook could not be read (internal error: %v); open it in Excel or LibreOffice and save it again as .xlsx", r))
			probs, ok = pl.Items, false
		}
	}()
	f := open(path, pl)
	if f == nil {
		return pl.Items, false
	}
	read(f, pl)
	problem.Sort(pl.Items, sheets...)
	return pl.Items, true
}

func open(path string, pl *problem.List) *xlsx.File {
	// Stat before opening: opening a FIFO blocks until someone writes to
	// it, and a device such as /dev/zero has no size to check.
	st, err := os.Stat(path)
	if err != nil {
		pl.Error(problem.At{}, msg.Sprintf("cannot read the file: %v", unwrapPathError(err)))
		return nil
	}
	if !regular(st, pl) {
		return nil
	}
	fh, err := os.Open(path)
	if err != nil {
		pl.Error(problem.At{}, msg.Sprintf("cannot read the file: %v", unwrapPathError(err)))
		return nil
	}
	defer fh.Close()
	// What was opened is checked again: the name may have been replaced
	// since the stat.
	if st, err = fh.Stat(); err != nil {
		pl.Error(problem.At{}, msg.Sprintf("cannot read the file: %v", unwrapPathError(err)))
		return nil
	}
	if !regular(st, pl) {
		return nil
	}
	// The read stops past the limit whatever the file claims to be.
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		pl.Error(problem.At{}, msg.Sprintf("cannot read the file: %v", unwrapPathError(err)))
		return nil
	}
	if len(data) > MaxFileSize {
		pl.Error(problem.At{Found: msg.Sprintf("more than %d bytes", MaxFileSize), Expected: msg.Sprintf("at most %d bytes", MaxFileSize)}, msg.Sprintf("the file is larger than %d MB; kompass reads workbooks of at most %d MB", MaxFileSize>>20, MaxFileSize>>20))
		return nil
	}
	if what := sniff(data); what != "" {
		pl.Error(problem.At{Expected: msg.T("an .xlsx workbook")}, what)
		return nil
	}
	f, err := xlsx.Open(data, limits)
	if err != nil {
		pl.Error(problem.At{Expected: msg.T("an .xlsx workbook")}, openError(err))
		return nil
	}
	return f
}

// regular reports whether st is a regular file of at most MaxFileSize
// bytes, and reports what it is when not.
func regular(st os.FileInfo, pl *problem.List) bool {
	switch {
	case st.IsDir():
		pl.Error(problem.At{}, msg.T("is a directory, not a workbook"))
		return false
	case !st.Mode().IsRegular():
		pl.Error(problem.At{Found: fileKind(st.Mode()), Expected: msg.T("a regular file")}, msg.Sprintf("is not a regular file but %s; kompass reads only regular files", fileKind(st.Mode())))
		return false
	case st.Size() > MaxFileSize:
		pl.Error(problem.At{Found: msg.Sprintf("%d bytes", st.Size()), Expected: msg.Sprintf("at most %d bytes", MaxFileSize)}, msg.Sprintf("the file is %s MB; kompass reads workbooks of at most %d MB", mb(st.Size()), MaxFileSize>>20))
		return false
	}
	return true
}

// fileKind names what a file that is not a regular one is.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return msg.T("a named pipe (FIFO)")
	case m&os.ModeCharDevice != 0:
		return msg.T("a character device")
	case m&os.ModeDevice != 0:
		return msg.T("a device")
	case m&os.ModeSocket != 0:
		return msg.T("a socket")
	}
	return msg.T("a special file")
}

// sniff recognises what is not an xlsx before it is parsed, so that the
// message says what the file is.
func sniff(data []byte) string {
	switch {
	case len(data) == 0:
		return msg.T("the file is empty")
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
			return msg.T("the workbook is password-protected (encrypted); save a copy without a password to open (Arkiv → Info → Skydda arbetsbok)")
		}
		return msg.T("this is an old Excel file (.xls, Excel 97–2003); save it as an Excel workbook (.xlsx)")
	case !bytes.HasPrefix(data, []byte("PK")):
		return msg.T("the file is not an xlsx workbook (an xlsx file is a zip archive; this one is not)")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return msg.Sprintf("the file is a damaged or truncated zip archive, not a readable xlsx workbook (%v)", err)
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
			return msg.Sprintf("the zip archive holds the part %s twice, so programs may read different contents; open it in Excel or LibreOffice and save it again", zf.Name)
		}
		seen[name] = true
	}
	if total > MaxUnzipSize {
		return msg.Sprintf("the workbook unpacks to %s MB, more than the %d MB kompass accepts (a zip bomb, or not an evaluation workbook)", mb(int64(min(total, 1<<62))), MaxUnzipSize>>20)
	}
	if !hasWorkbook {
		return msg.T("the zip archive holds no xl/workbook.xml: it is not an xlsx workbook")
	}
	return ""
}

func openError(err error) string {
	switch {
	case errors.Is(err, xlsx.ErrNotZip), errors.Is(err, zip.ErrFormat):
		return msg.T("the file is a damaged zip archive, not a readable xlsx workbook")
	case errors.Is(err, xlsx.ErrNotWorkbook):
		return msg.T("the zip archive holds no xl/workbook.xml: it is not an xlsx workbook")
	case errors.Is(err, xlsx.ErrTooLarge), errors.Is(err, xlsx.ErrTooMany):
		return msg.Sprintf("the workbook is larger than kompass accepts (%v)", err)
	}
	return msg.Sprintf("the workbook is damaged and cannot be read (%v); open it in Excel or LibreOffice and save it again", err)
}

// mb is a size in megabytes with one decimal, a decimal comma in Swedish.
func mb(n int64) string {
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if msg.Current() == msg.Swedish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// maxLabel is the longest text norm folds.
const maxLabel = 256

// norm folds a header or label for matching: trimmed, lower case, inner
// white space collapsed, trailing colon dropped.
func norm(s string) string {
	// Labels and headers are short; a long text is none of them, and is not
	// folded (a 1 MB shared string may fill every cell of a sheet).
	if len(s) > maxLabel {
		return "\x00"
	}
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	return strings.ToLower(strings.TrimSuffix(s, ":"))
}

// rows reads a sheet, reporting a missing or unreadable one.
func rows(f *xlsx.File, sheet string, pl *problem.List) (*xlsx.Sheet, []xlsx.Row, bool) {
	if !f.HasSheet(sheet) {
		at := problem.At{Sheet: sheet, Expected: msg.Sprintf("a sheet named %s", sheet)}
		names := strings.Join(f.SheetNames(), ", ")
		switch {
		case f.VeryHidden(sheet):
			pl.Error(at, msg.Sprintf("the sheet %q is very hidden, so no one sees what it holds, and kompass does not read it; make it visible (with a macro), or make a new workbook with kompass template", sheet))
		case names == "":
			pl.Error(at, msg.Sprintf("the sheet %q is missing, and the workbook has no sheets; make one with kompass template", sheet))
		default:
			pl.Error(at, msg.Sprintf("the sheet %q is missing; the workbook has the sheets %s (rename the sheet back, or make a new workbook with kompass template)", sheet, names))
		}
		return nil, nil, false
	}
	sh, err := f.Sheet(sheet)
	switch {
	case errors.Is(err, xlsx.ErrTooManyRows):
		pl.Error(problem.At{Sheet: sheet, Found: msg.Sprintf("more than %d rows with content", MaxScoreSheetRows), Expected: msg.Sprintf("at most %d rows", MaxScoreSheetRows)}, msg.Sprintf("the sheet has more than %d rows with content; an evaluation workbook has one row per area and delfråga", MaxScoreSheetRows))
		return nil, nil, false
	case errors.Is(err, xlsx.ErrTooLarge):
		// The sentinel's own text speaks of the archive's size; what was too
		// large here is a cell or the sheet's extent, which the rest says.
		detail := strings.TrimPrefix(err.Error(), xlsx.ErrTooLarge.Error()+": ")
		pl.Error(problem.At{Sheet: sheet}, msg.Sprintf("the sheet is too large to read: %s", detail))
		return nil, nil, false
	case err != nil:
		pl.Error(problem.At{Sheet: sheet}, msg.Sprintf("the sheet could not be read: %v", err))
		return nil, nil, false
	}
	return sh, sh.Rows(), true
}

// shownAt is the text of a cell as the evaluator sees it (xlsx.Cell.Shown):
// an id or a version that a program wrote as a number is the number shown,
// 8.2, not the 8.199999999999999 stored.
func shownAt(sh *xlsx.Sheet, col, row int) string {
	c, _ := sh.Cell(row, col)
	return c.Shown()
}

// formulaAt returns the formula of a cell ("=…"), or "" if it has none.
func formulaAt(sh *xlsx.Sheet, col, row int) string {
	c, ok := sh.Cell(row, col)
	if !ok || !c.HasFormula {
		return ""
	}
	if c.Formula == "" {
		return msg.T("=(shared formula)")
	}
	return "=" + c.Formula
}

func readFacts(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	ev.Facts.Cells = map[string]string{}
	ev.Facts.Raw = map[string]string{}
	sh, rs, ok := rows(f, SheetFacts, pl)
	if !ok {
		return
	}
	labels := map[string]string{}
	for _, l := range []string{FactKommun, FactYear, FactInstrument, FactVersion, FactKind, FactAssessor, FactEvaluators, FactDates, FactSources, FactInterviews, FactInterviewed} {
		labels[norm(l)] = l
	}
	for _, row := range rs {
		label, ok := labels[norm(row.At(1))]
		if !ok {
			continue
		}
		c := Cell(2, row.N)
		if _, dup := ev.Facts.Cells[label]; dup {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: Cell(1, row.N), Found: label, Expected: msg.Sprintf("one row %s", label)}, msg.Sprintf("%s is given twice (first at %s)", label, ev.Facts.Cells[label]))
			continue
		}
		ev.Facts.Cells[label] = c
		if formula := formulaAt(sh, 2, row.N); formula != "" {
			pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: formula, Expected: msg.T("a value")}, msg.Sprintf("%s holds a formula; type the value itself", label))
			continue
		}
		v := strings.Join(strings.Fields(shownAt(sh, 2, row.N)), " ")
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
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: msg.T("a year such as 2007")}, msg.Sprintf("År %q is not a year", problem.Short(v)))
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
				pl.Error(problem.At{Sheet: SheetFacts, Cell: c, Found: v, Expected: msg.T(`"kommun", "medelvärde" or "bedömning"`)}, msg.Sprintf("Avser %q is neither kommun, medelvärde nor bedömning", problem.Short(v)))
			}
		case FactAssessor:
			ev.Facts.Assessor = evaluation.NormName(v)
		case FactEvaluators:
			ev.Facts.Evaluators = v
		case FactDates:
			ev.Facts.Dates = v
		case FactSources:
			ev.Facts.Sources = strings.TrimSpace(row.At(2))
		case FactInterviews:
			// What is no whole number ≥ 0 the validator reports, from Raw.
			ev.Facts.Interviews, _ = ParseInterviews(v)
		case FactInterviewed:
			ev.Facts.Interviewed = v
		}
	}
	if ev.Facts.Kind == "" {
		ev.Facts.Kind = evaluation.KindKommun
	}
}

// header finds the header row among the first rows of the sheet: the first
// row holding every required name. It returns the row's index in rs and the
// column (1-based) of each name.
func header(rs []xlsx.Row, required, optional []string) (int, map[string]int) {
	for r := 0; r < len(rs) && rs[r].N <= headerSearchRows; r++ {
		cols := map[string]int{}
		for c, v := range rs[r].Values {
			for _, name := range append(required, optional...) {
				if _, seen := cols[name]; !seen && norm(v) == norm(name) {
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
	sh, rs, ok := rows(f, SheetScores, pl)
	if !ok {
		ev.ScoresUnread = true
		return
	}
	hr, cols := header(rs, []string{ColID, ColScore}, []string{ColComment})
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetScores, Cell: "A1", Expected: msg.T("a header row with the columns ID and Poäng")}, msg.Sprintf("no header row naming the columns %q and %q in the first %d rows", ColID, ColScore, headerSearchRows))
		ev.ScoresUnread = true
		return
	}
	idCol, scoreCol, commentCol := cols[ColID], cols[ColScore], cols[ColComment] // 0 when there is no Kommentar
	merged := mergedIn(sh, scoreCol)
	mergeReported := map[string]bool{}
	firstRow := map[string]int{}
	for _, row := range rs[hr+1:] {
		rowNo := row.N
		idCell := Cell(idCol, rowNo)
		rawID := strings.TrimSpace(shownAt(sh, idCol, rowNo))
		// A formula is reported even when the file holds no computed value
		// for it (files written by programs often do not). With a value,
		// the row is the id's, but nothing in it is read.
		idFormula := formulaAt(sh, idCol, rowNo)
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
		en := evaluation.Entry{ID: id, Row: rowNo, Cell: Cell(scoreCol, rowNo), IDCell: idCell, Comment: strings.TrimSpace(row.At(commentCol))}
		if idFormula != "" {
			en.Comment, en.Unreadable = "", true
			ev.Entries = append(ev.Entries, en)
			continue
		}
		readScore(f, sh, &en, row.At(scoreCol), scoreCol, merged, mergeReported, pl)
		ev.Entries = append(ev.Entries, en)
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
	if formula := formulaAt(sh, col, en.Row); formula != "" {
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
	if len(raw) > maxLabel {
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
	sh, rs, ok := rows(f, SheetNotes, pl)
	if !ok {
		return
	}
	hr, cols := header(rs, []string{ColNoteArea, ColNoteKind, ColNoteText}, nil)
	if hr < 0 {
		pl.Error(problem.At{Sheet: SheetNotes, Cell: "A1", Expected: msg.T("a header row with the columns Område, Typ and Text")}, msg.Sprintf("no header row naming the columns %q, %q and %q in the first %d rows", ColNoteArea, ColNoteKind, ColNoteText, headerSearchRows))
		return
	}
	areaCol, kindCol, textCol := cols[ColNoteArea], cols[ColNoteKind], cols[ColNoteText]
	for _, row := range rs[hr+1:] {
		text := strings.TrimSpace(row.At(textCol))
		if text == "" {
			continue
		}
		n := evaluation.Note{Area: normID(strings.TrimSpace(shownAt(sh, areaCol, row.N))), Text: text, Cell: Cell(textCol, row.N), AreaCell: Cell(areaCol, row.N)}
		switch k := norm(row.At(kindCol)); k {
		case "styrka", "styrkor":
			n.Kind = evaluation.Strength
		case "förbättringsområde", "förbättringsområden", "förbättring":
			n.Kind = evaluation.Improvement
		default:
			pl.Error(problem.At{Sheet: SheetNotes, Cell: Cell(kindCol, row.N), ID: n.Area, Found: row.At(kindCol), Expected: msg.T("Styrka or Förbättringsområde")}, msg.Sprintf("Typ %q is neither Styrka nor Förbättringsområde", problem.Short(strings.TrimSpace(row.At(kindCol)))))
			continue
		}
		if n.Area == "" {
			pl.Error(problem.At{Sheet: SheetNotes, Cell: n.AreaCell, Expected: msg.T("an area id such as 1")}, msg.T("the row has a text but no Område"))
			continue
		}
		ev.Notes = append(ev.Notes, n)
	}
}
