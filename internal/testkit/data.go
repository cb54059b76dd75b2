package testkit

import (
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
