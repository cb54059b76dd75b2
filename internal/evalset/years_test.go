package evalset

import (
	"slices"
	"testing"
)

func TestParseYears(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
		ok   bool
	}{
		{"", nil, true},
		{"  ", nil, true},
		{"2007", []int{2007}, true},
		{"2005, 2007", []int{2005, 2007}, true},
		{"2005,,2007", nil, false},
		{"07", nil, false},
		{"2005-2007", nil, false},
		{"tjugohundrasju", nil, false},
	} {
		got, err := ParseYears(tc.in)
		if (err == nil) != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("ParseYears(%q) = %v, %v; want %v (ok %v)", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
