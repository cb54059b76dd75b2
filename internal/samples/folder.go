package samples

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// DiffFolder compares a folder of generated files with what the generator
// makes now (file name → bytes) and describes each difference: a file
// missing, a file whose bytes differ, a file the generator does not make.
// A test of a generated fixture reports them with its -update hint.
func DiffFolder(dir string, files map[string][]byte) ([]string, error) {
	var out []string
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		got, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, path+" is missing")
		case err != nil:
			out = append(out, err.Error())
		case !bytes.Equal(got, files[name]):
			out = append(out, path+" differs from what the generator makes")
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return out, err
	}
	for _, e := range entries {
		if _, ok := files[e.Name()]; !ok {
			out = append(out, filepath.Join(dir, e.Name())+" is not made by the generator; remove it")
		}
	}
	return out, nil
}
