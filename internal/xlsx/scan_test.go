package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// tokensOf collects every token up to EOF or the first error.
func tokensOf(tz tokenizer) ([]token, error) {
	var out []token
	for {
		t, err := tz.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		t.text = append([]byte(nil), t.text...)
		t.attrs = append([]attr(nil), t.attrs...)
		if t.kind == tokChars && len(t.text) == 0 {
			continue
		}
		out = append(out, t)
	}
}

// merge joins adjacent character data, since the two tokenizers may split
// text at different places (CDATA sections).
func merge(ts []token) []token {
	var out []token
	for _, t := range ts {
		if t.kind == tokChars && len(out) > 0 && out[len(out)-1].kind == tokChars {
			out[len(out)-1].text = append(out[len(out)-1].text, t.text...)
			continue
		}
		out = append(out, t)
	}
	return out
}

func checkSame(t *testing.T, input string) {
	t.Helper()
	want, werr := tokensOf(newStdTokenizer(strings.NewReader(input)))
	got, gerr := tokensOf(newScanner([]byte(input)))
	if werr != nil {
		return // invalid for encoding/xml: the scanner may refuse it or not, but must not panic
	}
	if gerr != nil {
		t.Fatalf("encoding/xml reads %q, the scanner fails: %v", input, gerr)
	}
	if w, g := merge(want), merge(got); !reflect.DeepEqual(w, g) {
		t.Fatalf("tokens differ for %q\nencoding/xml: %+v\nscanner:      %+v", input, w, g)
	}
}

func TestScannerMatchesEncodingXML(t *testing.T) {
	for _, in := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a x="1" r:id='2'>t &amp; &lt;&gt; &#65;&#x42; &quot;&apos;</a>`,
		"<a>\r\nline\rnext</a>",
		`<a b = "c"  d="e&#10;f"/><g/>`,
		`<!-- comment --><a><![CDATA[<raw> & text]]></a>`,
		`<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		`<a>Poäng ≥ 7,5 – ok</a>`,
	} {
		checkSame(t, in)
	}
}

func TestScannerRefuses(t *testing.T) {
	for _, in := range []string{
		`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
		`<a>&unknown;</a>`,
		`<a>&#0;</a>`,
		`<a b=c>`,
		`<a`,
		`<a b="1`,
		"<a>\xff</a>",
		`<!-- never ends`,
	} {
		if _, err := tokensOf(newScanner([]byte(in))); !errors.Is(err, errSyntax) {
			t.Errorf("%q: err = %v, want a syntax error", in, err)
		}
	}
}

// FuzzScanner checks the scanner against encoding/xml: on any input that
// encoding/xml reads, the scanner yields the same tokens.
func FuzzScanner(f *testing.F) {
	sheet, sst := realParts(f, "../../evaluations/umea-2007.xlsx")
	f.Add(sheet)
	f.Add(sst)
	f.Add(wbXML)
	f.Add(relsXML)
	f.Add("<a>\r\n&#x1F600;<![CDATA[x]]></a><!-- c --><?pi x?>")
	f.Fuzz(func(t *testing.T, in string) {
		checkSame(t, in)
	})
}

func BenchmarkTokenizers(b *testing.B) {
	sheet, _ := realParts(b, "../../evaluations/umea-2007.xlsx")
	data := []byte(sheet)
	b.Run("scanner", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, err := tokensOf(newScanner(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/xml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if _, err := tokensOf(newStdTokenizer(bytes.NewReader(data))); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// tokenizer yields tokens until io.EOF: the scanner, or encoding/xml
// (stdTokenizer) that the tests compare it with.
type tokenizer interface {
	next() (token, error)
}

// stdTokenizer is the tokenizer interface over encoding/xml, the
// reference that the tests compare the scanner with.
type stdTokenizer struct{ d *xml.Decoder }

func newStdTokenizer(r io.Reader) *stdTokenizer { return &stdTokenizer{xml.NewDecoder(r)} }

func (t *stdTokenizer) next() (token, error) {
	for {
		tok, err := t.d.RawToken()
		if err != nil {
			return token{}, err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			out := token{kind: tokStart, name: x.Name.Local}
			for _, a := range x.Attr {
				out.attrs = append(out.attrs, attr{space: a.Name.Space != "", name: a.Name.Local, value: a.Value})
			}
			return out, nil
		case xml.EndElement:
			return token{kind: tokEnd, name: x.Name.Local}, nil
		case xml.CharData:
			return token{kind: tokChars, text: x}, nil
		case xml.Directive:
			return token{}, fmt.Errorf("%w: DOCTYPE and other declarations are not allowed", errSyntax)
		}
	}
}
