package instrument

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/points"
)

// head is a valid top level taking lines 1–5, so that the body of every
// case below starts on line 6.
func head(step string) string {
	return "id = \"kk\"\nversion = \"1\"\nname = \"Test\"\nlanguage = \"sv\"\nstep = " + step + "\n"
}

// area1 is a valid [[area]] on lines 6–9 when it follows head.
const area1 = "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\n"

type wantProblem struct {
	line int
	key  string
	msg  string // substring of the message
}

func TestParseValid(t *testing.T) {
	src := head("0.5") + `description = """
Several lines, one of them looks like a table header:
[[area]]
[1] and one like a footnote, and one like a key:
max = 3
"""
source = 'Umeå 2007'

[[area]]
id = "1"
name = "Offentlighet"
max = 60

  [[area.question]]
  id = "1.1"
  text = "Hur informeras medborgarna?"
  max = 40

  [[area.question]]
  id = "1.2"
  text = "Hur främjas engagemanget?"
  max = 20

[[area]]
id = "2"
name = "Tillgänglighet"
max = 7.5

[[compare]]
version = "0"
caveat = "Frågorna ändrades."
areas = { "1" = "1", "2" = "3" }

[[compare]]
id = "other"
version = "2"
caveat = "Annat instrument."
[compare.areas]
"1" = "A"
`
	in, err := Parse("ok.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if in.Ref() != "kk@1" || in.Name != "Test" || in.Language != "sv" || in.Step != 500 {
		t.Errorf("top level = %q %q %q %v", in.Ref(), in.Name, in.Language, in.Step)
	}
	if !strings.HasPrefix(in.Description, "Several lines") || in.Source != "Umeå 2007" || in.Origin != "ok.toml" {
		t.Errorf("description %q, source %q, origin %q", in.Description, in.Source, in.Origin)
	}
	if len(in.Areas) != 2 || in.Max() != points.FromInt(60)+7500 || !in.HasQuestions() {
		t.Fatalf("areas = %+v", in.Areas)
	}
	a, q, ok := in.Question("1.2")
	if !ok || a.ID != "1" || q.Max != points.FromInt(20) || q.Text != "Hur främjas engagemanget?" {
		t.Errorf("Question(1.2) = %+v %+v %v", a, q, ok)
	}
	if a, ok := in.Area("2"); !ok || a.Name != "Tillgänglighet" || a.Max != 7500 || len(a.Questions) != 0 {
		t.Errorf("Area(2) = %+v %v", a, ok)
	}
	want := []Comparison{
		{ID: "kk", Version: "0", Caveat: "Frågorna ändrades.", Areas: map[string]string{"1": "1", "2": "3"}},
		{ID: "other", Version: "2", Caveat: "Annat instrument.", Areas: map[string]string{"1": "A"}},
	}
	if fmt.Sprint(in.Comparable) != fmt.Sprint(want) {
		t.Errorf("Comparable = %+v, want %+v", in.Comparable, want)
	}
	checkInvariants(t, in)
}

func TestParseProblems(t *testing.T) {
	h := head("1")
	cases := []struct {
		name string
		src  string
		want []wantProblem
	}{
		// syntax errors: the TOML library stops at the first one
		{"syntax: value missing", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = \n",
			[]wantProblem{{9, "area[1].max", "expected value but found '\\n' instead"}}},
		{"syntax: unterminated string", "id = \"kk\nversion = \"1\"\n",
			[]wantProblem{{1, "id", "strings cannot contain newlines"}}},
		{"syntax: bare word", h + area1 + "garbage\n",
			[]wantProblem{{10, "", "expected '.' or '='"}}},
		{"syntax: key defined twice", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\nmax = 20\n",
			[]wantProblem{{10, "area[1].max", "key 'area.max' has already been defined"}}},
		{"syntax: top-level key twice", h + "id = \"again\"\n" + area1,
			[]wantProblem{{6, "id", "key 'id' has already been defined"}}},
		{"syntax: plain table twice", h + "[instrument]\na = 1\n[instrument]\nb = 2\n" + area1,
			[]wantProblem{{8, "instrument", "key 'instrument' has already been defined"}}},
		{"delfråga before any area, area follows", h + "[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n" + area1,
			[]wantProblem{{6, "area.question", "[[area.question]] comes before any [[area]]; a delfråga must follow the [[area]]"}}},
		{"delfråga and no area at all", h + "\n[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{7, "area.question", "[[area.question]] comes before any [[area]]"}}},

		// wrong types
		{"max is text", h + area1 + "[[area]]\nid = \"2\"\nname = \"B\"\nmax = 10\n\n  [[area.question]]\n  id = \"2.1\"\n  text = \"Q\"\n  max = \"forty\"\n",
			[]wantProblem{{18, "area[2].question[1].max", `is the text "forty"; expected a number`}}},
		{"id is a number", h + "[[area]]\nid = 3\nname = \"A\"\nmax = 10\n",
			[]wantProblem{{7, "area[1].id", "is the integer 3; expected a text value"}}},
		{"name is a boolean", "id = \"kk\"\nversion = \"1\"\nname = true\nlanguage = \"sv\"\nstep = 1\n" + area1,
			[]wantProblem{{3, "name", "is the boolean true; expected a text value"}}},
		{"version is a number", "id = \"kk\"\nversion = 2007\nname = \"N\"\nlanguage = \"sv\"\nstep = 1\n" + area1,
			[]wantProblem{{2, "version", "is the integer 2007; expected a text value"}}},
		{"step is text", head(`"0,5"`) + area1,
			[]wantProblem{{5, "step", `is the text "0,5"; expected a number`}}},
		{"area is a number", h + "area = 3\n",
			[]wantProblem{{6, "area", "is the integer 3; expected [[area]] tables"}}},
		{"area is a plain table", h + "[area]\nid = \"1\"\nname = \"A\"\nmax = 10\n",
			[]wantProblem{{6, "area", "is a single table; write [[area]] (an array of tables)"}}},
		{"question is a plain table", h + area1 + "[area.question]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{10, "area[1].question", "is a single table; write [[area.question]]"}}},
		{"question is a number", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\nquestion = 5\n",
			[]wantProblem{{10, "area[1].question", "is the integer 5; expected [[area.question]] tables"}}},

		// unknown keys
		{"unknown top-level key", h + "colour = \"blå\"\n" + area1,
			[]wantProblem{{6, "colour", `unknown key "colour"; expected one of id, version, name, language, step, description, source, publisher, area, compare`}}},
		{"unknown key in area", h + area1 + "[[area]]\nid = \"2\"\nname = \"B\"\nmax = 10\nweight = 2\n",
			[]wantProblem{{14, "area[2].weight", `unknown key "weight"; expected one of id, name, max, question`}}},
		{"unknown key in both areas", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\nweight = 1\n[[area]]\nid = \"2\"\nname = \"B\"\nmax = 10\nweight = 2\n",
			[]wantProblem{{10, "area[1].weight", `unknown key "weight"`}, {15, "area[2].weight", `unknown key "weight"`}}},
		{"unknown key in question", h + area1 + "[[area]]\nid = \"2\"\nname = \"B\"\nmax = 10\n[[area.question]]\nid = \"2.1\"\ntext = \"Q\"\nmax = 10\npoints = 3\n",
			[]wantProblem{{18, "area[2].question[1].points", `unknown key "points"; expected one of id, text, max`}}},
		{"unknown quoted key", h + "\"my key\" = 1\n" + area1,
			[]wantProblem{{6, `"my key"`, `unknown key "my key"`}}},
		{"unknown key in compare", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = { \"1\" = \"1\" }\nnote = \"x\"\n",
			[]wantProblem{{14, "compare[1].note", `unknown key "note"; expected one of id, version, caveat, areas`}}},

		// ids
		{"duplicate area id", h + area1 + "[[area]]\nid = \"1\"\nname = \"B\"\nmax = 10\n",
			[]wantProblem{{11, "area[2].id", `duplicate id "1" (already used by area[1])`}}},
		{"duplicate delfråga id", h + area1 + "[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 5\n[[area.question]]\nid = \"1.1\"\ntext = \"R\"\nmax = 5\n",
			[]wantProblem{{15, "area[1].question[2].id", `duplicate id "1.1" (already used by area[1].question[1])`}}},
		{"delfråga id of another area", h + area1 + "[[area.question]]\nid = \"2.1\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{11, "area[1].question[1].id", `delfråga id "2.1" does not belong to area "1"; expected an id starting with "1."`}}},
		{"delfråga id is area id plus a dot", h + area1 + "[[area.question]]\nid = \"1.\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{11, "area[1].question[1].id", `delfråga id "1." does not belong to area "1"`}}},
		{"delfråga id of area 1 under area 10", h + "[[area]]\nid = \"10\"\nname = \"A\"\nmax = 10\n[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{11, "area[1].question[1].id", `delfråga id "1.1" does not belong to area "10"`}}},
		{"area id TOTAL", h + "[[area]]\nid = \"TOTAL\"\nname = \"A\"\nmax = 10\n",
			[]wantProblem{{7, "area[1].id", `"TOTAL" is reserved for the total row`}}},
		{"area id total in lower case", h + "[[area]]\nid = \"total\"\nname = \"A\"\nmax = 10\n",
			[]wantProblem{{7, "area[1].id", `"total" is reserved`}}},
		{"area id with a space", h + "[[area]]\nid = \"a b\"\nname = \"A\"\nmax = 10\n",
			[]wantProblem{{7, "area[1].id", `"a b" is not a valid id; use letters, digits, '.', '-' and '_'`}}},
		{"instrument id with @", "id = \"x@y\"\nversion = \"1\"\nname = \"N\"\nlanguage = \"sv\"\nstep = 1\n" + area1,
			[]wantProblem{{1, "id", `"x@y" is not a valid id`}}},
		{"version with a slash", "id = \"kk\"\nversion = \"2003/2009\"\nname = \"N\"\nlanguage = \"sv\"\nstep = 1\n" + area1,
			[]wantProblem{{2, "version", `"2003/2009" is not a valid id`}}},
		{"delfråga id starting with a dot", h + area1 + "[[area.question]]\nid = \".1\"\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{11, "area[1].question[1].id", `".1" is not a valid id`}}},

		// maxpoäng and step
		{"area max 0", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 0\n",
			[]wantProblem{{9, "area[1].max", "is 0; expected a number above 0"}}},
		{"area max negative", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = -10\n",
			[]wantProblem{{9, "area[1].max", "is -10; expected a number above 0"}}},
		{"area max missing", h + "[[area]]\nid = \"1\"\nname = \"A\"\n",
			[]wantProblem{{6, "area[1].max", "missing; expected a number"}}},
		{"question max 0", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\n[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 0\n",
			[]wantProblem{{13, "area[1].question[1].max", "is 0; expected a number above 0"}}},
		{"question max negative", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\n[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = -2.5\n",
			[]wantProblem{{13, "area[1].question[1].max", "is -2,5; expected a number above 0"}}},
		{"area max is not the sum", h + area1 + "[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 4\n[[area.question]]\nid = \"1.2\"\ntext = \"R\"\nmax = 5\n",
			[]wantProblem{{9, "area[1].max", `area "1" has max 10 but its delfrågor's maxpoäng add up to 9`}}},
		{"area max not a multiple of step", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 7.5\n",
			[]wantProblem{{9, "area[1].max", "7,5 is not a multiple of the step 1"}}},
		{"question max not a multiple of step", head("0.5") + area1 + "[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 9.75\n[[area.question]]\nid = \"1.2\"\ntext = \"R\"\nmax = 0.25\n",
			[]wantProblem{{13, "area[1].question[1].max", "9,75 is not a multiple of the step 0,5"}, {17, "area[1].question[2].max", "0,25 is not a multiple of the step 0,5"}}},
		{"max with four decimals", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 1.0005\n",
			[]wantProblem{{9, "area[1].max", "1.0005 is not a number with at most three decimals"}}},
		{"max out of range", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 1e300\n",
			[]wantProblem{{9, "area[1].max", "is 1e+300; expected a number above 0 and at most 1000000"}}},
		{"max is nan", h + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = nan\n",
			[]wantProblem{{9, "area[1].max", "is NaN; expected a number above 0 and at most 1000000"}}},
		{"step 0", head("0") + area1,
			[]wantProblem{{5, "step", "is 0; expected a number above 0"}}},
		{"step negative", head("-0.5") + area1,
			[]wantProblem{{5, "step", "is -0,5; expected a number above 0"}}},
		{"step missing", "id = \"kk\"\nversion = \"1\"\nname = \"N\"\nlanguage = \"sv\"\n" + area1,
			[]wantProblem{{0, "step", "missing; expected a number"}}},

		// missing and empty values
		{"id, version, name and language missing", "step = 1\n" + area1,
			[]wantProblem{{0, "id", "missing; expected a text value"}, {0, "language", "missing"}, {0, "name", "missing"}, {0, "version", "missing"}}},
		{"empty name", "id = \"kk\"\nversion = \"1\"\nname = \"\"\nlanguage = \"sv\"\nstep = 1\n" + area1,
			[]wantProblem{{3, "name", "is empty; expected a text value"}}},
		{"blank language", "id = \"kk\"\nversion = \"1\"\nname = \"N\"\nlanguage = \"  \"\nstep = 1\n" + area1,
			[]wantProblem{{4, "language", "is empty; expected a text value"}}},
		{"empty area id and name", h + "[[area]]\nid = \"\"\nname = \"\"\nmax = 10\n",
			[]wantProblem{{7, "area[1].id", "is empty"}, {8, "area[1].name", "is empty"}}},
		{"empty delfråga text", h + area1 + "[[area.question]]\nid = \"1.1\"\ntext = \"\"\nmax = 10\n",
			[]wantProblem{{12, "area[1].question[1].text", "is empty; expected a text value"}}},
		{"question id missing", h + area1 + "[[area.question]]\ntext = \"Q\"\nmax = 10\n",
			[]wantProblem{{10, "area[1].question[1].id", "missing; expected a text value"}}},
		{"no areas", h,
			[]wantProblem{{0, "area", "no [[area]] tables; an instrument needs at least one huvudområde"}}},
		{"empty area array", h + "area = []\n",
			[]wantProblem{{6, "area", "no [[area]] tables"}}},

		// compare
		{"compare without version, caveat and areas", h + area1 + "\n[[compare]]\n",
			[]wantProblem{{11, "compare[1].areas", "missing; expected a table mapping this version's area ids to the other version's"}, {11, "compare[1].caveat", "missing; expected a text value"}, {11, "compare[1].version", "missing; expected a text value"}}},
		{"compare maps an unknown area", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\n[compare.areas]\n\"1\" = \"1\"\n\"9\" = \"1\"\n",
			[]wantProblem{{15, "compare[1].areas.9", `area "9" is not an area of this instrument`}}},
		{"compare maps a delfråga", h + area1 + "[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = { \"1.1\" = \"1\" }\n",
			[]wantProblem{{17, `compare[1].areas."1.1"`, `area "1.1" is not an area of this instrument`}}},
		{"compare maps a quoted id", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\n[compare.areas]\n\"1\" = \"1\"\n\"1.1\" = \"1\"\n",
			[]wantProblem{{15, `compare[1].areas."1.1"`, `area "1.1" is not an area of this instrument`}}},
		{"compare maps to nothing", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\n[compare.areas]\n\"1\" = \"\"\n",
			[]wantProblem{{14, "compare[1].areas.1", "is empty; expected a text value"}}},
		{"compare areas empty", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = {}\n",
			[]wantProblem{{13, "compare[1].areas", "missing; expected a table"}}},
		{"compare areas is text", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = \"1=1\"\n",
			[]wantProblem{{13, "compare[1].areas", `is the text "1=1"; expected a table`}}},
		{"compare is a plain table", h + area1 + "[compare]\nversion = \"0\"\n",
			[]wantProblem{{10, "compare", "is a single table; write [[compare]]"}}},
		{"second compare broken", h + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = { \"1\" = \"1\" }\n[[compare]]\nversion = \"x y\"\ncaveat = \"C\"\nareas = { \"1\" = \"1\" }\n",
			[]wantProblem{{15, "compare[2].version", `"x y" is not a valid id`}}},

		{"CRLF line endings", strings.ReplaceAll(h+area1+"[[area]]\nid = \"2\"\nname = \"B\"\nmax = -1\n", "\n", "\r\n"),
			[]wantProblem{{13, "area[2].max", "is -1; expected a number above 0"}}},

		// line numbers survive values spread over several lines
		{"multi-line string before the problem", h + "source = \"\"\"\n[[area]]\n[1] SKL\nmax = 0\n\"\"\"\n" + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 0\n",
			[]wantProblem{{14, "area[1].max", "is 0"}}},
		{"multi-line array before the problem", h + "tags = [\n  [1, 2],\n  \"]\",\n]\n" + "[[area]]\nid = \"1\"\nname = \"A\"\nmax = 0\n",
			[]wantProblem{{6, "tags", `unknown key "tags"`}, {13, "area[1].max", "is 0"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := Parse("f.toml", []byte(c.src))
			if err == nil {
				t.Fatalf("parsed without error: %+v", in)
			}
			if in != nil {
				t.Errorf("got an instrument with the error")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, not *LoadError: %v", err, err)
			}
			if le.File != "f.toml" {
				t.Errorf("File = %q", le.File)
			}
			if len(le.Problems) != len(c.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(le.Problems), len(c.want), err)
			}
			for i, w := range c.want {
				p := le.Problems[i]
				if p.Line != w.line || p.Key != w.key || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d = %d %q %q\nwant      %d %q containing %q", i+1, p.Line, p.Key, p.Message, w.line, w.key, w.msg)
				}
				if p.Message == "" || strings.ToLower(p.Message[:1]) != p.Message[:1] {
					t.Errorf("problem %d message %q should start in lower case", i+1, p.Message)
				}
			}
			// the rendered error carries file, line and key
			w := c.want[0]
			prefix := "f.toml"
			if w.line > 0 {
				prefix += fmt.Sprintf(":%d", w.line)
			}
			if w.key != "" {
				prefix += ": " + w.key
			}
			if !strings.HasPrefix(err.Error(), prefix+": ") {
				t.Errorf("Error() = %q, want prefix %q", err.Error(), prefix+": ")
			}
		})
	}
}

// TestParseReportsEveryProblem checks that problems are not cut short at the
// first one and come out sorted by line (unknown lines, 0, first).
func TestParseReportsEveryProblem(t *testing.T) {
	src := `id = "kk"
version = "1"
language = ""
step = 1
colour = "röd"

[[area]]
id = "1"
name = "A"
max = 10

  [[area.question]]
  id = "2.1"
  text = "Q"
  max = 4

[[area]]
id = "1"
name = "B"
max = "tio"
extra = true

  [[area.question]]
  id = "2.1"
  text = "R"
  max = 0

[[area]]
id = "TOTAL"
name = "C"
max = 7.5

[[compare]]
version = "0"
areas = { "9" = "1" }
`
	want := []wantProblem{
		{0, "name", "missing"},
		{3, "language", "is empty"},
		{5, "colour", "unknown key"},
		{10, "area[1].max", "add up to 4"},
		{13, "area[1].question[1].id", `"2.1" does not belong to area "1"`},
		{18, "area[2].id", `duplicate id "1"`},
		{20, "area[2].max", `is the text "tio"`},
		{21, "area[2].extra", "unknown key"},
		{24, "area[2].question[1].id", `duplicate id "2.1"`},
		{24, "area[2].question[1].id", "does not belong"},
		{26, "area[2].question[1].max", "is 0"},
		{29, "area[3].id", "reserved"},
		{31, "area[3].max", "not a multiple of the step 1"},
		{33, "compare[1].caveat", "missing"},
		{35, "compare[1].areas.9", `area "9" is not an area`},
	}
	_, err := Parse("many.toml", []byte(src))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	if len(le.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(le.Problems), len(want), err)
	}
	for i, w := range want {
		p := le.Problems[i]
		if p.Line != w.line || p.Key != w.key || !strings.Contains(p.Message, w.msg) {
			t.Errorf("problem %d = %d %q %q; want %d %q containing %q", i+1, p.Line, p.Key, p.Message, w.line, w.key, w.msg)
		}
	}
	if n := strings.Count(err.Error(), "\n"); n != len(want)-1 {
		t.Errorf("Error() has %d lines, want one per problem:\n%v", n+1, err)
	}
	// the same file gives the same message every time (no map order)
	for range 20 {
		if _, again := Parse("many.toml", []byte(src)); again.Error() != err.Error() {
			t.Fatalf("messages differ between runs:\n%v\n---\n%v", err, again)
		}
	}
}

func TestParseCompareProblemsDeterministic(t *testing.T) {
	src := head("1") + area1 + "[[compare]]\nversion = \"0\"\ncaveat = \"C\"\nareas = { \"x\" = \"1\", \"y\" = \"1\", \"z\" = \"1\", \"w\" = \"\" }\n"
	_, first := Parse("f.toml", []byte(src))
	if first == nil || strings.Count(first.Error(), "\n") != 4 {
		t.Fatalf("err = %v", first)
	}
	for range 50 {
		if _, err := Parse("f.toml", []byte(src)); err.Error() != first.Error() {
			t.Fatalf("messages differ between runs:\n%v\n---\n%v", first, err)
		}
	}
}

// TestParseRefusesCostlyFiles guards against files the TOML library would
// take minutes or gigabytes to read: its time grows with the square of the
// nesting, and it keeps the full key path of every key.
func TestParseRefusesCostlyFiles(t *testing.T) {
	const n = 200000
	manyKeys := func(prefix string, sep string, count int) string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := range count {
			fmt.Fprintf(&b, "k%d = 1%s", i, sep)
		}
		return b.String()
	}
	long := strings.Repeat("a", 300)
	for name, src := range map[string]string{
		"long table name":             head("1") + manyKeys("["+long+"]\n", "\n", 50000),
		"long dotted table name":      head("1") + manyKeys("[[b."+strings.Repeat("abcdefghijklmn.", 20)+"c]]\n", "\n", 50000),
		"long key":                    head("1") + area1 + long + " = 1\n",
		"long key in an inline table": head("1") + manyKeys("x = { "+long+" = { ", ", ", 50000) + "z = 1 } }\n",
		"inline table in array":       head("1") + manyKeys("x = [1, { y = [ { "+long+" = { ", ", ", 50000) + "z = 1 } } ] }]\n",
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("long.toml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), "key path longer than 256 characters") {
				t.Errorf("err = %.200v", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	for name, src := range map[string]string{
		"table header":     head("1") + "[" + strings.Repeat("a.", n) + "b]\n",
		"array of tables":  head("1") + "[[" + strings.Repeat("a.", n) + "b]]\n",
		"dotted key":       head("1") + area1 + strings.Repeat("a.", n) + "b = 1\n",
		"inline tables":    head("1") + "x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n",
		"arrays":           head("1") + "x = " + strings.Repeat("[", n) + "1" + strings.Repeat("]", n) + "\n",
		"array over lines": head("1") + "x = [\n" + strings.Repeat("[\n", n),
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("deep.toml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), "nested more than 32 levels deep") {
				t.Errorf("err = %.200v", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// within the limit, nesting is only an unknown key
	src := head("1") + area1 + "x = " + strings.Repeat("[", 30) + strings.Repeat("]", 30) + "\n"
	if _, err := Parse("f.toml", []byte(src)); err == nil || err.Error() != `f.toml:10: area[1].x: unknown key "x"; expected one of id, name, max, question` {
		t.Errorf("err = %v", err)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	if err := os.WriteFile(good, []byte(head("1")+area1), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := LoadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if in.Origin != good || in.Ref() != "kk@1" {
		t.Errorf("Origin %q, Ref %q", in.Origin, in.Ref())
	}

	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte(head("1")+"[[area]]\nid = \"1\"\nname = \"A\"\nmax = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(bad); err == nil || err.Error() != bad+":9: area[1].max: is 0; expected a number above 0" {
		t.Errorf("LoadFile(bad) = %v", err)
	}

	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(big); err == nil || err.Error() != big+": the file is 1048577 bytes; kompass reads instrument files of at most 1048576 bytes" {
		t.Errorf("LoadFile(big) = %v", err)
	}
	if _, err := Parse("big.toml", make([]byte, MaxFileSize+1)); err == nil || !strings.Contains(err.Error(), "an instrument file may be at most") {
		t.Errorf("Parse(big) = %v", err)
	}
	if _, err := LoadFile(dir); err == nil || err.Error() != dir+": is a folder, not a file" {
		t.Errorf("LoadFile(dir) = %v", err)
	}
	if _, err := LoadFile(filepath.Join(dir, "none.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadFile(none) = %v", err)
	}
}

// TestDocsExample keeps the example in docs/instruments.md valid.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "instruments.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "## Example")
	_, rest, ok2 := strings.Cut(rest, "```toml\n")
	example, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("no ```toml block under ## Example")
	}
	in, err := Parse("docs/instruments.md", []byte(example))
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, in)
	if in.Max() != points.FromInt(100) || len(in.Areas) != 2 || len(in.Comparable) != 1 {
		t.Errorf("example: total %v, %d areas, %d comparisons", in.Max(), len(in.Areas), len(in.Comparable))
	}
}

func TestParseRef(t *testing.T) {
	for _, c := range []struct{ in, id, version string }{
		{"kommunkompassen@2007", "kommunkompassen", "2007"},
		{" kommunkompassen ", "kommunkompassen", ""},
		{"kommunkompassen @ 2010 ", "kommunkompassen", "2010"},
		{"@2020", "", "2020"},
	} {
		if id, v := ParseRef(c.in); id != c.id || v != c.version {
			t.Errorf("ParseRef(%q) = %q, %q", c.in, id, v)
		}
	}
}
