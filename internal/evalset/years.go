package evalset

import (
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/msg"
)

// ParseYears reads a list of years as people type it: "2005,2007" (spaces
// allowed). An empty list means all years.
func ParseYears(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []int
	for _, part := range strings.Split(s, ",") {
		y, ok := parseYear(part)
		if !ok {
			return nil, msg.Errorf("%q: expected years such as 2005,2007", s)
		}
		out = append(out, y)
	}
	return out, nil
}

func parseYear(s string) (int, bool) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	return y, err == nil && y >= 1900 && y <= 2100
}

// Period is a span of years, both ends included; the zero Period is every
// year.
type Period struct{ From, To int }

// IsZero reports whether p is every year.
func (p Period) IsZero() bool { return p == Period{} }

// Contains reports whether year is in p.
func (p Period) Contains(year int) bool {
	return p.IsZero() || (year >= p.From && year <= p.To)
}

func (p Period) String() string {
	if p.From == p.To {
		return strconv.Itoa(p.From)
	}
	return strconv.Itoa(p.From) + "–" + strconv.Itoa(p.To)
}

// ParsePeriod reads "2019-2022" (or "2019–2022", or one year). An empty
// string is every year.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Period{}, nil
	}
	from, to, found := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	if !found {
		to = from
	}
	a, okA := parseYear(from)
	b, okB := parseYear(to)
	if !okA || !okB || a > b {
		return Period{}, msg.Errorf("%q: expected a period such as 2019-2022", s)
	}
	return Period{a, b}, nil
}
