package plan

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
)

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

// annualReport is the occasion of the annual report (årsredovisning), on
// 31 December.
const annualReport = "årsredovisning"

var months = []string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// occasionMonth is the month an occasion's name reports on: a Swedish
// month name, or årsredovisning (December). ok is false for another name.
func occasionMonth(name string) (time.Month, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	switch name {
	case annualReport, "arsredovisning":
		return time.December, true
	}
	for i, m := range months {
		if name == m {
			return time.Month(i + 1), true
		}
	}
	return 0, false
}

// NewOccasion is the occasion of a name (a Swedish month name or
// årsredovisning) in a year: "April 2008" on 30 April 2008.
func NewOccasion(name string, year int) (Occasion, bool) {
	m, ok := occasionMonth(name)
	if !ok {
		return Occasion{}, false
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "arsredovisning" {
		name = annualReport
	}
	// The last day of the month: the day before the first of the next.
	d := time.Date(year, m+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	return Occasion{Label: capitalise(name) + " " + strconv.Itoa(year), Date: d}, true
}

// ParseOccasion reads an occasion's label as a column header says it,
// "April 2008" (any case).
func ParseOccasion(label string) (Occasion, bool) {
	f := strings.Fields(label)
	if len(f) != 2 {
		return Occasion{}, false
	}
	y, err := strconv.Atoi(f[1])
	if err != nil || y < 1900 || y > 2100 {
		return Occasion{}, false
	}
	return NewOccasion(f[0], y)
}

func capitalise(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// Occasions are the reporting occasions of a plan for the evaluation of
// year: each name (DefaultNames when none) in every year from year+1 to
// until (year+DefaultYears when 0), in time order.
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
	for y := year + 1; y <= until; y++ {
		for _, n := range names {
			o, ok := NewOccasion(n, y)
			if !ok {
				return nil, msg.Errorf("--occasions: %q is no reporting occasion; expected a Swedish month name (april, augusti …) or årsredovisning", n)
			}
			if !seen[o.Label] {
				seen[o.Label] = true
				out = append(out, o)
			}
		}
	}
	if len(out) > MaxOccasions {
		return nil, msg.Errorf("--until %d and --occasions make %d reporting occasions (%d columns); a plan holds at most %d, so that it stays within the %d columns kompass reads: choose fewer occasions a year or an earlier --until", until, len(out), planColumnCount+2*len(out), MaxOccasions, sheet.MaxCols)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, nil
}

// InSentence is an occasion's label as it stands inside a sentence, with a
// small first letter: "April 2008" → "april 2008".
func InSentence(label string) string {
	for i := range label {
		if i > 0 {
			return strings.ToLower(label[:i]) + label[i:]
		}
	}
	return strings.ToLower(label)
}

// SwedishDate is a day as a Swedish text says it, "30 juni 2006"; "" for
// the zero time.
func SwedishDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
