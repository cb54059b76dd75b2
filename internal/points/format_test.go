package points

import "testing"

// TestFormatters holds every nil-aware formatter to one table, so that a
// rounding change shows in compare, summary and the report alike.
func TestFormatters(t *testing.T) {
	v := func(p P) *P { return &p }
	tests := []struct {
		name string
		f    func(*P) string
		in   *P
		want string
	}{
		{"Sv nil", Sv, nil, "–"},
		{"Sv half", Sv, v(7500), "7,5"},
		{"Sv whole", Sv, v(80000), "80"},
		{"Sv thousandth", Sv, v(71125), "71,125"},
		{"SvChange nil", SvChange, nil, "–"},
		{"SvChange up", SvChange, v(7000), "+7"},
		{"SvChange down", SvChange, v(-1500), "−1,5"},
		{"SvChange zero", SvChange, v(0), "0"},
		{"SvMean nil", SvMean, nil, "–"},
		{"SvMean rounds half up", SvMean, v(71250), "71,3"},
		{"SvMean rounds down", SvMean, v(71249), "71,2"},
		{"SvMean whole", SvMean, v(70000), "70"},
		{"SvMeanChange nil", SvMeanChange, nil, "–"},
		{"SvMeanChange up", SvMeanChange, v(2250), "+2,3"},
		{"SvMeanChange down, away from zero", SvMeanChange, v(-2250), "−2,3"},
		{"SvMeanChange small", SvMeanChange, v(-40), "0"},
		{"Dot nil", Dot, nil, ""},
		{"Dot", Dot, v(-7500), "-7.5"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if p := Of(5); *p != 5 {
		t.Errorf("Of(5) = %v", *p)
	}
}
