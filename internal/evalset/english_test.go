package evalset_test

import (
	"os"
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
)

// TestMain runs the tests in English, the language they assert (the
// problems of a left-out workbook come from validate, which is Swedish by
// default).
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
