// Package inputfile reads the files kompass takes as input — workbooks
// (evaluations and åtgärdsplaner), instrument files, groups.toml, Word
// documents — with one
// check for all: a regular file of at most a given size. A named pipe
// would block the read until someone writes to it, and a link to a device
// such as /dev/zero would never end; both are refused before they are
// opened, and what was opened is checked again, since the name may have
// been replaced in between. The read stops past the limit whatever the
// file claims its size to be. The file is never modified.
package inputfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/msg"
)

// Kind is what a file is read as; it names the files in messages.
type Kind int

// The kinds of input.
const (
	Workbook   Kind = iota // an evaluation or an åtgärdsplan (.xlsx)
	Instrument             // an instrument file (.toml)
	Groups                 // groups.toml
	Document               // a Word document (.docx) of the evaluators' analysis
	Settings               // report.toml, the report's settings
	Logo                   // the logo report.toml names
)

// Error is a file refused by Read: not a regular file, or too large. It
// says why in Reason, and what was found and expected, for problems that
// name them.
type Error struct {
	Path            string
	Reason          string // translated, without the path
	Found, Expected string
	TooLarge        bool // the file is larger than the limit (else it is no regular file)
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }

// Read returns the content of the file at path if it is a regular file of
// at most limit bytes; otherwise an *Error, or the error of the file
// system (wrapping fs.ErrNotExist for a file that is not there).
func Read(path string, kind Kind, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until someone writes to
	// it, and a device such as /dev/zero has no size to check.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := Check(path, st, kind, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := Check(path, st, kind, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, kind, -1, limit)
	}
	return data, nil
}

// Check reports, as an *Error, why a file with the info st is not read:
// it is a folder, not a regular file, or larger than limit. It is nil for
// a file Read reads.
func Check(path string, st fs.FileInfo, kind Kind, limit int64) error {
	switch {
	case st.IsDir():
		return &Error{Path: path, Reason: msg.T("is a folder, not a file"), Found: msg.T("a folder"), Expected: msg.T("a regular file")}
	case !st.Mode().IsRegular():
		what := fileKind(st.Mode())
		return &Error{Path: path, Reason: msg.Sprintf("is not a regular file but %s; kompass reads only regular files", what), Found: what, Expected: msg.T("a regular file")}
	case st.Size() > limit:
		return tooLarge(path, kind, st.Size(), limit)
	}
	return nil
}

// tooLarge is the Error of a file above limit; size is -1 when only "more
// than limit" is known.
func tooLarge(path string, kind Kind, size, limit int64) *Error {
	var files string
	switch kind {
	case Instrument:
		files = msg.T("instrument files")
	case Groups:
		files = msg.T("groups files")
	case Document:
		files = msg.T("Word documents")
	case Settings:
		files = msg.T("settings files")
	case Logo:
		files = msg.T("logos")
	default:
		files = msg.T("workbooks")
	}
	e := &Error{Path: path, Found: msg.Sprintf("more than %d bytes", limit), Expected: msg.Sprintf("at most %d bytes", limit), TooLarge: true}
	if size < 0 {
		e.Reason = msg.Sprintf("the file is larger than %s; kompass reads %s of at most %s", Size(limit), files, Size(limit))
		return e
	}
	e.Found = msg.Sprintf("%d bytes", size)
	is, most := Size(size), Size(limit)
	if is == most { // a few bytes too many
		is, most = msg.Sprintf("%d bytes", size), msg.Sprintf("%d bytes", limit)
	}
	e.Reason = msg.Sprintf("the file is %s; kompass reads %s of at most %s", is, files, most)
	return e
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return msg.T("a named pipe (FIFO)")
	case m&fs.ModeCharDevice != 0:
		return msg.T("a character device")
	case m&fs.ModeDevice != 0:
		return msg.T("a device")
	case m&fs.ModeSocket != 0:
		return msg.T("a socket")
	}
	return msg.T("a special file")
}

// Size is a size in megabytes with one decimal (a decimal comma in
// Swedish) and its unit: "20,0 MB".
func Size(n int64) string {
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if msg.Current() == msg.Swedish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return msg.Sprintf("%s MB", s)
}

// Unwrap is the cause of a file system error without the operation and
// path (*fs.PathError), which messages name themselves.
func Unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
