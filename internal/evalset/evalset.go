// Package evalset holds an evaluation set: every evaluation under a data
// folder that validates, the workbooks left out because they have problems
// (never silently), and the reference groups defined beside them in
// groups.toml (schema: docs/groups.md).
package evalset

import (
	"fmt"
	"sort"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/validate"
)

// Set is the validated evaluations of a data folder.
type Set struct {
	Dir         string
	Evaluations []*evaluation.Evaluation // sorted by kommun (Swedish order), then year
	Excluded    []Excluded
	Registry    *instrument.Registry
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

// Kommun returns the evaluations of one kommun of kind "kommun" or
// "medelvärde", matched case-insensitively and with å, ä, ö folded, sorted
// by year.
func (s *Set) Kommun(name string) []*evaluation.Evaluation {
	want := evaluation.FoldName(name)
	var out []*evaluation.Evaluation
	for _, ev := range s.Evaluations {
		if evaluation.FoldName(ev.Facts.Kommun) == want {
			out = append(out, ev)
		}
	}
	return out
}

// Find returns the evaluation of a kommun in a year.
func (s *Set) Find(kommun string, year int) (*evaluation.Evaluation, bool) {
	for _, ev := range s.Kommun(kommun) {
		if ev.Facts.Year == year {
			return ev, true
		}
	}
	return nil, false
}

// Kommuner lists the kommun names in Swedish order, as written.
func (s *Set) Kommuner() []string {
	seen := map[string]bool{}
	var out []string
	for _, ev := range s.Evaluations {
		k := evaluation.FoldName(ev.Facts.Kommun)
		if !seen[k] {
			seen[k] = true
			out = append(out, ev.Facts.Kommun)
		}
	}
	return out
}

// Warnings are the lines to print about excluded workbooks.
func (s *Set) Warnings() []string {
	var out []string
	for _, ex := range s.Excluded {
		first := ""
		if len(ex.Problems) > 0 {
			first = ": " + ex.Problems[0].String()
		}
		out = append(out, fmt.Sprintf("%s is left out of comparisons: %d %s%s (run 'kompass validate %s')",
			ex.File, len(ex.Problems), msg.Plural(len(ex.Problems), "problem", "problems"), trimFile(first, ex.File), ex.File))
	}
	return out
}

func trimFile(s, file string) string {
	if len(s) > len(file)+2 && s[2:2+len(file)] == file {
		return ": " + s[2+len(file)+2:]
	}
	return s
}
