//go:build unix

package inputfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// TestRead: a regular file is read; a folder, a FIFO, a link to /dev/zero
// and a file above the limit are refused, each saying why and what it is.
func TestRead(t *testing.T) {
	testbase.Language(t, msg.English)
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ok := write("ok.toml", 100)
	big := write("big.toml", 3<<20)
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if b, err := inputfile.Read(ok, inputfile.Instrument, 1<<20); err != nil || len(b) != 100 {
		t.Errorf("Read(ok) = %d bytes, %v", len(b), err)
	}
	for _, c := range []struct {
		path, reason, found string
	}{
		{dir, "is a folder, not a file", "a folder"},
		{fifo, "is not a regular file but a named pipe (FIFO); kompass reads only regular files", "a named pipe (FIFO)"},
		{zero, "is not a regular file but a character device; kompass reads only regular files", "a character device"},
		{big, "the file is 3.0 MB; kompass reads instrument files of at most 1.0 MB", "3145728 bytes"},
	} {
		_, err := inputfile.Read(c.path, inputfile.Instrument, 1<<20)
		var fe *inputfile.Error
		if !errors.As(err, &fe) || fe.Reason != c.reason || fe.Found != c.found || err.Error() != c.path+": "+c.reason {
			t.Errorf("Read(%s) = %v, want %q (found %q)", c.path, err, c.reason, c.found)
		}
	}
	if _, err := inputfile.Read(filepath.Join(dir, "none"), inputfile.Groups, 1<<20); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(none) = %v, want fs.ErrNotExist", err)
	}
}
