// Package points holds the score value used everywhere in kompass: an exact
// decimal number of points with three decimals, so that half points (7,5) and
// sums of them never suffer from floating-point drift.
package points

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Scale is the number of units in one point.
const Scale = 1000

// P is a number of points, stored in thousandths of a point.
type P int64

// Max is the largest value kompass accepts anywhere (far above any instrument).
const Max = P(1_000_000 * Scale)

// FromInt returns n whole points.
func FromInt(n int) P { return P(int64(n) * Scale) }

// FromFloat converts a float to points. It reports false when f is not finite,
// out of range, or has more than three decimals.
func FromFloat(f float64) (P, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > float64(Max/Scale) {
		return 0, false
	}
	scaled := f * Scale
	r := math.Round(scaled)
	if math.Abs(scaled-r) > 1e-6 {
		return 0, false
	}
	return P(int64(r)), true
}

// Float returns p as a float64.
func (p P) Float() float64 { return float64(p) / Scale }

// ErrSyntax is returned by Parse for text that is not a number.
var ErrSyntax = errors.New("not a number")

// ErrPrecision is returned by Parse for numbers with more than three decimals
// or beyond the accepted range.
var ErrPrecision = errors.New("too many decimals or too large")

// Parse reads a number as people type it: "7", "7,5", " 7.5 ", "-2". Decimal
// comma and decimal point are both accepted; thousands separators, exponents,
// signs other than a leading minus, and anything else are not.
func Parse(s string) (P, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" {
		return 0, ErrSyntax
	}
	neg := false
	if s[0] == '-' || strings.HasPrefix(s, "−") {
		neg = true
		s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "−")
		if s == "" {
			return 0, ErrSyntax // a lone "-" means "not scored", never 0
		}
	}
	intPart, frac := s, ""
	if i := strings.IndexAny(s, ",."); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
		if frac == "" {
			return 0, ErrSyntax
		}
	}
	if intPart == "" {
		intPart = "0"
	}
	if !digits(intPart) || (frac != "" && !digits(frac)) {
		return 0, ErrSyntax
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > 3 || len(intPart) > 7 {
		return 0, ErrPrecision
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, ErrPrecision
	}
	v := n * Scale
	if frac != "" {
		f, _ := strconv.ParseInt((frac + "000")[:3], 10, 64)
		v += f
	}
	if neg {
		v = -v
	}
	if P(v) > Max || P(v) < -Max {
		return 0, ErrPrecision
	}
	return P(v), nil
}

// ParseRaw reads a cell's raw stored value, which is a number in the file's
// own notation ("7.5", "22.499999999999996", "1E-3"). Values within a
// millionth of a point of a thousandth are rounded to it.
func ParseRaw(s string) (P, error) {
	if p, err := Parse(s); err == nil {
		return p, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, ErrSyntax
	}
	p, ok := FromFloat(f)
	if !ok {
		return 0, ErrPrecision
	}
	return p, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MultipleOf reports whether p is a whole multiple of step (step > 0).
func (p P) MultipleOf(step P) bool { return step > 0 && p%step == 0 }

// String formats p with a decimal point and no trailing zeros: "7.5", "80".
// It is the form used in CSV, JSON and TOML.
func (p P) String() string {
	neg := p < 0
	if neg {
		p = -p
	}
	s := strconv.FormatInt(int64(p/Scale), 10)
	if frac := int64(p % Scale); frac != 0 {
		s += "." + strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Swedish formats p the Swedish way, with a decimal comma: "7,5", "80".
func (p P) Swedish() string { return strings.Replace(p.String(), ".", ",", 1) }

// SignedSwedish formats a change with its sign: "+7", "−1,5", "0".
func (p P) SignedSwedish() string {
	switch {
	case p > 0:
		return "+" + p.Swedish()
	case p < 0:
		return "−" + (-p).Swedish()
	}
	return "0"
}

// MarshalJSON writes p as a JSON number with a decimal point.
func (p P) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalJSON reads a JSON number.
func (p *P) UnmarshalJSON(b []byte) error {
	v, err := ParseRaw(string(b))
	if err != nil {
		return fmt.Errorf("points: %q: %w", b, err)
	}
	*p = v
	return nil
}

// Missing is how a score that is not there is shown to people.
const Missing = "–"

// Of returns a pointer to a copy of p: a present value where *P means
// "maybe missing".
func Of(p P) *P { return &p }

// Sv formats a maybe-missing score for people: decimal comma, Missing when
// nil.
func Sv(p *P) string {
	if p == nil {
		return Missing
	}
	return p.Swedish()
}

// SvChange formats a maybe-missing change with its sign: "+7", "−1,5".
func SvChange(p *P) string {
	if p == nil {
		return Missing
	}
	return p.SignedSwedish()
}

// SvMean formats a maybe-missing mean rounded to one decimal: "71,3".
func SvMean(p *P) string {
	if p == nil {
		return Missing
	}
	return p.RoundTenth().Swedish()
}

// SvMeanChange formats a maybe-missing difference from a mean, rounded to
// one decimal, with its sign.
func SvMeanChange(p *P) string {
	if p == nil {
		return Missing
	}
	return p.RoundTenth().SignedSwedish()
}

// Dot formats a maybe-missing score for machines (CSV): decimal point, ""
// when nil.
func Dot(p *P) string {
	if p == nil {
		return ""
	}
	return p.String()
}

// RoundTenth rounds p to the nearest tenth of a point, halves away from
// zero: 71,25 → 71,3 and −71,25 → −71,3.
func (p P) RoundTenth() P {
	if p < 0 {
		return -(-p).RoundTenth()
	}
	return (p + 50) / 100 * 100
}
