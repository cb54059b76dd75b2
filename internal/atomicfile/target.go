package atomicfile

import (
	"errors"
	"io/fs"
	"os"

	"github.com/kompass-dev/kompass/internal/msg"
)

// TargetError is an output path that must not be written: a folder,
// something other than a regular file (a device, a pipe), or one of the
// command's own inputs.
type TargetError struct {
	Path   string
	Reason string // why, for people
	Input  string // the input it is, when it is one
}

func (e *TargetError) Error() string { return e.Reason }

// CheckTarget reports whether path may be replaced by an output: it either
// does not exist yet, or is a regular file that is none of inputs — also
// not through a symbolic or hard link, which os.SameFile sees through.
// Inputs that cannot be examined are skipped.
func CheckTarget(path string, inputs ...string) error {
	st, err := os.Stat(path) // follows a symlink: what would be overwritten
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return nil // Write will say what is wrong with it
	}
	switch {
	case st.IsDir():
		return &TargetError{Path: path, Reason: msg.Sprintf("%s is a folder, not a file to write", path)}
	case !st.Mode().IsRegular():
		return &TargetError{Path: path, Reason: msg.Sprintf("%s is not a regular file (a device, a pipe or a socket); kompass only writes files", path)}
	}
	for _, in := range inputs {
		ist, err := os.Stat(in)
		if err == nil && os.SameFile(st, ist) {
			reason := msg.Sprintf("%s is one of the files this command reads; kompass never writes over its input", path)
			if in != path {
				reason = msg.Sprintf("%s is the same file as %s, which this command reads; kompass never writes over its input", path, in)
			}
			return &TargetError{Path: path, Input: in, Reason: reason}
		}
	}
	return nil
}
