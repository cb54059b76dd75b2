package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/msg"
)

// A token is what the readers of this package need from XML: start and
// end elements by local name with their attributes, and character data
// with entities decoded.
type token struct {
	kind  tokenKind
	name  string // local name, for start and end
	attrs []attr // for start; valid until the next call
	text  []byte // for chars; valid until the next call
}

type tokenKind byte

const (
	tokStart tokenKind = iota + 1
	tokEnd
	tokChars
)

type attr struct {
	space bool // the name had a prefix (r:id)
	name  string
	value string
}

// scanner is a small XML tokenizer for the parts of a workbook: elements,
// attributes, character data, CDATA, the five predefined entities and
// character references. Comments and processing instructions are skipped; a
// DOCTYPE is refused (workbooks have none, and it is where entity tricks
// live). It is several times faster than encoding/xml because it works on
// the bytes in place; scan_test.go checks it against encoding/xml.
type scanner struct {
	b       []byte
	i       int
	pending *token // the end of a self-closing element
	buf     []byte
	attrs   []attr            // reused for each start element
	names   map[string]string // interned names and short attribute values
}

func newScanner(b []byte) *scanner { return &scanner{b: b, names: map[string]string{}} }

var errSyntax = msg.New("XML syntax error")

// fail is a syntax error at the scanner's line, with a detail in the
// language messages are shown in.
func (s *scanner) fail(detail string) error {
	line := 1 + bytes.Count(s.b[:min(s.i, len(s.b))], []byte("\n"))
	return msg.Errorf("%w on line %d: %s", errSyntax, line, detail)
}

func (s *scanner) next() (token, error) {
	if s.pending != nil {
		t := *s.pending
		s.pending = nil
		return t, nil
	}
	for {
		if s.i >= len(s.b) {
			return token{}, io.EOF
		}
		if s.b[s.i] != '<' {
			return s.chars()
		}
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				return token{}, s.fail(msg.T("unterminated processing instruction"))
			}
			s.i += end + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return token{}, s.fail(msg.T("unterminated comment"))
			}
			s.i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest[9:], []byte("]]>"))
			if end < 0 {
				return token{}, s.fail(msg.T("unterminated CDATA section"))
			}
			raw := rest[9 : 9+end]
			s.i += 9 + end + 3
			text, err := s.decode(raw, false)
			if err != nil {
				return token{}, err
			}
			return token{kind: tokChars, text: text}, nil
		case bytes.HasPrefix(rest, []byte("<!")):
			return token{}, s.fail(msg.T("DOCTYPE and other declarations are not allowed"))
		case bytes.HasPrefix(rest, []byte("</")):
			s.i += 2
			name, err := s.name()
			if err != nil {
				return token{}, err
			}
			s.space()
			if s.i >= len(s.b) || s.b[s.i] != '>' {
				return token{}, s.fail(msg.Sprintf("expected > after </%s", name))
			}
			s.i++
			return token{kind: tokEnd, name: name}, nil
		default:
			return s.start()
		}
	}
}

func isNameByte(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

// name reads a qualified name and returns its local part.
func (s *scanner) name() (string, error) {
	n, _, err := s.qname()
	return n, err
}

func (s *scanner) qname() (local string, prefixed bool, err error) {
	start := s.i
	for s.i < len(s.b) && isNameByte(s.b[s.i]) {
		s.i++
	}
	raw := s.b[start:s.i]
	if len(raw) == 0 || raw[0] == '-' || raw[0] == '.' || (raw[0] >= '0' && raw[0] <= '9') {
		return "", false, s.fail(msg.T("expected a name"))
	}
	if !utf8.Valid(raw) {
		return "", false, s.fail(msg.T("invalid UTF-8 in a name"))
	}
	// As encoding/xml: a colon splits off a prefix unless it is the first
	// or the last byte, in which case the whole name is the local name.
	if c := bytes.IndexByte(raw, ':'); c >= 1 && c <= len(raw)-2 {
		raw, prefixed = raw[c+1:], true
	}
	if n, ok := s.names[string(raw)]; ok {
		return n, prefixed, nil
	}
	n := string(raw)
	s.names[n] = n
	return n, prefixed, nil
}

// intern returns short values ("s", "3", "A1") from a table, so that the
// many repeated attribute values of a sheet are not each allocated.
func (s *scanner) intern(v []byte) string {
	if len(v) > 8 {
		return string(v)
	}
	if n, ok := s.names[string(v)]; ok {
		return n
	}
	n := string(v)
	s.names[n] = n
	return n
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) start() (token, error) {
	s.i++ // '<'
	name, err := s.name()
	if err != nil {
		return token{}, err
	}
	t := token{kind: tokStart, name: name, attrs: s.attrs[:0]}
	defer func() { s.attrs = t.attrs }()
	for {
		s.space()
		if s.i >= len(s.b) {
			return token{}, s.fail(msg.Sprintf("unterminated element <%s", name))
		}
		switch s.b[s.i] {
		case '>':
			s.i++
			return t, nil
		case '/':
			if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
				return token{}, s.fail(msg.Sprintf("expected /> in <%s", name))
			}
			s.i += 2
			s.pending = &token{kind: tokEnd, name: name}
			return t, nil
		}
		// Like encoding/xml, attributes need no white space between them.
		an, prefixed, err := s.qname()
		if err != nil {
			return token{}, err
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return token{}, s.fail(msg.Sprintf("attribute %s of <%s> has no value", an, name))
		}
		s.i++
		s.space()
		if s.i >= len(s.b) || (s.b[s.i] != '"' && s.b[s.i] != '\'') {
			return token{}, s.fail(msg.Sprintf("unquoted attribute value in <%s>", name))
		}
		q := s.b[s.i]
		s.i++
		end := bytes.IndexByte(s.b[s.i:], q)
		if end < 0 {
			return token{}, s.fail(msg.Sprintf("unterminated attribute value in <%s>", name))
		}
		raw := s.b[s.i : s.i+end]
		s.i += end + 1
		if bytes.IndexByte(raw, '<') >= 0 {
			return token{}, s.fail(msg.Sprintf("< in an attribute value of <%s>", name))
		}
		v, err := s.decode(raw, true)
		if err != nil {
			return token{}, err
		}
		t.attrs = append(t.attrs, attr{space: prefixed, name: an, value: s.intern(v)})
	}
}

func (s *scanner) chars() (token, error) {
	end := bytes.IndexByte(s.b[s.i:], '<')
	if end < 0 {
		end = len(s.b) - s.i
	}
	raw := s.b[s.i : s.i+end]
	s.i += end
	v, err := s.decode(raw, true)
	if err != nil {
		return token{}, err
	}
	return token{kind: tokChars, text: v}, nil
}

// decode turns \r\n and a lone \r into \n and, when entities is true,
// resolves entities and character references, as encoding/xml does (in
// CDATA sections entities is false).
func (s *scanner) decode(raw []byte, entities bool) ([]byte, error) {
	if (!entities || bytes.IndexByte(raw, '&') < 0) && bytes.IndexByte(raw, '\r') < 0 {
		if !utf8.Valid(raw) {
			return nil, s.fail(msg.T("invalid UTF-8"))
		}
		return raw, nil
	}
	out := s.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
		case c == '&' && entities:
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return nil, s.fail(msg.T("unterminated entity"))
			}
			ent := raw[i+1 : i+semi]
			i += semi
			switch string(ent) {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				if len(ent) < 2 || ent[0] != '#' {
					return nil, s.fail(msg.Sprintf("unknown entity &%s;", ent))
				}
				var n uint64
				var err error
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(string(ent[2:]), 16, 64)
				} else {
					n, err = strconv.ParseUint(string(ent[1:]), 10, 64)
				}
				if err != nil || n > unicode.MaxRune {
					return nil, s.fail(msg.Sprintf("invalid character reference &%s;", ent))
				}
				// As encoding/xml: a surrogate becomes U+FFFD, and the result
				// must be an XML character.
				r := rune(n)
				if r >= 0xD800 && r <= 0xDFFF {
					r = utf8.RuneError
				}
				if !isXMLChar(r) {
					return nil, s.fail(msg.Sprintf("invalid character reference &%s;", ent))
				}
				out = utf8.AppendRune(out, r)
			}
		default:
			out = append(out, c)
		}
	}
	s.buf = out
	if !utf8.Valid(out) {
		return nil, s.fail(msg.T("invalid UTF-8"))
	}
	return out, nil
}

// isXMLChar is the Char production of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
