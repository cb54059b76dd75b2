package hostile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestGroupsFiles runs the groups.toml inputs of issue 11 through the real
// commands: nested two million levels deep (a stack overflow in the TOML
// decoder, a Go fatal error that exits 2, before the limits), a FIFO and a
// link to /dev/zero. Each is refused with exit 3 and a message naming the
// file (and the line where there is one); the data folder is unchanged.
func TestGroupsFiles(t *testing.T) {
	deep := "x = " + strings.Repeat("[", 1_000_000) + "\n"
	for _, tc := range []struct {
		name string
		make func(path string) error
		want string
	}{
		{"nested-2m", func(p string) error {
			return os.WriteFile(p, []byte("# groups\n"+strings.Repeat(deep, 2)), 0o644)
		}, "groups.toml: the file is 1.9 MB; kompass reads groups files of at most 1.0 MB"},
		{"nested-deep", func(p string) error {
			return os.WriteFile(p, []byte("# groups\nx = "+strings.Repeat("[", 500_000)+"\n"), 0o644)
		}, "groups.toml:2: nested more than 32 levels deep"},
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "groups.toml: is not a regular file but a named pipe (FIFO); kompass reads only regular files"},
		{"dev-zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "groups.toml: is not a regular file but a character device; kompass reads only regular files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "a.xlsx"), base(t), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := tc.make(filepath.Join(dir, "groups.toml")); err != nil {
				t.Skip("cannot make the input here:", err)
			}
			before := snapshot(t, dir)
			code, _, stderr, panicked := mainSafely([]string{"compare", "--data", dir, "--kommun", "Exempelkommun A", "--group", "G"})
			if panicked != "" {
				t.Fatalf("panic: %s", panicked)
			}
			if code != 3 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 3 and %q", code, stderr, tc.want)
			}
			if after := snapshot(t, dir); len(after) != len(before) {
				t.Errorf("the data folder changed: %d files before, %d after", len(before), len(after))
			}
		})
	}
}
