package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

func TestWriteReplacesWholeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	if err := WriteFile(p, []byte("first"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("second"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "second" {
		t.Fatalf("content %q", b)
	}
	assertOnly(t, dir, "out.html")
}

func TestFailedWriteLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.html")
	if err := WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half a fi")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "old" {
		t.Fatalf("old file changed: %q", b)
	}
	assertOnly(t, dir, "out.html")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(names) {
		var got []string
		for _, e := range ents {
			got = append(got, e.Name())
		}
		t.Fatalf("dir has %v, want %v", got, names)
	}
}

// TestWriteBuffers: many small writes reach the file whole (the buffer is
// flushed before the rename), and fill writes into a buffer, not straight
// into the file.
func TestWriteBuffers(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.txt")
	var want []byte
	err := Write(p, 0o644, func(w io.Writer) error {
		if _, ok := w.(*os.File); ok {
			t.Error("fill got the file itself: every small write would be a system call")
		}
		for i := 0; i < 20000; i++ {
			piece := []byte{byte('a' + i%26)}
			want = append(want, piece...)
			if _, err := w.Write(piece); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != string(want) {
		t.Fatalf("file has %d bytes, want %d", len(got), len(want))
	}
}

// TestMissingFolder: writing into a folder that is not there names the
// folder, in Swedish by default.
func TestMissingFolder(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	dir := filepath.Join(t.TempDir(), "saknas")
	err := WriteFile(filepath.Join(dir, "rapport.html"), []byte("x"), 0o644)
	if want := "mappen " + dir + string(filepath.Separator) + " finns inte"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// WriteFile writes data to path with Write.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
