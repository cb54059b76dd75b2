package instrument

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kompass-dev/kompass/instruments"
	"github.com/kompass-dev/kompass/internal/msg"
)

// Registry is the set of instruments kompass knows: those built into the
// binary, overridden by files on disk with the same id and version.
type Registry struct {
	byRef map[string]*Instrument
}

// ErrUnknown is wrapped by Lookup when no instrument matches.
var ErrUnknown = msg.New("unknown instrument")

// NewRegistry loads the embedded instruments and then every *.toml file in
// dir (if dir is non-empty and exists); a file on disk with the same id and
// version as an embedded one wins. A broken file on disk is an error.
func NewRegistry(dir string) (*Registry, error) {
	r := &Registry{byRef: map[string]*Instrument{}}
	entries, err := fs.Glob(instruments.FS, "*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range entries {
		data, err := fs.ReadFile(instruments.FS, name)
		if err != nil {
			return nil, err
		}
		in, err := Parse("instruments/"+name, data)
		if err != nil {
			return nil, msg.Errorf("built-in instrument: %w", err)
		}
		in.Origin = "inbyggd:" + path.Join("instruments", name)
		r.byRef[in.Ref()] = in
	}
	if dir == "" {
		return r, nil
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var errs []error
	for _, f := range files {
		in, err := LoadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.byRef[in.Ref()] = in
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return r, nil
}

// All returns the instruments sorted by id and version.
func (r *Registry) All() []*Instrument {
	out := make([]*Instrument, 0, len(r.byRef))
	for _, in := range r.byRef {
		out = append(out, in)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return versionLess(out[i].Version, out[j].Version)
	})
	return out
}

// Get returns the instrument with exactly this id and version.
func (r *Registry) Get(id, version string) (*Instrument, bool) {
	in, ok := r.byRef[id+"@"+version]
	return in, ok
}

// Versions lists the known versions of an instrument id.
func (r *Registry) Versions(id string) []string {
	var vs []string
	for _, in := range r.All() {
		if in.ID == id {
			vs = append(vs, in.Version)
		}
	}
	return vs
}

// Lookup resolves what a user typed: "id@version", "id" (the latest
// version), or the path of a TOML file.
func (r *Registry) Lookup(ref string) (*Instrument, error) {
	if strings.HasSuffix(strings.ToLower(ref), ".toml") || strings.ContainsAny(ref, `/\`) {
		if _, err := os.Stat(ref); err == nil {
			return LoadFile(ref)
		} else if strings.HasSuffix(strings.ToLower(ref), ".toml") {
			return nil, msg.Errorf("%w: %s: no such file", ErrUnknown, ref)
		}
	}
	id, version := ParseRef(ref)
	if version != "" {
		if in, ok := r.Get(id, version); ok {
			return in, nil
		}
	} else if vs := r.Versions(id); len(vs) > 0 {
		in, _ := r.Get(id, vs[len(vs)-1])
		return in, nil
	}
	return nil, r.unknown(id, version)
}

func (r *Registry) unknown(id, version string) error {
	if vs := r.Versions(id); len(vs) > 0 {
		return msg.Errorf("%w %q version %q; known versions: %s", ErrUnknown, id, version, strings.Join(vs, ", "))
	}
	var refs []string
	for _, in := range r.All() {
		refs = append(refs, in.Ref())
	}
	return msg.Errorf("%w %q; known instruments: %s", ErrUnknown, id, strings.Join(refs, ", "))
}
