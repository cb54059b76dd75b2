package markup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Write is the inverse of the inline part of Parse: it writes runs as the
// markup of one paragraph or list item, so that Parse reads the same text
// in the same styles back. Emphasis within strong text is written inside
// its stars (**fet *och kursiv* fet**); a run both strong and emphasised
// from end to end is written strong (three stars in a row are text). A
// link is its address when its text is that address, else
// [text](address), and its text has no emphasis. Emphasis the markup
// cannot express where it stands — inside a word, as in
// "Kommun**kompassen**" — is left out, never the text; so is a link whose
// address SafeLink refuses. Spaces at the edges of an emphasised run are
// moved outside it. The markup has no escape: stars the text holds itself
// may still pair up into emphasis ("*3*").
func Write(rs []Run) string {
	rs = merged(rs)
	w := &writer{}
	for i := 0; i < len(rs); {
		if rs[i].Strong && rs[i].Link == "" {
			j := i
			for j < len(rs) && rs[j].Strong && rs[j].Link == "" {
				j++
			}
			w.strong(rs[i:j], plainAfter(rs[j:]))
			i = j
			continue
		}
		w.run(rs[i], plainAfter(rs[i+1:]))
		i++
	}
	out := w.b.String()
	// What Parse reads must be the text and links written; where stars
	// the runs hold themselves would pair up with the written ones, the
	// text alone is kept.
	if !sameText(runs(out), rs) {
		return plain(rs)
	}
	return out
}

// writer writes markup, remembering the last character written.
type writer struct {
	b    strings.Builder
	last string
}

func (w *writer) write(s string) {
	w.b.WriteString(s)
	if _, n := utf8.DecodeLastRuneInString(s); n > 0 {
		w.last = s[len(s)-n:]
	}
}

// before is what stands before a run written now: its own leading spaces,
// or the last character written.
func (w *writer) before(lead string) string {
	if lead != "" {
		return lead
	}
	return w.last
}

// run writes one run that is not strong (or inside strong stars): a link,
// emphasis, or text; after is the text that follows it.
func (w *writer) run(r Run, after string) {
	lead, core, trail := edges(r.Text)
	before := w.before(lead)
	switch {
	case r.Link != "":
		// "https://www.umea.se/" written out as "www.umea.se" is the
		// same address: programs add the slash of the root.
		if core != "" && !writtenOut(before, core, trail+after, r.Link) && !writtenOut(before, core, trail+after, rootless(r.Link)) {
			w.write(lead + "[" + core + "](" + r.Link + ")" + trail)
			return
		}
	case r.Em && core != "" && canMark(before, core, trail+after):
		w.write(lead + "*" + core + "*" + trail)
		return
	}
	w.write(r.Text)
}

// strong writes consecutive strong runs (no links): between two stars
// when they can stand there, the emphasised runs within them between
// single stars; else each run as if it were not strong.
func (w *writer) strong(group []Run, after string) {
	inner := make([]Run, len(group))
	for i, r := range group {
		r.Strong = false
		if len(group) == 1 {
			r.Em = false // emphasis from end to end: strong alone
		}
		inner[i] = r
	}
	lead, core, trail := edges(plain(inner))
	if core == "" || !canMark(w.before(lead), core, trail+after) {
		for i, r := range inner {
			w.run(r, plainAfterOr(inner[i+1:], after))
		}
		return
	}
	// The spaces at the group's edges go outside its stars.
	inner = trimRuns(inner)
	w.write(lead + "**")
	for i, r := range inner {
		w.run(r, plainAfterOr(inner[i+1:], "*"))
	}
	w.write("**" + trail)
}

// plainAfterOr is plainAfter(rest), or end when rest is empty.
func plainAfterOr(rest []Run, end string) string {
	if len(rest) == 0 {
		return end
	}
	return plainAfter(rest)
}

// trimRuns drops the spaces at the start of the first runs and the end of
// the last, and the runs that are left empty.
func trimRuns(rs []Run) []Run {
	for len(rs) > 0 {
		rs[0].Text = strings.TrimLeftFunc(rs[0].Text, unicode.IsSpace)
		if rs[0].Text != "" {
			break
		}
		rs = rs[1:]
	}
	for len(rs) > 0 {
		n := len(rs) - 1
		rs[n].Text = strings.TrimRightFunc(rs[n].Text, unicode.IsSpace)
		if rs[n].Text != "" {
			break
		}
		rs = rs[:n]
	}
	return rs
}

// sameText reports whether got holds the text and the links of want.
func sameText(got, want []Run) bool {
	if runsText(got) != collapse(plain(want)) {
		return false
	}
	links := func(rs []Run) []string {
		var out []string
		for _, r := range rs {
			if r.Link != "" {
				if t := collapse(strings.TrimSpace(r.Text)); t != "" {
					out = append(out, t+"\x00"+rootless(r.Link))
				}
			}
		}
		return out
	}
	return slices.Equal(links(got), links(want))
}

func plain(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// merged joins neighbouring runs of the same style, and drops what the
// markup cannot hold: emphasis on a link, a link SafeLink refuses.
func merged(runs []Run) []Run {
	var out []Run
	var text strings.Builder // the text of the last run of out, joined in one pass
	seal := func() {
		if n := len(out); n > 0 {
			out[n-1].Text = text.String()
			text.Reset()
		}
	}
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		if r.Link = SafeLink(r.Link); r.Link != "" {
			r.Em, r.Strong = false, false
		}
		if n := len(out); n == 0 || out[n-1].Em != r.Em || out[n-1].Strong != r.Strong || out[n-1].Link != r.Link {
			seal()
			out = append(out, Run{Em: r.Em, Strong: r.Strong, Link: r.Link})
		}
		text.WriteString(r.Text)
	}
	seal()
	return out
}

// edges splits the spaces at either end of s from its core.
func edges(s string) (lead, core, trail string) {
	core = strings.TrimLeftFunc(s, unicode.IsSpace)
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRightFunc(core, unicode.IsSpace)
	return lead, trimmed, core[len(trimmed):]
}

// plainAfter is the text after a run; a star when the next run may open
// with one.
func plainAfter(rest []Run) string {
	if len(rest) == 0 {
		return ""
	}
	r := rest[0]
	if (r.Em || r.Strong) && !strings.HasPrefix(r.Text, " ") {
		return "*"
	}
	return r.Text
}

// canMark reports whether stars around core, between what is written
// before and what follows, open and close as Parse reads them.
func canMark(before, core, after string) bool {
	if core == "" || strings.HasPrefix(core, "*") || strings.HasSuffix(core, "*") {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(before); before != "" && (alnum(r) || r == '*') {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(after); after != "" && (alnum(r) || r == '*') {
		return false
	}
	return true
}

// rootless is an http(s) address without the slash of an empty path
// ("https://www.umea.se/" → "https://www.umea.se"); any other as it is.
func rootless(link string) string {
	l := strings.ToLower(link)
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(l, scheme); ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, "/") {
			return link[:len(link)-1]
		}
	}
	return link
}
