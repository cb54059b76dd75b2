package instrument

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/instruments"
	"github.com/kompass-dev/kompass/internal/points"
)

// checkInvariants fails t unless in satisfies what Parse promises for every
// instrument it accepts.
func checkInvariants(t testing.TB, in *Instrument) {
	t.Helper()
	if in.ID == "" || in.Version == "" || in.Name == "" || in.Language == "" {
		t.Errorf("empty id, version, name or language: %q %q %q %q", in.ID, in.Version, in.Name, in.Language)
	}
	if in.Step <= 0 {
		t.Errorf("step %v is not above 0", in.Step)
	}
	if len(in.Areas) == 0 {
		t.Errorf("no areas")
	}
	seen := map[string]bool{}
	for _, a := range in.Areas {
		if a.ID == "" || a.Name == "" {
			t.Errorf("area with empty id or name: %+v", a)
		}
		if seen[a.ID] {
			t.Errorf("duplicate id %q", a.ID)
		}
		seen[a.ID] = true
		if a.Max <= 0 || !a.Max.MultipleOf(in.Step) {
			t.Errorf("area %q max %v is not a positive multiple of step %v", a.ID, a.Max, in.Step)
		}
		var sum points.P
		for _, q := range a.Questions {
			if q.ID == "" || q.Text == "" {
				t.Errorf("delfråga with empty id or text: %+v", q)
			}
			if seen[q.ID] {
				t.Errorf("duplicate id %q", q.ID)
			}
			seen[q.ID] = true
			if q.Max <= 0 || !q.Max.MultipleOf(in.Step) {
				t.Errorf("delfråga %q max %v is not a positive multiple of step %v", q.ID, q.Max, in.Step)
			}
			sum += q.Max
		}
		if len(a.Questions) > 0 && sum != a.Max {
			t.Errorf("area %q max %v but its delfrågor add up to %v", a.ID, a.Max, sum)
		}
	}
	for _, c := range in.Comparable {
		if c.ID == "" || c.Version == "" || c.Caveat == "" || len(c.Areas) == 0 {
			t.Errorf("incomplete comparison %+v", c)
		}
		for from, to := range c.Areas {
			if _, ok := in.Area(from); !ok || to == "" {
				t.Errorf("comparison maps %q → %q", from, to)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	names, err := fs.Glob(instruments.FS, "*.toml")
	if err != nil || len(names) == 0 {
		f.Fatalf("no embedded instruments: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(instruments.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"id = \"kk\"\nversion = \"1\"\nname = \"N\"\nlanguage = \"sv\"\nstep = 0.5\n[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\n[[area.question]]\nid = \"1.1\"\ntext = \"Q\"\nmax = 10\n",
		"[[area.question]]\nid = \"1.1\"\n[[area]]\nid = \"1\"\n",
		"[[area]]\nid = \"1\"\nmax = \n",
		"area = 3\ncompare = { version = \"1\" }\n",
		"step = nan\n[[area]]\nmax = inf\n",
		"description = \"\"\"\n[[area]]\n\"\"\"\n[area]\nid = 3\n",
		"[[compare]]\nareas = { \"1\" = 1, \"x\" = { y = 2 } }\n",
		"tags = [\n [1,\n \"]\",\n ],\n]\n[[area]]\nid = \"a b\"\n",
		"id = 1979-05-27T07:32:00Z\n",
		"[" + strings.Repeat("a", 300) + "]\nk = 1\nx = { y = { z = [ { w = 1 } ] } }\n",
		"[[area]]\r\nid = \"1\"\r\nmax = 0\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Parse("fuzz.toml", data)
		if err != nil {
			if in != nil {
				t.Errorf("instrument returned with error %v", err)
			}
			le, ok := err.(*LoadError)
			if !ok || len(le.Problems) == 0 {
				t.Fatalf("error %T without problems: %v", err, err)
			}
			for _, p := range le.Problems {
				if p.Message == "" || p.Line < 0 {
					t.Errorf("bad problem %+v", p)
				}
			}
			return
		}
		checkInvariants(t, in)
	})
}
