package testbase

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
)

// Language shows the messages in l for the rest of the test and restores
// the language before when it ends. The language is the whole program's,
// so a test that calls it must not run in parallel with others.
func Language(t testing.TB, l msg.Lang) {
	t.Helper()
	prev := msg.Current()
	msg.SetLanguage(l)
	t.Cleanup(func() { msg.SetLanguage(prev) })
}

// MainIn runs the tests of a package with the messages in l, as Main runs
// them (Main also stops the shared browser): the language for a package
// whose tests compare the messages of one language.
//
//	func TestMain(m *testing.M) { testbase.MainIn(m, msg.English) }
func MainIn(m *testing.M, l msg.Lang) {
	msg.SetLanguage(l)
	Main(m)
}
