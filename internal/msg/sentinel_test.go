package msg

import (
	"errors"
	"testing"
)

// TestNew: a sentinel made before the language is chosen reads in the
// language of the moment it is shown or wrapped, and errors.Is still finds
// it through a wrapping.
func TestNew(t *testing.T) {
	defer SetLanguage(Current())
	register(map[string]string{"test: unknown thing": "test: okänd sak", "test: %w %q": "test: %w %q"})
	defer delete(swedish, "test: unknown thing")
	defer delete(swedish, "test: %w %q")
	errThing := New("test: unknown thing")
	for _, tc := range []struct {
		lang Lang
		want string
	}{
		{Swedish, `test: test: okänd sak "x"`},
		{English, `test: test: unknown thing "x"`},
	} {
		SetLanguage(tc.lang)
		err := Errorf("test: %w %q", errThing, "x")
		if err.Error() != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, err, tc.want)
		}
		if !errors.Is(err, errThing) || errors.Is(err, New("test: unknown thing")) {
			t.Errorf("%s: errors.Is should find the sentinel itself and no other with the same key", tc.lang)
		}
	}
}
