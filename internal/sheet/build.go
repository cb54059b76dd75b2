package sheet

// The building blocks of every workbook kompass writes: styles, page set-up,
// header rows and protection. The template uses them, and so do the
// consensus workbook and the åtgärdsplan, so that all look and behave alike.

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Colours of the workbooks. Input cells have one colour everywhere.
const (
	InputFill  = "FFF2CC" // yellow: the cells the user types in
	headerFill = "1F4E79"
	areaFill   = "DDEBF7"
	totalFill  = "BDD7EE"
	borderGrey = "BFBFBF"
	sumGrey    = "595959"
)

// Styles are the cell styles of the workbooks kompass writes (the
// template, the consensus workbook, the åtgärdsplan): one yellow for every
// cell the user types in, locked cells elsewhere, a dark header row.
type Styles struct {
	Title      int // the title line of a sheet of instructions
	Header     int // a header row: white on dark blue
	Label      int // a bold label in a locked cell
	Locked     int // a locked cell
	LockedWrap int // a locked cell that wraps its text
	Input      int // a yellow input cell
	InputWrap  int // a yellow input cell that wraps its text
	Area       int // an area row: bold on light blue
	AreaInput  int // an area's input cell
	AreaSum    int // an area's sum
	Total      int // the total row
	TotalInput int // the total's input cell
	Sum        int // a computed value in grey
	Instr      int // a line of instructions
	InstrHead  int // a heading of instructions
}

// Border is the thin grey border of every cell in a table.
func Border() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: borderGrey, Style: 1}, {Type: "right", Color: borderGrey, Style: 1},
		{Type: "top", Color: borderGrey, Style: 1}, {Type: "bottom", Color: borderGrey, Style: 1},
	}
}

// NewStyles adds the Styles to f.
func NewStyles(f *excelize.File) (Styles, error) {
	var s Styles
	border := Border()
	unlocked := &excelize.Protection{Locked: false}
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	// Every font is named: a font without a name is printed in whatever
	// the program falls back to (a serif in LibreOffice).
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: size, Bold: bold, Color: color}
	}
	plain, bold := font(false, 11, ""), font(true, 11, "")
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.Title, excelize.Style{Font: font(true, 14, "")}},
		{&s.Header, excelize.Style{Font: font(true, 11, "FFFFFF"), Fill: fill(headerFill), Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}},
		{&s.Label, excelize.Style{Font: bold, Border: border, Alignment: wrap}},
		{&s.Locked, excelize.Style{Font: plain, Border: border, Alignment: top}},
		{&s.LockedWrap, excelize.Style{Font: plain, Border: border, Alignment: wrap}},
		{&s.Input, excelize.Style{Font: plain, Border: border, Fill: fill(InputFill), Protection: unlocked, Alignment: top}},
		{&s.InputWrap, excelize.Style{Font: plain, Border: border, Fill: fill(InputFill), Protection: unlocked, Alignment: wrap}},
		{&s.Area, excelize.Style{Font: bold, Fill: fill(areaFill), Border: border, Alignment: wrap}},
		{&s.AreaInput, excelize.Style{Font: bold, Fill: fill(InputFill), Border: border, Protection: unlocked, Alignment: top}},
		{&s.AreaSum, excelize.Style{Font: bold, Fill: fill(areaFill), Border: border, Alignment: top}},
		{&s.Total, excelize.Style{Font: font(true, 12, ""), Fill: fill(totalFill), Border: border, Alignment: top}},
		{&s.TotalInput, excelize.Style{Font: font(true, 12, ""), Fill: fill(InputFill), Border: border, Protection: unlocked, Alignment: top}},
		{&s.Sum, excelize.Style{Font: font(false, 11, sumGrey), Border: border, Alignment: top}},
		{&s.Instr, excelize.Style{Font: plain, Alignment: wrap}},
		{&s.InstrHead, excelize.Style{Font: font(true, 12, "")}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.dst = id
	}
	return s, nil
}

// PageSetup prints the sheet landscape on A4, one page wide, with the
// sheet's name and the page number in the footer.
func PageSetup(f *excelize.File, sheet string) error {
	landscape, a4, one, any := "landscape", 9, 1, 0
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&A&RSida &P av &N"}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &any})
}

// HeaderRow keeps a sheet's header row in view: frozen on screen and
// printed at the top of every page.
func HeaderRow(f *excelize.File, sheet string) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}

// Protect locks every cell but the input cells. No password: protection
// guards against slips, not against people. Rows may be inserted, and
// deleted where they hold no locked cell (rows the evaluator added): kompass
// finds rows by ID or label and the sums are keyed by ID, so both stay
// right. Sorting and moving rows need the protection lifted, since both
// Excel and LibreOffice refuse to move locked cells.
func Protect(f *excelize.File, sheet string) error {
	if err := PageSetup(f, sheet); err != nil {
		return err
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
		InsertRows:          true,
		DeleteRows:          true,
	})
}

// Cell is the name of the cell at column col and row row (1-based), e.g. "B3".
func Cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// SetWidths sets the widths of columns A, B, … in order.
func SetWidths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// FirstErr returns the first error that is not nil.
func FirstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// NewFile is a new workbook holding the sheets named, in order, and the
// Styles. Close it when done.
func NewFile(sheets ...string) (*excelize.File, Styles, error) {
	f := excelize.NewFile()
	st, err := NewStyles(f)
	if err == nil {
		err = f.SetSheetName("Sheet1", sheets[0])
	}
	for _, s := range sheets[1:] {
		if err != nil {
			break
		}
		_, err = f.NewSheet(s)
	}
	if err != nil {
		f.Close()
		return nil, st, err
	}
	return f, st, nil
}

// List adds a drop-down list of items to the cells sqref (e.g. "B2:B40" or
// several ranges separated by spaces); anything else typed there is refused
// with the title and message given, in the user's words.
func List(f *excelize.File, sheet, sqref string, items []string, title, message string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if err := dv.SetDropList(items); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, title, message)
	return f.AddDataValidation(sheet, dv)
}

// ListFrom adds a drop-down list to the cells sqref whose items are the
// cells source, a range of the workbook ('Sheet'!$A$2:$A$20): a list of any
// length (an inline List holds at most 255 characters) that shows what the
// range shows.
func ListFrom(f *excelize.File, sheet, sqref, source, title, message string) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(source)
	dv.SetError(excelize.DataValidationErrorStyleStop, title, message)
	return f.AddDataValidation(sheet, dv)
}

// A Fact is one row of a sheet of facts (Uppgifter in the template and in
// the åtgärdsplan): a label, its value and a help text.
type Fact struct {
	Label string
	Value any // a string or a number; "" and nil leave the cell empty
	Help  string
	Input bool // the value is for the user to fill in (yellow)
}

// WriteFacts writes a sheet of facts: the header row Uppgift, Värde,
// Förklaring, then a row per fact from row 2, the columns as wide as
// widths say; it protects the sheet. The readers find a fact by its label
// in column A and take its value from column B.
func WriteFacts(f *excelize.File, st Styles, sh string, facts []Fact, widths ...float64) error {
	for i, h := range []string{"Uppgift", "Värde", "Förklaring"} {
		if err := f.SetCellStr(sh, Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "C1", st.Header); err != nil {
		return err
	}
	for i, fa := range facts {
		r := i + 2
		if err := f.SetCellStr(sh, Cell(1, r), fa.Label); err != nil {
			return err
		}
		if fa.Value != nil && fa.Value != "" {
			if err := f.SetCellValue(sh, Cell(2, r), fa.Value); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(sh, Cell(3, r), fa.Help); err != nil {
			return err
		}
		value := st.LockedWrap
		if fa.Input {
			value = st.InputWrap
		}
		for c, style := range []int{st.Label, value, st.LockedWrap} {
			if err := f.SetCellStyle(sh, Cell(c+1, r), Cell(c+1, r), style); err != nil {
				return err
			}
		}
	}
	if err := SetWidths(f, sh, widths...); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sh, "A1:C"+strconv.Itoa(len(facts)+1)); err != nil {
		return err
	}
	return Protect(f, sh)
}
