// Package xlsx reads the cells of xlsx workbooks: values as stored, cell
// types, formulas and merged ranges. Each part it needs is inflated once,
// into memory within the limits, and tokenised in place by a small XML
// tokenizer of its own (scan.go, fuzzed against encoding/xml). It reads
// only what kompass needs, refuses archives above its limits before
// inflating them and archives that hold a part twice, and never panics on
// malformed input. Writing workbooks is left to excelize.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/msg"
)

// Limits bound what Open and Sheet accept.
type Limits struct {
	MaxEntries  int    // files in the archive
	MaxTotal    uint64 // declared unpacked size of all files
	MaxPart     uint64 // unpacked size of any one part that is read
	MaxRows     int    // rows of a sheet that hold a value or a formula; more is ErrTooManyRows
	MaxCols     int    // columns of a sheet; a value further right is ErrTooLarge
	MaxCells    int    // cells of a sheet that hold a value or a formula
	MaxCellText int    // bytes of one cell's text or one shared string
	MaxMerged   int    // merged ranges of a sheet; more is ErrTooLarge
	// MaxStrings is how many shared strings the workbook may hold; more
	// is ErrTooManyStrings. Their bytes are bounded by MaxPart, their
	// number is not: an empty string takes five bytes of XML.
	MaxStrings int
}

// Errors of Open and Sheet: the errors they return wrap one, for
// errors.Is. Their texts, like the rest of each error's, are in the
// language messages are shown in (internal/msg).
var (
	ErrNotZip      = msg.New("not a zip archive")
	ErrNotWorkbook = msg.New("the archive holds no xl/workbook.xml")
	ErrTooLarge    = msg.New("the archive unpacks to more than the limit")
	ErrTooMany     = msg.New("the archive holds too many files")
	ErrNoSheet     = msg.New("no such sheet")
	ErrTooManyRows = msg.New("the sheet has more rows than the limit")
	ErrMalformed   = msg.New("malformed workbook part")
	// ErrTooManyStrings: the shared strings are more than MaxStrings.
	ErrTooManyStrings = msg.New("too many shared strings")
)

// DuplicatePartError is Open's error for an archive that holds a part
// twice (part names compare without regard to case). Readers differ in
// which copy they take, so kompass could read other cells than Excel
// shows.
type DuplicatePartError struct{ Part string }

func (e *DuplicatePartError) Error() string {
	return msg.Sprintf("the archive holds the part %s twice", e.Part)
}

// File is an opened workbook.
type File struct {
	zr       *zip.Reader
	files    map[string]*zip.File
	rels     map[string]string // the workbook's relationships: id → part
	lim      Limits
	sheets   []sheetRef
	date1904 bool
	strings  []string
	sstRead  bool
	sstErr   error
	styles   *styles
}

type sheetRef struct {
	name, part string
	veryHidden bool // state="veryHidden": not shown, and not unhidden, in Excel without a macro
}

// Open reads the archive's directory, the workbook and its relationships.
func Open(data []byte, lim Limits) (*File, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, msg.Errorf("%w: %d files (at most %d)", ErrTooMany, len(zr.File), lim.MaxEntries)
	}
	f := &File{zr: zr, files: map[string]*zip.File{}, lim: lim}
	var total uint64
	seen := map[string]bool{}
	for _, zf := range zr.File {
		name := strings.TrimPrefix(zf.Name, "/")
		if key := strings.ToLower(name); seen[key] {
			return nil, &DuplicatePartError{Part: zf.Name}
		} else {
			seen[key] = true
		}
		total += zf.UncompressedSize64
		if total > lim.MaxTotal || zf.UncompressedSize64 > lim.MaxTotal {
			return nil, msg.Errorf("%w: more than %d MB", ErrTooLarge, lim.MaxTotal>>20)
		}
		f.files[name] = zf
	}
	if _, ok := f.files["xl/workbook.xml"]; !ok {
		return nil, ErrNotWorkbook
	}
	rels, err := f.readRels("xl/_rels/workbook.xml.rels", "xl")
	if err != nil {
		return nil, err
	}
	f.rels = rels
	err = f.scan("xl/workbook.xml", func(t token) error {
		switch t.name {
		case "workbookPr":
			v := attrValue(t, "date1904")
			f.date1904 = v == "1" || v == "true"
		case "sheet":
			var name, id string
			for _, a := range t.attrs {
				switch {
				case a.name == "name" && !a.space:
					name = a.value
				case a.name == "id" && a.space:
					id = a.value
				}
			}
			if p, ok := rels[id]; ok && name != "" {
				f.sheets = append(f.sheets, sheetRef{name: name, part: p, veryHidden: attrValue(t, "state") == "veryHidden"})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// SheetNames lists the sheets in workbook order, but for very hidden
// ones, which no one sees in Excel.
func (f *File) SheetNames() []string {
	var out []string
	for _, s := range f.sheets {
		if !s.veryHidden {
			out = append(out, s.name)
		}
	}
	return out
}

// HasSheet reports whether the workbook has a sheet of that name (as
// Sheet finds it).
func (f *File) HasSheet(name string) bool {
	_, ok := f.lookup(name)
	return ok
}

// VeryHidden reports whether the workbook has a very hidden sheet of that
// name (any case), which Sheet never reads.
func (f *File) VeryHidden(name string) bool {
	for _, s := range f.sheets {
		if s.veryHidden && sameName(s.name, name) {
			return true
		}
	}
	return false
}

// lookup finds a sheet by name as Excel does, ignoring case: the name as
// written first, then in another case. A very hidden sheet is never found,
// so that a sheet no one can see is never checked in place of the one
// they see.
func (f *File) lookup(name string) (sheetRef, bool) {
	for _, exact := range []bool{true, false} {
		for _, s := range f.sheets {
			if !s.veryHidden && (s.name == name || !exact && sameName(s.name, name)) {
				return s, true
			}
		}
	}
	return sheetRef{}, false
}

// sameName compares sheet names as Excel does: case does not matter.
func sameName(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// readPart reads one part into memory, refusing it above the limit; the
// read stops at the limit even if the archive lies about sizes.
func (f *File) readPart(name string) ([]byte, error) { return f.readPartWatched(name, nil) }

// readPartWatched is readPart, calling watch with each piece as it is
// read: an error from watch stops the read, so that a part found too large
// on the way is not read to its end.
func (f *File) readPartWatched(name string, watch func(data []byte) error) ([]byte, error) {
	zf, ok := f.files[name]
	if !ok {
		return nil, msg.Errorf("%w: %s is missing", ErrMalformed, name)
	}
	if zf.UncompressedSize64 > f.lim.MaxPart {
		return nil, msg.Errorf("%w: %s unpacks to %d MB", ErrTooLarge, name, zf.UncompressedSize64>>20)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	defer rc.Close()
	var r io.Reader = rc
	if watch != nil {
		r = &watched{r: rc, watch: watch}
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(f.lim.MaxPart)+1))
	var werr *watchError
	if errors.As(err, &werr) {
		return nil, werr.err
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	if uint64(len(data)) > f.lim.MaxPart {
		return nil, msg.Errorf("%w: %s unpacks to more than %d MB", ErrTooLarge, name, f.lim.MaxPart>>20)
	}
	return data, nil
}

// watched is a reader whose pieces are shown to watch as they are read.
type watched struct {
	r     io.Reader
	watch func(piece []byte) error
}

// watchError carries watch's error through io.ReadAll.
type watchError struct{ err error }

func (e *watchError) Error() string { return e.err.Error() }

func (w *watched) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if n > 0 {
		if werr := w.watch(p[:n]); werr != nil {
			return n, &watchError{werr}
		}
	}
	return n, err
}

// tokens reads a part and returns a tokenizer over it.
func (f *File) tokens(name string) (*scanner, error) {
	data, err := f.readPart(name)
	if err != nil {
		return nil, err
	}
	return newScanner(data), nil
}

// walk calls fn for each token and checks that elements nest; the
// tokenizers do not check that end tags match.
func walk(name string, tz *scanner, fn func(token) error) error {
	depth := 0
	for {
		t, err := tz.next()
		if err == io.EOF {
			if depth != 0 {
				return msg.Errorf("%w: %s ends inside an element (truncated)", ErrMalformed, name)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
		}
		switch t.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
			if depth < 0 {
				return msg.Errorf("%w: %s: an end tag without a start tag", ErrMalformed, name)
			}
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

// scan calls fn for each start element of a part.
func (f *File) scan(name string, fn func(token) error) error {
	tz, err := f.tokens(name)
	if err != nil {
		return err
	}
	return walk(name, tz, func(t token) error {
		if t.kind != tokStart {
			return nil
		}
		return fn(t)
	})
}

// readRels maps relationship ids to part names, resolved against dir.
func (f *File) readRels(name, dir string) (map[string]string, error) {
	out := map[string]string{}
	if _, ok := f.files[name]; !ok {
		return out, nil
	}
	err := f.scan(name, func(t token) error {
		if t.name != "Relationship" {
			return nil
		}
		var id, target, mode string
		for _, a := range t.attrs {
			switch a.name {
			case "Id":
				id = a.value
			case "Target":
				target = a.value
			case "TargetMode":
				mode = a.value
			}
		}
		if mode == "External" || id == "" || target == "" {
			return nil
		}
		if strings.HasPrefix(target, "/") {
			out[id] = path.Clean(strings.TrimPrefix(target, "/"))
		} else {
			out[id] = path.Clean(path.Join(dir, target))
		}
		return nil
	})
	return out, err
}

// ReadStrings reads the shared strings (xl/sharedStrings.xml) now, which
// Sheet otherwise does when it first needs them, so that a workbook whose
// strings are beyond the limits is refused as a whole, not sheet by sheet.
func (f *File) ReadStrings() error { return f.sharedStrings() }

// sharedStrings reads xl/sharedStrings.xml once; a failure is kept and
// returned again.
func (f *File) sharedStrings() error {
	if f.sstRead {
		return f.sstErr
	}
	f.sstRead = true
	name := f.partNamed("sharedStrings.xml")
	if _, ok := f.files[name]; !ok {
		return nil
	}
	// Strings are counted as the part is read: one of millions of empty
	// strings is refused without being read to its end. "<si" may straddle
	// two pieces: the last two bytes of each are kept.
	counted := 0
	var tail []byte
	data, err := f.readPartWatched(name, func(piece []byte) error {
		if f.lim.MaxStrings <= 0 {
			return nil
		}
		joined := append(tail, piece...)
		counted += bytes.Count(joined, []byte("<si"))
		tail = append(tail[:0], joined[max(0, len(joined)-2):]...)
		if counted > f.lim.MaxStrings {
			return msg.Errorf("%w: the part %s holds more than %d", ErrTooManyStrings, name, f.lim.MaxStrings)
		}
		return nil
	})
	if err == nil {
		f.strings, err = parseSharedStrings(name, newScanner(data), f.lim)
	}
	if err != nil {
		f.strings, f.sstErr = nil, err
	}
	return err
}

// partNamed is the part the workbook's relationships name with that file
// name (any case), or xl/ and the name as Excel writes it.
func (f *File) partNamed(file string) string {
	var found []string
	for _, p := range f.rels {
		if strings.EqualFold(path.Base(p), file) {
			found = append(found, p)
		}
	}
	if len(found) > 0 {
		slices.Sort(found) // the same part, whatever the map's order
		return found[0]
	}
	if _, ok := f.files["xl/"+file]; !ok {
		for name := range f.files {
			if strings.EqualFold(name, "xl/"+file) {
				found = append(found, name)
			}
		}
	}
	if len(found) > 0 {
		slices.Sort(found)
		return found[0]
	}
	return "xl/" + file
}

func parseSharedStrings(name string, tz *scanner, lim Limits) ([]string, error) {
	var out []string
	var cur strings.Builder
	inSI, inT, phonetic := false, false, 0
	err := walk(name, tz, func(t token) error {
		switch t.kind {
		case tokStart:
			switch t.name {
			case "si":
				if lim.MaxStrings > 0 && len(out) >= lim.MaxStrings {
					return msg.Errorf("%w: the part %s holds more than %d", ErrTooManyStrings, name, lim.MaxStrings)
				}
				inSI = true
				cur.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case tokEnd:
			switch t.name {
			case "si":
				inSI = false
				out = append(out, unescape(cur.String()))
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case tokChars:
			if inT {
				if cur.Len()+len(t.text) > lim.MaxCellText {
					return msg.Errorf("%w: a shared string is longer than %d bytes", ErrTooLarge, lim.MaxCellText)
				}
				cur.Write(t.text)
			}
		}
		return nil
	})
	return out, err
}

// unescape decodes the escapes Excel and xlsxwriter write into text for
// characters XML cannot hold: _x000D_ is a carriage return, and _x005F_
// is the underscore that keeps a literal "_x000D_" from being one
// (_x005F_x000D_).
func unescape(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if r, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(r))
				i += 6
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// CellType is the stored type of a cell.
type CellType byte

// Cell types, as in the t attribute.
const (
	TypeNumber CellType = iota
	TypeString          // shared, inline or formula string
	TypeBool
	TypeError
	TypeDate
)

// Cell is one stored cell.
type Cell struct {
	Row, Col   int // 1-based
	Type       CellType
	Value      string // the stored value; shared strings resolved
	Style      int    // the cell format (the s attribute), 0 by default
	HasFormula bool
	Formula    string // the formula text, "" for a shared formula's followers
}

// Ref is the cell's A1 reference.
func (c Cell) Ref() string { return CellName(c.Col, c.Row) }

// shownDigits is how many significant digits Shown keeps of a number.
const shownDigits = 10

// Shown is the value as a cell formatted General shows it: a number
// rounded to ten significant digits and written without an exponent, so
// that 8.2, which programs store as 8.199999999999999, is 8.2 again; any
// other value as it is stored.
func (c Cell) Shown() string {
	if c.Type != TypeNumber {
		return c.Value
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return c.Value
	}
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', shownDigits, 64), 64)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Sheet is the content of one worksheet: the cells that hold a value or a
// formula. Empty cells and rows, however far down they are numbered (Calc
// writes an empty row 1,048,576 once a row is deleted), and the sheet's
// declared dimension are not content and count towards no limit.
type Sheet struct {
	Name   string
	Cells  map[[2]int]Cell // by (row, col)
	MaxRow int             // the last row that holds a cell
	MaxCol int             // the last column that holds a cell
	Merged []Range
}

// Range is a merged range of cells.
type Range struct{ FromCol, FromRow, ToCol, ToRow int }

func (r Range) String() string {
	return CellName(r.FromCol, r.FromRow) + ":" + CellName(r.ToCol, r.ToRow)
}

// Cell returns the cell at row and col, if stored.
func (s *Sheet) Cell(row, col int) (Cell, bool) {
	c, ok := s.Cells[[2]int{row, col}]
	return c, ok
}

// Row is one row that holds a cell (a value or a formula): its number and
// its values by column, Values[c-1]; trailing empty cells are not included.
type Row struct {
	N      int
	Values []string
}

// At is the value in column col (1-based), or "".
func (r Row) At(col int) string {
	if col < 1 || col > len(r.Values) {
		return ""
	}
	return r.Values[col-1]
}

// Rows returns the rows that hold a cell, in order. Rows without one are
// left out, so a row's number is N, not its index.
func (s *Sheet) Rows() []Row {
	byRow := map[int][]string{}
	for k, c := range s.Cells {
		vs := byRow[k[0]]
		if len(vs) < k[1] {
			grown := make([]string, k[1])
			copy(grown, vs)
			vs = grown
		}
		vs[k[1]-1] = c.Value
		byRow[k[0]] = vs
	}
	out := make([]Row, 0, len(byRow))
	for n, vs := range byRow {
		out = append(out, Row{N: n, Values: vs})
	}
	slices.SortFunc(out, func(a, b Row) int { return a.N - b.N })
	return out
}

// Sheet reads one worksheet by name (found as HasSheet finds it).
func (f *File) Sheet(name string) (*Sheet, error) {
	ref, ok := f.lookup(name)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrNoSheet, name)
	}
	part := ref.part
	if err := f.sharedStrings(); err != nil {
		return nil, err
	}
	tz, err := f.tokens(part)
	if err != nil {
		return nil, err
	}
	return parseSheet(name, tz, f.strings, f.lim)
}

// parseSheet reads a worksheet's cells and merged ranges from its tokens.
func parseSheet(name string, tz *scanner, shared []string, lim Limits) (*Sheet, error) {
	sh := &Sheet{Name: name, Cells: map[[2]int]Cell{}}
	contentRows := map[int]bool{} // the rows that hold a cell, for MaxRows
	var (
		row, col    int
		cur         Cell
		inCell      bool
		where       string // "v", "f", "t" (inline string text)
		text        strings.Builder
		typ         string
		inIS        int
		phonetic    int // inside a phonetic run (rPh): its text is a reading aid, not the value
		formulaText strings.Builder
	)
	fail := func(detail string) error {
		return msg.Errorf("%w: sheet %q: %s", ErrMalformed, name, detail)
	}
	err := walk(msg.Sprintf("sheet %q", name), tz, func(t token) error {
		switch t.kind {
		case tokStart:
			switch t.name {
			case "row":
				next := row + 1
				if v := attrValue(t, "r"); v != "" {
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 || n > maxRows {
						return fail(msg.Sprintf("row number %q", v))
					}
					next = n
				}
				row, col = next, 0
			case "c":
				if row == 0 {
					row = 1
				}
				col++
				if v := attrValue(t, "r"); v != "" {
					c, r, ok := ParseCellName(v)
					if !ok {
						return fail(msg.Sprintf("cell reference %q", v))
					}
					col, row = c, r
				}
				inCell = true
				typ = attrValue(t, "t")
				cur = Cell{Row: row, Col: col}
				if v := attrValue(t, "s"); v != "" {
					cur.Style, _ = strconv.Atoi(v)
				}
				text.Reset()
				formulaText.Reset()
			case "v":
				if inCell {
					where = "v"
				}
			case "f":
				if inCell {
					where = "f"
					cur.HasFormula = true
				}
			case "is":
				inIS++
			case "t":
				if inCell && inIS > 0 && phonetic == 0 {
					where = "t"
				}
			case "rPh":
				phonetic++
				where = ""
			case "mergeCell":
				if r, ok := parseRange(attrValue(t, "ref")); ok {
					// Ranges are kept as rectangles, never expanded; their
					// number is bounded, as a few bytes each declare one.
					if len(sh.Merged) >= lim.MaxMerged {
						return msg.Errorf("%w: sheet %q has more than %d merged ranges", ErrTooLarge, name, lim.MaxMerged)
					}
					sh.Merged = append(sh.Merged, r)
				}
			}
		case tokEnd:
			switch t.name {
			case "v", "f", "t":
				where = ""
			case "rPh":
				phonetic = max(0, phonetic-1)
			case "is":
				inIS--
			case "c":
				if !inCell {
					break
				}
				inCell = false
				cur.Formula = formulaText.String()
				v := text.String()
				switch typ {
				case "s":
					i, err := strconv.Atoi(strings.TrimSpace(v))
					if err != nil || i < 0 || i >= len(shared) {
						return fail(msg.Sprintf("cell %s refers to shared string %q, which does not exist", cur.Ref(), v))
					}
					cur.Type, cur.Value = TypeString, shared[i]
				case "str", "inlineStr":
					cur.Type, cur.Value = TypeString, unescape(v)
				case "b":
					cur.Type, cur.Value = TypeBool, v
				case "e":
					cur.Type, cur.Value = TypeError, v
				case "d":
					cur.Type, cur.Value = TypeDate, v
				default:
					cur.Type, cur.Value = TypeNumber, v
				}
				if cur.Value != "" || cur.HasFormula {
					if cur.Col > lim.MaxCols {
						return msg.Errorf("%w: sheet %q has a value in %s, beyond column %s", ErrTooLarge, name, cur.Ref(), colName(lim.MaxCols))
					}
					key := [2]int{cur.Row, cur.Col}
					if _, again := sh.Cells[key]; !again {
						if len(sh.Cells) >= lim.MaxCells {
							return msg.Errorf("%w: sheet %q has more than %d cells with content", ErrTooLarge, name, lim.MaxCells)
						}
						if !contentRows[cur.Row] && len(contentRows) >= lim.MaxRows {
							return msg.Errorf("%w: sheet %q has more than %d rows with content", ErrTooManyRows, name, lim.MaxRows)
						}
						contentRows[cur.Row] = true
					}
					sh.Cells[key] = cur
					sh.MaxRow = max(sh.MaxRow, cur.Row)
					sh.MaxCol = max(sh.MaxCol, cur.Col)
				}
			}
		case tokChars:
			switch where {
			case "v", "t":
				if text.Len()+len(t.text) > lim.MaxCellText {
					return msg.Errorf("%w: cell %s holds more than %d bytes", ErrTooLarge, cur.Ref(), lim.MaxCellText)
				}
				text.Write(t.text)
			case "f":
				if formulaText.Len()+len(t.text) <= lim.MaxCellText {
					formulaText.Write(t.text)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sh, nil
}

func attrValue(t token, local string) string {
	for _, a := range t.attrs {
		if a.name == local && !a.space {
			return a.value
		}
	}
	return ""
}

// The largest sheet Excel allows.
const (
	maxRows = 1048576
	maxCols = 16384
)

// ParseCellName reads "AB12" as column 28, row 12.
func ParseCellName(s string) (col, row int, ok bool) {
	i := 0
	for i < len(s) && (s[i] == '$' || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) {
		if s[i] != '$' {
			c := s[i]
			if c >= 'a' {
				c -= 'a' - 'A'
			}
			col = col*26 + int(c-'A'+1)
			if col > maxCols {
				return 0, 0, false
			}
		}
		i++
	}
	digits := strings.TrimPrefix(s[i:], "$")
	if col == 0 || digits == "" {
		return 0, 0, false
	}
	r, err := strconv.Atoi(digits)
	if err != nil || r < 1 || r > maxRows {
		return 0, 0, false
	}
	return col, r, true
}

// CellName writes column and row as "AB12".
func CellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}

func colName(col int) string { n := CellName(col, 1); return n[:len(n)-1] }

func parseRange(s string) (Range, bool) {
	from, to, found := strings.Cut(s, ":")
	if !found {
		to = from
	}
	c1, r1, ok1 := ParseCellName(from)
	c2, r2, ok2 := ParseCellName(to)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{FromCol: min(c1, c2), FromRow: min(r1, r2), ToCol: max(c1, c2), ToRow: max(r1, r2)}, true
}
