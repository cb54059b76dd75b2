package compare_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// TestVersionErrorMessage: the refusal in Swedish (the default) and in
// English, with the group it happened in.
func TestVersionErrorMessage(t *testing.T) {
	e := &compare.VersionError{A: "kommunkompassen@2010", B: "kommunkompassen@2007", ALabel: "Örebro 2012", BLabel: "Umeå 2007", Group: "Umeå ensam"}
	for _, tc := range []struct {
		lang msg.Lang
		want string
	}{
		{msg.Swedish, `kan inte jämföra Örebro 2012 (kommunkompassen@2010) med Umeå 2007 (kommunkompassen@2007, i gruppen "Umeå ensam"): instrumentversionerna skiljer sig åt och ingen av dem anger hur huvudområdena motsvarar varandra, så jämförelsen skulle blanda olika frågor`},
		{msg.English, `cannot compare Örebro 2012 (kommunkompassen@2010) with Umeå 2007 (kommunkompassen@2007, in the group "Umeå ensam"): the instrument versions differ and neither declares how their huvudområden correspond, so the comparison would mix different questions`},
	} {
		testbase.Language(t, tc.lang)
		if got := e.Error(); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.lang, got, tc.want)
		}
	}
}
