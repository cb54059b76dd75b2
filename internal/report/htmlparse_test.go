package report_test

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/testkit"
)

// node is an element or a text of a page, as parseHTML reads it.
type node struct {
	Tag      string
	Attr     map[string]string
	Children []*node
	Parent   *node
	Text     string // for text nodes (Tag == "")
	Raw      string // the raw text of <script> and <style>
}

// parseHTML reads a page into a tree with testkit.HTMLDecoder; the raw text
// of <script> and <style> goes to their node.Raw.
func parseHTML(t testing.TB, page []byte) *node {
	t.Helper()
	d, raws := testkit.HTMLDecoder(page)
	root := &node{Tag: "#document", Attr: map[string]string{}}
	cur := root
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{Tag: strings.ToLower(tok.Name.Local), Attr: map[string]string{}, Parent: cur}
			for _, a := range tok.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				n.Attr[strings.ToLower(name)] = a.Value
			}
			if i, ok := n.Attr["data-raw-index"]; ok {
				k, err := strconv.Atoi(i)
				if err != nil || k >= len(raws) {
					t.Fatalf("the page has its own data-raw-index attribute")
				}
				n.Raw = raws[k]
				delete(n.Attr, "data-raw-index")
			}
			cur.Children = append(cur.Children, n)
			cur = n
		case xml.EndElement:
			if strings.ToLower(tok.Name.Local) != cur.Tag {
				t.Fatalf("the page closes <%s> with </%s>", cur.Tag, tok.Name.Local)
			}
			cur = cur.Parent
		case xml.CharData:
			cur.Children = append(cur.Children, &node{Text: string(tok), Parent: cur})
		}
	}
	if cur != root {
		t.Fatalf("the page leaves <%s> open", cur.Tag)
	}
	return root
}

// walk calls f for every element in document order.
func (n *node) walk(f func(*node)) {
	for _, c := range n.Children {
		if c.Tag == "" {
			continue
		}
		f(c)
		c.walk(f)
	}
}

// all returns the elements with the tag (or every element for "*").
func (n *node) all(tag string) []*node {
	var out []*node
	n.walk(func(c *node) {
		if tag == "*" || c.Tag == tag {
			out = append(out, c)
		}
	})
	return out
}

func (n *node) first(tag string) *node {
	if all := n.all(tag); len(all) > 0 {
		return all[0]
	}
	return nil
}

// byID returns the element with the id, or nil.
func (n *node) byID(id string) *node {
	var found *node
	n.walk(func(c *node) {
		if found == nil && c.Attr["id"] == id {
			found = c
		}
	})
	return found
}

// text is the text content, as textContent gives it.
func (n *node) text() string {
	if n.Tag == "" {
		return n.Text
	}
	var b strings.Builder
	for _, c := range n.Children {
		b.WriteString(c.text())
	}
	return b.String()
}

func (n *node) classes() []string { return strings.Fields(n.Attr["class"]) }

func (n *node) hasClass(c string) bool {
	for _, x := range n.classes() {
		if x == c {
			return true
		}
	}
	return false
}
