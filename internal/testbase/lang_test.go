package testbase_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// TestLanguage: the language holds inside the subtest and is the one
// before once the subtest is done.
func TestLanguage(t *testing.T) {
	before := msg.Current()
	other := msg.English
	if before == msg.English {
		other = msg.Swedish
	}
	t.Run("inside", func(t *testing.T) {
		testbase.Language(t, other)
		if msg.Current() != other {
			t.Errorf("language %s, want %s", msg.Current(), other)
		}
	})
	if msg.Current() != before {
		t.Errorf("after the test the language is %s, want %s again", msg.Current(), before)
	}
}
