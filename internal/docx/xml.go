package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"

	"github.com/kompass-dev/kompass/internal/msg"
)

// event is one step through a part: an element's start or end (by its
// local name: WordprocessingML's transitional and strict namespaces name
// the same elements alike), or text.
type event struct {
	start, end bool
	local      string
	attrs      []xml.Attr
	text       []byte // character data, valid until the next event
}

// attr is the value of the attribute with that local name ("" when none):
// w:val, r:id and the like.
func (e event) attr(local string) string {
	for _, a := range e.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// on reads an on/off property such as <w:b/>, <w:b w:val="0"/>: on unless
// its value says off.
func (e event) on() bool {
	switch e.attr("val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// walk calls fn for each element start, end and text of a part, checking
// that elements nest (encoding/xml does) no deeper than the limit.
func walk(part string, data []byte, lim Limits, fn func(event) error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return msg.Errorf("%w: the part %s is not well-formed XML (%v)", ErrMalformed, part, err)
		}
		var e event
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > lim.MaxDepth {
				return msg.Errorf("%w: the part %s nests elements more than %d deep", ErrTooLarge, part, lim.MaxDepth)
			}
			e = event{start: true, local: t.Name.Local, attrs: t.Attr}
		case xml.EndElement:
			depth--
			e = event{end: true, local: t.Name.Local}
		case xml.CharData:
			e = event{text: t}
		default:
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
}

func sortStrings(s []string) { slices.Sort(s) }
