package evalset

import (
	"errors"
	"io/fs"

	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
)

// Limits of the small TOML files of a data folder (groups.toml, and the
// report's report.toml). A real one is a few kilobytes and two levels
// deep; the TOML library needs time quadratic in the nesting and, two
// million levels deep, overflows the stack (a fatal error no recover
// catches), so such files are refused before they are decoded.
const (
	MaxGroupsSize    = 1 << 20 // bytes
	maxGroupsNesting = 32      // [ and { inside each other
	maxGroupsKeyPath = 256     // bytes of one dotted key or table header
)

// readGroupsFile reads groups.toml if it is there.
func readGroupsFile(path string) ([]byte, error) { return ReadTOML(path, inputfile.Groups) }

// ReadTOML reads a small TOML file of the data folder of the kind if it is
// there (nil, nil if not): only a regular file of at most MaxGroupsSize
// bytes (internal/inputfile), so that a FIFO or a link to /dev/zero never
// hangs or fills the memory, nested no deeper than a settings file needs.
func ReadTOML(path string, kind inputfile.Kind) ([]byte, error) {
	data, err := inputfile.Read(path, kind, MaxGroupsSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if line, why := groupsShape(data); line > 0 {
		return nil, msg.Errorf("%s:%d: %s", path, line, why)
	}
	return data, nil
}

// groupsShape finds the first line that nests brackets or braces deeper
// than the limit, or writes a longer key path, outside strings and
// comments; 0 if none.
func groupsShape(data []byte) (line int, why string) {
	line, depth, keyLen := 1, 0, 0
	var quote byte // the open string's quote, or 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			line++
			keyLen = 0
			if quote != 0 && !multiline(data, i) {
				quote = 0 // a one-line string cannot continue; the decoder will say so
			}
			continue
		}
		if quote != 0 {
			switch {
			case c == '\\' && quote == '"':
				i++
			case c == quote:
				quote = 0
			}
			continue
		}
		switch {
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			if depth++; depth > maxGroupsNesting {
				return line, msg.Sprintf("nested more than %d levels deep; a settings file needs two", maxGroupsNesting)
			}
		case c == ']' || c == '}':
			depth = max(0, depth-1)
		case c == '=' || c == ',':
			keyLen = 0
		case c != ' ' && c != '\t':
			if keyLen++; keyLen > maxGroupsKeyPath {
				return line, msg.Sprintf("a key or value longer than %d characters without a break; the keys of a settings file are short", maxGroupsKeyPath)
			}
		}
	}
	return 0, ""
}

// multiline reports whether the string open at the newline data[i] is a
// multi-line one (opened by three quotes); approximate, for the limits
// only.
func multiline(data []byte, i int) bool {
	for j := i; j >= 2; j-- {
		if data[j] == '\n' && j != i {
			return false
		}
		if (data[j] == '"' || data[j] == '\'') && data[j-1] == data[j] && data[j-2] == data[j] {
			return true
		}
	}
	return false
}
