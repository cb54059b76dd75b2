package testkit

import (
	"sync"
	"testing"
)

// once is a fixture built once per test binary, by the first test that
// asks for it: test data that does not change between tests is not made
// again for each. When building it failed, that test failed, and every
// test that asks for it later fails too.
type once[T any] struct {
	once sync.Once
	v    T
	ok   bool
}

func (o *once[T]) get(t testing.TB, build func() T) T {
	t.Helper()
	o.once.Do(func() {
		o.v = build()
		o.ok = true // not reached when build ends the test (t.Fatal)
	})
	if !o.ok {
		t.Fatal("a fixture this test needs could not be made: see the first test that asked for it")
	}
	return o.v
}
