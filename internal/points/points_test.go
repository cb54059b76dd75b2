package points

import (
	"encoding/json"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    P
		wantErr error
	}{
		{"7", 7000, nil},
		{"7,5", 7500, nil},
		{" 7.5 ", 7500, nil},
		{"22,50", 22500, nil},
		{"0", 0, nil},
		{"-2", -2000, nil},
		{"−1,5", -1500, nil},
		{",5", 500, nil},
		{"0,125", 125, nil},
		{"\u00a079,5\u00a0", 79500, nil},
		{"", 0, ErrSyntax},
		{"-", 0, ErrSyntax},
		{" − ", 0, ErrSyntax},
		{"   ", 0, ErrSyntax},
		{"abc", 0, ErrSyntax},
		{"7,", 0, ErrSyntax},
		{"1 000", 0, ErrSyntax},
		{"1,000.5", 0, ErrSyntax},
		{"1e3", 0, ErrSyntax},
		{"NaN", 0, ErrSyntax},
		{"+5", 0, ErrSyntax},
		{"7,5p", 0, ErrSyntax},
		{"0,1234", 0, ErrPrecision},
		{"99999999", 0, ErrPrecision},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != tt.wantErr || (err == nil && got != tt.want) {
			t.Errorf("Parse(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseRaw(t *testing.T) {
	tests := []struct {
		in   string
		want P
		ok   bool
	}{
		{"7.5", 7500, true},
		{"22.499999999999996", 22500, true},
		{"1E+2", 100000, true},
		{"0.30000000000000004", 300, true},
		{"0.1234", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"1e300", 0, false},
		{"#REF!", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseRaw(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRaw(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		p               P
		str, sv, signed string
	}{
		{79500, "79.5", "79,5", "+79,5"},
		{80000, "80", "80", "+80"},
		{-1000, "-1", "-1", "−1"},
		{-1500, "-1.5", "-1,5", "−1,5"},
		{125, "0.125", "0,125", "+0,125"},
		{0, "0", "0", "0"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.str {
			t.Errorf("%d.String() = %q, want %q", tt.p, got, tt.str)
		}
		if got := tt.p.Swedish(); got != tt.sv {
			t.Errorf("%d.Swedish() = %q, want %q", tt.p, got, tt.sv)
		}
		if got := tt.p.SignedSwedish(); got != tt.signed {
			t.Errorf("%d.SignedSwedish() = %q, want %q", tt.p, got, tt.signed)
		}
	}
}

func TestMultipleOf(t *testing.T) {
	half := P(500)
	if !P(7500).MultipleOf(half) || P(7250).MultipleOf(half) || P(7500).MultipleOf(0) {
		t.Fatal("MultipleOf wrong")
	}
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(struct{ A, B P }{79500, 646000})
	if err != nil || string(b) != `{"A":79.5,"B":646}` {
		t.Fatalf("got %s %v", b, err)
	}
	var v struct{ A P }
	if err := json.Unmarshal([]byte(`{"A":22.5}`), &v); err != nil || v.A != 22500 {
		t.Fatalf("unmarshal: %v %v", v.A, err)
	}
}

// FuzzParse checks that Parse never panics and that what it accepts
// formats back to a value that parses to the same number.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"7", "7,5", " 7.5 ", "22,50", "-2", "1 000", "1e3", "NaN", "0,125", "99999999", "−1,5", ",5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			return
		}
		back, err := Parse(p.String())
		if err != nil || back != p {
			t.Fatalf("Parse(%q) = %v, but its String %q parses to %v, %v", s, p, p.String(), back, err)
		}
		if sv, err := Parse(p.Swedish()); err != nil || sv != p {
			t.Fatalf("Swedish form %q of %v does not parse back: %v %v", p.Swedish(), p, sv, err)
		}
	})
}
