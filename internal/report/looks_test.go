package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"testing"
)

// luminance is the relative luminance of a colour "#rrggbb" (WCAG 2).
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q", hex)
	}
	var l [3]float64
	for i := range l {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestRadarLooks checks that the radar's series can be told apart when
// there are as many as a group of ten gives, or twelve evaluations of one
// kommun: every other series has its own colour, mark and dash, every
// line has at least 3:1 contrast on white and on the radar's grey rings
// (WCAG 1.4.11), and the legend draws the same dashes.
func TestRadarLooks(t *testing.T) {
	const others = MaxDistinctSeries - 2 // the kommun and the mean aside
	var colors, marks, dashes []string
	for i := range others {
		l := otherLook(i)
		colors = append(colors, l.color)
		marks = append(marks, l.mark)
		dashes = append(dashes, fmt.Sprint(l.dash))
		if l.mark == "" {
			t.Errorf("other series %d has no mark", i+1)
		}
		if i > 0 && l.dash == nil {
			t.Errorf("other series %d is solid; only the first is", i+1)
		}
		if icon := l.icon(); l.dash != nil && icon == dashLine(nil)+l.mark {
			t.Errorf("other series %d: the legend draws a solid line for the dash %v", i+1, l.dash)
		}
	}
	for what, list := range map[string][]string{"colour": colors, "mark": marks, "dash": dashes} {
		seen := map[string]int{}
		for i, v := range list {
			if j, dup := seen[v]; dup {
				t.Errorf("other series %d has the %s of series %d", i+1, what, j+1)
			}
			seen[v] = i
		}
	}
	for _, c := range append(slices.Clone(colors), ownLook.color, meanLook.color) {
		if slices.Contains(colors, ownLook.color) || slices.Contains(colors, meanLook.color) {
			t.Errorf("an other series has the kommun's or the mean's colour")
		}
		// white, and the darker of echarts' default split areas
		// (rgba(200, 200, 200, 0.3) on white = #efefef)
		for _, bg := range []string{"#ffffff", "#efefef"} {
			if r := contrast(t, c, bg); r < 3 {
				t.Errorf("colour %s has %.2f:1 contrast on %s, want at least 3:1", c, r, bg)
			}
		}
	}
}

// TestLabelled: a label and its text never double their punctuation.
func TestLabelled(t *testing.T) {
	for _, c := range []struct{ label, text, want string }{
		{"Mål", "ökad delaktighet", "Mål: ökad delaktighet"},
		{"Mål", "Mål 1: ökad delaktighet", "Mål 1: ökad delaktighet"},
		{"Mål", "mål: ökad delaktighet", "mål: ökad delaktighet"},
		{"Mål", "Målet är tydligt", "Mål: Målet är tydligt"},
		{"5.4 Kontroll- och uppföljningsrutiner.", "11–19 av 20 poäng", "5.4 Kontroll- och uppföljningsrutiner: 11–19 av 20 poäng"},
		{"1.1 Hur informeras medborgarna?", "28–30 av 40 poäng", "1.1 Hur informeras medborgarna? 28–30 av 40 poäng"},
		{"7.2 Strategisk serviceutveckling:", "2–5", "7.2 Strategisk serviceutveckling: 2–5"},
	} {
		if got := labelled(c.label, c.text); got != c.want {
			t.Errorf("labelled(%q, %q) = %q, want %q", c.label, c.text, got, c.want)
		}
	}
}
