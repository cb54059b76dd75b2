// Package markup reads the little markup an evaluator types into a cell of
// text — *kursiv*, **fet**, and bullet lines that start with "- " or "• " —
// into a tiny tree of blocks and runs for a template to render. It never
// makes HTML: every run is plain text that whoever renders it escapes, so no
// input can become markup, and text it cannot read as markup stays text
// (an unbalanced star is a star).
//
// The rules, for one cell:
//
//   - Lines are split at any line break (\n, \r\n, \r, U+2028, U+2029,
//     U+0085). Tabs and form feeds are spaces; every other control
//     character, and the characters that reorder text (U+202A–U+202E,
//     U+2066–U+2069), are dropped; invalid UTF-8 becomes U+FFFD.
//   - A blank line ends a paragraph or a list.
//   - A line that starts with "- " or "• " (after leading spaces) is an item
//     of a bullet list; a line holding only "-" or "•" is an empty item and
//     left out. Consecutive items form one list.
//   - Other lines form a paragraph; its lines are joined with a space. A
//     line that is not an item ends the list before it.
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

// Block is a paragraph (Runs) or a bullet list (Items, each item its runs).
type Block struct {
	Runs  []Run
	Items [][]Run
}

// List reports whether the block is a bullet list.
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
}

func runsText(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Parse reads the text of one cell into blocks, in order.
func Parse(s string) []Block {
	var out []Block
	var para []string
	var items [][]Run
	flushPara := func() {
		if len(para) > 0 {
			if rs := inline(strings.Join(para, " ")); len(rs) > 0 {
				out = append(out, Block{Runs: rs})
			}
			para = nil
		}
	}
	flushList := func() {
		if len(items) > 0 {
			out = append(out, Block{Items: items})
			items = nil
		}
	}
	for _, line := range strings.Split(normalize(s), "\n") {
		t := strings.TrimSpace(line)
		switch item, ok := bullet(t); {
		case t == "":
			flushPara()
			flushList()
		case ok:
			flushPara()
			if rs := inline(item); len(rs) > 0 {
				items = append(items, rs)
			}
		default:
			flushList()
			para = append(para, t)
		}
	}
	flushPara()
	flushList()
	return out
}

// Line is text for one line — a heading, a caption, a table cell — with
// the same characters dropped as by Parse, line breaks as spaces, runs of
// spaces as one, and no space at either end. Stars are kept as typed.
func Line(s string) string {
	return collapse(strings.TrimSpace(strings.ReplaceAll(normalize(s), "\n", " ")))
}

// bullet returns the text of a list item line (already trimmed).
func bullet(t string) (string, bool) {
	for _, mark := range []string{"-", "•"} {
		if t == mark {
			return "", true
		}
		if rest, ok := strings.CutPrefix(t, mark+" "); ok {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}

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
		case r == '\t' || r == '\v' || r == '\f':
			b.WriteByte(' ')
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
