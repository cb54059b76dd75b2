package export

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func TestSheetName(t *testing.T) {
	used := map[string]bool{strings.ToLower(DataSheet): true}
	for _, tc := range []struct{ label, want string }{
		{"Umeå 2007", "Umeå 2007"},
		{"umeå 2007", "umeå 2007 (2)"}, // sheet names are unique without regard to case
		{"UMEÅ 2007", "UMEÅ 2007 (3)"},
		{"data", "data (2)"}, // the table sheet's name is taken
		{`A/B:C\D?E*F[G]H 2007`, "A-B-C-D-E-F-G-H 2007"},
		{"'Exempelkommun' 2007", "Exempelkommun' 2007"},
		{"''", "Utvärdering"},
		{"", "Utvärdering (2)"},
		{"Exempelkommun med ett mycket långt namn 2007", "Exempelkommun med ett mycket lå"},
		{"Exempelkommun med ett mycket långt namn 2009", "Exempelkommun med ett mycke (2)"},
		{"Exempelkommun med ett mycket långt namn 2011", "Exempelkommun med ett mycke (3)"},
		// cut after an apostrophe: Excel forbids a name ending with one
		{"Exempelkommun med ett långt na' 2007", "Exempelkommun med ett långt na"},
		// characters outside the BMP count twice (UTF-16)
		{"Exempelkommun 😀😀😀😀😀😀😀😀😀 2007", "Exempelkommun 😀😀😀😀😀😀😀😀"},
	} {
		got := sheetName(tc.label, used)
		if got != tc.want {
			t.Errorf("sheetName(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
}

// TestSheetNameValid: whatever the label, the name is one Excel (and
// excelize) accepts, and unique.
func TestSheetNameValid(t *testing.T) {
	used := map[string]bool{}
	labels := []string{
		"Exempelkommun A 2007", "exempelkommun a 2007", strings.Repeat("Å", 40), strings.Repeat("Å", 40),
		"[]:*?/\\", "'", "Exempelkommun med långt namn ' och apostrof 2007", "Exempelkommun med långt namn och apostrof' 2007",
		"Exempelkommun med ett långt na' 2007", "Exempelkommun med ett långt na'' 2009",
		"Exempelkommun 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 2007", "Exempelkommun 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 2009",
	}
	f := excelize.NewFile()
	defer f.Close()
	for _, l := range labels {
		name := sheetName(l, used)
		if n := len(utf16.Encode([]rune(name))); n > 31 || !utf8.ValidString(name) {
			t.Errorf("sheetName(%q) = %q: %d UTF-16 units, want at most 31", l, name, n)
		}
		if strings.ContainsAny(name, `:\/?*[]`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") || name == "" {
			t.Errorf("sheetName(%q) = %q is not a valid sheet name", l, name)
		}
		if _, err := f.NewSheet(name); err != nil {
			t.Errorf("sheetName(%q) = %q: excelize: %v", l, name, err)
		}
	}
	if got := len(f.GetSheetList()); got != len(labels)+1 {
		t.Errorf("%d sheets, want %d (names not unique)", got, len(labels)+1)
	}
}
