// Package encode writes kompass's machine-readable outputs in one
// convention for every command: JSON indented by two spaces, with a decimal
// point and null for what is missing; CSV in UTF-8 with a byte order mark
// (so that Excel shows å, ä and ö when the file is double-clicked),
// comma-separated, a header row first, a decimal point in numbers.
package encode

import (
	"encoding/csv"
	"encoding/json"
	"io"
)

// BOM is the UTF-8 byte order mark that starts every CSV file.
const BOM = "\ufeff"

// JSON writes v as indented JSON followed by a newline.
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// CSV writes the header and the records, after the byte order mark.
func CSV(w io.Writer, header []string, records [][]string) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	return cw.Error()
}
