package evaluation

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// A kommun's identity is its name as written, Unicode-normalised (NFC) with
// white space collapsed: "Umeå" typed with a combining ring is Umeå, and Håbo
// and Habo are two kommuner. Three forms derive from it, all from the one
// letter table below:
//
//   - NameKey, the identity: case does not tell kommuner apart;
//   - FoldName, a convenience for typing --kommun: å, ä, ö fold to a, a, o,
//     so "umea" finds Umeå (where a folded name fits more than one kommun,
//     the caller lists them);
//   - Slug, the file name: the name in lower case with its letters as
//     written (umeå-2007.html), so that Håbo and Habo get different files
//     and a name in another script stays readable; no letter is folded.

// folds maps a lower-case letter with a mark to what it matches when
// typed without it.
var folds = map[rune]string{
	'å': "a", 'ä': "a", 'ö': "o", 'à': "a", 'á': "a", 'â': "a", 'ã': "a",
	'æ': "ae", 'ø': "o", 'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ü': "u", 'ú': "u", 'ù': "u", 'û': "u",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ç': "c", 'š': "s", 'ž': "z",
	'č': "c", 'đ': "d", 'ŋ': "n", 'ŧ': "t",
}

// NormName is a name as written, NFC-normalised, with invisible and
// control characters dropped (a zero-width space, a byte order mark, a
// soft hyphen), runs of white space made one space and the ends trimmed.
// A name with nothing to see — only such characters, blank fillers or
// marks without a letter — is empty. Workbooks are read through it, so it
// is the form every name is printed in.
func NormName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsGraphic(r) {
			return r
		}
		return -1
	}, norm.NFC.String(s))
	if !strings.ContainsFunc(s, visible) {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

// visible reports whether r shows as something: not white space, not a
// mark (which shows only on a letter), not a blank filler (the Hangul
// fillers, the blank Braille pattern), which are letters and symbols
// that show nothing.
func visible(r rune) bool {
	switch r {
	case '\u115f', '\u1160', '\u3164', '\uffa0', '\u2800':
		return false
	}
	return unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.In(r, unicode.Mn, unicode.Me)
}

// NameKey is the identity of a kommun: NormName in lower case.
func NameKey(s string) string {
	return strings.ToLower(NormName(s))
}

// FoldName folds a name for matching what people type: case and white
// space are ignored and letters with marks match their base letter (å, ä →
// a, ö → o), so that "Umea" finds "Umeå". Names are still printed as
// written.
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range NameKey(s) {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
		} else if unicode.IsPrint(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MaxSlug is the longest slug in bytes, so that a name of any length gives
// a file name the file system accepts (with room for "-2007.html").
const MaxSlug = 80

// Slug is a name as part of a file name: lower case, its letters and digits
// as written, every other run of characters one '-' ("Åre Östra" →
// "åre-östra"). Names that differ by a letter give different slugs (Håbo
// "håbo", Habo "habo"); a name too long for a file name is cut and ends in
// a short hash of the whole name, so that it stays unique. A name with no
// letter or digit at all is "kommun".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range NameKey(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		out = "kommun"
	}
	if len(out) > MaxSlug {
		sum := sha256.Sum256([]byte(NormName(s)))
		cut := MaxSlug - 9
		for cut > 0 && !utf8Start(out[cut]) {
			cut--
		}
		out = strings.TrimSuffix(out[:cut], "-") + "-" + hex.EncodeToString(sum[:4])
	}
	return out
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
