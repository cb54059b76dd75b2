package browser

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Chromium writes a PDF (through Skia) with a classic cross-reference
// table and, in its catalogue, /Dests: a named destination for every
// element that a link of the page points to, named by the element's id,
// with the page it lies on. That is where a printed page learns on which
// page its sections start: pageOfIDs reads it. The reader knows only this
// shape; any other PDF is an error, never a guess.

var (
	startXRef = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefHead  = regexp.MustCompile(`^xref\s+(\d+)\s+(\d+)\s+`)
	xrefEntry = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])\s*`)
	objRef    = regexp.MustCompile(`(\d+) 0 R`)
	catalogue = regexp.MustCompile(`/Root (\d+) 0 R`)
	destEntry = regexp.MustCompile(`/([^\s/\[<>()]+)\s*\[\s*(\d+) 0 R`)
)

// maxObjects bounds the cross-reference table read (a 40-page report has
// about 3,000 objects).
const maxObjects = 1 << 20

// pdfObjects is a PDF's objects by number, read through its cross-reference
// table.
type pdfObjects struct {
	pdf    []byte
	offset map[int]int
}

func readObjects(pdf []byte) (*pdfObjects, error) {
	m := startXRef.FindSubmatch(pdf[max(0, len(pdf)-64):])
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end of the PDF")
	}
	at, err := strconv.Atoi(string(m[1]))
	if err != nil || at >= len(pdf) {
		return nil, fmt.Errorf("startxref %s is outside the PDF", m[1])
	}
	rest := pdf[at:]
	h := xrefHead.FindSubmatch(rest)
	if h == nil {
		return nil, fmt.Errorf("no cross-reference table at %d", at)
	}
	first, _ := strconv.Atoi(string(h[1]))
	count, _ := strconv.Atoi(string(h[2]))
	if count > maxObjects {
		return nil, fmt.Errorf("%d objects in the cross-reference table", count)
	}
	rest = rest[len(h[0]):]
	o := &pdfObjects{pdf: pdf, offset: map[int]int{}}
	for i := 0; i < count; i++ {
		e := xrefEntry.FindSubmatch(rest)
		if e == nil {
			return nil, fmt.Errorf("cross-reference entry %d does not read", first+i)
		}
		if string(e[3]) == "n" {
			off, _ := strconv.Atoi(string(e[1]))
			o.offset[first+i] = off
		}
		rest = rest[len(e[0]):]
	}
	return o, nil
}

// dict is the dictionary of object n (up to its end, or to its stream).
func (o *pdfObjects) dict(n int) (string, error) {
	off, ok := o.offset[n]
	if !ok || off >= len(o.pdf) {
		return "", fmt.Errorf("object %d is not in the PDF", n)
	}
	head := strconv.Itoa(n) + " 0 obj"
	body := o.pdf[off:]
	if !bytes.HasPrefix(body, []byte(head)) {
		return "", fmt.Errorf("object %d is not where the cross-reference table says", n)
	}
	body = body[len(head):]
	end := len(body)
	for _, stop := range []string{"endobj", "stream"} {
		if i := bytes.Index(body, []byte(stop)); i >= 0 && i < end {
			end = i
		}
	}
	return string(body[:end]), nil
}

// ref is the object number that key refers to in a dictionary, or 0.
func ref(dict, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + `\s+(\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pages lists the page objects in order, walking the page tree from node.
func (o *pdfObjects) pages(node int, depth int, out *[]int) error {
	if depth > 32 {
		return fmt.Errorf("the page tree is deeper than 32")
	}
	d, err := o.dict(node)
	if err != nil {
		return err
	}
	if !strings.Contains(d, "/Kids") {
		*out = append(*out, node)
		return nil
	}
	kids := d[strings.Index(d, "/Kids"):]
	open, close := strings.IndexByte(kids, '['), strings.IndexByte(kids, ']')
	if open < 0 || close < open {
		return fmt.Errorf("object %d: /Kids is not an array", node)
	}
	for _, m := range objRef.FindAllStringSubmatch(kids[open:close], -1) {
		n, _ := strconv.Atoi(m[1])
		if err := o.pages(n, depth+1, out); err != nil {
			return err
		}
	}
	return nil
}

// pageOfIDs reads a PDF printed by Chromium and returns, for each element
// id that a link of the page points to, the number of the page (from 1)
// it lies on.
func pageOfIDs(pdf []byte) (map[string]int, error) {
	o, err := readObjects(pdf)
	if err != nil {
		return nil, err
	}
	trailer := pdf[max(0, len(pdf)-1024):]
	m := catalogue.FindSubmatch(trailer)
	if m == nil {
		return nil, fmt.Errorf("no /Root in the trailer")
	}
	root, _ := strconv.Atoi(string(m[1]))
	cat, err := o.dict(root)
	if err != nil {
		return nil, err
	}
	var order []int
	if err := o.pages(ref(cat, "/Pages"), 0, &order); err != nil {
		return nil, err
	}
	number := map[int]int{}
	for i, p := range order {
		number[p] = i + 1
	}
	out := map[string]int{}
	dn := ref(cat, "/Dests")
	if dn == 0 {
		return out, nil // no link points into the page
	}
	dests, err := o.dict(dn)
	if err != nil {
		return nil, err
	}
	for _, m := range destEntry.FindAllStringSubmatch(dests, -1) {
		page, _ := strconv.Atoi(m[2])
		if n, ok := number[page]; ok {
			out[pdfName(m[1])] = n
		}
	}
	return out, nil
}

// pdfName decodes the #xx escapes of a PDF name.
func pdfName(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
