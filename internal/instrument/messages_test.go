package instrument

import (
	"os"
	"testing"

	"github.com/kompass-dev/kompass/internal/msg"
)

// The tests of this package compare the English messages, except those
// below, which show the Swedish ones users see by default.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

func TestProblemsInSwedish(t *testing.T) {
	msg.SetLanguage(msg.Swedish)
	t.Cleanup(func() { msg.SetLanguage(msg.English) })
	src := head("0.5") + "colour = \"blå\"\n" +
		"[[area]]\nid = \"1\"\nname = \"Ett\"\nmax = 10\n" +
		"[[area.question]]\nid = \"1.1\"\ntext = \"Fråga\"\nmax = 4\n" +
		"[[area.question]]\nid = \"1.1\"\ntext = \"Fråga igen\"\nmax = 4.25\n" +
		"[[area]]\nid = \"2\"\nname = \"Två\"\nmax = \"tio\"\n"
	_, err := Parse("trasig.toml", []byte(src))
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
	msg.SetLanguage(msg.Swedish)
	t.Cleanup(func() { msg.SetLanguage(msg.English) })
	r, err := NewRegistry("")
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Lookup("kommunkompassen@1999")
	want := `okänt instrument "kommunkompassen" version "1999"; kända versioner: 2002, 2007, 2010, 2020`
	if err == nil || err.Error() != want {
		t.Errorf("Lookup = %v, want %s", err, want)
	}
}
