package evalset_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// The tests of this package compare the English messages, except those
// below, which show the Swedish ones users see by default.
func TestMain(m *testing.M) { testbase.MainIn(m, msg.English) }

func TestNotFoundInSwedish(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	s := testkit.Set(t, evaluationsDir)
	var nf *evalset.NotFoundError
	_, err := s.Lookup("Ankeborg")
	if !errors.As(err, &nf) {
		t.Fatalf("Lookup(Ankeborg) = %v, want a NotFoundError", err)
	}
	if want := `ingen giltig utvärdering av "Ankeborg" i ../../evaluations`; nf.Error() != want {
		t.Errorf("error %q, want %q", nf.Error(), want)
	}
	if want := "kommuner i ../../evaluations: Exempelkommun, Exempelsnitt, Sverigesnitt, Umeå, Vallentuna, Örebro"; nf.Hint() != want {
		t.Errorf("hint %q, want %q", nf.Hint(), want)
	}
	if _, err := s.Select("Umeå", 2004); !errors.As(err, &nf) || nf.Hint() != "år med en utvärdering: 2003, 2005, 2007" {
		t.Errorf("Select(Umeå, 2004) = %v, hint %q", err, nf.Hint())
	}
}

func TestGroupsErrorInSwedish(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	base := testkit.Set(t, groupDir)
	s := withGroups(t, base, "[[group]]\nname = \"G\"\nmembers = [{ kommun = \"Exempelkommun B\" }]\n")
	_, err := s.Group("G", find(t, base, "Exempelkommun A", 2007), evalset.Period{})
	want := filepath.Join(s.Dir, evalset.GroupsFile) + `: group[1].members[1]: en medlem behöver kommun och year, till exempel { kommun = "Umeå", year = 2007 }`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	_, err = base.Group("Ingen sådan", find(t, base, "Exempelkommun A", 2007), evalset.Period{})
	if !errors.Is(err, evalset.ErrNoGroup) || !strings.HasPrefix(err.Error(), `okänd grupp "Ingen sådan"; kända grupper: `) {
		t.Errorf("Group(Ingen sådan) = %v, want ErrNoGroup in Swedish", err)
	}
}
