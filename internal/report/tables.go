package report

import (
	"strconv"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// numberTables numbers the report's tables as SKL's analysis does, "Tabell
// 1", "Tabell 2" …, so that the text can name them: the evaluators' own
// tables and the report's main tables (the scores over the years, the
// earlier versions, the group, the areas, the poängsammanställning) in the
// order of the page. An evaluators' table whose title starts with its own
// label ("Tabell 1 Mandatfördelningen") keeps it, and the report's tables
// take the numbers no such label uses, counting on from the last one
// before them: in SKL's Umeå analysis Tabell 1 is the evaluators' and the
// scores are Tabell 2, as its text says. The small tables of one area
// (its delfrågor, the åtgärder of the follow-up) are not numbered.
func numberTables(r *Report) {
	var prose []*Table // the evaluators' tables, in the order of the page
	collect := func(p *Prose) {
		for i := range p.Passages {
			for j := range p.Passages[i].Tables {
				prose = append(prose, &p.Passages[i].Tables[j])
			}
		}
		for j := range p.Tables {
			prose = append(prose, &p.Tables[j])
		}
	}
	used := map[int]bool{}
	label := func(t *Table) int {
		m := evaluation.TableLabel(t.Title)
		if m == "" {
			return 0
		}
		n, err := strconv.Atoi(m[len(m)-len(trailingDigits(m)):])
		if err != nil || n <= 0 {
			return 0
		}
		return n
	}
	for _, p := range []*Prose{&r.Background, &r.Summary} {
		collect(p)
	}
	for i := range r.Areas {
		collect(&r.Areas[i].Text)
	}
	for _, t := range prose {
		if n := label(t); n > 0 {
			used[n] = true
		}
	}

	last := 0
	next := func() int {
		last++
		for used[last] {
			last++
		}
		used[last] = true
		return last
	}
	own := func(t *Table) {
		if n := label(t); n > 0 {
			t.No, t.Labelled = n, true
			last = max(last, n)
			return
		}
		t.No = next()
	}
	ownAll := func(p *Prose) {
		for i := range p.Passages {
			for j := range p.Passages[i].Tables {
				own(&p.Passages[i].Tables[j])
			}
		}
		for j := range p.Tables {
			own(&p.Tables[j])
		}
	}

	ownAll(&r.Background)
	r.TrendNo = next()
	r.EarlierNo = nil
	for range r.Earlier {
		r.EarlierNo = append(r.EarlierNo, next())
	}
	if r.Group != nil {
		r.GroupNo = next()
	}
	ownAll(&r.Summary)
	if r.Overview {
		r.OverviewNo = next()
	}
	for i := range r.Areas {
		if r.Areas[i].Own {
			ownAll(&r.Areas[i].Text)
		}
	}
	if r.Questions {
		r.SummaryNo = next()
	}
}

// trailingDigits is the run of ASCII digits that ends s.
func trailingDigits(s string) string {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	return s[i:]
}
