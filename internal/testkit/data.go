package testkit

import (
	"sync"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/samples"
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
		b, err := samples.Workbook(Registry(t), s)
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
	s, err := evalset.Load(dir, Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	sets.m[dir] = s
	return s
}
