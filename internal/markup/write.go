package markup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Write is the inverse of the inline part of Parse: it writes runs as the
// markup of one paragraph or list item, so that Parse reads the same text
// in the same styles back. A run both strong and emphasised is written
// strong (the markup has no way to say both); a link is its address when
// its text is that address, else [text](address), and its text has no
// emphasis. Emphasis the markup cannot express where it stands — inside a
// word, as in "Kommun**kompassen**" — is left out, never the text; so is a
// link whose address SafeLink refuses. Spaces at the edges of an
// emphasised run are moved outside it. The markup has no escape: stars
// the text holds itself may still pair up into emphasis ("*3*").
func Write(rs []Run) string {
	rs = merged(rs)
	var b strings.Builder
	last := "" // the last character written
	for i, r := range rs {
		lead, core, trail := edges(r.Text)
		mark := ""
		switch {
		case r.Strong:
			mark = "**"
		case r.Em:
			mark = "*"
		}
		before := lead
		if before == "" {
			before = last
		}
		written := r.Text
		switch {
		case r.Link != "":
			written = lead + core + trail
			after := trail + plainAfter(rs[i+1:])
			// "https://www.umea.se/" written out as "www.umea.se" is the
			// same address: programs add the slash of the root.
			if core != "" && !writtenOut(before, core, after, r.Link) && !writtenOut(before, core, after, rootless(r.Link)) {
				written = lead + "[" + core + "](" + r.Link + ")" + trail
			}
		case mark != "" && core != "" && canMark(before, core, trail+plainAfter(rs[i+1:])):
			written = lead + mark + core + mark + trail
		}
		b.WriteString(written)
		if _, n := utf8.DecodeLastRuneInString(written); n > 0 {
			last = written[len(written)-n:]
		}
	}
	out := b.String()
	// What Parse reads must be the text and links written; where stars
	// the runs hold themselves would pair up with the written ones, the
	// text alone is kept.
	if !sameText(runs(out), rs) {
		return plain(rs)
	}
	return out
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
		if r.Strong {
			r.Em = false
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
