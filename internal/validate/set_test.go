package validate_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/validate"
)

// TestSetAsEach: Set over each workbook's File finds what Each finds over
// the folder: here an åtgärdsplan that comes before its evaluation, and a
// second copy of an evaluation.
func TestSetAsEach(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"exempelkommun-2005-atgardsplan.xlsx", "exempelkommun-2005.xlsx", "umea-2007.xlsx"} {
		data, err := os.ReadFile(filepath.Join(shippedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if name == "umea-2007.xlsx" {
			if err := os.WriteFile(filepath.Join(dir, "umea-2007-kopia.xlsx"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	paths, err := validate.Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	reg := testbase.Registry(t)
	var each []validate.Result
	clashes := validate.Each(paths, reg, func(_ int, r validate.Result) { each = append(each, r) })
	for i, ps := range clashes {
		each[i].Add(ps...)
	}
	results := make([]validate.Result, len(paths))
	for i, p := range paths {
		results[i] = validate.File(p, reg)
	}
	validate.Set(results)
	n := 0
	for i, r := range results {
		if r.File != paths[i] {
			t.Errorf("result %d is %s, want %s", i, r.File, paths[i])
		}
		if !reflect.DeepEqual(r.Problems, each[i].Problems) {
			t.Errorf("%s: Set gives %v, Each %v", r.File, r.Problems, each[i].Problems)
		}
		n += len(r.Problems)
	}
	if n != 2 {
		t.Errorf("%d problems, want 2 (Umeå 2007 and its copy, each naming the other)", n)
	}
}
