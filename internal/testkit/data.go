package testkit

import (
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// DataFolder returns the files of a data folder made from Go data: a
// workbook per sample, filled in by samples.Workbook, and groups.toml if
// groups is not empty. Fixture folders are generated from it and checked
// with GoldenDir.
func DataFolder(t testing.TB, groups string, ss []samples.Sample) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	if groups != "" {
		out[evalset.GroupsFile] = []byte(groups)
	}
	for _, s := range ss {
		b, err := samples.Workbook(testbase.Registry(t), s)
		if err != nil {
			t.Fatal(err)
		}
		out[s.File] = b
	}
	return out
}

var sets = struct {
	sync.Mutex
	m map[string]*evalset.Set
}{m: map[string]*evalset.Set{}}

// Set loads a data folder with the built-in instruments, once per test
// binary: tests must not change the set they get (copy an evaluation to
// change it).
func Set(t testing.TB, dir string) *evalset.Set {
	t.Helper()
	sets.Lock()
	defer sets.Unlock()
	if s, ok := sets.m[dir]; ok {
		return s
	}
	s, err := evalset.Load(dir, testbase.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	sets.m[dir] = s
	return s
}

// Umea2007 returns the scores of the shipped Umeå 2007 sample
// (evaluations/umea-2007.xlsx, samples.Shipped), without their comments:
// every delfråga, every area and the total. It is a full evaluation that
// validates clean, 645 points in all, and the scores fictional test
// workbooks borrow.
func Umea2007(t testing.TB) []samples.Score {
	t.Helper()
	for _, s := range samples.Shipped() {
		if s.File == "umea-2007.xlsx" {
			var out []samples.Score
			for _, sc := range s.Scores {
				out = append(out, samples.Score{ID: sc.ID, Value: sc.Value})
			}
			return out
		}
	}
	t.Fatal("no umea-2007.xlsx in samples.Shipped()")
	return nil
}

// Umea2007Questions returns the delfrågor of Umea2007 by id (7.1 is 15;
// the areas add up to 73, 79.5, 79, 84.5, 78, 78, 75 and 98). The map is
// the caller's to change.
func Umea2007Questions(t testing.TB) map[string]float64 {
	t.Helper()
	questions := map[string]bool{}
	for _, a := range testbase.Instrument(t, "kommunkompassen@2007").Areas {
		for _, q := range a.Questions {
			questions[q.ID] = true
		}
	}
	out := map[string]float64{}
	for _, sc := range Umea2007(t) {
		if questions[sc.ID] {
			out[sc.ID] = sc.Value
		}
	}
	return out
}

// Amend returns a copy of set in which the evaluation read from the file
// named file (its base name) is a copy changed by change; set itself and
// its other evaluations are shared, not copied. A test uses it to give an
// evaluation what its workbook does not hold, such as hostile text.
func Amend(t testing.TB, set *evalset.Set, file string, change func(ev *evaluation.Evaluation)) *evalset.Set {
	t.Helper()
	out := *set
	out.Evaluations = slices.Clone(set.Evaluations)
	for i, ev := range out.Evaluations {
		if filepath.Base(ev.File) == file {
			c := *ev
			c.Facts.Cells, c.Facts.Raw = maps.Clone(ev.Facts.Cells), maps.Clone(ev.Facts.Raw)
			change(&c)
			out.Evaluations[i] = &c
			return &out
		}
	}
	t.Fatalf("%s: no evaluation read from %s", set.Dir, file)
	return nil
}
