package instrument

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/msg"
)

// lineIndex maps key paths such as "area[2].question[3].max" to the line
// where the key is written. The TOML library reports lines only for syntax
// errors; for the other checks we find the line ourselves by following table
// headers in file order. The scanner knows just enough TOML to skip the
// contents of strings (also multi-line ones) and of arrays and inline tables
// spread over several lines, so that text inside a value is never taken for
// a key or a table header. It never fails: on a file that does not parse it
// still gives the key path written on a given line.
type lineIndex struct {
	lines  map[string]int // key path → first line
	atLine map[int]string // line → key path written (or table opened) there
	// orphan is the line of the first [[area.question]] that comes before
	// any [[area]], or 0.
	orphan int
	// refused is the first line nesting tables, keys, arrays or inline
	// tables more than maxNesting levels deep, or writing a key path longer
	// than maxKeyPath bytes; 0 if none. The TOML library needs time
	// quadratic in the nesting and memory quadratic in the key length
	// (minutes, or gigabytes, for a 1 MB file), while an instrument file
	// needs three short levels, so Parse refuses such files unread.
	refused int
	refusal string
}

const (
	maxNesting = 32
	maxKeyPath = 256
)

func indexLines(data []byte) lineIndex {
	idx := lineIndex{lines: map[string]int{}, atLine: map[int]string{}}
	counts := map[string]int{} // array-of-tables path (parents indexed) → count
	current := ""              // indexed path of the current table
	currentLen := 0            // length of the current table's key path
	currentDepth := 0          // number of parts in it
	var sc valueScanner
	refuse := func(lineNo, depth, length int) bool {
		switch {
		case depth > maxNesting || sc.tooDeep:
			idx.refusal = msg.Sprintf("nested more than %d levels deep; an instrument file needs at most 3", maxNesting)
		case length > maxKeyPath || sc.tooLong:
			idx.refusal = msg.Sprintf("key path longer than %d characters; instrument keys are short", maxKeyPath)
		default:
			return false
		}
		idx.refused = lineNo
		return true
	}
	record := func(path string, lineNo int) {
		if _, ok := idx.lines[path]; !ok {
			idx.lines[path] = lineNo
		}
		if _, ok := idx.atLine[lineNo]; !ok {
			idx.atLine[lineNo] = path
		}
	}
	// indexed turns the segments of a header or dotted key into a path,
	// indexing every segment that is an array of tables.
	indexed := func(base string, parts []string) string {
		key := base
		for _, p := range parts {
			if key != "" {
				key += "."
			}
			key += quoteKey(p)
			if n := counts[key]; n > 0 {
				key = fmt.Sprintf("%s[%d]", key, n)
			}
		}
		return key
	}
	for n, raw := range strings.Split(string(data), "\n") {
		lineNo := n + 1
		if sc.inside() {
			sc.scan(raw)
			if refuse(lineNo, 0, 0) {
				break
			}
			continue
		}
		line := strings.TrimSpace(raw)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[["):
			name, _, _ := strings.Cut(line[2:], "]]")
			parts := splitKey(name)
			currentLen, currentDepth = keyLength(0, parts), len(parts)
			if refuse(lineNo, currentDepth, currentLen) {
				break
			}
			parent := indexed("", parts[:len(parts)-1])
			if len(parts) == 2 && parts[0] == "area" && parts[1] == "question" && counts["area"] == 0 && idx.orphan == 0 {
				idx.orphan = lineNo
			}
			key := quoteKey(parts[len(parts)-1])
			if parent != "" {
				key = parent + "." + key
			}
			counts[key]++
			current = fmt.Sprintf("%s[%d]", key, counts[key])
			record(current, lineNo)
			record(key, lineNo)
		case strings.HasPrefix(line, "["):
			name, _, _ := strings.Cut(line[1:], "]")
			parts := splitKey(name)
			currentLen, currentDepth = keyLength(0, parts), len(parts)
			if refuse(lineNo, currentDepth, currentLen) {
				break
			}
			current = indexed("", parts)
			record(current, lineNo)
		default:
			k, rest, ok := cutKey(line)
			if !ok {
				continue
			}
			parts := splitKey(k)
			length := keyLength(currentLen, parts)
			sc.start(length)
			sc.scan(rest)
			if refuse(lineNo, currentDepth+len(parts), length) {
				break
			}
			full := joinKey(parts)
			if current != "" {
				full = current + "." + full
			}
			record(full, lineNo)
		}
		if idx.refused > 0 {
			break
		}
	}
	return idx
}

// keyLength is the length of a key path: a table's of length base, plus
// parts.
func keyLength(base int, parts []string) int {
	for _, p := range parts {
		if base > 0 {
			base++
		}
		base += len(p)
	}
	return base
}

// line returns the line of key, falling back to its closest parent.
func (idx lineIndex) line(key string) int {
	for key != "" {
		if l, ok := idx.lines[key]; ok {
			return l
		}
		i := strings.LastIndex(key, ".")
		if i < 0 {
			break
		}
		key = key[:i]
	}
	return 0
}

// cutKey splits "key = value" at the first '=' outside quotes.
func cutKey(line string) (key, value string, ok bool) {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return line[:i], line[i+1:], true
		case c == '#':
			return "", "", false
		}
	}
	return "", "", false
}

// splitKey splits a dotted key ("a.b", `"x.y".z`) into its unquoted parts.
func splitKey(k string) []string {
	var parts []string
	var b strings.Builder
	var quote byte
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' && i+1 < len(k) {
				i++
				b.WriteByte(k[i])
			} else if c == quote {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(b.String()))
			b.Reset()
		case c == ' ' || c == '\t':
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(b.String()))
}

// quoteKey writes one part of a key path as TOML would: bare when it can
// be, else quoted ("1.1" stays one part of compare[1].areas."1.1").
func quoteKey(k string) string {
	if k == "" || strings.ContainsFunc(k, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) {
		return strconv.Quote(k)
	}
	return k
}

func joinKey(parts []string) string {
	for i, p := range parts {
		parts[i] = quoteKey(p)
	}
	return strings.Join(parts, ".")
}

// valueScanner follows a TOML value across lines: multi-line strings, and
// arrays or inline tables left open at the end of a line. It also measures
// the nesting and the key paths inside inline tables, for lineIndex.refused.
type valueScanner struct {
	multi     string  // `"""` or `'''` while inside a multi-line string
	stack     []frame // open arrays and inline tables
	owner     int     // length of the key path the value being read belongs to
	expectKey bool    // in an inline table, before the '=' of a key
	keyLen    int     // length of that key so far
	tooDeep   bool    // more than maxNesting arrays and inline tables open
	tooLong   bool    // a key path in an inline table longer than maxKeyPath
}

type frame struct {
	kind  byte // '[' or '{'
	owner int  // length of the key path the array or table belongs to
}

func (s *valueScanner) inside() bool { return s.multi != "" || len(s.stack) > 0 }

// start begins the value of a key whose path is n bytes long.
func (s *valueScanner) start(n int) {
	*s = valueScanner{owner: n, stack: s.stack[:0]}
}

func (s *valueScanner) scan(text string) {
	for i := 0; i < len(text) && !s.tooDeep && !s.tooLong; i++ {
		if s.multi != "" {
			j := closing(text[i:], s.multi)
			if j < 0 {
				return
			}
			i += j + len(s.multi) - 1
			s.multi = ""
			continue
		}
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\r':
		case c == '#':
			return
		case strings.HasPrefix(text[i:], `"""`), strings.HasPrefix(text[i:], `'''`):
			s.multi = text[i : i+3]
			i += 2
		case c == '"' || c == '\'':
			j := closing(text[i+1:], string(c))
			if j < 0 {
				return // unterminated: the parser will say so
			}
			if s.expectKey {
				s.keyLen += j + 2
			}
			i += j + 1
		case c == '[' || c == '{':
			s.stack = append(s.stack, frame{kind: c, owner: s.owner})
			s.tooDeep = len(s.stack) > maxNesting
			s.expectKey, s.keyLen = c == '{', 0
		case c == ']' || c == '}':
			if n := len(s.stack); n > 0 {
				s.owner = s.stack[n-1].owner
				s.stack = s.stack[:n-1]
			}
			s.expectKey = false
		case c == ',':
			n := len(s.stack)
			s.expectKey, s.keyLen = n > 0 && s.stack[n-1].kind == '{', 0
		case c == '=' && s.expectKey:
			s.owner = s.stack[len(s.stack)-1].owner + 1 + s.keyLen
			s.tooLong = s.owner > maxKeyPath
			s.expectKey = false
		default:
			if s.expectKey {
				s.keyLen++
			}
		}
	}
}

// closing finds the closing delimiter in text, skipping backslash escapes
// in basic strings ("..." and """...""").
func closing(text, delim string) int {
	for i := 0; i < len(text); i++ {
		if delim[0] == '"' && text[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(text[i:], delim) {
			// a multi-line string may end with up to two extra quotes
			for len(delim) == 3 && strings.HasPrefix(text[i+1:], delim) {
				i++
			}
			return i
		}
	}
	return -1
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Key < ps[j].Key
	})
}
