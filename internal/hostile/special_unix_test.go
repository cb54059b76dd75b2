//go:build unix

package hostile

import (
	"os"
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at path: opening it for reading blocks until a
// writer comes, so kompass must find out what it is before opening it.
func mkfifo(t testing.TB, path string) { check(t, syscall.Mkfifo(path, 0o644)) }

// symlinkDevZero makes path a symbolic link to /dev/zero, which has no
// size and never ends.
func symlinkDevZero(t testing.TB, path string) { check(t, os.Symlink("/dev/zero", path)) }
