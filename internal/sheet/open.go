package sheet

// The reader's side of the toolkit: every workbook kompass reads (an
// evaluation, an åtgärdsplan) is opened, limited and refused alike, and its
// sheets are found and their cells shown the same way.

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
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
	MaxCols           = 256      // columns read from any sheet (A to IV)
	MaxCells          = 100000   // cells with content of any sheet
	MaxCellText       = 1 << 20  // bytes of one cell's text
	MaxMerged         = 10000    // merged ranges of a sheet
	MaxSharedStrings  = 200000   // shared strings (the texts of cells) of the workbook
)

var limits = xlsx.Limits{MaxEntries: 1000, MaxTotal: MaxUnzipSize, MaxPart: MaxUnzipXMLSize,
	MaxRows: MaxScoreSheetRows, MaxCols: MaxCols, MaxCells: MaxCells, MaxCellText: MaxCellText, MaxMerged: MaxMerged, MaxStrings: MaxSharedStrings}

// Ext is the extension of every workbook kompass reads or writes.
const Ext = ".xlsx"

// IsXLSX reports whether a file name has the extension .xlsx, in any case.
func IsXLSX(name string) bool { return strings.EqualFold(filepath.Ext(name), Ext) }

// IsWorkbookFile reports whether a file found in a folder is a workbook to
// read: an .xlsx that is neither hidden (.name) nor the lock file Excel
// keeps beside an open workbook (~$name).
func IsWorkbookFile(name string) bool {
	return IsXLSX(name) && !strings.HasPrefix(name, "~$") && !strings.HasPrefix(name, ".")
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
	f := Open(path, pl)
	if f == nil {
		return pl.Items, false
	}
	if err := f.ReadStrings(); err != nil {
		at := problem.At{Expected: msg.T("an .xlsx workbook")}
		if errors.Is(err, xlsx.ErrTooManyStrings) {
			at.Found, at.Expected = msg.Sprintf("more than %d shared strings", MaxSharedStrings), msg.Sprintf("at most %d", MaxSharedStrings)
		}
		pl.Error(at, openError(err))
		return pl.Items, false
	}
	read(f, pl)
	problem.Sort(pl.Items, sheets...)
	return pl.Items, true
}

// Open reads the workbook at path within the reader's limits (see
// docs/workbook.md); when it cannot, it reports why in pl and returns nil.
// The file is read as every input is (internal/inputfile): only a regular
// file of at most MaxFileSize bytes. It is never modified.
func Open(path string, pl *problem.List) *xlsx.File {
	// Another program's spreadsheet is named by what it is, with how to
	// save it as an xlsx workbook, whatever it holds.
	if what := Foreign(path); what != "" {
		pl.Error(problem.At{Found: filepath.Ext(path), Expected: msg.T("an .xlsx workbook")}, what)
		return nil
	}
	data, err := inputfile.Read(path, inputfile.Workbook, MaxFileSize)
	var fe *inputfile.Error
	switch {
	case errors.As(err, &fe):
		pl.Error(problem.At{Found: fe.Found, Expected: fe.Expected}, fe.Reason)
		return nil
	case err != nil:
		pl.Error(problem.At{}, msg.Sprintf("cannot read the file: %v", inputfile.Unwrap(err)))
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

// Foreign says what a file named name is when it is the spreadsheet of
// another program, which kompass does not read (.ods, .xls, .numbers,
// .xlsb), and how to save it as .xlsx; "" for any other name.
func Foreign(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ods":
		return msg.T("this is an OpenDocument spreadsheet (.ods), which kompass does not read; open it and save it as .xlsx (LibreOffice: Arkiv → Spara som → Excel 2007–365)")
	case ".xls":
		return msg.T("this is an old Excel workbook (.xls), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok; LibreOffice: Arkiv → Spara som → Excel 2007–365)")
	case ".numbers":
		return msg.T("this is a Numbers document (.numbers), which kompass does not read; export it as .xlsx (Numbers: Arkiv → Exportera till → Excel)")
	case ".xlsb":
		return msg.T("this is a binary Excel workbook (.xlsb), which kompass does not read; open it and save it as .xlsx (Excel: Arkiv → Spara som → Excel-arbetsbok)")
	}
	return ""
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
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if zf.Name == "xl/workbook.xml" {
			hasWorkbook = true
		}
	}
	if total > MaxUnzipSize {
		return msg.Sprintf("the workbook unpacks to %s, more than the %d MB kompass accepts (a zip bomb, or not an evaluation workbook)", inputfile.Size(int64(min(total, 1<<62))), MaxUnzipSize>>20)
	}
	if !hasWorkbook {
		if isODS(zr) {
			return Foreign(".ods")
		}
		return msg.T("the zip archive holds no xl/workbook.xml: it is not an xlsx workbook")
	}
	return ""
}

// isODS reports whether a zip archive is an OpenDocument spreadsheet: its
// first part, mimetype, says so.
func isODS(zr *zip.Reader) bool {
	for _, zf := range zr.File {
		if zf.Name != "mimetype" || zf.UncompressedSize64 > 100 {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 100))
		return strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.spreadsheet")
	}
	return false
}

func openError(err error) string {
	var dup *xlsx.DuplicatePartError
	switch {
	case errors.As(err, &dup):
		return msg.Sprintf("the zip archive holds the part %s twice, so programs may read different contents; open it in Excel or LibreOffice and save it again", dup.Part)
	case errors.Is(err, xlsx.ErrNotZip), errors.Is(err, zip.ErrFormat):
		return msg.T("the file is a damaged zip archive, not a readable xlsx workbook")
	case errors.Is(err, xlsx.ErrNotWorkbook):
		return msg.T("the zip archive holds no xl/workbook.xml: it is not an xlsx workbook")
	case errors.Is(err, xlsx.ErrTooManyStrings):
		return msg.Sprintf("the workbook is larger than kompass accepts: %v (shared strings are the texts of its cells; an evaluation workbook has a few thousand)", err)
	case errors.Is(err, xlsx.ErrTooLarge), errors.Is(err, xlsx.ErrTooMany):
		return msg.Sprintf("the workbook is larger than kompass accepts (%v)", err)
	}
	return msg.Sprintf("the workbook is damaged and cannot be read (%v); open it in Excel or LibreOffice and save it again", err)
}

// MaxLabel is the longest text Norm folds: labels and headers are short.
const MaxLabel = 256

// Norm folds a header or label for matching: trimmed, lower case, inner
// white space collapsed, a trailing colon dropped.
func Norm(s string) string {
	// Labels and headers are short; a long text is none of them, and is not
	// folded (a 1 MB shared string may fill every cell of a sheet).
	if len(s) > MaxLabel {
		return "\x00"
	}
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	return strings.ToLower(strings.TrimSuffix(s, ":"))
}

// Rows reads a sheet, reporting in pl a missing, very hidden or unreadable
// one.
func Rows(f *xlsx.File, sheet string, pl *problem.List) (*xlsx.Sheet, []xlsx.Row, bool) {
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

// Shown is the text of a cell as the evaluator sees it (xlsx.Cell.Shown):
// an id or a version that a program wrote as a number is the number shown,
// 8.2, not the 8.199999999999999 stored.
func Shown(sh *xlsx.Sheet, col, row int) string {
	c, _ := sh.Cell(row, col)
	return c.Shown()
}

// Display is the text of a cell as the sheet shows it in Swedish: a
// number in its number format with a decimal comma, a date written out
// when the cell holds one ("13 mars 2025"), text as it is
// (xlsx.File.Display, LongDate).
func Display(f *xlsx.File, sh *xlsx.Sheet, col, row int) string {
	c, _ := sh.Cell(row, col)
	if d, ok := f.LongDate(c); ok {
		return d
	}
	return f.Display(c)
}

// Formula returns the formula of a cell ("=…"), or "" if it has none.
func Formula(sh *xlsx.Sheet, col, row int) string {
	c, ok := sh.Cell(row, col)
	if !ok || !c.HasFormula {
		return ""
	}
	if c.Formula == "" {
		return msg.T("=(shared formula)")
	}
	return "=" + c.Formula
}

// HeaderSearchRows is how far down a reader looks for a header row.
const HeaderSearchRows = 10
