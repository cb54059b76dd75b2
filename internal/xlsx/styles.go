package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// What kompass reads of xl/styles.xml: the number format of each cell
// format, so that a date typed where a number belongs can be named as one
// (Date), and a cell can be printed as the evaluator sees it (Display, in
// numfmt.go).

// maxFormats bounds the cell formats read; Excel allows 64,000.
const maxFormats = 65536

// styles says, for each cell format (the s attribute of a cell), whether
// it shows a number as a date, and its number format code ("" for
// General).
type styles struct {
	date  []bool
	codes []string
}

// builtinDate are the built-in number formats that are dates or times:
// 14–22 and 45–47, and 27–36 and 50–58 in East Asian locales.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// dateCode reports whether a custom number format shows a date or time:
// it has a y, m, d, h or s outside quoted text, escaped characters and
// [colour] or [$-locale] brackets ([h] and [mm] of elapsed time count).
func dateCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; {
		case code[i] == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case code[i] == '\\' || code[i] == '_' || code[i] == '*':
			i++ // the next character is shown as it is, or is padding
		case code[i] == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return true // elapsed time: [h], [mm], [ss]
			}
			i += j
		case c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's':
			return true
		}
	}
	return false
}

// readStyles reads the cell formats once; a workbook without styles, or
// with styles kompass cannot read, has no dates.
func (f *File) readStyles() *styles {
	if f.styles != nil {
		return f.styles
	}
	f.styles = &styles{}
	name := f.partNamed("styles.xml")
	if _, ok := f.files[name]; !ok {
		return f.styles
	}
	custom := map[int]string{} // numFmtId → its format code
	var date []bool
	var codes []string
	inXfs := false
	tz, err := f.tokens(name)
	if err != nil {
		return f.styles
	}
	err = walk(name, tz, func(t token) error {
		switch {
		case t.kind == tokStart && t.name == "numFmt":
			if id, err := strconv.Atoi(attrValue(t, "numFmtId")); err == nil && len(custom) < maxFormats {
				custom[id] = attrValue(t, "formatCode")
			}
		case t.kind == tokStart && t.name == "cellXfs":
			inXfs = true
		case t.kind == tokEnd && t.name == "cellXfs":
			inXfs = false
		case t.kind == tokStart && t.name == "xf" && inXfs && len(date) < maxFormats:
			id, _ := strconv.Atoi(attrValue(t, "numFmtId"))
			code, ok := custom[id]
			if !ok {
				code = builtinCodes[id]
			}
			codes = append(codes, code)
			date = append(date, ok && dateCode(code) || !ok && builtinDate(id))
		}
		return nil
	})
	if err == nil {
		f.styles.date, f.styles.codes = date, codes
	}
	return f.styles
}

// The last day Excel has, 9999-12-31, as a serial number.
const maxSerial = 2958465

// Date is the date a cell shows, as 2006-01-02, when it holds one: a
// number in a cell formatted as a date or time, or a cell of the date
// type (t="d").
func (f *File) Date(c Cell) (string, bool) {
	switch c.Type {
	case TypeDate:
		if len(c.Value) >= 10 {
			if _, err := time.Parse("2006-01-02", c.Value[:10]); err == nil {
				return c.Value[:10], true
			}
		}
		return "", false
	case TypeNumber:
	default:
		return "", false
	}
	st := f.readStyles()
	if c.Style < 0 || c.Style >= len(st.date) || !st.date[c.Style] {
		return "", false
	}
	// NaN passes every comparison below as false: it is no date (it was
	// read as 1899-12-31), nor is an infinity.
	v, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64)
	if err != nil {
		return "", false
	}
	d, ok := f.serialTime(v)
	if !ok {
		return "", false
	}
	if d.leap {
		return "1900-02-29", true // the day Excel has and the calendar does not
	}
	return d.t.Format("2006-01-02"), true
}

// excelTime is a point in time as Excel counts it: leap is 1900-02-29,
// the day Excel has and the calendar does not (t is then 1900-03-01).
type excelTime struct {
	t      time.Time
	leap   bool
	serial float64 // the serial number, for elapsed time ([h]:mm)
}

// serialTime is the day and time a serial number stands for, in the
// workbook's date system; ok is false outside 1900 (1904) to 9999.
func (f *File) serialTime(v float64) (excelTime, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v >= maxSerial+1 {
		return excelTime{}, false
	}
	day := int(v)
	// the time of day to the second (the day itself is never rounded up)
	secs := min(int((v-float64(day))*86400+0.5), 86399)
	var d time.Time
	leap := false
	switch {
	case f.date1904:
		d = time.Date(1904, 1, 1+day, 0, 0, 0, 0, time.UTC)
	case day == 60:
		d, leap = time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), true
	case day < 60:
		d = time.Date(1899, 12, 31+day, 0, 0, 0, 0, time.UTC)
	default:
		d = time.Date(1899, 12, 30+day, 0, 0, 0, 0, time.UTC)
	}
	return excelTime{t: d.Add(time.Duration(secs) * time.Second), leap: leap, serial: v}, true
}
