package markup

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// show writes blocks compactly: a paragraph as its runs, a list as
// "• item" lines (a numbered one as "N. item", N its start); a run in
// emphasis as _text_, strong as [text], both as [_text_], a link as
// <text|address>.
func show(bs []Block) string {
	runs := func(rs []Run) string {
		var b strings.Builder
		for _, r := range rs {
			t := r.Text
			if r.Em {
				t = "_" + t + "_"
			}
			if r.Strong {
				t = "[" + t + "]"
			}
			if r.Link != "" {
				t = "<" + t + "|" + r.Link + ">"
			}
			b.WriteString(t)
		}
		return b.String()
	}
	var out []string
	for _, b := range bs {
		if !b.List() {
			out = append(out, "¶ "+runs(b.Runs))
			continue
		}
		for _, it := range b.Items {
			if b.Ordered {
				out = append(out, fmt.Sprintf("%d. %s", b.Start, runs(it)))
			} else {
				out = append(out, "• "+runs(it))
			}
		}
		out = append(out, "/list")
	}
	return strings.Join(out, "\n")
}

func TestParse(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"blank lines only", "\n \n\u00a0\n", ""},
		{"one paragraph", "Kommunen har en styrmodell.", "¶ Kommunen har en styrmodell."},
		{"a line is a paragraph", "Första raden\nandra raden.", "¶ Första raden\n¶ andra raden."},
		{"two paragraphs", "Ett.\n\nTvå.", "¶ Ett.\n¶ Två."},
		{"crlf and cr", "Ett.\r\n\r\nTvå.\rTre.", "¶ Ett.\n¶ Två.\n¶ Tre."},
		{"line and paragraph separators", "Ett.\u2029Två.\u2028\u2028Tre.", "¶ Ett.\n¶ Två.\n¶ Tre."},
		{"emphasis", "det *politiska systemet* styr", "¶ det _politiska systemet_ styr"},
		{"strong", "**Etablerad styrmodell.**", "¶ [Etablerad styrmodell.]"},
		{"both in a row", "*a* och **b**", "¶ _a_ och [b]"},
		{"emphasis in strong", "**fet *och kursiv* fet**", "¶ [fet ][_och kursiv_][ fet]"},
		{"crossing pairs stay flat", "*a **b* c**", "¶ _a _[_b_][ c]"},
		{"in quotes", `juryns motivering, "*IT är vår tids verktyg.*"`, `¶ juryns motivering, "_IT är vår tids verktyg._"`},
		{"before a comma", "*resurser*, *prestationer* samt *inre*", "¶ _resurser_, _prestationer_ samt _inre_"},
		{"unbalanced single", "* Ett lokalt parti", "¶ * Ett lokalt parti"},
		{"unbalanced opener", "**fet utan slut", "¶ **fet utan slut"},
		{"unbalanced closer", "slut utan början**", "¶ slut utan början**"},
		{"lone stars", "* ** *", "¶ * ** *"},
		{"three stars are text", "***a***", "¶ ***a***"},
		{"four stars are text", "a **** b", "¶ a **** b"},
		{"inside a word", "2*3*4 och Umeå*s*", "¶ 2*3*4 och Umeå*s*"},
		{"space inside the stars", "* a * och ** b **", "¶ * a * och ** b **"},
		{"opener inside a pair is text", "*a *b c* d*", "¶ _a *b c_ d*"},
		{"empty pair", "a ** b", "¶ a ** b"},
		{"emphasis does not cross lines", "*en\nmening*", "¶ *en\n¶ mening*"},
		{"emphasis does not cross paragraphs", "*ett\n\ntvå*", "¶ *ett\n¶ två*"},
		{"list", "- ett\n- två", "• ett\n• två\n/list"},
		{"bullet dot", "• ett\n  •   två  ", "• ett\n• två\n/list"},
		{"list after paragraph", "Steg:\n- ett\n- två\n-\n\nSlut.", "¶ Steg:\n• ett\n• två\n/list\n¶ Slut."},
		{"paragraph ends a list", "- ett\nmer text", "• ett\n/list\n¶ mer text"},
		{"dash without space is text", "-ett\n--två", "¶ -ett\n¶ --två"},
		{"en dash and tab", "–\tett\n– två", "• ett\n• två\n/list"},
		{"Word's pasted marks", "·\tett\no\ttvå\n\uf0b7\ttre\n\uf0b7 fyra\n•\tfem\n▪ sex", "• ett\n• två\n• tre\n• fyra\n• fem\n• sex\n/list"},
		{"o and a space is a word", "o ja", "¶ o ja"},
		{"o alone is a word", "o", "¶ o"},
		{"symbol bullet inside text", "a \uf0b7 b", "¶ a • b"},
		{"numbered", "1. ett\n2) två\n3.\ttre", "1. ett\n1. två\n1. tre\n/list"},
		{"numbered from 4", "4. fyra\n5. fem", "4. fyra\n4. fem\n/list"},
		{"bullets then numbers are two lists", "- a\n1. b", "• a\n/list\n1. b\n/list"},
		{"a decimal is no item", "1.5 miljoner\n2007. Året", "¶ 1.5 miljoner\n¶ 2007. Året"},
		{"four digits are no item", "2007) ett", "¶ 2007) ett"},
		{"link", "se [Umeå 2014](https://www.umea2014.se) nu", "¶ se <Umeå 2014|https://www.umea2014.se> nu"},
		{"address written out", "se www.umea2014.se.", "¶ se <www.umea2014.se|https://www.umea2014.se>."},
		{"http address", "(http://a.se/x?y=1), mailto:a@b.se", "¶ (<http://a.se/x?y=1|http://a.se/x?y=1>), <mailto:a@b.se|mailto:a@b.se>"},
		{"parenthesis inside an address", "https://sv.wikipedia.org/wiki/A_(b)", "¶ <https://sv.wikipedia.org/wiki/A_(b)|https://sv.wikipedia.org/wiki/A_(b)>"},
		{"javascript is text", "[x](javascript:alert(1)) [y](data:text/html,a) [z](file:///etc/passwd) [w](/rel)", "¶ [x](javascript:alert(1)) [y](data:text/html,a) [z](file:///etc/passwd) [w](/rel)"},
		{"no host is text", "[x](http://) http:// https:///a", "¶ [x](http://) http:// https:///a"},
		{"www inside a word is text", "xwww.a.se och /www.b.se", "¶ xwww.a.se och /www.b.se"},
		{"emphasis around a link", "**fet** [l](https://a.se) *kursiv*", "¶ [fet] <l|https://a.se> _kursiv_"},
		{"link in an item", "- [l](https://a.se)", "• <l|https://a.se>\n/list"},
		{"empty items only", "-\n•\n", ""},
		{"strong items", "- **Kommunhörnan.**\n- **Prenumerationstjänst.**", "• [Kommunhörnan.]\n• [Prenumerationstjänst.]\n/list"},
		{"html is text", `<script>alert(1)</script> <b>fet</b> &amp;`, `¶ <script>alert(1)</script> <b>fet</b> &amp;`},
		{"controls dropped", "a\x00b\x07c\x1b[31md\u007fe\u0085f", "¶ abc[31mde\n¶ f"},
		{"tabs are spaces", "a\tb\t\tc", "¶ a b c"},
		{"bidi overrides dropped", "abc\u202edef\u2066g", "¶ abcdefg"},
		{"invalid utf-8", "a\xffb", "¶ a\ufffdb"},
		{"spaces collapse, no-break space kept", "3\u00a0000   kronor", "¶ 3\u00a0000 kronor"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := show(Parse(c.in)); got != c.want {
				t.Errorf("Parse(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"  Allmänt om kommunen ":      "Allmänt om kommunen",
		"Två\nrader":                  "Två rader",
		"a\x00b\tc  d":                "ab c d",
		"*stjärnor* står kvar":        "*stjärnor* står kvar",
		"<h1>rubrik</h1>":             "<h1>rubrik</h1>",
		"\u202eomvänd\r\n":            "omvänd",
		"Tabell 1\u00a0Mandat":        "Tabell 1\u00a0Mandat",
		"x\u2028y\u2029z\u0085\u0001": "x y z",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBlockText(t *testing.T) {
	bs := Parse("Det **fet** och *kursiv*.\n\n- ett\n- *två*")
	if len(bs) != 2 {
		t.Fatalf("%d blocks", len(bs))
	}
	if got := bs[0].Text(); got != "Det fet och kursiv." {
		t.Errorf("paragraph text %q", got)
	}
	if got := bs[1].Text(); got != "ett\ntvå" {
		t.Errorf("list text %q", got)
	}
}

// checkParse fails unless Parse keeps what it promises for any input.
func checkParse(t *testing.T, in string) {
	t.Helper()
	bs := Parse(in)
	var letters []rune
	check := func(rs []Run) {
		if len(rs) == 0 {
			t.Errorf("Parse(%q): an empty paragraph or item", in)
		}
		for i, r := range rs {
			if r.Text == "" {
				t.Errorf("Parse(%q): an empty run", in)
			}
			if i > 0 && rs[i-1].Em == r.Em && rs[i-1].Strong == r.Strong && rs[i-1].Link == "" && r.Link == "" {
				t.Errorf("Parse(%q): two runs in a row with the same style", in)
			}
			if !utf8.ValidString(r.Text) {
				t.Errorf("Parse(%q): run %q is not UTF-8", in, r.Text)
			}
			for _, c := range r.Text {
				if unicode.IsControl(c) || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029' {
					t.Errorf("Parse(%q): run %q holds %U", in, r.Text, c)
				}
				if alnum(c) {
					letters = append(letters, c)
				}
			}
			if r.Link != "" {
				if SafeLink(r.Link) != r.Link || r.Em || r.Strong {
					t.Errorf("Parse(%q): link %q (%+v)", in, r.Link, r)
				}
				if !writtenOut("", r.Text, "", r.Link) {
					for _, c := range r.Link {
						if alnum(c) {
							letters = append(letters, c)
						}
					}
				}
			}
		}
	}
	for _, b := range bs {
		if b.List() {
			if len(b.Items) == 0 || b.Runs != nil {
				t.Errorf("Parse(%q): a list without items or with runs", in)
			}
			for _, it := range b.Items {
				check(it)
			}
		} else {
			check(b.Runs)
		}
	}
	// every letter and digit of the input is in the output, in order,
	// but for the marks of list items
	var want []rune
	for _, line := range strings.Split(normalize(in), "\n") {
		line = strings.TrimSpace(line)
		if it, ok := item(line); ok {
			line = it.text
		}
		for _, c := range line {
			if alnum(c) {
				want = append(want, c)
			}
		}
	}
	if string(letters) != string(want) {
		t.Errorf("Parse(%q): letters and digits %q, want %q", in, string(letters), string(want))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Ett.\n\nTvå.", "det *politiska systemet* styr", "**fet *och kursiv* fet**", "*a **b* c**",
		"* Ett lokalt parti", "***a***", "- ett\n- två\n-\n", "• ett\r\n• **två**", "<script>alert(1)</script>",
		"a\x00b\u202e\xff", "*ett\n\ntvå*", "2*3*4", "- *a\n- b*",
		"1. ett\n2) två", "–\tett\no\ttvå\n\uf0b7\ttre", "se [Umeå](https://www.umea2014.se) och www.a.se.", "[x](javascript:alert(1))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkParse(t, in)
		line := Line(in)
		if strings.ContainsAny(line, "\n\r") || strings.Contains(line, "  ") || line != strings.TrimSpace(line) {
			t.Errorf("Line(%q) = %q", in, line)
		}
	})
}

// TestParseHostile runs the fuzz checks over inputs built from the pieces
// that break parsers: stars, bullets, markup, controls, line breaks.
func TestParseHostile(t *testing.T) {
	pieces := []string{"*", "**", "***", "- ", "• ", "\n", "\n\n", "\r", "<b>", "</p>", "&lt;", "\x00", "\u202e", "\xff", "a", "ö", " ", "\u00a0", "7,5",
		"1. ", "o\t", "\uf0b7", "[", "](", ")", "https://", "www.", "mailto:"}
	n := 0
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				checkParse(t, a+b+c+"x"+c+b+a)
				n++
			}
		}
	}
	if n != len(pieces)*len(pieces)*len(pieces) {
		t.Fatal(fmt.Sprint(n))
	}
}

// pairQuadratic is the pairing rule as the package comment states it, the
// obvious way: each opener looks for the nearest unpaired closer of its
// kind. inline must pair exactly as it does, in linear time.
func pairQuadratic(toks []token) {
	for _, kind := range []int{2, 1} {
		for i := 0; i < len(toks); i++ {
			if toks[i].stars != kind || !toks[i].open || toks[i].paired {
				continue
			}
			for j := i + 1; j < len(toks); j++ {
				if toks[j].stars == kind && toks[j].close && !toks[j].paired {
					toks[i].paired, toks[i].isOn = true, true
					toks[j].paired = true
					i = j
					break
				}
			}
		}
	}
}

// TestPairAsStated compares pair with the stated rule over every text of
// up to six pieces that matter to pairing.
func TestPairAsStated(t *testing.T) {
	pieces := []string{"*", "**", "***", "a", " ", ".", "ö"}
	var texts []string
	var grow func(s string, n int)
	grow = func(s string, n int) {
		texts = append(texts, s)
		if n == 0 {
			return
		}
		for _, p := range pieces {
			grow(s+p, n-1)
		}
	}
	grow("", 6)
	for _, s := range texts {
		got, want := tokenize(s), tokenize(s)
		pair(got)
		pairQuadratic(want)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("pair(%q): token %d is %+v, want %+v", s, i, got[i], want[i])
			}
		}
	}
}

// BenchmarkInline reads paragraphs of unpaired openers ("*a *a *a …"), the
// worst case of a quadratic pairing, at 1×, 10× and 100× the size: the
// time per byte stays the same.
func BenchmarkInline(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000, 1000000} {
		s := strings.Repeat("*a ", n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				inline(s)
			}
		})
	}
}
