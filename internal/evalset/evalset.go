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
	Registry *instrument.Registry
}

// Excluded is a workbook left out of comparisons, with the reason.
type Excluded struct {
	File     string
	Kommun   string // as far as the workbook could be read
	Year     int
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
	validate.Each(files, reg, func(i int, r validate.Result) {
		results = append(results, r)
		for _, p := range progress {
			p(i+1, len(files))
		}
	})
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
			ex.Kommun, ex.Year = r.Plan.Kommun, r.Plan.Year
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
// evaluated) is an *AmbiguousError; no kommun at all a *NotFoundError.
func (s *Set) Lookup(name string) ([]*evaluation.Evaluation, error) {
	if evs := s.Kommun(name); len(evs) > 0 {
		return evs, nil
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
		return nil, &NotFoundError{Dir: s.Dir, Kommun: name, Known: s.Kommuner()}
	case 1:
		return s.Kommun(fits[0]), nil
	}
	return nil, &AmbiguousError{Name: name, Fits: fits}
}

// Select returns a kommun's evaluations (Lookup), restricted to the given
// years if any; a year without an evaluation is a *NotFoundError naming
// the years there are.
func (s *Set) Select(name string, years ...int) ([]*evaluation.Evaluation, error) {
	evs, err := s.Lookup(name)
	if err != nil || len(years) == 0 {
		return evs, err
	}
	var out []*evaluation.Evaluation
	for _, y := range years {
		if !slices.ContainsFunc(evs, func(ev *evaluation.Evaluation) bool { return ev.Facts.Year == y }) {
			return nil, s.noYear(evs, y)
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
// the year itself must have one.
func (s *Set) Until(name string, year int) ([]*evaluation.Evaluation, error) {
	evs, err := s.Lookup(name)
	if err != nil || year == 0 {
		return evs, err
	}
	for i, ev := range evs {
		if ev.Facts.Year == year {
			return evs[:i+1], nil
		}
	}
	return nil, s.noYear(evs, year)
}

func (s *Set) noYear(evs []*evaluation.Evaluation, year int) error {
	var years []string
	for _, ev := range evs {
		years = append(years, strconv.Itoa(ev.Facts.Year))
	}
	return &NotFoundError{Dir: s.Dir, Kommun: evs[0].Facts.Kommun, Year: year, Known: years}
}

// Kommuner lists the kommun names in Swedish order, as written.
func (s *Set) Kommuner() []string {
	seen := map[string]bool{}
	var out []string
	for _, ev := range s.Evaluations {
		k := evaluation.NameKey(ev.Facts.Kommun)
		if !seen[k] {
			seen[k] = true
			out = append(out, ev.Facts.Kommun)
		}
	}
	return out
}

// NotFoundError is a kommun, or a year of a kommun, with no valid
// evaluation in the set. Known lists the kommuner (or, with Year, the
// years) there are.
type NotFoundError struct {
	Dir    string
	Kommun string
	Year   int // 0: the kommun itself is not found
	Known  []string
}

func (e *NotFoundError) Error() string {
	if e.Year != 0 {
		return msg.Sprintf("%s has no valid evaluation from %d", e.Kommun, e.Year)
	}
	return msg.Sprintf("no valid evaluation of %q in %s", e.Kommun, e.Dir)
}

// Hint says what there is instead.
func (e *NotFoundError) Hint() string {
	switch {
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
		first := ""
		if len(ex.Problems) > 0 {
			first = ": " + ex.Problems[0].String()
		}
		out = append(out, msg.Sprintf("%[1]s is left out of comparisons: %[2]s%[3]s (run 'kompass validate %[1]s')",
			ex.File, msg.Count(len(ex.Problems), "problem", "problems"), trimFile(first, ex.File)))
	}
	return out
}

func trimFile(s, file string) string {
	if len(s) > len(file)+2 && s[2:2+len(file)] == file {
		return ": " + s[2+len(file)+2:]
	}
	return s
}
