package instrument

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
)

// MaxFileSize is the largest instrument file kompass reads.
const MaxFileSize = 1 << 20

// LoadError lists every problem found in one instrument file.
type LoadError struct {
	File     string
	Problems []Problem
}

// Problem is one thing wrong in an instrument file.
type Problem struct {
	Line    int    // 1-based; 0 when unknown
	Key     string // key path, e.g. area[7].question[1].max (1-based indices)
	Message string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		if p.Key != "" {
			fmt.Fprintf(&b, ": %s", p.Key)
		}
		b.WriteString(": ")
		b.WriteString(p.Message)
	}
	return b.String()
}

// tooLarge is the problem of a text above MaxFileSize given to Parse.
func tooLarge(file string, size int64) *LoadError {
	return &LoadError{File: file, Problems: []Problem{{Message: msg.Sprintf("file is %d bytes; an instrument file may be at most %d", size, MaxFileSize)}}}
}

// LoadFile reads and checks one instrument file: a regular file of at most
// MaxFileSize bytes (internal/inputfile), so that a FIFO or a link to
// /dev/zero in the instruments folder is refused, not waited for.
func LoadFile(path string) (*Instrument, error) {
	data, err := inputfile.Read(path, inputfile.Instrument, MaxFileSize)
	var fe *inputfile.Error
	if errors.As(err, &fe) {
		return nil, &LoadError{File: path, Problems: []Problem{{Message: fe.Reason}}}
	}
	if err != nil {
		return nil, err
	}
	in, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	in.Origin = path
	return in, nil
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// the keys each table of an instrument file may have
var (
	topKeys      = []string{"id", "version", "name", "language", "step", "description", "source", "publisher", "area", "compare"}
	areaKeys     = []string{"id", "name", "max", "question"}
	questionKeys = []string{"id", "text", "max"}
	compareKeys  = []string{"id", "version", "caveat", "areas"}
)

// Parse checks the TOML text of an instrument; name is used in messages.
// The text is decoded loosely (every value as whatever TOML type it has) and
// then checked key by key, so that every problem in the file is reported,
// not just the first, each with the line and 1-based key path it concerns.
func Parse(name string, data []byte) (*Instrument, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	le := &LoadError{File: name}
	lines := indexLines(data)
	if lines.refused > 0 {
		le.Problems = append(le.Problems, Problem{Line: lines.refused, Message: lines.refusal})
		return nil, le
	}
	orphan := Problem{Line: lines.orphan, Key: "area.question", Message: msg.T("[[area.question]] comes before any [[area]]; a delfråga must follow the [[area]] (huvudområde) it belongs to")}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		p := Problem{Message: strings.TrimPrefix(err.Error(), "toml: ")}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line = pe.Position.Line
			p.Message = lowerFirst(strings.TrimSuffix(pe.Message, "."))
			p.Key = lines.atLine[p.Line]
		}
		if lines.orphan > 0 && (p.Line == 0 || p.Line >= lines.orphan) {
			// the library's own message ("Key 'area' was already
			// created and cannot be used as an array") hides the cause
			p = orphan
		}
		le.Problems = append(le.Problems, p)
		return nil, le
	}
	// add reports a problem at key; message is translated (msg).
	add := func(key, message string) {
		le.Problems = append(le.Problems, Problem{Line: lines.line(key), Key: key, Message: message})
	}
	join := func(path, k string) string {
		if path == "" {
			return quoteKey(k)
		}
		return path + "." + quoteKey(k)
	}
	unknown := func(path string, m map[string]any, allowed []string) {
		for _, k := range sortedKeys(m) {
			if !slices.Contains(allowed, k) {
				add(join(path, k), msg.Sprintf("unknown key %q; expected one of %s", k, strings.Join(allowed, ", ")))
			}
		}
	}
	// str reads a text value; ok is false when it is missing, empty or
	// wrong (and then, if required or wrong, a problem has been added).
	str := func(m map[string]any, path, k string, required bool, check func(string) string) (string, bool) {
		key := join(path, k)
		v, present := m[k]
		if !present {
			if required {
				add(key, msg.T("missing; expected a text value"))
			}
			return "", false
		}
		s, isText := v.(string)
		if !isText {
			add(key, msg.Sprintf("is %s; expected a text value", describe(v)))
			return "", false
		}
		s = strings.TrimSpace(s)
		if s == "" {
			if required {
				add(key, msg.T("is empty; expected a text value"))
			}
			return "", false
		}
		if check != nil {
			if problem := check(s); problem != "" {
				add(key, problem)
				return "", false
			}
		}
		return s, true
	}
	idCheck := func(s string) string {
		if !idRE.MatchString(s) || strings.Contains(s, "@") {
			return msg.Sprintf("%q is not a valid id; use letters, digits, '.', '-' and '_'", s)
		}
		return ""
	}
	// num reads a required number above 0 with at most three decimals.
	num := func(m map[string]any, path, k string) (points.P, bool) {
		key := join(path, k)
		v, present := m[k]
		var f float64
		switch v := v.(type) {
		case int64:
			f = float64(v)
		case float64:
			f = v
		default:
			if !present {
				add(key, msg.T("missing; expected a number"))
			} else {
				add(key, msg.Sprintf("is %s; expected a number", describe(v)))
			}
			return 0, false
		}
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > points.Max.Float() {
			add(key, msg.Sprintf("is %v; expected a number above 0 and at most %s", f, points.Max.Swedish()))
			return 0, false
		}
		p, ok := points.FromFloat(f)
		if !ok {
			add(key, msg.Sprintf("%v is not a number with at most three decimals", f))
			return 0, false
		}
		if p <= 0 {
			add(key, msg.Sprintf("is %s; expected a number above 0", p.Swedish()))
			return 0, false
		}
		return p, true
	}
	// tables reads an array of tables ([[k]]); absent gives none. ok is
	// false when the value is something else (and a problem was added).
	tables := func(m map[string]any, path, k string) (list []map[string]any, ok bool) {
		key := join(path, k)
		switch v := m[k].(type) {
		case nil:
			return nil, true
		case []map[string]any:
			return v, true
		case []any:
			for _, e := range v {
				t, isTable := e.(map[string]any)
				if !isTable {
					add(key, msg.Sprintf("is an array holding %s; expected [[%s]] tables", describe(e), stripIndices(key)))
					return nil, false
				}
				list = append(list, t)
			}
			return list, true
		case map[string]any:
			add(key, msg.Sprintf("is a single table; write [[%s]] (an array of tables) for each entry", stripIndices(key)))
			return nil, false
		default:
			add(key, msg.Sprintf("is %s; expected [[%s]] tables", describe(v), stripIndices(key)))
			return nil, false
		}
	}

	unknown("", raw, topKeys)
	in := &Instrument{Origin: name}
	in.ID, _ = str(raw, "", "id", true, idCheck)
	in.Version, _ = str(raw, "", "version", true, idCheck)
	in.Name, _ = str(raw, "", "name", true, nil)
	in.Language, _ = str(raw, "", "language", true, nil)
	in.Description, _ = str(raw, "", "description", false, nil)
	in.Source, _ = str(raw, "", "source", false, nil)
	in.Publisher, _ = str(raw, "", "publisher", false, nil)

	step, stepOK := num(raw, "", "step")
	in.Step = step
	checkMax := func(key string, max points.P) {
		if stepOK && !max.MultipleOf(step) {
			add(key, msg.Sprintf("%s is not a multiple of the step %s", max.Swedish(), step.Swedish()))
		}
	}

	var areas []map[string]any
	if t, ok := raw["area"].(map[string]any); ok && lines.orphan > 0 && t["question"] != nil {
		// only [[area.question]] tables and no [[area]] at all
		le.Problems = append(le.Problems, orphan)
	} else if areas, ok = tables(raw, "", "area"); ok && len(areas) == 0 {
		add("area", msg.T("no [[area]] tables; an instrument needs at least one huvudområde"))
	}
	seen := map[string]string{}  // area and delfråga id → key path
	areaIDs := map[string]bool{} // area ids
	for i, ra := range areas {
		ak := fmt.Sprintf("area[%d]", i+1)
		unknown(ak, ra, areaKeys)
		var a Area
		a.ID, _ = str(ra, ak, "id", true, idCheck)
		a.Name, _ = str(ra, ak, "name", true, nil)
		if a.ID != "" {
			if prev, dup := seen[a.ID]; dup {
				add(ak+".id", msg.Sprintf("duplicate id %q (already used by %s)", a.ID, prev))
			} else if strings.EqualFold(a.ID, "TOTAL") {
				add(ak+".id", msg.Sprintf("%q is reserved for the total row", a.ID))
			}
			seen[a.ID] = ak
			areaIDs[a.ID] = true
		}
		max, maxOK := num(ra, ak, "max")
		a.Max = max
		if maxOK {
			checkMax(ak+".max", max)
		}
		questions, _ := tables(ra, ak, "question")
		var sum points.P
		sumOK := true
		for j, rq := range questions {
			qk := fmt.Sprintf("%s.question[%d]", ak, j+1)
			unknown(qk, rq, questionKeys)
			var q Question
			q.ID, _ = str(rq, qk, "id", true, idCheck)
			q.Text, _ = str(rq, qk, "text", true, nil)
			if q.ID != "" {
				if prev, dup := seen[q.ID]; dup {
					add(qk+".id", msg.Sprintf("duplicate id %q (already used by %s)", q.ID, prev))
				}
				seen[q.ID] = qk
				if a.ID != "" && (!strings.HasPrefix(q.ID, a.ID+".") || len(q.ID) == len(a.ID)+1) {
					add(qk+".id", msg.Sprintf("delfråga id %q does not belong to area %q; expected an id starting with %q", q.ID, a.ID, a.ID+"."))
				}
			}
			qmax, ok := num(rq, qk, "max")
			q.Max = qmax
			if ok {
				checkMax(qk+".max", qmax)
			} else {
				sumOK = false
			}
			sum += qmax
			a.Questions = append(a.Questions, q)
		}
		if len(questions) > 0 && maxOK && sumOK && sum != max {
			add(ak+".max", msg.Sprintf("area %q has max %s but its delfrågor's maxpoäng add up to %s", a.ID, max.Swedish(), sum.Swedish()))
		}
		in.Areas = append(in.Areas, a)
	}

	comparisons, _ := tables(raw, "", "compare")
	for i, rc := range comparisons {
		ck := fmt.Sprintf("compare[%d]", i+1)
		unknown(ck, rc, compareKeys)
		c := Comparison{Areas: map[string]string{}}
		c.ID, _ = str(rc, ck, "id", false, idCheck)
		if c.ID == "" {
			c.ID = in.ID
		}
		c.Version, _ = str(rc, ck, "version", true, idCheck)
		c.Caveat, _ = str(rc, ck, "caveat", true, nil)
		m, isTable := rc["areas"].(map[string]any)
		switch {
		case rc["areas"] == nil || (isTable && len(m) == 0):
			add(ck+".areas", msg.T("missing; expected a table mapping this version's area ids to the other version's"))
		case !isTable:
			add(ck+".areas", msg.Sprintf("is %s; expected a table mapping this version's area ids to the other version's", describe(rc["areas"])))
		}
		for _, from := range sortedKeys(m) {
			if !areaIDs[from] {
				add(ck+".areas."+quoteKey(from), msg.Sprintf("area %q is not an area of this instrument", from))
			}
			if to, ok := str(m, ck+".areas", from, true, idCheck); ok {
				c.Areas[from] = to
			}
		}
		in.Comparable = append(in.Comparable, c)
	}

	if len(le.Problems) > 0 {
		sortProblems(le.Problems)
		return nil, le
	}
	return in, nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// describe names a decoded TOML value for messages.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return msg.Sprintf("the text %q", v)
	case int64:
		return msg.Sprintf("the integer %d", v)
	case float64:
		return msg.Sprintf("the number %v", v)
	case bool:
		return msg.Sprintf("the boolean %v", v)
	case map[string]any:
		return msg.T("a table")
	case []map[string]any:
		return msg.T("an array of tables")
	case []any:
		return msg.T("an array")
	default:
		return msg.T("a date or time")
	}
}

// lowerFirst makes a library message start like ours ("Key 'x' has…" →
// "key 'x' has…").
func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// stripIndices removes the [n] indices from a key path.
func stripIndices(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
