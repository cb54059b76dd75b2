package browser

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// skiaPDF writes a PDF in the shape Chromium's Skia writes: numbered
// objects, a classic cross-reference table, the catalogue with /Pages and
// /Dests in the trailer's /Root. pages are the leaves of a two-level page
// tree; dests maps an id (as PDF name, escapes and all) to a page from 1.
func skiaPDF(pages int, dests map[string]int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, b.Len())
		n := len(offsets)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
		return n
	}
	// 1: info; 2…: pages; then the two /Pages nodes, the root /Pages, the
	// dests and the catalogue (written later, numbered now)
	obj("<</Producer (Skia/PDF m156)>>")
	first := len(offsets) + 1
	for i := 0; i < pages; i++ {
		obj(fmt.Sprintf("<</Type /Page\n/Parent %d 0 R\n/MediaBox [0 0 595.92 841.92]>>\nstream\nendobj looks like this inside a stream\nendstream", first+pages))
	}
	half := pages / 2
	kids := func(from, to int) string {
		var s []string
		for i := from; i < to; i++ {
			s = append(s, fmt.Sprintf("%d 0 R", first+i))
		}
		return strings.Join(s, " ")
	}
	a := obj(fmt.Sprintf("<</Type /Pages\n/Count %d\n/Kids [%s]>>", half, kids(0, half)))
	c := obj(fmt.Sprintf("<</Type /Pages\n/Count %d\n/Kids [%s]>>", pages-half, kids(half, pages)))
	root := obj(fmt.Sprintf("<</Type /Pages\n/Count %d\n/Kids [%d 0 R %d 0 R]>>", pages, a, c))
	var d []string
	for _, name := range slices.Sorted(maps.Keys(dests)) {
		d = append(d, fmt.Sprintf("/%s [%d 0 R /XYZ 0 841.91998 0]", name, first+dests[name]-1))
	}
	catalogue := fmt.Sprintf("<</Type /Catalog\n/Pages %d 0 R", root)
	if dests != nil {
		dn := obj("<<" + strings.Join(d, "\n") + ">>")
		catalogue += fmt.Sprintf("\n/Dests %d 0 R", dn)
	}
	cat := obj(catalogue + ">>")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root %d 0 R\n/Info 1 0 R>>\nstartxref\n%d\n%%%%EOF", len(offsets)+1, cat, xref)
	return b.Bytes()
}

// TestPageOfIDs reads the pages of named destinations from a PDF in
// Chromium's shape: pages counted through a nested page tree, names with
// #xx escapes decoded, no /Dests read as none; a damaged PDF is an error,
// never a guess or a panic.
func TestPageOfIDs(t *testing.T) {
	pdf := skiaPDF(7, map[string]int{"sammanfattning": 3, "omrade-1": 4, "omrade#2D2": 5, "metod": 7, "om-kommunkompassen": 2})
	got, err := pageOfIDs(pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"sammanfattning": 3, "omrade-1": 4, "omrade-2": 5, "metod": 7, "om-kommunkompassen": 2}
	if !maps.Equal(got, want) {
		t.Errorf("pageOfIDs = %v, want %v", got, want)
	}

	none, err := pageOfIDs(skiaPDF(2, nil))
	if err != nil || len(none) != 0 {
		t.Errorf("a PDF without /Dests: %v, %v; want none", none, err)
	}

	for _, c := range []struct {
		name string
		pdf  []byte
	}{
		{"empty", nil},
		{"no startxref", bytes.TrimSuffix(pdf, []byte("%%EOF"))},
		{"startxref outside", bytes.Replace(pdf, []byte("startxref\n"), []byte("startxref\n9"), 1)},
		{"not a PDF", []byte("<html>startxref\n0\n%%EOF")},
		{"object moved", bytes.Replace(pdf, []byte("\n3 0 obj\n"), []byte("\n3 0 obk\n"), 1)},
	} {
		if got, err := pageOfIDs(c.pdf); err == nil {
			t.Errorf("%s: %v, no error", c.name, got)
		}
	}
	// cut anywhere: an error or a result, never a panic
	for i := 0; i < len(pdf); i += 7 {
		pageOfIDs(pdf[:i])
		pageOfIDs(append(bytes.Clone(pdf[:i]), pdf[min(len(pdf), i+13):]...))
	}
}
