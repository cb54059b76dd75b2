package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// Save writes a workbook kompass made, the template filled in or not, with
// every row tall enough for the text wrapped in it. The heights are written
// as automatic ones, not fixed: Excel and LibreOffice then grow a row again
// when a longer text is typed into it (a Kommentar), where a fixed height
// would cut the text. LibreOffice does not fit rows to their text when it
// opens a workbook, so without heights long texts print over the next row.
//
// What kompass writes, it reads: the workbook is read back within the
// reader's limits before it is written to w, and one that kompass would
// refuse (too many rows on a sheet, too many cells) is a *TooLargeError,
// with nothing written.
func Save(w io.Writer, f *excelize.File) error {
	if err := fitRows(f); err != nil {
		return err
	}
	var buf, out bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	if err := automaticHeights(&out, buf.Bytes()); err != nil {
		return err
	}
	if err := readable(out.Bytes()); err != nil {
		return err
	}
	_, err := w.Write(out.Bytes())
	return err
}

// TooLargeError is a workbook kompass was to write but would not read
// back: it is beyond the reader's limits (docs/workbook.md).
type TooLargeError struct {
	Sheet  string // "" for the workbook as a whole
	Detail string // what is too large, in the language shown
}

func (e *TooLargeError) Error() string {
	return msg.Sprintf("the workbook would be larger than kompass reads: %s", e.Detail)
}

// readable reads a workbook as kompass reads one, every sheet of it.
func readable(data []byte) error {
	xf, err := xlsx.Open(data, limits)
	if err != nil {
		return &TooLargeError{Detail: limitDetail(err)}
	}
	for _, name := range xf.SheetNames() {
		if _, err := xf.Sheet(name); err != nil {
			detail := limitDetail(err)
			if !strings.Contains(detail, strconv.Quote(name)) {
				detail = msg.Sprintf("sheet %q: %s", name, detail)
			}
			return &TooLargeError{Sheet: name, Detail: detail}
		}
	}
	return nil
}

// limitDetail is what a reader's error says is too large, without the
// words of its sentinel.
func limitDetail(err error) string {
	s := err.Error()
	for _, e := range []error{xlsx.ErrTooLarge, xlsx.ErrTooManyRows, xlsx.ErrTooMany} {
		s = strings.TrimPrefix(s, e.Error()+": ")
	}
	return s
}

// lineHeight is the height in points of a line of 11-point Calibri, the
// row height Excel gives it.
const lineHeight = 15

// MaxRowHeight is the tallest row Excel has, in points (excelize.MaxRowHeight).
// A cell may hold 32,767 characters, far more than a row this tall shows:
// such a row is as tall as it gets, and the text scrolls in the cell.
const MaxRowHeight = excelize.MaxRowHeight

// fitRows sets the height of every row that holds wrapped text longer than
// its column is wide: an estimate from the number of characters, since
// neither kompass nor excelize measures fonts.
func fitRows(f *excelize.File) error {
	wraps := map[int]bool{} // style id → wraps text
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		widths := map[int]float64{}
		colWidth := func(c int) (float64, error) {
			width, ok := widths[c]
			if !ok {
				col, _ := excelize.ColumnNumberToName(c + 1)
				var err error
				if width, err = f.GetColWidth(sheet, col); err != nil {
					return 0, err
				}
				widths[c] = width
			}
			return width, nil
		}
		// A merged range's text wraps across all its columns.
		merged := map[string][2]int{} // top-left cell → first and last column (0-based)
		ranges, err := f.GetMergeCells(sheet)
		if err != nil {
			return err
		}
		for _, m := range ranges {
			c1, _, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, _, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 == nil && err2 == nil {
				merged[m.GetStartAxis()] = [2]int{c1 - 1, c2 - 1}
			}
		}
		for r, row := range rows {
			lines := 1
			for c, text := range row {
				if text == "" {
					continue
				}
				ref := Cell(c+1, r+1)
				id, err := f.GetCellStyle(sheet, ref)
				if err != nil {
					return err
				}
				wrap, ok := wraps[id]
				if !ok {
					st, err := f.GetStyle(id)
					if err != nil {
						return err
					}
					wrap = st.Alignment != nil && st.Alignment.WrapText
					wraps[id] = wrap
				}
				if !wrap {
					continue
				}
				span, ok := merged[ref]
				if !ok {
					span = [2]int{c, c}
				}
				width := 0.0
				for k := span[0]; k <= span[1]; k++ {
					w, err := colWidth(k)
					if err != nil {
						return err
					}
					width += w
				}
				lines = max(lines, wrappedLines(text, width))
			}
			if lines > 1 {
				if err := raiseRow(f, sheet, r+1, lines); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// raiseRow makes a row tall enough for lines of text, unless it is taller
// already (FitText's height for a computed text).
func raiseRow(f *excelize.File, sheet string, row, lines int) error {
	h := min(float64(lines*lineHeight), MaxRowHeight)
	if cur, err := f.GetRowHeight(sheet, row); err != nil || cur >= h {
		return err
	}
	return f.SetRowHeight(sheet, row, h)
}

// FitText makes a row tall enough for a text wrapped in a column of the
// given width, for a cell whose text a formula computes when the workbook
// is opened: Save sees only the texts written.
func FitText(f *excelize.File, sheet string, row int, text string, width float64) error {
	if lines := wrappedLines(text, width); lines > 1 {
		return raiseRow(f, sheet, row, lines)
	}
	return nil
}

// wrappedLines estimates how many lines a text takes in a column of the
// given width (in widths of the digit 0). Letters are on average narrower
// than digits, but a line breaks between words, so it holds a little more
// than the width.
func wrappedLines(text string, width float64) int {
	perLine := max(width*1.1, 1)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/perLine)))
	}
	return lines
}

// customHeight is the flag excelize puts on every row height it sets.
var customHeight = regexp.MustCompile(`(<row\b[^>]*?) customHeight="(?:true|1)"`)

// automaticHeights copies an xlsx package with the rows' heights unflagged
// as custom: the height stays as a starting point.
func automaticHeights(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			if err := zw.Copy(zf); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		fh := zf.FileHeader
		out, err := zw.CreateHeader(&fh)
		if err != nil {
			return err
		}
		if _, err := out.Write(customHeight.ReplaceAll(part, []byte("$1"))); err != nil {
			return err
		}
	}
	return zw.Close()
}
