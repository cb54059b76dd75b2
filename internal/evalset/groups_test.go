package evalset_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testkit"
)

func TestGroupList(t *testing.T) {
	s := testkit.Set(t, groupDir)
	ref := find(t, s, "Exempelkommun D", 2007)
	for _, name := range []string{"Exempelgruppen 2007", "exempelgruppen 2007", "  EXEMPELGRUPPEN   2007 "} {
		g, err := s.Group(name, ref, evalset.Period{})
		if err != nil {
			t.Fatalf("Group(%q): %v", name, err)
		}
		if g.Name != "Exempelgruppen 2007" || g.Kind != evalset.GroupList || g.Description != "Tre fiktiva kommuner utvärderade 2007 (testdata)." {
			t.Errorf("Group(%q) = %q (%s, %q)", name, g.Name, g.Kind, g.Description)
		}
		if got := labels(g.Members); !slices.Equal(got, []string{"Exempelkommun A 2007", "Exempelkommun B 2007", "Exempelkommun C 2007"}) {
			t.Errorf("members %q", got)
		}
	}
	// A group of two instrument versions resolves; comparing it is
	// compare's business.
	g, err := s.Group("blandad", ref, evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(g.Members); !slices.Equal(got, []string{"Exempelkommun E 2012", "Exempelkommun A 2007"}) {
		t.Errorf("Blandad members %q, want E 2012, A 2007 in the file's order", got)
	}
}

// TestGroupAll: "alla" is the national mean as SKR means it: the latest
// evaluation of every other kommun made with the reference evaluation's
// instrument version — not the kommun itself, not its earlier years, not a
// published mean, not a workbook with problems.
func TestGroupAll(t *testing.T) {
	s := testkit.Set(t, groupDir)
	g, err := s.Group("Alla", find(t, s, "Exempelkommun D", 2007), evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Kind != evalset.GroupAll || g.Name != "Alla kommuner med Kommunkompassen 2003–2009" {
		t.Errorf("Group(alla) = %q (%s)", g.Name, g.Kind)
	}
	want := []string{"Exempelkommun A 2009", "Exempelkommun B 2007", "Exempelkommun C 2007"}
	if got := labels(g.Members); !slices.Equal(got, want) {
		t.Errorf("alla (2007) = %q, want %q (A's latest only, not D itself, not E of 2010, not F with problems)", got, want)
	}
	if !strings.Contains(g.Description, "3 andra kommuner utom Exempelkommun D, från 2007–2009") {
		t.Errorf("description %q does not say how many kommuner and which years", g.Description)
	}
	// Seen from A: its own years are not members.
	g, err = s.Group("alla", find(t, s, "Exempelkommun A", 2005), evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(g.Members); !slices.Equal(got, []string{"Exempelkommun B 2007", "Exempelkommun C 2007", "Exempelkommun D 2007"}) {
		t.Errorf("alla seen from A = %q", got)
	}
	// Within a period: A's latest within 2005–2007 is 2007.
	g, err = s.Group("alla", find(t, s, "Exempelkommun D", 2007), evalset.Period{From: 2005, To: 2007})
	if err != nil {
		t.Fatal(err)
	}
	if got := labels(g.Members); !slices.Equal(got, []string{"Exempelkommun A 2007", "Exempelkommun B 2007", "Exempelkommun C 2007"}) {
		t.Errorf("alla 2005–2007 = %q", got)
	}
	// E is the only kommun evaluated with 2010: nobody to compare with.
	if _, err = s.Group("alla", find(t, s, "Exempelkommun E", 2012), evalset.Period{}); !errors.Is(err, evalset.ErrNoGroup) {
		t.Errorf("alla with no other kommun: %v, want ErrNoGroup", err)
	}
	// Sverigesnitt 2021 is a published mean made with Vallentuna's version:
	// not a member, so nobody is left.
	u := testkit.Set(t, evaluationsDir)
	if _, err = u.Group("alla", find(t, u, "Vallentuna", 2021), evalset.Period{}); !errors.Is(err, evalset.ErrNoGroup) {
		t.Errorf("alla for Vallentuna 2021: %v, want ErrNoGroup (Sverigesnitt is a medelvärde)", err)
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want evalset.Period
		ok   bool
	}{
		{"", evalset.Period{}, true},
		{"2019-2022", evalset.Period{From: 2019, To: 2022}, true},
		{"2019–2022", evalset.Period{From: 2019, To: 2022}, true},
		{"2021", evalset.Period{From: 2021, To: 2021}, true},
		{"2022-2019", evalset.Period{}, false},
		{"19-22", evalset.Period{}, false},
	} {
		got, err := evalset.ParsePeriod(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParsePeriod(%q) = %v, %v", tc.in, got, err)
		}
	}
	p := evalset.Period{From: 2019, To: 2022}
	if !p.Contains(2019) || !p.Contains(2022) || p.Contains(2018) || !(evalset.Period{}).Contains(1990) {
		t.Error("Contains is wrong at the ends")
	}
}

func TestGroupSeries(t *testing.T) {
	u := testkit.Set(t, evaluationsDir)
	ref := find(t, u, "Vallentuna", 2021)
	for _, name := range []string{"Sverigesnitt 2021", "sverigesnitt 2021"} {
		g, err := u.Group(name, ref, evalset.Period{})
		if err != nil {
			t.Fatalf("Group(%q): %v", name, err)
		}
		if g.Kind != evalset.GroupSeries || g.Name != "Sverigesnitt 2021" || !strings.Contains(g.Description, "Medelvärde per huvudområde") {
			t.Errorf("Group(%q) = %q (%s, %q)", name, g.Name, g.Kind, g.Description)
		}
		if got := labels(g.Members); !slices.Equal(got, []string{"Sverigesnitt 2021"}) {
			t.Errorf("members %q", got)
		}
	}
	// A kommun evaluation is not a series.
	_, err := u.Group("Umeå 2007", ref, evalset.Period{})
	if !errors.Is(err, evalset.ErrNoGroup) {
		t.Errorf("Group(Umeå 2007): %v, want ErrNoGroup", err)
	}
}

func TestGroupUnknown(t *testing.T) {
	s := testkit.Set(t, groupDir)
	_, err := s.Group("Ingen sådan grupp", find(t, s, "Exempelkommun A", 2007), evalset.Period{})
	if !errors.Is(err, evalset.ErrNoGroup) {
		t.Fatalf("error %v, want ErrNoGroup", err)
	}
	want := `unknown group "Ingen sådan grupp"; known groups: Exempelgruppen 2007, Trasig grupp, Med problem, Blandad, alla`
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}

	u := testkit.Set(t, evaluationsDir)
	_, err = u.Group("Riket 2021", find(t, u, "Vallentuna", 2021), evalset.Period{})
	if !errors.Is(err, evalset.ErrNoGroup) || !strings.HasSuffix(err.Error(), "known groups: Exempelsnitt 2007, Sverigesnitt 2021, alla") {
		t.Errorf("error %v, want ErrNoGroup listing Exempelsnitt 2007, Sverigesnitt 2021 and alla (no groups.toml)", err)
	}
}

// TestGroupMissingMember: "Trasig grupp" (group[2]) names Exempelkommun X
// 2007, which does not exist.
func TestGroupMissingMember(t *testing.T) {
	s := testkit.Set(t, groupDir)
	_, err := s.Group("Trasig grupp", find(t, s, "Exempelkommun A", 2007), evalset.Period{})
	if err == nil {
		t.Fatal("no error")
	}
	if errors.Is(err, evalset.ErrNoGroup) {
		t.Errorf("error %v wraps ErrNoGroup; the group exists", err)
	}
	want := filepath.Join(groupDir, "groups.toml") + `: group[2].members[1]: group "Trasig grupp" names Exempelkommun X 2007, which has no valid evaluation in ` +
		groupDir + " (no evaluations of Exempelkommun X validate)"
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
}

// withGroups returns a copy of the set whose data folder holds the given
// groups.toml (and no workbooks: the evaluations are the copied set's).
func withGroups(t *testing.T, s *evalset.Set, text string) *evalset.Set {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, evalset.GroupsFile), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c := *s
	c.Dir = dir
	return &c
}

// TestGroupMemberWrongYear: the message lists the years that exist.
func TestGroupMemberWrongYear(t *testing.T) {
	s := withGroups(t, testkit.Set(t, groupDir), `
[[group]]
name = "Fel år"
members = [
  { kommun = "Exempelkommun B", year = 2007 },
  { kommun = "exempelkommun a", year = 2008 },
]
`)
	_, err := s.Group("Fel år", find(t, s, "Exempelkommun A", 2007), evalset.Period{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, part := range []string{
		filepath.Join(s.Dir, "groups.toml") + ": group[1].members[2]: ",
		`group "Fel år" names exempelkommun a 2008`,
		"evaluations of exempelkommun a: 2005, 2007, 2009",
	} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not contain %q", err, part)
		}
	}
}

// TestGroupMemberWithProblems: "Med problem" (group[3]) names F 2007,
// whose workbook is left out; the message names the workbook.
func TestGroupMemberWithProblems(t *testing.T) {
	s := testkit.Set(t, groupDir)
	_, err := s.Group("med problem", find(t, s, "Exempelkommun A", 2007), evalset.Period{})
	if err == nil {
		t.Fatal("no error")
	}
	file := filepath.Join(groupDir, fileF)
	want := filepath.Join(groupDir, "groups.toml") + `: group[3].members[1]: group "Med problem" names Exempelkommun F 2007, whose workbook ` +
		file + " has problems and is left out (run 'kompass validate " + file + "')"
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
}

func TestGroupsFileErrors(t *testing.T) {
	base := testkit.Set(t, groupDir)
	ref := find(t, base, "Exempelkommun A", 2007)
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"unknown key in a group", `
[[group]]
name = "G"
colour = "röd"
members = [{ kommun = "Exempelkommun A", year = 2007 }]
`, []string{`unknown key "group.colour"`, "known: group.name, group.description, group.members.kommun, group.members.year"}},
		{"unknown key in a member", `
[[group]]
name = "G"
members = [{ kommun = "Exempelkommun A", year = 2007, ar = 2007 }]
`, []string{`unknown key "group.members.ar"`}},
		{"unknown top-level key", `
[[grupp]]
name = "G"
`, []string{`unknown key "grupp`}},
		{"duplicate name", `
[[group]]
name = "Grupp Å"
members = [{ kommun = "Exempelkommun A", year = 2007 }]

[[group]]
name = "grupp a"
members = [{ kommun = "Exempelkommun B", year = 2007 }]
`, []string{"group[2]", `the group name "grupp a" is used twice`}},
		{"member without year", `
[[group]]
name = "G"
members = [
  { kommun = "Exempelkommun A", year = 2007 },
  { kommun = "Exempelkommun B" },
]
`, []string{"group[1].members[2]: a member needs kommun and year"}},
		{"member without kommun", `
[[group]]
name = "G"
members = [{ year = 2007 }]
`, []string{"group[1].members[1]: a member needs kommun and year"}},
		{"group without name", `
[[group]]
members = [{ kommun = "Exempelkommun A", year = 2007 }]
`, []string{"group[1].name is missing"}},
		{"group without members", `
[[group]]
name = "Tom"
`, []string{`group[1] ("Tom") has no members`}},
		{"year as text", `
[[group]]
name = "G"
members = [{ kommun = "Exempelkommun A", year = "2007" }]
`, []string{"groups.toml"}},
		{"not TOML", `[[group]
name = "G"
`, []string{"groups.toml"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := withGroups(t, base, tc.text)
			_, err := s.Group("G", ref, evalset.Period{})
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
			if errors.Is(err, evalset.ErrNoGroup) {
				t.Errorf("error %v wraps ErrNoGroup; a broken file is not an unknown group", err)
			}
			path := filepath.Join(s.Dir, evalset.GroupsFile)
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("error %q does not start with the file %s", err, path)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			// The built-in group and published series do not depend on
			// groups.toml.
			if g, err := s.Group("alla", ref, evalset.Period{}); err != nil || len(g.Members) != 3 {
				t.Errorf("Group(alla) with a broken groups.toml: %v", err)
			}
		})
	}
}

func TestGroupsFileEmpty(t *testing.T) {
	s := withGroups(t, testkit.Set(t, groupDir), "# no groups yet\n")
	_, err := s.Group("G", find(t, s, "Exempelkommun A", 2007), evalset.Period{})
	if !errors.Is(err, evalset.ErrNoGroup) || !strings.HasSuffix(err.Error(), "known groups: alla") {
		t.Errorf("error %v, want ErrNoGroup listing alla", err)
	}
}

// TestGroupsFileLimits: a groups.toml nested two million levels deep used
// to overflow the stack (a fatal error, exit 2); one that is not a regular
// file could hang or fill the memory. Each is refused with its place.
func TestGroupsFileLimits(t *testing.T) {
	was := msg.Current()
	msg.SetLanguage(msg.English)
	t.Cleanup(func() { msg.SetLanguage(was) })
	base := testkit.Set(t, groupDir)
	ref := find(t, base, "Exempelkommun A", 2007)
	deep := "x = " + strings.Repeat("[", 200_000) + strings.Repeat("]", 200_000) + "\n"
	for _, tc := range []struct{ name, text, want string }{
		{"deep arrays", "# fine so far\n" + deep, ":2: nested more than 32 levels deep"},
		{"deep tables", "[" + strings.Repeat("a.", 300) + "a]\n", ":1: a key or value longer than 256 characters"},
		{"too large", strings.Repeat("# comment\n", MaxGroupsSizeForTest/10+1), "groups.toml: the file is 1048580 bytes; kompass reads groups files of at most 1048576 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := withGroups(t, base, tc.text)
			_, err := s.Group("G", ref, evalset.Period{})
			var ge *evalset.GroupsError
			if !errors.As(err, &ge) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a GroupsError containing %q", err, tc.want)
			}
		})
	}
	// Brackets inside strings and comments do not count.
	ok := "[[group]]\nname = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\nmembers = [ { kommun = \"Exempelkommun B\", year = 2007 } ]\n"
	s := withGroups(t, base, ok)
	if _, err := s.Group("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", ref, evalset.Period{}); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
	// A FIFO named groups.toml does not hang.
	fifoDir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(fifoDir, evalset.GroupsFile), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	fs := &evalset.Set{Dir: fifoDir, Evaluations: base.Evaluations}
	if _, err := fs.Group("G", ref, evalset.Period{}); err == nil || !strings.Contains(err.Error(), "groups.toml: is not a regular file but a named pipe (FIFO); kompass reads only regular files") {
		t.Errorf("FIFO groups.toml: %v", err)
	}
}

const MaxGroupsSizeForTest = evalset.MaxGroupsSize
