// Package evalset holds an evaluation set: every evaluation under a data
// folder that validates, the workbooks left out because they have problems
// (never silently), and the reference groups defined beside them in
// groups.toml (schema: docs/groups.md).
package evalset

import (
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/validate"
)

// Set is the validated evaluations of a data folder.
type Set struct {
	Dir         string
	Evaluations []*evaluation.Evaluation // sorted by kommun (Swedish order), then year
	// Assessments are the evaluators' own workbooks that validate (Avser =
	// bedömning), in file order: never evaluations, kept apart for the note
	// on the evaluators' agreement (assessments.go).
	Assessments []*evaluation.Evaluation
	// Plans are the åtgärdsplaner in the folder that validate (issue 14),
	// in file order: never evaluations.
	Plans    []*plan.Plan
	Excluded []Excluded
	// Clashes are the evaluations two or more valid workbooks claim: none
	// of them is used, and the kommun's comparisons and reports stop with a
	// *ClashError until only one is left (validate.Claims has the rule).
	Clashes  []Clash
	Registry *instrument.Registry
}

// Clash is an evaluation that several workbooks without errors claim.
type Clash struct {
	Kommun string
	Year   int
	Files  []string // in file order
}

// Excluded is a workbook left out of comparisons, with the reason.
type Excluded struct {
	File     string
	Kommun   string // as far as the workbook could be read
	Year     int
	Plan     bool // an åtgärdsplan
	Problems []problem.Problem
}

// Load reads and validates every workbook under dir. progress, if given,
// is called after each workbook with the count done and the total.
func Load(dir string, reg *instrument.Registry, progress ...func(done, total int)) (*Set, error) {
	files, err := validate.Collect([]string{dir})
	if err != nil {
		return nil, err
	}
	s := &Set{Dir: dir, Registry: reg}
	var results []validate.Result
	clashes := validate.Each(files, reg, func(i int, r validate.Result) {
		results = append(results, r)
		for _, p := range progress {
			p(i+1, len(files))
		}
	})
	for i := range results {
		ps := clashes[i]
		results[i].Add(ps...)
		if ev := results[i].Evaluation; ev != nil && ev.Facts.Kind != evaluation.KindAssessment && problem.HasErrors(ps) {
			s.addClash(ev)
		}
	}
	for _, r := range results {
		if r.OK() && r.Plan != nil {
			s.Plans = append(s.Plans, r.Plan)
			continue
		}
		if r.OK() && r.Evaluation.Facts.Kind == evaluation.KindAssessment {
			s.Assessments = append(s.Assessments, r.Evaluation)
			continue
		}
		if r.OK() {
			s.Evaluations = append(s.Evaluations, r.Evaluation)
			continue
		}
		var errs []problem.Problem
		for _, p := range r.Problems {
			if p.Severity == problem.Error {
				errs = append(errs, p)
			}
		}
		ex := Excluded{File: r.File, Problems: errs}
		if r.Evaluation != nil {
			ex.Kommun, ex.Year = r.Evaluation.Facts.Kommun, r.Evaluation.Facts.Year
		}
		if r.Plan != nil {
			ex.Kommun, ex.Year, ex.Plan = r.Plan.Kommun, r.Plan.Year, true
		}
		s.Excluded = append(s.Excluded, ex)
	}
	sort.SliceStable(s.Evaluations, func(i, j int) bool {
		a, b := s.Evaluations[i], s.Evaluations[j]
		if c := CompareNames(a.Facts.Kommun, b.Facts.Kommun); c != 0 {
			return c < 0
		}
		return a.Facts.Year < b.Facts.Year
	})
	return s, nil
}

// addClash notes a workbook of a clash.
func (s *Set) addClash(ev *evaluation.Evaluation) {
	for i, c := range s.Clashes {
		if c.Year == ev.Facts.Year && evaluation.NameKey(c.Kommun) == evaluation.NameKey(ev.Facts.Kommun) {
			s.Clashes[i].Files = append(s.Clashes[i].Files, ev.File)
			return
		}
	}
	s.Clashes = append(s.Clashes, Clash{Kommun: ev.Facts.Kommun, Year: ev.Facts.Year, Files: []string{ev.File}})
}

// Kommun returns the evaluations of one kommun (of kind "kommun" or
// "medelvärde") by its identity (evaluation.NameKey), sorted by year; nil
// if there are none.
func (s *Set) Kommun(name string) []*evaluation.Evaluation {
	want := evaluation.NameKey(name)
	var out []*evaluation.Evaluation
	for _, ev := range s.Evaluations {
		if evaluation.NameKey(ev.Facts.Kommun) == want {
			out = append(out, ev)
		}
	}
	return out
}

// Lookup finds a kommun as a person types it: by its name (case and white
// space aside), or else by the folded name ("umea" finds Umeå). A folded
// name that fits more than one kommun ("Habo" where only Håbo and Habö are
// evaluated) is an *AmbiguousError; no kommun at all a *NotFoundError; a
// kommun one of whose evaluations several workbooks claim a *ClashError.
func (s *Set) Lookup(name string) ([]*evaluation.Evaluation, error) {
	return s.Select(name)
}

// lookup is Lookup without the check for clashes: the evaluations there
// are, for a kommun named as typed.
func (s *Set) lookup(name string) ([]*evaluation.Evaluation, string, error) {
	if evs := s.Kommun(name); len(evs) > 0 {
		return evs, evs[0].Facts.Kommun, nil
	}
	want := evaluation.FoldName(name)
	var fits []string
	for _, k := range s.Kommuner() {
		if evaluation.FoldName(k) == want {
			fits = append(fits, k)
		}
	}
	switch len(fits) {
	case 0:
		return nil, "", &NotFoundError{Dir: s.Dir, Kommun: name, Known: s.Kommuner(), LeftOut: s.leftOut(name, 0), NoneValid: len(s.Kommuner()) == 0 && len(s.Excluded) > 0}
	case 1:
		return s.Kommun(fits[0]), fits[0], nil
	}
	return nil, "", &AmbiguousError{Name: name, Fits: fits}
}

// clashIn is the *ClashError of a kommun's clashes in the years for
// which in is true, or nil.
func (s *Set) clashIn(kommun string, in func(year int) bool) error {
	var cs []Clash
	for _, c := range s.Clashes {
		if evaluation.NameKey(c.Kommun) == evaluation.NameKey(kommun) && in(c.Year) {
			cs = append(cs, c)
		}
	}
	if cs == nil {
		return nil
	}
	return &ClashError{Dir: s.Dir, Clashes: cs}
}

// Select returns a kommun's evaluations (Lookup), restricted to the given
// years if any; a year without an evaluation is a *NotFoundError naming
// the years there are, a year several workbooks claim a *ClashError.
func (s *Set) Select(name string, years ...int) ([]*evaluation.Evaluation, error) {
	evs, kommun, err := s.lookup(name)
	if err != nil {
		return nil, err
	}
	if err := s.clashIn(kommun, func(y int) bool { return len(years) == 0 || slices.Contains(years, y) }); err != nil {
		return nil, err
	}
	if len(years) == 0 {
		return evs, nil
	}
	var out []*evaluation.Evaluation
	for _, y := range years {
		if !slices.ContainsFunc(evs, func(ev *evaluation.Evaluation) bool { return ev.Facts.Year == y }) {
			return nil, s.noYear(kommun, evs, y)
		}
	}
	for _, ev := range evs {
		if slices.Contains(years, ev.Facts.Year) {
			out = append(out, ev)
		}
	}
	return out, nil
}

// Until returns a kommun's evaluations up to and including year (0: all);
// the year itself must have one, and none of them may be claimed by
// several workbooks (*ClashError).
func (s *Set) Until(name string, year int) ([]*evaluation.Evaluation, error) {
	evs, kommun, err := s.lookup(name)
	if err != nil {
		return nil, err
	}
	if err := s.clashIn(kommun, func(y int) bool { return year == 0 || y <= year }); err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, s.noYear(kommun, evs, year)
	}
	if year == 0 {
		return evs, nil
	}
	for i, ev := range evs {
		if ev.Facts.Year == year {
			return evs[:i+1], nil
		}
	}
	return nil, s.noYear(kommun, evs, year)
}

func (s *Set) noYear(kommun string, evs []*evaluation.Evaluation, year int) error {
	var years []string
	for _, ev := range evs {
		years = append(years, strconv.Itoa(ev.Facts.Year))
	}
	return &NotFoundError{Dir: s.Dir, Kommun: kommun, Year: year, Known: years, LeftOut: s.leftOut(kommun, year)}
}

// leftOut lists the evaluation workbooks left out for their problems that
// say they are of kommun (as a person types it: folded) and, unless year
// is 0, of year.
func (s *Set) leftOut(kommun string, year int) []string {
	want := evaluation.FoldName(kommun)
	var files []string
	for _, ex := range s.Excluded {
		if !ex.Plan && ex.Kommun != "" && evaluation.FoldName(ex.Kommun) == want && (year == 0 || ex.Year == year) {
			files = append(files, ex.File)
		}
	}
	return files
}

// Kommuner lists the kommun names in Swedish order, as written: those
// with a valid evaluation, and those with an evaluation several workbooks
// claim (Clashes).
func (s *Set) Kommuner() []string {
	seen := map[string]bool{}
	var out []string
	add := func(name string) {
		if k := evaluation.NameKey(name); !seen[k] {
			seen[k] = true
			out = append(out, name)
		}
	}
	for _, ev := range s.Evaluations {
		add(ev.Facts.Kommun)
	}
	n := len(out)
	for _, c := range s.Clashes {
		add(c.Kommun)
	}
	if len(out) > n {
		slices.SortStableFunc(out, CompareNames)
	}
	return out
}

// ClashError is a kommun's evaluation that several workbooks claim, so that
// none of them is used: which is the evaluation only people can say.
type ClashError struct {
	Dir     string
	Clashes []Clash
}

func (e *ClashError) Error() string {
	var parts []string
	for _, c := range e.Clashes {
		parts = append(parts, msg.Sprintf("%s %d is in %d workbooks, %s", c.Kommun, c.Year, len(c.Files), strings.Join(c.Files, ", ")))
	}
	return msg.Sprintf("%s; none of them is used, since kompass cannot tell which is the evaluation", strings.Join(parts, "; "))
}

// Hint says what to do.
func (e *ClashError) Hint() string {
	return msg.T("keep the agreed workbook and move the others out of the folder (a copy such as '… - kopia.xlsx' is the usual cause); 'kompass validate' names them all")
}

// NotFoundError is a kommun, or a year of a kommun, with no valid
// evaluation in the set. Known lists the kommuner (or, with Year, the
// years) there are; LeftOut the workbooks that say they are that
// evaluation but were left out for their problems.
type NotFoundError struct {
	Dir     string
	Kommun  string
	Year    int // 0: the kommun itself is not found
	Known   []string
	LeftOut []string
	// NoneValid: no workbook of the folder validates, but some were read
	// (left out for their problems); the input is at fault too.
	NoneValid bool
}

// InputAtFault reports whether the evaluation is missing because of the
// folder's workbooks (problems), not because of the name or year typed.
func (e *NotFoundError) InputAtFault() bool { return len(e.LeftOut) > 0 || e.NoneValid }

func (e *NotFoundError) Error() string {
	if len(e.LeftOut) > 0 {
		return msg.Sprintf("no valid evaluation of %q in %s: %s has problems", e.Kommun, e.Dir, strings.Join(e.LeftOut, ", "))
	}
	if e.Year != 0 {
		return msg.Sprintf("%s has no valid evaluation from %d", e.Kommun, e.Year)
	}
	return msg.Sprintf("no valid evaluation of %q in %s", e.Kommun, e.Dir)
}

// Hint says what there is instead.
func (e *NotFoundError) Hint() string {
	switch {
	case len(e.LeftOut) > 0:
		return msg.Sprintf("fix what the warnings above name, or run 'kompass validate %s'", e.LeftOut[0])
	case e.Year != 0:
		return msg.Sprintf("years with an evaluation: %s", strings.Join(e.Known, ", "))
	case len(e.Known) == 0:
		return msg.Sprintf("no workbook in %[1]s validates; see the warnings above, or run 'kompass validate %[1]s'", e.Dir)
	}
	return msg.Sprintf("kommuner in %s: %s", e.Dir, strings.Join(e.Known, ", "))
}

// AmbiguousError is a name that, folded, fits more than one kommun.
type AmbiguousError struct {
	Name string
	Fits []string
}

func (e *AmbiguousError) Error() string {
	return msg.Sprintf("%q fits more than one kommun: %s", e.Name, strings.Join(e.Fits, ", "))
}

// Hint says how to choose.
func (e *AmbiguousError) Hint() string {
	return msg.Sprintf("write the name with å, ä and ö as the kommun writes it, e.g. --kommun %s", strconvQuote(e.Fits[0]))
}

func strconvQuote(s string) string {
	if strings.ContainsAny(s, " '\"") {
		return strconv.Quote(s)
	}
	return s
}

// Inputs are the files the set was read from: every workbook, valid or
// not, and groups.toml. No output may be written over one of them.
func (s *Set) Inputs() []string {
	var out []string
	for _, ev := range append(s.Evaluations[:len(s.Evaluations):len(s.Evaluations)], s.Assessments...) {
		out = append(out, ev.File)
	}
	for _, ex := range s.Excluded {
		out = append(out, ex.File)
	}
	for _, p := range s.Plans {
		out = append(out, p.File)
	}
	return append(out, filepath.Join(s.Dir, GroupsFile))
}

// Warnings are the lines to print about excluded workbooks.
func (s *Set) Warnings() []string {
	var out []string
	for _, ex := range s.Excluded {
		out = append(out, s.Warning(ex))
	}
	return out
}

// Warning is the line to print about one excluded workbook: an
// evaluation is left out of comparisons, an åtgärdsplan out of reports.
func (s *Set) Warning(ex Excluded) string {
	first := ""
	if len(ex.Problems) > 0 {
		first = ": " + ex.Problems[0].String()
	}
	n := msg.Count(len(ex.Problems), "problem", "problems")
	if ex.Plan {
		return msg.Sprintf("the åtgärdsplan %[1]s is left out of reports: %[2]s%[3]s (run 'kompass validate %[1]s')", ex.File, n, trimFile(first, ex.File))
	}
	return msg.Sprintf("%[1]s is left out of comparisons: %[2]s%[3]s (run 'kompass validate %[1]s')", ex.File, n, trimFile(first, ex.File))
}

func trimFile(s, file string) string {
	if len(s) > len(file)+2 && s[2:2+len(file)] == file {
		return ": " + s[2+len(file)+2:]
	}
	return s
}
