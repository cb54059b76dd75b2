package plan

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
)

// Reporting occasions as the kommun's own styrmodell names them
// (docs/plan.md): a month (april), a tertial (tertial 1–3, or tertialrapport
// 1, T1), delårsrapport or delårsbokslut, årsredovisning — each once a year,
// reporting on the last day of its period — or a name of the kommun's own
// with its date (T1:2026-04-30), once. The label of an occasion, which heads
// its columns, is its name in the kommun's words followed by the year:
// "Tertial 1 2026", "Delårsrapport 2026".

// DefaultYears is how many years after the evaluation a plan is followed up
// by default: Kommunkompassen is repeated about every second year.
const DefaultYears = 2

// MaxYears bounds how many years a plan reaches (a column pair per
// occasion and year).
const MaxYears = 10

// MaxOccasions is the most reporting occasions a plan has: each is a pair
// of columns after the plan's own, and kompass reads sheets of at most
// sheet.MaxCols columns. Twelve months a year for ten years fit; all
// twelve and årsredovisning for ten years do not.
const MaxOccasions = (sheet.MaxCols - planColumnCount) / 2

// DefaultNames are the default reporting occasions of a year.
var DefaultNames = []string{"april", "augusti", "årsredovisning"}

var months = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// yearly are the names of occasions that come once a year, folded
// (evaluation.FoldName), with the name as a label writes it and the month
// whose last day the occasion reports on.
var yearly = func() map[string]struct {
	name  string
	month time.Month
} {
	m := map[string]struct {
		name  string
		month time.Month
	}{}
	add := func(name string, month time.Month) {
		m[evaluation.FoldName(name)] = struct {
			name  string
			month time.Month
		}{name, month}
	}
	for i, n := range months {
		add(capitalise(n), time.Month(i+1))
	}
	for i, month := range []time.Month{time.April, time.August, time.December} {
		n := strconv.Itoa(i + 1)
		add("Tertial "+n, month)
		add("Tertialrapport "+n, month)
		add("T"+n, month)
	}
	add("Delårsrapport", time.August)
	add("Delårsbokslut", time.August)
	add("Årsredovisning", time.December)
	return m
}()

// commonNouns are the first words of the yearly names that are written
// with a small letter inside a sentence ("per tertial 1 2026"); an
// abbreviation such as T1 keeps its capital.
var commonNouns = func() map[string]bool {
	m := map[string]bool{}
	for k, v := range yearly {
		if w, _, _ := strings.Cut(v.name, " "); len(w) > 2 {
			m[strings.Fields(k)[0]] = true
		}
	}
	return m
}()

// monthEnd is the last day of a month.
func monthEnd(year int, m time.Month) time.Time {
	return time.Date(year, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

// NewOccasion is the occasion of a yearly name in a year: "April 2008" on
// 30 April 2008, "Tertial 2 2026" on 31 August 2026. ok is false for a
// name that is not one of them.
func NewOccasion(name string, year int) (Occasion, bool) {
	y, ok := yearly[evaluation.FoldName(name)]
	if !ok {
		return Occasion{}, false
	}
	return Occasion{Label: y.name + " " + strconv.Itoa(year), Date: monthEnd(year, y.month)}, true
}

// splitYear splits a label into its name and the year at its end:
// "Tertial 1 2026" → "Tertial 1", 2026.
func splitYear(label string) (string, int, bool) {
	f := strings.Fields(label)
	if len(f) < 2 {
		return "", 0, false
	}
	y, err := strconv.Atoi(f[len(f)-1])
	if err != nil || y < 1900 || y > 2100 || len(f[len(f)-1]) != 4 {
		return "", 0, false
	}
	return strings.Join(f[:len(f)-1], " "), y, true
}

// ParseOccasion reads an occasion's label as a column header says it,
// "April 2008", "tertial 1 2026" (any case): a yearly name and a year.
// A name of the kommun's own has its date on the sheet Uppgifter instead.
func ParseOccasion(label string) (Occasion, bool) {
	name, y, ok := splitYear(label)
	if !ok {
		return Occasion{}, false
	}
	return NewOccasion(name, y)
}

// freeLabel is the label of an occasion of the kommun's own with its date:
// the name as written, and the date's year unless the name ends in a year
// ("Årsredovisning 2026" reported on 2027-02-28).
func freeLabel(name string, d time.Time) string {
	name = strings.Join(strings.Fields(name), " ")
	if y, ok := yearly[evaluation.FoldName(name)]; ok {
		name = y.name
	}
	if _, _, ok := splitYear(name); ok {
		return name
	}
	return name + " " + strconv.Itoa(d.Year())
}

// Occasions are the reporting occasions of a plan for the evaluation of
// year, in time order: each yearly name (DefaultNames when none) in every
// year from year+1 to until (year+DefaultYears when 0), and each name given
// with a date ("T1:2026-04-30") once. The same label twice is one occasion.
func Occasions(year, until int, names []string) ([]Occasion, error) {
	if until == 0 {
		until = year + DefaultYears
	}
	if until <= year || until > year+MaxYears {
		return nil, msg.Errorf("--until %d: expected a year from %d to %d", until, year+1, year+MaxYears)
	}
	if len(names) == 0 {
		names = DefaultNames
	}
	var out []Occasion
	seen := map[string]bool{}
	add := func(o Occasion) {
		if k := evaluation.FoldName(o.Label); !seen[k] {
			seen[k] = true
			out = append(out, o)
		}
	}
	for _, n := range names {
		name, day, dated := strings.Cut(n, ":")
		name = strings.TrimSpace(name)
		if dated {
			d, err := time.Parse(time.DateOnly, strings.TrimSpace(day))
			if err != nil || name == "" {
				return nil, msg.Errorf("--occasions: %q is no reporting occasion; a name with its date is written as T1:%d-04-30", n, year+1)
			}
			if d.Year() <= year || d.Year() > year+MaxYears+1 {
				return nil, msg.Errorf("--occasions: the date of %q is not after the evaluation of %d; expected a day from %d to %d", n, year, year+1, year+MaxYears+1)
			}
			add(Occasion{Label: freeLabel(name, d), Date: d})
			continue
		}
		if _, ok := NewOccasion(name, year); !ok {
			return nil, msg.Errorf("--occasions: %q is no reporting occasion; expected a month (april), tertial 1–3, delårsrapport, delårsbokslut, årsredovisning, or a name with its date (T1:%d-04-30)", n, year+1)
		}
		for y := year + 1; y <= until; y++ {
			o, _ := NewOccasion(name, y)
			add(o)
		}
	}
	if len(out) > MaxOccasions {
		return nil, msg.Errorf("--until %d and --occasions make %d reporting occasions (%d columns); a plan holds at most %d, so that it stays within the %d columns kompass reads: choose fewer occasions a year or an earlier --until", until, len(out), planColumnCount+2*len(out), MaxOccasions, sheet.MaxCols)
	}
	sortOccasions(out)
	return out, nil
}

func sortOccasions(os []Occasion) {
	sort.SliceStable(os, func(i, j int) bool { return os[i].Date.Before(os[j].Date) })
}

func capitalise(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// InSentence is an occasion's label as it stands inside a sentence: a
// month or a report's name with a small first letter ("April 2008" →
// "april 2008"), a name of the kommun's own as written ("T1 2026").
func InSentence(label string) string {
	first, _, _ := strings.Cut(label, " ")
	if !commonNouns[evaluation.FoldName(first)] {
		return label
	}
	r, n := utf8.DecodeRuneInString(label)
	return string(unicode.ToLower(r)) + label[n:]
}

// SwedishDate is a day as a Swedish text says it, "30 juni 2006"; "" for
// the zero time.
func SwedishDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// parseMonth reads a month written without a day, as people type one
// where a date belongs: "juni 2026", "Jun 2026", "2026-06". It is the
// month's last day: a date of June is due by the end of June.
func parseMonth(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 32 {
		return time.Time{}, false
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return monthEnd(t.Year(), t.Month()), true
	}
	f := strings.Fields(strings.ReplaceAll(s, ".", " "))
	if len(f) != 2 || len(f[1]) != 4 {
		return time.Time{}, false
	}
	y, err := strconv.Atoi(f[1])
	if err != nil || y < 1900 || y > 2100 {
		return time.Time{}, false
	}
	name := evaluation.FoldName(f[0])
	for i, m := range months {
		if name == evaluation.FoldName(m) || len(name) >= 3 && strings.HasPrefix(evaluation.FoldName(m), name) {
			return monthEnd(y, time.Month(i+1)), true
		}
	}
	return time.Time{}, false
}

// exampleDay is a Klart senast as an example in the plan's own time: 30
// June of the year after the evaluation.
func exampleDay(year int) string {
	if year == 0 {
		return "2026-06-30"
	}
	return strconv.Itoa(year+1) + "-06-30"
}

// monthOnly reports whether a date's number format shows a year and a
// month but no day: a code with a y and no d outside quoted text, escapes
// and [brackets]. A date typed as a month and a year ("juni 2026" in a
// Swedish Excel) is stored as the month's first day in such a format
// ("mmm-yy"); it is read as the month's last day.
func monthOnly(code string) bool {
	year, day := false, false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			i += j
		case c == 'd' || c == 'D':
			day = true
		case c == 'y' || c == 'Y':
			year = true
		}
	}
	return year && !day
}
