package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, []byte("input"), 0o644); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.xlsx")
	hard := filepath.Join(dir, "hard.xlsx")
	other := filepath.Join(dir, "other.html")
	if err := os.Symlink(in, sym); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("old report"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		bad  bool
	}{
		{in, true}, {sym, true}, {hard, true}, {dir, true}, {os.DevNull, true},
		{other, false}, {filepath.Join(dir, "new.html"), false},
	} {
		err := CheckTarget(tc.path, in)
		var te *TargetError
		if tc.bad != errors.As(err, &te) {
			t.Errorf("CheckTarget(%s) = %v, want refused: %v", tc.path, err, tc.bad)
		}
	}
	// Write itself refuses a folder or a device, inputs or not.
	if err := WriteFile(os.DevNull, []byte("x"), 0o644); err == nil {
		t.Error("WriteFile(/dev/null) wrote")
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Fatalf("/dev/null was replaced: %v %v", st, err)
	}
	if b, _ := os.ReadFile(in); string(b) != "input" {
		t.Errorf("input changed: %q", b)
	}
}
