// Package atomicfile writes output files so that a crash or a kill never
// leaves half a file behind: the content goes to a temporary file in the
// target directory, which is synced and then renamed into place.
package atomicfile

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kompass-dev/kompass/internal/msg"
)

// Write calls fill with a writer on a temporary file beside path and, if
// fill succeeds, renames the file to path. On any error the temporary file is
// removed and path is left as it was.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	if err := CheckTarget(path); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		// Name the folder, not the temporary file the user never asked for.
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return msg.Errorf("the folder %s does not exist", dir)
		}
		return msg.Errorf("cannot create a file in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Renderers write in many small pieces (a report is thousands of
	// writes); buffer them so that the file sees a few large writes.
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = fill(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return msg.Errorf("rename into place: %w", err)
	}
	return nil
}
