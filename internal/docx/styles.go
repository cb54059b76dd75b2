package docx

import (
	"regexp"
	"strconv"
	"strings"
)

// style is what kompass takes from a paragraph or character style.
type style struct {
	id, name, basedOn string
	outline           int // outline level + 1 from w:outlineLvl (1–9); 0 when not given, -1 for body text
	numID, ilvl       string
	hasNum            bool
	bold, italic      *bool // nil when the style does not say
}

// styles are a document's styles by id, and the run defaults.
type styles struct {
	byID               map[string]*style
	defBold, defItalic bool
}

// headingName matches the built-in heading styles by name or id, as Word
// and LibreOffice write them in English and Swedish: "heading 1",
// "Heading1", "Rubrik 1", "Rubrik1".
var headingName = regexp.MustCompile(`^(?i:heading|rubrik|überschrift|otsikko|overskrift)\s*([1-9])$`)

// titleNames are the document title's style, by name or id: Word writes the
// built-in name "Title" (shown as "Rubrik" in Swedish Word, whose id is
// then "Rubrik"); LibreOffice "Title" or "Titel".
var titleNames = map[string]bool{"title": true, "titel": true, "subtitle": true, "undertitel": true}

func readStyles(part string, data []byte, lim Limits) (*styles, error) {
	st := &styles{byID: map[string]*style{}}
	var cur *style
	inDefaults, inRPr, inPPr := false, false, false
	err := walk(part, data, lim, func(e event) error {
		switch {
		case e.start:
			switch e.local {
			case "rPrDefault":
				inDefaults = true
			case "style":
				cur = &style{id: e.attr("styleId")}
			case "name":
				if cur != nil {
					cur.name = e.attr("val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = e.attr("val")
				}
			case "pPr":
				inPPr = true
			case "rPr":
				inRPr = true
			case "outlineLvl":
				if cur != nil && inPPr {
					cur.outline = outlineLevel(e.attr("val"))
				}
			case "numId":
				if cur != nil && inPPr {
					cur.numID, cur.hasNum = e.attr("val"), true
				}
			case "ilvl":
				if cur != nil && inPPr {
					cur.ilvl = e.attr("val")
				}
			case "b", "i":
				if !inRPr {
					break
				}
				v := e.on()
				switch {
				case inDefaults && e.local == "b":
					st.defBold = v
				case inDefaults:
					st.defItalic = v
				case cur != nil && e.local == "b":
					cur.bold = &v
				case cur != nil:
					cur.italic = &v
				}
			}
		case e.end:
			switch e.local {
			case "rPrDefault":
				inDefaults = false
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			case "style":
				if cur != nil && cur.id != "" {
					if _, dup := st.byID[cur.id]; !dup {
						st.byID[cur.id] = cur
					}
				}
				cur = nil
			}
		}
		return nil
	})
	return st, err
}

// outlineLevel reads w:outlineLvl: 0–8 are heading levels 1–9, 9 is body
// text (-1).
func outlineLevel(v string) int {
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return 0
	case n >= 0 && n <= 8:
		return n + 1
	}
	return -1
}

// maxChain bounds a walk up basedOn, which a document may make circular.
const maxChain = 32

// chain is the style with its ancestors, nearest first.
func (st *styles) chain(id string) []*style {
	var out []*style
	for i := 0; id != "" && i < maxChain; i++ {
		s, ok := st.byID[id]
		if !ok {
			break
		}
		out = append(out, s)
		id = s.basedOn
	}
	return out
}

// heading is a paragraph style's heading level (1–9), 0 when it is none,
// and whether it is the document's title.
func (st *styles) heading(id string) (level int, title bool) {
	for _, s := range st.chain(id) {
		switch {
		case s.outline > 0:
			return s.outline, false
		case s.outline < 0:
			return 0, false
		}
		for _, n := range []string{s.name, s.id} {
			if m := headingName.FindStringSubmatch(strings.TrimSpace(n)); m != nil {
				return int(m[1][0] - '0'), false
			}
			if titleNames[strings.ToLower(strings.TrimSpace(n))] {
				return 1, true
			}
		}
	}
	// A style the document does not define, named as the built-in ones.
	if m := headingName.FindStringSubmatch(id); m != nil && len(st.chain(id)) == 0 {
		return int(m[1][0] - '0'), false
	}
	return 0, false
}

// numbering is the list numbering a paragraph style gives.
func (st *styles) numbering(id string) (numID, ilvl string, ok bool) {
	for _, s := range st.chain(id) {
		if s.hasNum {
			for _, t := range st.chain(id) {
				if t.ilvl != "" {
					return s.numID, t.ilvl, true
				}
			}
			return s.numID, "0", true
		}
	}
	return "", "", false
}

// emphasis is the bold and italic a style gives, nearest style first; set
// says which of them a style in the chain gave at all.
func (st *styles) emphasis(id string) (bold, italic, boldSet, italicSet bool) {
	for _, s := range st.chain(id) {
		if s.bold != nil && !boldSet {
			bold, boldSet = *s.bold, true
		}
		if s.italic != nil && !italicSet {
			italic, italicSet = *s.italic, true
		}
	}
	return
}

// names is the name the document gives a style, for messages.
func (st *styles) names(id string) string {
	if s, ok := st.byID[id]; ok && s.name != "" {
		return s.name
	}
	return id
}

// numbering.xml: which list a paragraph belongs to and how it counts.

type level struct {
	format, text string // w:numFmt ("bullet", "decimal" …) and w:lvlText ("%1.")
	start        int
}

type abstractNum struct {
	levels [9]*level
}

type num struct {
	abstract  string
	overrides [9]*level // w:lvlOverride/w:lvl
	starts    [9]int    // w:lvlOverride/w:startOverride + 1; 0 when none
}

type numbering struct {
	nums     map[string]*num
	abstract map[string]*abstractNum
}

func readNumbering(part string, data []byte, lim Limits) (*numbering, error) {
	nb := &numbering{nums: map[string]*num{}, abstract: map[string]*abstractNum{}}
	var (
		curAbs   *abstractNum
		curNum   *num
		curLevel *level
		overIlvl = -1
	)
	err := walk(part, data, lim, func(e event) error {
		switch {
		case e.start:
			switch e.local {
			case "abstractNum":
				curAbs = &abstractNum{}
				if id := e.attr("abstractNumId"); id != "" {
					if _, dup := nb.abstract[id]; !dup {
						nb.abstract[id] = curAbs
					}
				}
			case "num":
				curNum = &num{}
				if id := e.attr("numId"); id != "" {
					if _, dup := nb.nums[id]; !dup {
						nb.nums[id] = curNum
					}
				}
			case "abstractNumId":
				if curNum != nil {
					curNum.abstract = e.attr("val")
				}
			case "lvlOverride":
				overIlvl = ilvlIndex(e.attr("ilvl"))
			case "startOverride":
				if curNum != nil && overIlvl >= 0 {
					if n, err := strconv.Atoi(e.attr("val")); err == nil && n >= 0 && n < 1<<20 {
						curNum.starts[overIlvl] = n + 1
					}
				}
			case "lvl":
				i := ilvlIndex(e.attr("ilvl"))
				if i < 0 {
					break
				}
				curLevel = &level{start: 1}
				switch {
				case curNum != nil && overIlvl >= 0:
					curNum.overrides[overIlvl] = curLevel
				case curAbs != nil && curNum == nil:
					curAbs.levels[i] = curLevel
				}
			case "numFmt":
				if curLevel != nil {
					curLevel.format = e.attr("val")
				}
			case "lvlText":
				if curLevel != nil {
					curLevel.text = e.attr("val")
				}
			case "start":
				if curLevel != nil {
					if n, err := strconv.Atoi(e.attr("val")); err == nil && n >= 0 && n < 1<<20 {
						curLevel.start = n
					}
				}
			}
		case e.end:
			switch e.local {
			case "abstractNum":
				curAbs = nil
			case "num":
				curNum = nil
			case "lvlOverride":
				overIlvl = -1
			case "lvl":
				curLevel = nil
			}
		}
		return nil
	})
	return nb, err
}

// ilvlIndex reads a list level 0–8; -1 for anything else.
func ilvlIndex(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > 8 {
		return -1
	}
	return n
}

// level is the definition of one level of a list, and the number it
// starts at; nil when the document does not define it.
func (nb *numbering) level(numID string, ilvl int) (*level, int) {
	n, ok := nb.nums[numID]
	if !ok {
		return nil, 1
	}
	lv := n.overrides[ilvl]
	if lv == nil {
		if a, ok := nb.abstract[n.abstract]; ok {
			lv = a.levels[ilvl]
		}
	}
	start := 1
	if lv != nil {
		start = lv.start
	}
	if n.starts[ilvl] > 0 {
		start = n.starts[ilvl] - 1
	}
	return lv, start
}

// counter counts the items of the document's lists as Word numbers them:
// per list and level, a shallower item restarting the deeper levels.
type counter struct {
	counts map[string]*[9]int // by numId; 0 = not started
}

// next counts one item of list numID at level ilvl and returns the
// numbers of its levels 0…ilvl.
func (c *counter) next(nb *numbering, numID string, ilvl int) []int {
	if c.counts == nil {
		c.counts = map[string]*[9]int{}
	}
	cs, ok := c.counts[numID]
	if !ok {
		cs = &[9]int{}
		c.counts[numID] = cs
	}
	for l := 0; l <= ilvl; l++ {
		if cs[l] == 0 {
			_, start := nb.level(numID, l)
			cs[l] = start - 1
			if l < ilvl {
				cs[l] = max(start, 1)
			}
		}
	}
	cs[ilvl]++
	for l := ilvl + 1; l < len(cs); l++ {
		cs[l] = 0
	}
	return append([]int(nil), cs[:ilvl+1]...)
}

// label is the text Word shows before a numbered paragraph: the level's
// lvlText with %1…%9 replaced by the numbers of those levels ("5.", "2.1").
func (nb *numbering) label(numID string, nums []int) string {
	lv, _ := nb.level(numID, len(nums)-1)
	if lv == nil || lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	text := lv.text
	if text == "" {
		text = "%" + strconv.Itoa(len(nums))
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			l := int(text[i+1] - '1')
			if l < len(nums) {
				f, _ := nb.level(numID, l)
				format := ""
				if f != nil {
					format = f.format
				}
				b.WriteString(formatNumber(nums[l], format))
			}
			i++
			continue
		}
		b.WriteByte(text[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNumber writes n in a numbering format: letters, roman numerals,
// or decimal for every other.
func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if n < 1 {
			return strconv.Itoa(n)
		}
		// Word repeats the letter past z: aa, bb …
		s := strings.Repeat(string(rune('a'+(n-1)%26)), min((n-1)/26+1, 8))
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		if n < 1 || n > 3999 {
			return strconv.Itoa(n)
		}
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// ordered reports whether a list level numbers its items (any format but
// bullet and none).
func (nb *numbering) ordered(numID string, ilvl int) bool {
	lv, _ := nb.level(numID, ilvl)
	return lv != nil && lv.format != "bullet" && lv.format != "none"
}

// isList reports whether the paragraph's numbering shows a mark at all.
func (nb *numbering) isList(numID string, ilvl int) bool {
	if numID == "" || numID == "0" {
		return false
	}
	if _, ok := nb.nums[numID]; !ok {
		return false
	}
	lv, _ := nb.level(numID, ilvl)
	return lv == nil || lv.format != "none"
}
