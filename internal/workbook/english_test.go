package workbook_test

import (
	"os"
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
)

// TestMain runs the tests in English, the language they assert; the
// Swedish messages are checked by the catalogue test and the testscripts.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
