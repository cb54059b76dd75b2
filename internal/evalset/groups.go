package evalset

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
)

// GroupsFile is the name of the groups file in the data folder.
const GroupsFile = "groups.toml"

// AllGroup is the name of the built-in group: the latest evaluation of
// every other kommun made with the same instrument version (the national
// mean of the set).
const AllGroup = "alla"

// GroupKind says how a group is made.
type GroupKind string

// Group kinds.
const (
	GroupList   GroupKind = "list"   // named evaluations from groups.toml
	GroupSeries GroupKind = "series" // a published mean entered as its own evaluation
	GroupAll    GroupKind = "all"    // the latest evaluation of every other kommun in one instrument version
)

// Group is a reference group resolved to its evaluations.
type Group struct {
	Name        string
	Kind        GroupKind
	Description string
	Members     []*evaluation.Evaluation
}

type groupsTOML struct {
	Group []struct {
		Name        *string `toml:"name"`
		Description string  `toml:"description"`
		Members     []struct {
			Kommun *string `toml:"kommun"`
			Year   *int    `toml:"year"`
		} `toml:"members"`
	} `toml:"group"`
}

// ErrNoGroup is wrapped when a group name is unknown.
var ErrNoGroup = msg.New("unknown group")

// GroupsError is a groups.toml that cannot be used: broken, or naming an
// evaluation that is not in the set.
type GroupsError struct{ Err error }

func (e *GroupsError) Error() string { return e.Err.Error() }
func (e *GroupsError) Unwrap() error { return e.Err }

// Group resolves a group by name: "alla" (the national mean as SKR
// means it: the latest evaluation of every other kommun made with ref's
// instrument version, within the period if one is given), a published
// mean series by its "Kommun År" (e.g. "Sverigesnitt 2021"), or a group
// defined in groups.toml (the period does not change those). Names match
// case-insensitively with å, ä, ö folded.
func (s *Set) Group(name string, ref *evaluation.Evaluation, p Period) (*Group, error) {
	want := evaluation.FoldName(name)
	if want == AllGroup {
		return s.national(ref, p)
	}
	for _, ev := range s.Evaluations {
		if ev.Facts.Kind == evaluation.KindMean && evaluation.FoldName(ev.Label()) == want {
			return &Group{Name: ev.Label(), Kind: GroupSeries, Description: ev.Facts.Sources, Members: []*evaluation.Evaluation{ev}}, nil
		}
	}
	groups, err := s.groups()
	if err != nil {
		return nil, &GroupsError{err}
	}
	for _, g := range groups {
		if evaluation.FoldName(g.name) == want {
			r, err := s.resolve(g)
			if err != nil {
				return nil, &GroupsError{err}
			}
			return r, nil
		}
	}
	var names []string
	for _, g := range groups {
		names = append(names, g.name)
	}
	for _, ev := range s.Evaluations {
		if ev.Facts.Kind == evaluation.KindMean {
			names = append(names, ev.Label())
		}
	}
	names = append(names, AllGroup)
	return nil, msg.Errorf("%w %q; known groups: %s", ErrNoGroup, name, strings.Join(names, ", "))
}

type groupDef struct {
	name, description, key string
	members                []memberDef
}

type memberDef struct {
	kommun string
	year   int
	key    string
}

// groups reads groups.toml strictly; a missing file means no groups.
func (s *Set) groups() ([]groupDef, error) {
	path := filepath.Join(s.Dir, GroupsFile)
	data, err := readGroupsFile(path)
	if err != nil || data == nil {
		return nil, err
	}
	var raw groupsTOML
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, msg.Errorf("%s: unknown key %q (known: group.name, group.description, group.members.kommun, group.members.year)", path, und[0].String())
	}
	var out []groupDef
	seen := map[string]bool{}
	for i, g := range raw.Group {
		key := "group[" + strconv.Itoa(i+1) + "]"
		if g.Name == nil || strings.TrimSpace(*g.Name) == "" {
			return nil, msg.Errorf("%s: %s.name is missing", path, key)
		}
		d := groupDef{name: strings.TrimSpace(*g.Name), description: strings.TrimSpace(g.Description), key: key}
		if evaluation.FoldName(d.name) == AllGroup {
			return nil, msg.Errorf("%s: %s: the group name %q is reserved for the built-in group of all evaluations", path, key, d.name)
		}
		if seen[evaluation.FoldName(d.name)] {
			return nil, msg.Errorf("%s: %s: the group name %q is used twice", path, key, d.name)
		}
		seen[evaluation.FoldName(d.name)] = true
		if len(g.Members) == 0 {
			return nil, msg.Errorf("%s: %s (%q) has no members", path, key, d.name)
		}
		for j, m := range g.Members {
			mk := fmt.Sprintf("%s.members[%d]", key, j+1)
			if m.Kommun == nil || strings.TrimSpace(*m.Kommun) == "" || m.Year == nil {
				return nil, msg.Errorf("%s: %s: a member needs kommun and year, e.g. { kommun = \"Umeå\", year = 2007 }", path, mk)
			}
			for _, prev := range d.members {
				if evaluation.NameKey(prev.kommun) == evaluation.NameKey(*m.Kommun) && prev.year == *m.Year {
					return nil, msg.Errorf("%s: %s: %s %d is already a member of %q (%s)", path, mk, prev.kommun, prev.year, d.name, prev.key)
				}
			}
			d.members = append(d.members, memberDef{kommun: strings.TrimSpace(*m.Kommun), year: *m.Year, key: mk})
		}
		out = append(out, d)
	}
	return out, nil
}

func (s *Set) resolve(g groupDef) (*Group, error) {
	path := filepath.Join(s.Dir, GroupsFile)
	out := &Group{Name: g.name, Kind: GroupList, Description: g.description}
	for _, m := range g.members {
		// A clash in a year the group does not name is no concern of the
		// group's; one in its year leaves the member out, below.
		evs, _, err := s.lookup(m.kommun)
		var amb *AmbiguousError
		if errors.As(err, &amb) {
			return nil, msg.Errorf("%s: %s: group %q: %w; write the name as the kommun's workbook does", path, m.key, g.name, err)
		}
		if i := slices.IndexFunc(evs, func(ev *evaluation.Evaluation) bool { return ev.Facts.Year == m.year }); i >= 0 {
			out.Members = append(out.Members, evs[i])
			continue
		}
		for _, ex := range s.Excluded {
			if ex.Year == m.year && evaluation.FoldName(ex.Kommun) == evaluation.FoldName(m.kommun) {
				return nil, msg.Errorf("%[1]s: %[2]s: group %[3]q names %[4]s %[5]d, whose workbook %[6]s has problems and is left out (run 'kompass validate %[6]s')", path, m.key, g.name, m.kommun, m.year, ex.File)
			}
		}
		var years []string
		for _, e := range evs {
			years = append(years, strconv.Itoa(e.Facts.Year))
		}
		known := msg.Sprintf("no evaluations of %s validate", m.kommun)
		if len(years) > 0 {
			known = msg.Sprintf("evaluations of %s: %s", m.kommun, strings.Join(years, ", "))
		}
		return nil, msg.Errorf("%s: %s: group %q names %s %d, which has no valid evaluation in %s (%s)", path, m.key, g.name, m.kommun, m.year, s.Dir, known)
	}
	return out, nil
}

// national is the built-in group "alla": per kommun other than ref's, its
// latest final evaluation (no draft) made with ref's instrument version
// (within p). Its
// description says how many kommuner and which years it covers.
func (s *Set) national(ref *evaluation.Evaluation, p Period) (*Group, error) {
	latest := map[string]*evaluation.Evaluation{}
	var order []string
	own := evaluation.NameKey(ref.Facts.Kommun)
	for _, ev := range s.Evaluations {
		k := evaluation.NameKey(ev.Facts.Kommun)
		// A draft is not yet an evaluation of the nation's: the mean is of
		// finished ones.
		if ev.Facts.Kind != evaluation.KindKommun || k == own || ev.Instrument.Ref() != ref.Instrument.Ref() || !p.Contains(ev.Facts.Year) || ev.Facts.Draft() {
			continue
		}
		prev, seen := latest[k]
		if !seen {
			order = append(order, k)
		}
		if !seen || ev.Facts.Year > prev.Facts.Year {
			latest[k] = ev
		}
	}
	in := ref.Instrument
	where := ""
	if !p.IsZero() {
		where = " " + p.String()
	}
	if len(order) == 0 {
		return nil, msg.Errorf("%w %q: no other kommun in %s is evaluated with %s (%s)%s", ErrNoGroup, AllGroup, s.Dir, in.Name, in.Ref(), where)
	}
	g := &Group{Name: "Alla kommuner med " + in.Name, Kind: GroupAll}
	lo, hi := 0, 0
	for _, k := range order { // Swedish order, as the set is sorted
		ev := latest[k]
		g.Members = append(g.Members, ev)
		if lo == 0 || ev.Facts.Year < lo {
			lo = ev.Facts.Year
		}
		hi = max(hi, ev.Facts.Year)
	}
	years := strconv.Itoa(lo)
	if hi != lo {
		years += "–" + strconv.Itoa(hi)
	}
	g.Description = fmt.Sprintf("Den senaste utvärderingen med %s (%s) av var och en av %s utom %s, från %s%s.",
		in.Name, in.Ref(), msg.Counted(len(order), "annan kommun", "andra kommuner"), ref.Facts.Kommun, years, periodNote(p))
	return g, nil
}

func periodNote(p Period) string {
	if p.IsZero() {
		return ""
	}
	return " (perioden " + p.String() + ")"
}

// GroupNames lists the names of the groups that groups.toml in dir
// defines, in its order (none without the file); a broken file is a
// GroupsError.
func GroupNames(dir string) ([]string, error) {
	groups, err := (&Set{Dir: dir}).groups()
	if err != nil {
		return nil, &GroupsError{err}
	}
	var names []string
	for _, g := range groups {
		names = append(names, g.name)
	}
	return names, nil
}
