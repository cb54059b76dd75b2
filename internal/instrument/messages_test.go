package instrument_test

import (
	"os"
	"testing"

	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// The tests of this package compare the English messages, except those
// below, which show the Swedish ones users see by default.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func TestProblemsInSwedish(t *testing.T) {
	testkit.Language(t, msg.Swedish)
	src := `id = "kk"
version = "1"
name = "Test"
language = "sv"
step = 0.5
colour = "blå"
[[area]]
id = "1"
name = "Ett"
max = 10
[[area.question]]
id = "1.1"
text = "Fråga"
max = 4
[[area.question]]
id = "1.1"
text = "Fråga igen"
max = 4.25
[[area]]
id = "2"
name = "Två"
max = "tio"
`
	_, err := instrument.Parse("trasig.toml", []byte(src))
	want := `trasig.toml:6: colour: okänd nyckel "colour"; ska vara en av id, version, name, language, step, description, source, area, compare
trasig.toml:10: area[1].max: huvudområdet "1" har max 10, men dess delfrågors maxpoäng är tillsammans 8,25
trasig.toml:16: area[1].question[2].id: id:t "1.1" används redan av area[1].question[1]
trasig.toml:18: area[1].question[2].max: 4,25 är ingen multipel av steget 0,5
trasig.toml:22: area[2].max: är texten "tio"; ska vara ett tal`
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v\nwant %s", err, want)
	}
}

func TestUnknownInstrumentInSwedish(t *testing.T) {
	testkit.Language(t, msg.Swedish)
	_, err := testkit.Registry(t).Lookup("kommunkompassen@1999")
	want := `okänt instrument "kommunkompassen" version "1999"; kända versioner: 2002, 2007, 2010, 2020`
	if err == nil || err.Error() != want {
		t.Errorf("Lookup = %v, want %s", err, want)
	}
}
