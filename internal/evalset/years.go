package evalset

import (
	"fmt"
	"strconv"
	"strings"
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
			return nil, fmt.Errorf("%q: expected years such as 2005,2007", s)
		}
		out = append(out, y)
	}
	return out, nil
}

func parseYear(s string) (int, bool) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	return y, err == nil && y >= 1900 && y <= 2100
}
