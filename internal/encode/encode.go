// Package encode writes kompass's machine-readable outputs in one
// convention for every command: JSON indented by two spaces, with a decimal
// point and null for what is missing; CSV in UTF-8 with a byte order mark
// (so that Excel shows å, ä and ö when the file is double-clicked),
// comma-separated, a header row first, a decimal point in numbers.
//
// What files hold is made harmless here, once for every command: a CSV
// cell of text that a spreadsheet would take for a formula is neutralised
// (Cell), and JSON shows the characters a terminal acts on as \u escapes.
package encode

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/termtext"
)

// BOM is the UTF-8 byte order mark that starts every CSV file.
const BOM = "\ufeff"

// JSON writes v as indented JSON followed by a newline. encoding/json
// escapes the C0 control characters; DEL, the C1 control characters and
// the bidirectional overrides (termtext.Hidden), which it writes raw, are
// written as \u escapes too, so that JSON printed on a terminal cannot
// drive it. The JSON means the same.
func JSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := buf.Bytes()
	// Control characters below DEL are escaped by encoding/json already
	// (and a newline between values is layout).
	raw := func(r rune) bool { return r >= 0x7f && termtext.Hidden(r) }
	if i := bytes.IndexFunc(out, raw); i >= 0 {
		var b bytes.Buffer
		b.Grow(len(out) + 16)
		b.Write(out[:i])
		for _, r := range string(out[i:]) {
			if raw(r) {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
		out = b.Bytes()
	}
	_, err := w.Write(out)
	return err
}

// Cell is a CSV cell as it is written: a text that starts with =, +, -,
// @, a tab or a carriage return, which a spreadsheet's CSV import would
// read as a formula (=HYPERLINK(…) becomes a live link), gets a ' in
// front, which makes it text; a number ("-2.5") is left as it is.
func Cell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if plainNumber(s) {
		return s
	}
	return "'" + s
}

// plainNumber reports whether s is a number as kompass writes one: digits
// with a sign, a point and an exponent ("-2.5", "1e-3"), not "-Inf" or a
// hexadecimal float, which strconv also reads.
func plainNumber(s string) bool {
	if strings.Trim(s, "0123456789+-.eE") != "" {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// CSV writes the header and the records, after the byte order mark,
// every cell through Cell.
func CSV(w io.Writer, header []string, records [][]string) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := []string{}
	for _, r := range records {
		row = row[:0]
		for _, c := range r {
			row = append(row, Cell(c))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
