package markup

import "strconv"

// The Symbol font's bullet and the Wingdings square: Word writes them, in
// the Private Use Area, into text copied from its lists, where any other
// font shows a box.
const (
	symbolBullet    = '\uF0B7'
	wingdingsSquare = '\uF0A7'
)

// bulletMarks start an item when a space or a tab follows; tabOnly ones
// only when a tab does (an "o" followed by a space is a word).
var (
	bulletMarks = []string{"-", "•", "–", "·", "▪", "◦"}
	tabOnly     = []string{"o"}
)

// listItem is a line read as a list item.
type listItem struct {
	text    string
	ordered bool
	number  int
}

// item reads a trimmed line as a list item.
func item(t string) (listItem, bool) {
	for _, mark := range bulletMarks {
		if rest, ok := afterMark(t, mark, true); ok {
			return listItem{text: rest}, true
		}
	}
	for _, mark := range tabOnly {
		if rest, ok := afterMark(t, mark, false); ok {
			return listItem{text: rest}, true
		}
	}
	// a number of one to three digits, "." or ")"
	i := 0
	for i < len(t) && i < 4 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 || i == len(t) || (t[i] != '.' && t[i] != ')') {
		return listItem{}, false
	}
	n, _ := strconv.Atoi(t[:i])
	if rest, ok := afterMark(t, t[:i+1], true); ok {
		return listItem{text: rest, ordered: true, number: n}, true
	}
	return listItem{}, false
}

// afterMark returns the text after a list mark that begins t: the mark
// alone, or the mark, a tab (or a space, when space is true) and the
// text.
func afterMark(t, mark string, space bool) (string, bool) {
	if len(t) < len(mark) || t[:len(mark)] != mark {
		return "", false
	}
	if t == mark {
		return "", space
	}
	if c := t[len(mark)]; c == '\t' || (space && c == ' ') {
		return trimSpaces(t[len(mark)+1:]), true
	}
	return "", false
}

func trimSpaces(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	return s[i:j]
}
