// Package markup reads the little markup an evaluator types into a cell of
// text — *kursiv*, **fet**, bullet and numbered lists, links — into a tiny
// tree of blocks and runs for a template to render. It never makes HTML:
// every run is plain text that whoever renders it escapes, and a link's
// address is only ever http, https or mailto, so no input can become
// markup or run, and text it cannot read as markup stays text (an
// unbalanced star is a star).
//
// The rules, for one cell:
//
//   - Lines are split at any line break (\n, \r\n, \r, U+2028, U+2029,
//     U+0085). Every line is a paragraph or a list item (ParseWrapped,
//     for text wrapped in a file, joins the lines of a paragraph and ends
//     it at a blank line instead). Blank lines only separate.
//   - A line that starts with a list mark (after leading spaces) is an item
//     of a bullet list: "-", "•", "–", "·", "▪" or "◦" followed by a space or
//     a tab, "o" followed by a tab, and the Symbol font's bullet U+F0B7 —
//     the marks Word leaves in text pasted from its lists. A line that
//     starts with a number of one to three digits and "." or ")" and a
//     space or tab ("1. ", "2) ") is an item of a numbered list, which
//     starts at its first item's number. A line holding only a mark is an
//     empty item and left out. Consecutive items of one kind form one list.
//   - Tabs and form feeds are spaces; every other control character, and
//     the characters that reorder text (U+202A–U+202E, U+2066–U+2069), are
//     dropped; the Symbol font's bullet (U+F0B7) is "•" and the Wingdings
//     square (U+F0A7) "▪" wherever they stand; invalid UTF-8 becomes
//     U+FFFD.
//   - A link is [text](address), or an address written out: http://…,
//     https://…, www.… (linked as https://www.…) or mailto:…, up to the
//     next space, without the punctuation that ends a sentence. Only http,
//     https and mailto addresses are links; anything else stays text. A
//     link's text has no emphasis, and emphasis does not reach across a
//     link.
//   - Within a paragraph or an item, **text** is strong and *text* is
//     emphasis. A star can open when the character after it is not a space
//     and the one before it is not a letter or digit, and close when the
//     character before it is not a space and the one after it is not a
//     letter or digit; each opener is paired with the nearest closer of its
//     kind, and openers inside a pair stay text. Three or more stars in a
//     row, and stars without a partner, are text.
package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Block is a paragraph (Runs) or a list (Items, each item its runs).
type Block struct {
	Runs  []Run
	Items [][]Run
	// Ordered marks a numbered list; Start is its first item's number.
	Ordered bool
	Start   int
}

// List reports whether the block is a list (bullet or numbered).
func (b Block) List() bool { return b.Items != nil }

// Text is the block as plain text: the paragraph, or the items one a line.
func (b Block) Text() string {
	if !b.List() {
		return runsText(b.Runs)
	}
	var lines []string
	for _, it := range b.Items {
		lines = append(lines, runsText(it))
	}
	return strings.Join(lines, "\n")
}

// Run is a stretch of text in one style.
type Run struct {
	Text   string
	Em     bool // *kursiv*
	Strong bool // **fet**
	// Link is the address the text links to: http, https or mailto only
	// (SafeLink); "" for text.
	Link string
}

// ShowsAddress reports whether a link's text is its address, written out
// (www.umea2014.se for https://www.umea2014.se): a page printed need not
// add the address after it.
func (r Run) ShowsAddress() bool {
	return r.Link != "" && (r.Text == r.Link || writtenOut("", r.Text, "", r.Link) || writtenOut("", r.Text, "", rootless(r.Link)))
}

func runsText(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Parse reads the text of one cell into blocks, in order: every line is
// a paragraph or a list item.
func Parse(s string) []Block { return parse(s, false) }

// ParseWrapped reads text whose lines are wrapped, as in a TOML file: the
// lines of a paragraph are joined with a space, and a blank line ends it.
// Lists are read as by Parse.
func ParseWrapped(s string) []Block { return parse(s, true) }

func parse(s string, wrapped bool) []Block {
	var out []Block
	var para []string
	var list *Block
	flushPara := func() {
		if len(para) > 0 {
			if rs := runs(strings.Join(para, " ")); len(rs) > 0 {
				out = append(out, Block{Runs: rs})
			}
			para = nil
		}
	}
	flushList := func() {
		if list != nil && len(list.Items) > 0 {
			out = append(out, *list)
		}
		list = nil
	}
	for _, line := range strings.Split(normalize(s), "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			flushPara()
			flushList()
			continue
		}
		if it, ok := item(t); ok {
			flushPara()
			if list != nil && list.Ordered != it.ordered {
				flushList()
			}
			if list == nil {
				list = &Block{Items: [][]Run{}, Ordered: it.ordered, Start: it.number}
			}
			if rs := runs(spaces(it.text)); len(rs) > 0 {
				list.Items = append(list.Items, rs)
			}
			continue
		}
		flushList()
		para = append(para, spaces(t))
		if !wrapped {
			flushPara()
		}
	}
	flushPara()
	flushList()
	return out
}

// Line is text for one line — a heading, a caption, a table cell — with
// the same characters dropped as by Parse, line breaks and tabs as spaces,
// runs of spaces as one, and no space at either end. Stars are kept as
// typed.
func Line(s string) string {
	return collapse(strings.TrimSpace(spaces(strings.ReplaceAll(normalize(s), "\n", " "))))
}

// spaces makes tabs spaces, once list marks are read.
func spaces(s string) string { return strings.ReplaceAll(s, "\t", " ") }

// normalize makes the text valid UTF-8 with \n as its only line break and
// no other control characters.
func normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte('\t') // a tab may end a list mark ("–\t"); spaces makes it a space
		case r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r == symbolBullet:
			b.WriteString("•")
		case r == wingdingsSquare:
			b.WriteString("▪")
		case unicode.IsControl(r), r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// collapse turns each run of spaces into one (other spaces, such as the
// no-break space in "3 000", are kept).
func collapse(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' && space {
			continue
		}
		space = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}

// token is a piece of a line: text, or a run of one or two stars that may
// open or close emphasis.
type token struct {
	text         string
	stars        int // 0 for text
	open, close  bool
	paired, isOn bool // paired with a partner; for a paired star run: it opens
}

func tokenize(s string) []token {
	// At most a text before each run of stars, the run, and the text after
	// the last.
	toks := make([]token, 0, 2*strings.Count(s, "*")+1)
	start := 0
	for i := 0; i < len(s); {
		if s[i] != '*' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		if i > start {
			toks = append(toks, token{text: s[start:i]})
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		t := token{text: s[i:j]}
		if n := j - i; n <= 2 {
			t.stars = n
			t.open = j < len(s) && !unicode.IsSpace(after) && (i == 0 || !alnum(before))
			t.close = i > 0 && !unicode.IsSpace(before) && (j == len(s) || !alnum(after))
		}
		toks = append(toks, t)
		i, start = j, j
	}
	if start < len(s) {
		toks = append(toks, token{text: s[start:]})
	}
	return toks
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// inline reads one paragraph or item into runs. Its work is linear in the
// length of s: the stars are paired in one pass per kind (pair), and runs
// are built in one pass.
func inline(s string) []Run {
	toks := tokenize(collapse(s))
	pair(toks)
	var out []Run
	var cur strings.Builder
	var em, strong bool
	curEm, curStrong := false, false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, Run{Text: cur.String(), Em: curEm, Strong: curStrong})
			cur.Reset()
		}
	}
	for _, t := range toks {
		if t.paired {
			if t.stars == 2 {
				strong = t.isOn
			} else {
				em = t.isOn
			}
			continue
		}
		if t.text == "" {
			continue
		}
		if cur.Len() > 0 && (curEm != em || curStrong != strong) {
			flush()
		}
		curEm, curStrong = em, strong
		cur.WriteString(t.text)
	}
	flush()
	return out
}

// pair pairs each opening run of stars with the nearest closer of its
// kind, ** before *, as the package comment states. For each kind it knows,
// for every token, where the next closer of that kind is, so that an
// opener without a partner costs one step, not a search to the end.
func pair(toks []token) {
	next := make([]int, len(toks)+1) // next[i]: the first closer of the kind at or after i; len(toks) if none
	for _, kind := range []int{2, 1} {
		next[len(toks)] = len(toks)
		for i := len(toks) - 1; i >= 0; i-- {
			next[i] = next[i+1]
			if toks[i].stars == kind && toks[i].close {
				next[i] = i
			}
		}
		// Every closer after i is still unpaired: a pair moves i to its
		// closer, so openers inside a pair stay text.
		for i := 0; i < len(toks); i++ {
			if toks[i].stars != kind || !toks[i].open || toks[i].paired {
				continue
			}
			if j := next[i+1]; j < len(toks) {
				toks[i].paired, toks[i].isOn = true, true
				toks[j].paired = true
				i = j
			}
		}
	}
}
