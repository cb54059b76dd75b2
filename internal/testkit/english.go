package testkit

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
)

// English runs the tests of a package with messages in English, the
// language their assertions are written in (the Swedish ones are checked
// by the catalogue test and the testscripts), and then finishes as Main:
//
//	func TestMain(m *testing.M) { testkit.English(m) }
func English(m *testing.M) {
	msg.SetLanguage(msg.English)
	Main(m)
}
