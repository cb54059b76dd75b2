package report_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// node is an element or a text of a page, as parseHTML reads it: a small
// view of golang.org/x/net/html's tree that the tests walk.
type node struct {
	Tag      string
	Attr     map[string]string
	Children []*node
	Parent   *node
	Text     string // for text nodes (Tag == "")
	Raw      string // the raw text of <script> and <style>, which have no children here
}

// parseHTML reads a page as a browser does (golang.org/x/net/html, the
// HTML5 parsing algorithm). The raw text of <script> and <style> goes to
// their node.Raw, so that it never counts as the page's text.
func parseHTML(t testing.TB, page []byte) *node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	return convert(doc, nil)
}

func convert(h *html.Node, parent *node) *node {
	n := &node{Parent: parent, Attr: map[string]string{}}
	switch h.Type {
	case html.TextNode:
		n.Text = h.Data
		return n
	case html.DocumentNode:
		n.Tag = "#document"
	case html.ElementNode:
		n.Tag = h.Data
		for _, a := range h.Attr {
			name := a.Key
			if a.Namespace != "" {
				name = a.Namespace + ":" + name
			}
			n.Attr[name] = a.Val
		}
	default: // comments, the doctype
		return nil
	}
	raw := n.Tag == "script" || n.Tag == "style"
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if raw {
			if c.Type == html.TextNode {
				n.Raw += c.Data
			}
			continue
		}
		if cn := convert(c, n); cn != nil {
			n.Children = append(n.Children, cn)
		}
	}
	return n
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

// text is the text content, as textContent gives it, without that of
// scripts and styles.
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
