package sheet

// What Excel holds, for the writing side: every workbook kompass writes
// stays within these, so that Excel and LibreOffice open it and kompass
// reads it back (the reader's limits are in open.go).

import (
	"errors"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/msg"
)

// MaxCellChars is the most characters a cell holds in Excel, counted as
// Excel counts them: in UTF-16 units, so that a character outside the
// Basic Multilingual Plane (an emoji) counts twice.
const MaxCellChars = excelize.TotalCellChars

// CellText is s as a cell holds it: s itself when it fits, or cut to
// MaxCellChars with "…" at the end. excelize would cut it silently; a cut
// text that ends in "…" shows that something is left out.
func CellText(s string) string {
	if len(s) <= MaxCellChars || utf16Len(s) <= MaxCellChars {
		return s
	}
	units := 0
	for i, r := range s {
		if units += utf16Units(r); units > MaxCellChars-1 { // room for "…"
			return s[:i] + "…"
		}
	}
	return s
}

// utf16Len is the length of s in UTF-16 units, as Excel counts characters.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

func utf16Units(r rune) int {
	if r > 0xFFFF {
		return 2
	}
	return 1
}

// Explain turns an error of the workbook library (excelize) into a
// message in the catalogue: the library's own errors are English and speak
// of its parameters. An error that is none of them is returned as it is.
// kompass keeps within these limits as it writes (row heights, CellText),
// so one of them reaching a user is a fault of kompass; the message says
// what Excel refused.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	var why string
	switch {
	case errors.Is(err, excelize.ErrMaxRowHeight):
		why = msg.T("a row would be taller than the 409 points Excel allows")
	case errors.Is(err, excelize.ErrCellCharsLength):
		why = msg.T("a cell would hold more than the 32,767 characters Excel allows")
	case errors.Is(err, excelize.ErrColumnWidth):
		why = msg.T("a column would be wider than the 255 characters Excel allows")
	case errors.Is(err, excelize.ErrMaxRows):
		why = msg.T("a row would lie beyond the last row Excel has")
	case errors.Is(err, excelize.ErrColumnNumber):
		why = msg.T("a cell would lie beyond the last column Excel has")
	case errors.Is(err, excelize.ErrDataValidationFormulaLength):
		why = msg.T("a drop-down list would be longer than the 255 characters Excel allows")
	case errors.Is(err, excelize.ErrCellStyles):
		why = msg.T("the workbook would have more cell styles than Excel allows")
	case errors.Is(err, excelize.ErrSheetNameLength):
		why = msg.T("a sheet name would be longer than the 31 characters Excel allows")
	case errors.Is(err, excelize.ErrSheetNameInvalid):
		why = msg.T("a sheet name would hold a character Excel does not allow (: \\ / ? * [ ])")
	case errors.Is(err, excelize.ErrSheetNameBlank):
		why = msg.T("a sheet name would be empty")
	case errors.Is(err, excelize.ErrSheetNameSingleQuote):
		why = msg.T("a sheet name would start or end with a single quote")
	case errors.Is(err, excelize.ErrTotalSheetHyperlinks):
		why = msg.T("a sheet would have more links than Excel allows")
	default:
		return err
	}
	return msg.Errorf("Excel refuses the workbook: %s", why)
}
