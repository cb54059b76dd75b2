package samples

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestDiffFolder(t *testing.T) {
	dir := t.TempDir()
	for name, b := range map[string]string{"same.txt": "a", "changed.txt": "old", "extra.txt": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := DiffFolder(dir, map[string][]byte{"same.txt": []byte("a"), "changed.txt": []byte("new"), "missing.txt": []byte("m")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(dir, "changed.txt") + " differs from what the generator makes",
		filepath.Join(dir, "missing.txt") + " is missing",
		filepath.Join(dir, "extra.txt") + " is not made by the generator; remove it",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DiffFolder:\n got %q\nwant %q", got, want)
	}
}
