package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A cell as the evaluator sees it: Display renders a number with its cell's
// number format the way Swedish Excel and LibreOffice show it — a decimal
// comma, a space between thousands, a per cent sign, Swedish month names —
// so that what the report prints is what the sheet shows ("34,00 %", not
// 0.34; "13 mars 2025", not 45729). The codes are those the file stores
// (built-in formats by number, custom ones as written); what is not
// understood (fractions, scientific notation, conditions) falls back to the
// General format with a decimal comma, never to the stored value.

// builtinCodes are the built-in number formats as Swedish Excel shows them
// (14 and 22, the locale's short date, are ISO dates in Swedish).
var builtinCodes = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
	48: "##0.0E+0", 49: "@",
}

// Swedish separators: a decimal comma and a no-break space between
// thousands, as Swedish Excel and LibreOffice show numbers.
const (
	decimalSep   = ","
	thousandsSep = "\u00a0"
)

var (
	monthsSv      = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}
	monthsShortSv = []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
	daysSv        = []string{"söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"}
	daysShortSv   = []string{"sön", "mån", "tis", "ons", "tor", "fre", "lör"}
)

// maxCode bounds the format codes rendered; Excel allows 255 characters.
const maxCode = 255

// NumFmt is the number format code of a cell ("" for General).
func (f *File) NumFmt(c Cell) string {
	st := f.readStyles()
	if c.Style < 0 || c.Style >= len(st.codes) {
		return ""
	}
	return st.codes[c.Style]
}

// Display is the cell as Swedish Excel shows it: text as it is, TRUE and
// FALSE as SANT and FALSKT, an error as its code, a number in its number
// format (General: up to ten significant digits, a decimal comma), a date
// cell (t="d") as a date.
func (f *File) Display(c Cell) string {
	switch c.Type {
	case TypeNumber:
	case TypeBool:
		switch strings.TrimSpace(c.Value) {
		case "1":
			return "SANT"
		case "0":
			return "FALSKT"
		}
		return c.Value
	case TypeDate:
		d, ok := f.Date(c)
		if !ok {
			return c.Value
		}
		code := f.NumFmt(c)
		if !dateCode(code) {
			return d
		}
		t, err := parseISODate(c.Value)
		if err != nil {
			return d
		}
		if s, ok := renderDate(t, code); ok {
			return s
		}
		return d
	default:
		return c.Value
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return c.Value
	}
	return f.formatNumber(v, f.NumFmt(c))
}

// LongDate is the date a cell holds written out in Swedish ("13 mars
// 2025"), whatever its format: a number in a cell formatted as a date, or
// a date cell. ok is false when the cell holds no date.
func (f *File) LongDate(c Cell) (string, bool) {
	iso, ok := f.Date(c)
	if !ok {
		return "", false
	}
	if v, err := strconv.ParseFloat(strings.TrimSpace(c.Value), 64); c.Type == TypeNumber && err == nil && v < 1 && !f.date1904 {
		return "", false // a time of day, no date
	}
	if iso == "1900-02-29" {
		return "29 februari 1900", true
	}
	t, err := parseISODate(iso)
	if err != nil {
		return "", false
	}
	s, _ := renderDate(t, "d mmmm yyyy")
	return s, true
}

// parseISODate reads the date of a date cell (t="d"), 2006-01-02 and an
// optional time.
func parseISODate(s string) (excelTime, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return excelTime{t: t}, nil
			}
		}
	}
	_, err := time.Parse("2006-01-02", s)
	return excelTime{}, err
}

// formatNumber renders v with a number format code.
func (f *File) formatNumber(v float64, code string) string {
	if len(code) > maxCode {
		return general(v)
	}
	sec, neg, ok := section(code, v)
	if !ok {
		return general(v)
	}
	if dateCode(sec) {
		t, ok := f.serialTime(v)
		if !ok {
			return general(v)
		}
		if s, ok := renderDate(t, sec); ok {
			return s
		}
		return general(v)
	}
	if neg {
		v = -v // the section writes its own sign, if any
	}
	if s, ok := renderNumber(v, sec); ok {
		return s
	}
	return general(v)
}

// general is a number in the General format: at most ten significant
// digits, no exponent for ordinary sizes, a decimal comma.
func general(v float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e11 || a < 1e-9 {
		s := strconv.FormatFloat(v, 'E', 5, 64)
		return strings.Replace(s, ".", decimalSep, 1)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', shownDigits, 64), 64)
	return strings.Replace(strconv.FormatFloat(r, 'f', -1, 64), ".", decimalSep, 1)
}

// splitSections splits a format code at the semicolons that separate its
// sections (positive;negative;zero;text), outside quotes, brackets and
// escapes.
func splitSections(code string) []string {
	var out []string
	start := 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case ';':
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// section picks the section of code that shows v; neg is set when it is the
// negative section, which shows the absolute value. ok is false for a code
// that is no format kompass renders (a condition such as [>=100], text
// only, or General).
func section(code string, v float64) (sec string, neg bool, ok bool) {
	secs := splitSections(code)
	sec = secs[0]
	switch {
	case v < 0 && len(secs) >= 2 && strings.TrimSpace(secs[1]) != "":
		sec, neg = secs[1], true
	case v == 0 && len(secs) >= 3 && strings.TrimSpace(secs[2]) != "":
		sec = secs[2]
	}
	for _, s := range secs {
		if i := strings.IndexByte(s, '['); i >= 0 && len(s) > i+1 && strings.ContainsRune("<>=", rune(s[i+1])) {
			return "", false, false // a condition
		}
	}
	t := strings.ToLower(strings.TrimSpace(sec))
	if t == "" || t == "general" || t == "@" || strings.Contains(t, "general") {
		return "", false, false
	}
	return sec, neg, true
}

// literal reads the text a format shows as it is, starting at code[i]: a
// quoted text, an escaped character, the padding of _x (a space), the
// symbol of [$kr-41D]; it returns the text and the index after it, or ok
// false when code[i] starts none of them.
func literal(code string, i int) (text string, next int, ok bool) {
	switch c := code[i]; {
	case c == '"':
		j := strings.IndexByte(code[i+1:], '"')
		if j < 0 {
			return code[i+1:], len(code), true
		}
		return code[i+1 : i+1+j], i + 2 + j, true
	case c == '\\':
		if i+1 < len(code) {
			_, n := utf8.DecodeRuneInString(code[i+1:])
			return code[i+1 : i+1+n], i + 1 + n, true
		}
		return "", len(code), true
	case c == '_':
		if i+1 < len(code) {
			_, n := utf8.DecodeRuneInString(code[i+1:])
			return " ", i + 1 + n, true
		}
		return "", len(code), true
	case c == '*':
		// fill with the next character: nothing in print
		if i+1 < len(code) {
			_, n := utf8.DecodeRuneInString(code[i+1:])
			return "", i + 1 + n, true
		}
		return "", len(code), true
	case c == '[':
		j := strings.IndexByte(code[i:], ']')
		if j < 0 {
			return "", len(code), true
		}
		inner := code[i+1 : i+j]
		if strings.HasPrefix(inner, "$") {
			sym, _, _ := strings.Cut(inner[1:], "-")
			return sym, i + j + 1, true
		}
		return "", i + j + 1, true // a colour, or a locale
	}
	return "", i, false
}

// renderNumber renders a non-negative v (or a negative one with its
// minus) with a number section: digit placeholders 0 # ?, one decimal
// point, a comma between digits for thousands (commas after the digits
// scale by 1000), a per cent sign, and text around. ok is false for what
// it does not render: scientific notation, fractions, text (@).
func renderNumber(v float64, sec string) (string, bool) {
	var prefix, suffix strings.Builder
	intMin, intAll, decMin, decAll := 0, 0, 0, 0
	grouping, percent, scale := false, 0, 0
	state := 0 // 0: before the digits, 1: integer digits, 2: decimals, 3: after the digits
	out := &prefix
	for i := 0; i < len(sec); {
		if text, next, ok := literal(sec, i); ok {
			if state == 1 || state == 2 {
				state = 3
				out = &suffix
			}
			out.WriteString(text)
			i = next
			continue
		}
		c := sec[i]
		switch {
		case c == '0' || c == '#' || c == '?':
			switch state {
			case 0, 1:
				state = 1
				intAll++
				if c != '#' {
					intMin++
				}
			case 2:
				decAll++
				if c != '#' {
					decMin++
				}
			default:
				return "", false // digits after the text that follows the number
			}
		case c == '.':
			if state > 1 {
				return "", false
			}
			state = 2
		case c == ',':
			if state == 1 && i+1 < len(sec) && strings.ContainsRune("0#?", rune(sec[i+1])) {
				grouping = true
			} else if state == 1 || state == 2 {
				scale++
			} else {
				out.WriteByte(c)
			}
		case c == '%':
			percent++
			if state == 1 || state == 2 {
				state = 3
				out = &suffix
			}
			out.WriteByte('%')
		case c == 'E' || c == 'e' || c == '/' || c == '@':
			return "", false
		default:
			if state == 1 || state == 2 {
				state = 3
				out = &suffix
			}
			_, n := utf8.DecodeRuneInString(sec[i:])
			out.WriteString(sec[i : i+n])
			i += n
			continue
		}
		i++
	}
	if state == 0 {
		// no digits at all: the section is text only
		return prefix.String(), true
	}
	for range percent {
		v *= 100
	}
	for range scale {
		v /= 1000
	}
	s := roundHalfUp(math.Abs(v), decAll)
	intPart, decPart, _ := strings.Cut(s, ".")
	for len(decPart) > decMin && strings.HasSuffix(decPart, "0") {
		decPart = decPart[:len(decPart)-1]
	}
	intPart = strings.TrimLeft(intPart, "0")
	for len(intPart) < intMin {
		intPart = "0" + intPart
	}
	if grouping {
		intPart = group(intPart)
	}
	num := intPart
	if decAll > 0 && (decPart != "" || decMin > 0) {
		num += decimalSep + decPart
	} else if decAll > 0 && decPart == "" && strings.Contains(sec, ".") && decMin == 0 {
		num += decimalSep // "0.#" shows 7 as "7,"
	}
	sign := ""
	if v < 0 && strings.Trim(num, "0"+decimalSep+thousandsSep) != "" {
		sign = "-"
	}
	return sign + prefix.String() + num + suffix.String(), true
}

// roundHalfUp writes a non-negative v with dec decimals, rounding half
// away from zero on its fifteen significant digits, as Excel shows a
// number (6,5 with no decimals is 7; 2,675 with two is 2,68).
func roundHalfUp(v float64, dec int) string {
	if v >= 1e15 || dec > 15 {
		return strconv.FormatFloat(v, 'f', dec, 64)
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', 14, 64), "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1) // 15 digits, the point after the first
	// the number is 0.digits × 10^(e+1); keep e+1+dec digits
	keep := e + 1 + dec
	if keep < 0 {
		return strconv.FormatFloat(0, 'f', dec, 64)
	}
	for len(digits) < keep+1 {
		digits += "0"
	}
	kept := []byte(digits[:keep])
	if digits[keep] >= '5' {
		i := len(kept) - 1
		for ; i >= 0 && kept[i] == '9'; i-- {
			kept[i] = '0'
		}
		if i >= 0 {
			kept[i]++
		} else {
			kept = append([]byte{'1'}, kept...) // 9,99 → 10,0: one digit more
		}
	}
	k := string(kept)
	intLen := len(k) - dec
	intPart, decPart := "0", ""
	if intLen > 0 {
		intPart = k[:intLen]
		decPart = k[intLen:]
	} else {
		decPart = strings.Repeat("0", -intLen) + k
	}
	if dec == 0 {
		return intPart
	}
	return intPart + "." + decPart
}

// asciiLower lowers the ASCII letters of s and leaves every other byte as
// it is: the codes' letters are ASCII, and the result has s's length.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// group puts a thousands separator between each three digits.
func group(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(thousandsSep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// renderDate renders a time with a date or time section, in Swedish: y, m,
// d, h, s in their lengths (m after h or before s is minutes), AM/PM,
// elapsed [h], and text around. [$-F800] is the system's long date.
func renderDate(t excelTime, sec string) (string, bool) {
	if strings.Contains(strings.ToUpper(sec), "[$-F800]") {
		sec = "d mmmm yyyy"
	}
	type tok struct {
		kind byte // 'y' 'm' 'd' 'h' 's' 'a' (AM/PM), 'l' (literal), 'f' (fraction of a second)
		n    int
		text string
	}
	var toks []tok
	lower := asciiLower(sec) // the same length as sec, so that indexes match
	for i := 0; i < len(sec); {
		if strings.HasPrefix(lower[i:], "am/pm") {
			toks = append(toks, tok{kind: 'a'})
			i += 5
			continue
		}
		if strings.HasPrefix(lower[i:], "a/p") {
			toks = append(toks, tok{kind: 'a', n: 1})
			i += 3
			continue
		}
		if sec[i] == '[' {
			j := strings.IndexByte(sec[i:], ']')
			if j > 0 {
				inner := strings.ToLower(sec[i+1 : i+j])
				if inner != "" && strings.Trim(inner, "hms") == "" {
					toks = append(toks, tok{kind: 'e', n: len(inner), text: inner[:1]})
					i += j + 1
					continue
				}
			}
		}
		if text, next, ok := literal(sec, i); ok {
			toks = append(toks, tok{kind: 'l', text: text})
			i = next
			continue
		}
		c := lower[i]
		switch c {
		case 'y', 'm', 'd', 'h', 's', 'e':
			n := 1
			for i+n < len(lower) && lower[i+n] == c {
				n++
			}
			if c == 'e' {
				c = 'y'
			}
			toks = append(toks, tok{kind: c, n: n})
			i += n
			continue
		case '.':
			if i+1 < len(sec) && sec[i+1] == '0' {
				n := 0
				for i+1+n < len(sec) && sec[i+1+n] == '0' {
					n++
				}
				toks = append(toks, tok{kind: 'f', n: n})
				i += 1 + n
				continue
			}
		}
		_, n := utf8.DecodeRuneInString(sec[i:])
		toks = append(toks, tok{kind: 'l', text: sec[i : i+n]})
		i += n
	}
	// m is minutes after an hour or before a second
	for i, k := range toks {
		if k.kind != 'm' || k.n > 2 {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if toks[j].kind == 'l' {
				continue
			}
			if toks[j].kind == 'h' || toks[j].kind == 'e' && toks[j].text == "h" {
				toks[i].kind = 'M'
			}
			break
		}
		for j := i + 1; j < len(toks) && toks[i].kind == 'm'; j++ {
			if toks[j].kind == 'l' {
				continue
			}
			if toks[j].kind == 's' {
				toks[i].kind = 'M'
			}
			break
		}
	}
	ampm := false
	for _, k := range toks {
		ampm = ampm || k.kind == 'a'
	}
	d := t.t
	year, month, day := d.Year(), int(d.Month()), d.Day()
	if t.leap {
		month, day = 2, 29
	}
	pad := func(n, w int) string {
		s := strconv.Itoa(n)
		for len(s) < w {
			s = "0" + s
		}
		return s
	}
	var b strings.Builder
	for _, k := range toks {
		switch k.kind {
		case 'l':
			b.WriteString(k.text)
		case 'y':
			if k.n <= 2 {
				b.WriteString(pad(year%100, 2))
			} else {
				b.WriteString(pad(year, 4))
			}
		case 'm':
			switch {
			case k.n == 1:
				b.WriteString(strconv.Itoa(month))
			case k.n == 2:
				b.WriteString(pad(month, 2))
			case k.n == 3:
				b.WriteString(monthsShortSv[month-1])
			case k.n == 5:
				b.WriteString(monthsSv[month-1][:1])
			default:
				b.WriteString(monthsSv[month-1])
			}
		case 'd':
			switch {
			case k.n == 1:
				b.WriteString(strconv.Itoa(day))
			case k.n == 2:
				b.WriteString(pad(day, 2))
			case k.n == 3:
				b.WriteString(daysShortSv[d.Weekday()])
			default:
				b.WriteString(daysSv[d.Weekday()])
			}
		case 'h':
			h := d.Hour()
			if ampm {
				h %= 12
				if h == 0 {
					h = 12
				}
			}
			b.WriteString(pad(h, min(k.n, 2)))
		case 'M':
			b.WriteString(pad(d.Minute(), min(k.n, 2)))
		case 's':
			b.WriteString(pad(d.Second(), min(k.n, 2)))
		case 'f':
			b.WriteString(decimalSep + strings.Repeat("0", k.n))
		case 'a':
			pm := d.Hour() >= 12
			switch {
			case k.n == 1 && pm:
				b.WriteString("p")
			case k.n == 1:
				b.WriteString("a")
			case pm:
				b.WriteString("em")
			default:
				b.WriteString("fm")
			}
		case 'e':
			// elapsed time: hours (or minutes, seconds) since day 0
			secs := int64(t.serial*86400 + 0.5)
			switch k.text {
			case "h":
				b.WriteString(pad(int(secs/3600), k.n))
			case "m":
				b.WriteString(pad(int(secs/60), k.n))
			default:
				b.WriteString(pad(int(secs), k.n))
			}
		}
	}
	return b.String(), true
}
