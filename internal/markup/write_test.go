package markup

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []Run
		want string
	}{
		{"plain", []Run{{Text: "Kommunen styr."}}, "Kommunen styr."},
		{"strong and emphasis", []Run{{Text: "Det "}, {Text: "fet", Strong: true}, {Text: " och "}, {Text: "kursiv", Em: true}, {Text: "."}}, "Det **fet** och *kursiv*."},
		{"spaces moved out", []Run{{Text: "Det"}, {Text: " fet ", Strong: true}, {Text: "text"}}, "Det **fet** text"},
		{"both is strong", []Run{{Text: "båda", Strong: true, Em: true}}, "**båda**"},
		{"emphasis inside strong", []Run{{Text: "fet ", Strong: true}, {Text: "och kursiv", Strong: true, Em: true}, {Text: " fet", Strong: true}, {Text: "."}},
			"**fet *och kursiv* fet**."},
		{"emphasis at strong's edge is strong", []Run{{Text: "a", Strong: true, Em: true}, {Text: " b", Strong: true}}, "**a b**"},
		{"strong inside a word keeps its emphasis", []Run{{Text: "x"}, {Text: "y ", Strong: true}, {Text: "z", Strong: true, Em: true}}, "xy *z*"},
		{"inside a word is plain", []Run{{Text: "Kommun"}, {Text: "kompassen", Strong: true}}, "Kommunkompassen"},
		{"neighbours inside a word are plain", []Run{{Text: "a", Em: true}, {Text: "b", Strong: true}}, "ab"},
		{"neighbours apart", []Run{{Text: "a", Em: true}, {Text: " "}, {Text: "b", Strong: true}}, "*a* **b**"},
		{"link", []Run{{Text: "se "}, {Text: "Umeå 2014", Link: "https://www.umea2014.se/"}}, "se [Umeå 2014](https://www.umea2014.se/)"},
		{"link written out", []Run{{Text: "www.umea2014.se", Link: "https://www.umea2014.se"}, {Text: "."}}, "www.umea2014.se."},
		{"the root's slash", []Run{{Text: "www.umea.se", Link: "https://www.umea.se/"}}, "www.umea.se"},
		{"a path's slash", []Run{{Text: "www.umea.se/a", Link: "https://www.umea.se/a/"}}, "[www.umea.se/a](https://www.umea.se/a/)"},
		{"address as text", []Run{{Text: "http://a.se/x", Link: "http://a.se/x"}}, "http://a.se/x"},
		{"emphasised link is a link", []Run{{Text: "l", Link: "mailto:a@b.se", Strong: true}}, "[l](mailto:a@b.se)"},
		{"unsafe link is text", []Run{{Text: "klicka", Link: "javascript:alert(1)"}}, "klicka"},
		{"own stars kept as text", []Run{{Text: "3*"}, {Text: "x", Em: true}}, "3*x"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Write(c.in)
			if got != c.want {
				t.Fatalf("Write = %q, want %q", got, c.want)
			}
		})
	}
}

// TestWriteRoundTrip checks that what Write writes reads back as the
// text, styles and links written, for runs made of the pieces that make
// markup hard.
func TestWriteRoundTrip(t *testing.T) {
	texts := []string{"a", " b ", "*", "**", "ö.", "(", ")", "[x]", "3*", " ", "www.a.se", "https://b.se/c"}
	styles := []Run{{}, {Em: true}, {Strong: true}, {Link: "https://a.se"}}
	n := 0
	for _, t1 := range texts {
		for _, s1 := range styles {
			for _, t2 := range texts {
				for _, s2 := range styles {
					rs := []Run{{Text: t1, Em: s1.Em, Strong: s1.Strong, Link: s1.Link}, {Text: t2, Em: s2.Em, Strong: s2.Strong, Link: s2.Link}}
					w := Write(rs)
					got := runs(w)
					if runsText(got) != collapse(t1+t2) && !strings.Contains(t1+t2, "*") {
						t.Errorf("Write(%+v) = %q reads as %q", rs, w, runsText(got))
					}
					// Where no run holds a star, bracket or address of its
					// own, and the runs are apart, every letter keeps its
					// style and link.
					apart := strings.HasSuffix(t1, " ") || strings.HasPrefix(t2, " ")
					if apart && !strings.ContainsAny(t1+t2, "*[]()") && !strings.Contains(t1+t2, "www.") && !strings.Contains(t1+t2, "://") {
						if g, w := styled(got), styled(rs); g != w {
							t.Errorf("Write(%+v) = %q reads as %s, want %s", rs, w, g, w)
						}
					}
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no case")
	}
}

// styled writes each character but spaces with its style: _ emphasis,
// ! strong, |address| a link (a strong link is a link).
func styled(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		for _, c := range r.Text {
			if c == ' ' {
				continue
			}
			switch {
			case r.Link != "":
				b.WriteString("|" + r.Link + "|")
			case r.Strong:
				b.WriteByte('!')
			case r.Em:
				b.WriteByte('_')
			}
			b.WriteRune(c)
		}
	}
	return b.String()
}

// TestParseLinksLarge reads a megabyte of each pattern that would make a
// careless link reader search the rest of the text again and again; were
// the reading quadratic, this test would not end within the test timeout.
func TestParseLinksLarge(t *testing.T) {
	for _, unit := range []string{"[", "](", "[a](", "www.(", "(https://", "[x](https://a.se/(", "http://a.se/" + strings.Repeat(")", 10)} {
		in := strings.Repeat(unit, (1<<20)/len(unit))
		bs := Parse(in)
		if len(bs) == 0 {
			t.Errorf("%q…: nothing read", unit)
		}
	}
}

// TestWriteKeepsEmphasisBesideRootLink: a link to a root address written
// out beside emphasis keeps both (the round trip compares addresses
// without the root's slash).
func TestWriteKeepsEmphasisBesideRootLink(t *testing.T) {
	got := Write([]Run{{Text: "en "}, {Text: "fet", Strong: true}, {Text: " och "}, {Text: "www.a.se", Link: "https://www.a.se/"}})
	if got != "en **fet** och www.a.se" {
		t.Errorf("Write = %q", got)
	}
}
