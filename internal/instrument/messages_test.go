package instrument_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// The tests of this package compare the English messages, except those
// below, which show the Swedish ones users see by default.
func TestMain(m *testing.M) { testbase.MainIn(m, msg.English) }

// TestProblemsInSwedish: the text after file:line: key: is Swedish (the
// script messages_sv_instruments.txtar shows more of them).
func TestProblemsInSwedish(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	src := "id = \"kk\"\nversion = \"1\"\nname = \"Test\"\nlanguage = \"sv\"\nstep = 0.5\ncolour = \"blå\"\n" +
		"[[area]]\nid = \"1\"\nname = \"Ett\"\nmax = \"tio\"\n"
	_, err := instrument.Parse("trasig.toml", []byte(src))
	want := `trasig.toml:6: colour: okänd nyckel "colour"; ska vara en av id, version, name, language, step, description, source, publisher, area, compare
trasig.toml:10: area[1].max: är texten "tio"; ska vara ett tal`
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v\nwant %s", err, want)
	}
}

func TestUnknownInstrumentInSwedish(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	_, err := testbase.Registry(t).Lookup("kommunkompassen@1999")
	want := `okänt instrument "kommunkompassen" version "1999"; kända versioner: 2002, 2007, 2010, 2020`
	if err == nil || err.Error() != want {
		t.Errorf("Lookup = %v, want %s", err, want)
	}
}
