package testbase

import (
	"sync"
	"testing"

	"github.com/kompass-dev/kompass/internal/instrument"
)

var registry = sync.OnceValues(func() (*instrument.Registry, error) { return instrument.NewRegistry("") })

// Registry returns the instruments built into kompass, without any from an
// instruments folder on disk. It is made once per test binary and shared:
// tests must not change it or the instruments in it.
func Registry(t testing.TB) *instrument.Registry {
	t.Helper()
	reg, err := registry()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// Instrument looks up a built-in instrument ("kommunkompassen@2007").
func Instrument(t testing.TB, ref string) *instrument.Instrument {
	t.Helper()
	in, err := Registry(t).Lookup(ref)
	if err != nil {
		t.Fatal(err)
	}
	return in
}
