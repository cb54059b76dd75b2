package sheet

// The reader's side of the toolkit: every workbook kompass reads (an
// evaluation, an åtgärdsplan) is opened, limited and refused alike, and its
// sheets are found and their cells shown the same way.

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

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
	MaxCellText       = 1 << 20  // bytes of one cell's text
	MaxMerged         = 10000    // merged ranges of a sheet
)

var limits = xlsx.Limits{MaxEntries: 1000, MaxTotal: MaxUnzipSize, MaxPart: MaxUnzipXMLSize,
	MaxRows: MaxScoreSheetRows, MaxCols: 256, MaxCells: 100000, MaxCellText: MaxCellText, MaxMerged: MaxMerged}

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
	read(f, pl)
	problem.Sort(pl.Items, sheets...)
	return pl.Items, true
}

// Open reads the workbook at path within the reader's limits (see
// docs/workbook.md); when it cannot, it reports why in pl and returns nil.
// The file is never modified.
func Open(path string, pl *problem.List) *xlsx.File {
	// Another program's spreadsheet is named by what it is, with how to
	// save it as an xlsx workbook, whatever it holds.
	if what := Foreign(path); what != "" {
		pl.Error(problem.At{Found: filepath.Ext(path), Expected: msg.T("an .xlsx workbook")}, what)
		return nil
	}
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
		return msg.Sprintf("the workbook unpacks to %s MB, more than the %d MB kompass accepts (a zip bomb, or not an evaluation workbook)", mb(int64(min(total, 1<<62))), MaxUnzipSize>>20)
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
