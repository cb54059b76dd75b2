package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeLink returns the address when it is one a report may link to — http
// or https with a host, or mailto with an address, and no white space or
// control character — and "" otherwise. Nothing else (javascript:, data:,
// file:, a path) is ever a link.
func SafeLink(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || len(u) > maxLink || !utf8.ValidString(u) {
		return ""
	}
	for _, r := range u {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '"' || r == '<' || r == '>' || r == '\\' {
			return ""
		}
	}
	scheme, rest, ok := strings.Cut(u, ":")
	if !ok {
		return ""
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		host, _ := strings.CutPrefix(rest, "//")
		if host == rest || host == "" || strings.HasPrefix(host, "/") {
			return ""
		}
	case "mailto":
		if !strings.Contains(rest, "@") {
			return ""
		}
	default:
		return ""
	}
	return u
}

// maxLink is the longest address read; a link's text in [text](address)
// is at most maxLinkText bytes.
const (
	maxLink     = 2048
	maxLinkText = 1000
)

// runs reads one paragraph or item: its links, and the emphasis of the
// text between them.
func runs(s string) []Run {
	var out []Run
	sc := &linkScanner{s: s, closeOK: len(s) + 1, parenOK: len(s) + 1}
	start := 0
	for i := 0; i < len(s); {
		text, link, n := sc.at(i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		out = appendRuns(out, inline(s[start:i]))
		out = appendRuns(out, []Run{{Text: collapse(text), Link: link}})
		i += n
		start = i
	}
	return appendRuns(out, inline(s[start:]))
}

// appendRuns appends runs, joining a run to the one before when they are
// alike.
func appendRuns(out, rs []Run) []Run {
	for _, r := range rs {
		if r.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Em == r.Em && out[n-1].Strong == r.Strong && out[n-1].Link == "" && r.Link == "" {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// linkScanner finds the links of one text in time linear in its length:
// it remembers where the next "](" and the next ")" are, and where an
// address written out that was refused ends, so that no part of the text
// is searched again and again.
type linkScanner struct {
	s                string
	closeAt, closeOK int // the next "](" at or after closeOK (next)
	parenAt, parenOK int // the next ")" at or after parenOK
	bareUntil        int // no address written out starts before this
}

// next finds the next occurrence of sub at or after from. *at and *ok
// remember the last search: from *ok on, the first occurrence is at *at
// (-1: none); it is searched again only once from lies past it, so the
// searches of a whole text never overlap.
func next(s, sub string, from int, at, ok *int) int {
	if *ok > from || (*at != -1 && *at < from) {
		*ok, *at = from, -1
		if k := strings.Index(s[from:], sub); k >= 0 {
			*at = from + k
		}
	}
	return *at
}

// at reads a link that starts at s[i]: [text](address) or an address
// written out. n is the number of bytes it takes, 0 when no link starts
// there.
func (sc *linkScanner) at(i int) (text, link string, n int) {
	s := sc.s
	if s[i] == '[' {
		end := next(s, "](", i+1, &sc.closeAt, &sc.closeOK)
		if end < 0 || end-(i+1) > maxLinkText {
			return "", "", 0
		}
		text = strings.TrimSpace(s[i+1 : end])
		if text == "" || strings.ContainsAny(text, "[]") {
			return "", "", 0
		}
		from := end + 2
		close := next(s, ")", from, &sc.parenAt, &sc.parenOK)
		if close < 0 || close-from > maxLink {
			return "", "", 0
		}
		if link = SafeLink(s[from:close]); link == "" {
			return "", "", 0
		}
		return text, link, close + 1 - i
	}
	if i < sc.bareUntil || (i > 0 && !boundary(s[:i])) {
		return "", "", 0
	}
	text, link, end := writtenAt(s, i)
	if link == "" {
		sc.bareUntil = end
		return "", "", 0
	}
	return text, link, len(text)
}

// writtenAt reads an address written out at s[i] (http://, https://, www.,
// mailto:) up to the first character that is no part of one (a space, a
// raised number), without the punctuation that ends a sentence. end is where the word it starts ends; link is "" when there is
// no address there.
func writtenAt(s string, i int) (text, link string, end int) {
	var prefix string
	for _, p := range []string{"https://", "http://", "www.", "mailto:"} {
		if len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			prefix = p
			break
		}
	}
	if prefix == "" {
		return "", "", i
	}
	j := i
	opens, closes := 0, 0
	for j < len(s) && j-i < maxLink {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !addressRune(r) {
			break
		}
		switch r {
		case '(':
			opens++
		case ')':
			closes++
		}
		j += size
	}
	// The punctuation that ends a sentence is not the address's; a closing
	// parenthesis is only if the address opened one.
	addr := s[i:j]
	for {
		addr = strings.TrimRightFunc(addr, func(r rune) bool {
			return strings.ContainsRune(`.,;:!?'"”’»*`, r)
		})
		if !strings.HasSuffix(addr, ")") || opens >= closes {
			break
		}
		addr = addr[:len(addr)-1]
		closes--
	}
	if len(addr) <= len(prefix) {
		return "", "", j
	}
	link = addr
	if strings.EqualFold(prefix, "www.") {
		link = "https://" + addr
	}
	if link = SafeLink(link); link == "" {
		return "", "", j
	}
	return addr, link, j
}

// addressRune reports whether r may stand in an address written out: a
// letter, a digit (å and the like are, as in umeå.se), or the punctuation
// of a URL.
func addressRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~:/?#[]@!$&'()*+,;=%", r)
}

// boundary reports whether an address may start after before: at a word's
// start, not inside one ("xwww.") or inside another address ("/www.").
func boundary(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return !alnum(r) && !strings.ContainsRune("/.@:-_", r)
}

// writtenOut reports whether a link written as its text, between before
// and after, reads back as the same link: its text is its address (or
// www.… for https://www.…), and it stands apart from the text around it.
func writtenOut(before, text, after, link string) bool {
	if text == "" || (before != "" && !boundary(before)) {
		return false
	}
	got, l, _ := writtenAt(text+after, 0)
	return got == text && l == link
}
