package validate_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

const (
	asPublishedDir = "../../testdata/as-published"
	shippedDir     = "../../evaluations"
)

// want is an expected problem, compared field by field (message exactly).
type want struct {
	file, sheet, cell, id string
	severity              problem.Severity
	message               string
}

func got(p problem.Problem) want {
	return want{p.File, p.Sheet, p.Cell, p.ID, p.Severity, p.Message}
}

func checkExactly(t *testing.T, probs []problem.Problem, wants []want) {
	t.Helper()
	var gs []want
	for _, p := range probs {
		gs = append(gs, got(p))
	}
	if !slices.Equal(gs, wants) {
		t.Errorf("problems:")
		for _, g := range gs {
			t.Errorf("  got  %+v", g)
		}
		for _, w := range wants {
			t.Errorf("  want %+v", w)
		}
	}
}

func TestAsPublished(t *testing.T) {
	paths, err := validate.Collect([]string{asPublishedDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 6 {
		t.Fatalf("found %d workbooks in %s, want 6: %q", len(paths), asPublishedDir, paths)
	}
	var all []problem.Problem
	for _, r := range files(t, paths) {
		if r.Evaluation == nil {
			t.Errorf("%s: not read", r.File)
		}
		all = append(all, r.Problems...)
	}
	u2003 := filepath.Join(asPublishedDir, "umea-2003.xlsx")
	u2007 := filepath.Join(asPublishedDir, "umea-2007.xlsx")
	checkExactly(t, all, []want{
		{u2003, "Poäng", "D47", "TOTAL", problem.Error, "the total is stated as 497 but the huvudområden add up to 497,5"},
		{u2007, "Poäng", "D24", "5", problem.Error, "huvudområde 5 is stated as 79 but its delfrågor add up to 78"},
		// 7.1 = 25 is no score, so area 7 has no sum to check its stated 75
		// against; the total (646) agrees with the areas as stated.
		{u2007, "Poäng", "D37", "7.1", problem.Error, "Poäng 25 for delfråga 7.1 is above its maxpoäng 20"},
	})
	for _, p := range all {
		switch p.Cell {
		case "D47":
			if p.Found != "497" || p.Expected != "497,5" {
				t.Errorf("%v: found %q expected %q", p, p.Found, p.Expected)
			}
		case "D24":
			if p.Found != "79" || p.Expected != "78" {
				t.Errorf("%v: found %q expected %q", p, p.Found, p.Expected)
			}
		}
	}
}

func TestShippedValidateClean(t *testing.T) {
	paths, err := validate.Collect([]string{shippedDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 6 {
		t.Fatalf("found %q in %s", paths, shippedDir)
	}
	for _, r := range files(t, paths) {
		if !r.OK() || len(r.Problems) != 0 {
			t.Errorf("%s: problems %v", r.File, r.Problems)
		}
	}
}

// evaluationOf builds an in-memory evaluation of Umeå 2007 as the reader
// would: one entry per row of the template, in order, with the scores given
// (ids not given are not scored).
func evaluationOf(t *testing.T, ref string, scores map[string]float64) *evaluation.Evaluation {
	t.Helper()
	in := testbase.Instrument(t, ref)
	ev := &evaluation.Evaluation{
		File: "umea.xlsx",
		Facts: evaluation.Facts{
			Kommun: "Umeå", Year: 2007, InstrumentID: in.ID, InstrumentVersion: in.Version, Kind: evaluation.KindKommun,
			Cells: map[string]string{"Kommun": "B2", "År": "B3", "Instrument": "B4", "Version": "B5"},
			Raw:   map[string]string{"Kommun": "Umeå", "År": "2007", "Instrument": in.ID, "Version": in.Version},
		},
	}
	var ids []string
	for _, a := range in.Areas {
		ids = append(ids, a.ID)
		for _, q := range a.Questions {
			ids = append(ids, q.ID)
		}
	}
	ids = append(ids, evaluation.TotalID)
	for i, id := range ids {
		r := i + 2
		en := evaluation.Entry{ID: id, Row: r, Cell: "D" + strconv.Itoa(r), IDCell: "A" + strconv.Itoa(r)}
		if v, ok := scores[id]; ok {
			p, ok := points.FromFloat(v)
			if !ok {
				t.Fatalf("score %v", v)
			}
			en.Score, en.Scored = p, true
		}
		ev.Entries = append(ev.Entries, en)
	}
	return ev
}

// unreadable marks Poäng cells as the reader marks one that holds text
// (and has reported it).
func unreadable(ev *evaluation.Evaluation, ids ...string) {
	for i, en := range ev.Entries {
		if slices.Contains(ids, en.ID) {
			ev.Entries[i].Scored, ev.Entries[i].Unreadable = false, true
		}
	}
}

func with(m map[string]float64, kv ...any) map[string]float64 {
	for i := 0; i < len(kv); i += 2 {
		id := kv[i].(string)
		switch v := kv[i+1].(type) {
		case nil:
			delete(m, id)
		case int:
			m[id] = float64(v)
		case float64:
			m[id] = v
		}
	}
	return m
}

func TestEvaluation(t *testing.T) {
	const f = "umea.xlsx"
	const sc, sf = "Poäng", "Uppgifter"
	E, W := problem.Error, problem.Warning
	for _, tc := range []struct {
		name   string
		ref    string // default kommunkompassen@2007
		scores map[string]float64
		edit   func(ev *evaluation.Evaluation)
		want   []want
		noInst bool   // the instrument is not resolved
		inst   string // the instrument resolved, when not ref
	}{
		{name: "full and clean", scores: testkit.Umea2007Questions(t)},
		{name: "full with matching stated values", scores: with(testkit.Umea2007Questions(t), "1", 73, "2", 79.5, "TOTAL", 645)},
		{name: "area level and clean", scores: map[string]float64{"1": 73, "2": 79.5, "3": 79, "4": 84.5, "5": 78, "6": 78, "7": 75, "8": 98, "TOTAL": 645}},
		{
			name:   "score above max",
			scores: with(testkit.Umea2007Questions(t), "1.1", 41),
			want:   []want{{f, sc, "D3", "1.1", E, "Poäng 41 for delfråga 1.1 is above its maxpoäng 40"}},
		},
		{
			name:   "area and total above max",
			scores: map[string]float64{"1": 100.5, "2": 79.5, "3": 79, "4": 84.5, "5": 78, "6": 78, "7": 75, "8": 98, "TOTAL": 800.5},
			want: []want{
				{f, sc, "D2", "1", E, "Poäng 100,5 for huvudområde 1 is above its maxpoäng 100"},
				{f, sc, "D47", "TOTAL", E, "Poäng 800,5 for the total is above its maxpoäng 800"},
			},
		},
		{
			name:   "score below 0",
			scores: with(testkit.Umea2007Questions(t), "1.1", -1),
			want:   []want{{f, sc, "D3", "1.1", E, "Poäng -1 for delfråga 1.1 is below 0"}},
		},
		{
			name:   "not a multiple of the step",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Entries[1].Score = points.P(7250) }, // 1.1 = 7,25
			want:   []want{{f, sc, "D3", "1.1", E, "Poäng 7,25 for delfråga 1.1 is not a multiple of the step 0,5"}},
		},
		{
			name:   "unknown id",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = append(ev.Entries, evaluation.Entry{ID: "9.9", Row: 60, Cell: "D60", IDCell: "A60", Scored: true, Score: points.FromInt(3)})
			},
			want: []want{{f, sc, "A60", "9.9", E, `id "9.9" is not in the instrument kommunkompassen@2007`}},
		},
		{
			name:   "unknown instrument",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.InstrumentID = "kommunkompass" },
			want:   []want{{f, sf, "B4", "", E, `unknown instrument "kommunkompass"; known: kommunkompassen@2002, kommunkompassen@2007, kommunkompassen@2010, kommunkompassen@2020 (or add its TOML file to the instruments folder)`}},
			noInst: true,
		},
		{
			name:   "unknown version",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.InstrumentVersion = "2008" },
			want:   []want{{f, sf, "B5", "", E, `unknown version "2008" of instrument kommunkompassen; known versions: 2002, 2007, 2010, 2020`}},
			noInst: true,
		},
		{
			// The rows of a 2007 workbook: 37 delfrågor that version 2010
			// does not have. One problem, at Version; no unknown ids.
			name:   "rows of another version",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.InstrumentVersion = "2010" },
			inst:   "kommunkompassen@2010",
			want:   []want{{f, sf, "B5", "", E, "the sheet Poäng has the rows of kommunkompassen version 2007, not of version 2010 (37 ids differ); correct Version, or make the workbook again with kompass template"}},
		},
		{
			// An area-level workbook of 2020 called 2007: its 37 delfrågor
			// are not missing rows; three versions have the same areas.
			name:   "rows of an area-level version",
			ref:    "kommunkompassen@2020",
			scores: map[string]float64{"1": 73, "2": 75, "3": 80, "4": 83, "5": 86, "6": 82, "7": 86, "8": 83},
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.InstrumentVersion = "2007" },
			inst:   "kommunkompassen@2007",
			want:   []want{{f, sf, "B5", "", E, "the sheet Poäng has the rows of kommunkompassen version 2002, 2010, 2020, not of version 2007 (37 ids differ); correct Version, or make the workbook again with kompass template"}},
		},
		{
			// A few rows deleted or added are not another version.
			name:   "a few rows missing are not another version",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = slices.DeleteFunc(ev.Entries, func(en evaluation.Entry) bool { return strings.HasPrefix(en.ID, "8") })
			},
			want: []want{
				{f, sc, "", "8", E, "the row for 8 is missing from the sheet"},
				{f, sc, "", "8.1", E, "the row for 8.1 is missing from the sheet"},
				{f, sc, "", "8.2", E, "the row for 8.2 is missing from the sheet"},
				{f, sc, "", "8.3", E, "the row for 8.3 is missing from the sheet"},
				{f, sc, "", "8.4", E, "the row for 8.4 is missing from the sheet"},
			},
		},
		{
			name:   "kommun empty",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.Kommun, ev.Facts.Raw["Kommun"] = "", "" },
			want:   []want{{f, sf, "B2", "", E, "Kommun is empty"}},
		},
		{
			name:   "year empty",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.Year, ev.Facts.Raw["År"] = 0, "" },
			want:   []want{{f, sf, "B3", "", E, "År is empty"}},
		},
		{
			name:   "year unreadable is reported by the reader, not again",
			scores: testkit.Umea2007Questions(t),
			edit:   func(ev *evaluation.Evaluation) { ev.Facts.Year, ev.Facts.Raw["År"] = 0, "20x7" },
		},
		{
			name:   "rows missing for kommun, år, instrument and version",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Facts = evaluation.Facts{Cells: map[string]string{}, Raw: map[string]string{}}
			},
			want: []want{
				{f, sf, "", "", E, "no row labelled Kommun in column A"},
				{f, sf, "", "", E, "no row labelled År in column A"},
				{f, sf, "", "", E, "no row labelled Instrument in column A"},
				{f, sf, "", "", E, "no row labelled Version in column A"},
			},
			noInst: true,
		},
		{
			name:   "instrument and version empty",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Facts.InstrumentID, ev.Facts.InstrumentVersion = "", ""
				ev.Facts.Raw["Instrument"], ev.Facts.Raw["Version"] = "", ""
			},
			want: []want{
				{f, sf, "B4", "", E, "Instrument is empty"},
				{f, sf, "B5", "", E, "Version is empty"},
			},
			noInst: true,
		},
		{
			name:   "area partly scored",
			scores: with(testkit.Umea2007Questions(t), "1.2", nil, "1.3", nil),
			want:   []want{{f, sc, "D2", "1", E, "huvudområde 1 is partly scored: 1.2, 1.3 not scored"}},
		},
		{
			name:   "area not scored",
			scores: with(testkit.Umea2007Questions(t), "2.1", nil, "2.2", nil, "2.3", nil, "2.4", nil, "2.5", nil, "2.6", nil),
			want:   []want{{f, sc, "D6", "2", E, "huvudområde 2 is not scored"}},
		},
		{
			name:   "area-level instrument, area not scored",
			ref:    "kommunkompassen@2020",
			scores: map[string]float64{"1": 73, "2": 75, "3": 80, "4": 83, "5": 86, "6": 82, "7": 86},
			want:   []want{{f, sc, "D9", "8", E, "huvudområde 8 is not scored"}},
		},
		{
			name:   "nothing scored",
			ref:    "kommunkompassen@2020",
			scores: map[string]float64{},
			want: []want{
				{f, sc, "D2", "1", E, "huvudområde 1 is not scored"}, {f, sc, "D3", "2", E, "huvudområde 2 is not scored"},
				{f, sc, "D4", "3", E, "huvudområde 3 is not scored"}, {f, sc, "D5", "4", E, "huvudområde 4 is not scored"},
				{f, sc, "D6", "5", E, "huvudområde 5 is not scored"}, {f, sc, "D7", "6", E, "huvudområde 6 is not scored"},
				{f, sc, "D8", "7", E, "huvudområde 7 is not scored"}, {f, sc, "D9", "8", E, "huvudområde 8 is not scored"},
			},
		},
		{
			name:   "stated area differs from its delfrågor",
			scores: with(testkit.Umea2007Questions(t), "5", 79),
			want:   []want{{f, sc, "D24", "5", E, "huvudområde 5 is stated as 79 but its delfrågor add up to 78"}},
		},
		{
			// The total agrees with the areas as stated: only the area is wrong.
			name:   "stated total agrees with stated areas",
			scores: with(testkit.Umea2007Questions(t), "5", 79, "TOTAL", 646),
			want:   []want{{f, sc, "D24", "5", E, "huvudområde 5 is stated as 79 but its delfrågor add up to 78"}},
		},
		{
			name:   "stated total differs from computed areas",
			scores: with(testkit.Umea2007Questions(t), "TOTAL", 650),
			want:   []want{{f, sc, "D47", "TOTAL", E, "the total is stated as 650 but the huvudområden add up to 645"}},
		},
		{
			name:   "stated total differs from stated areas",
			scores: with(testkit.Umea2007Questions(t), "5", 79, "TOTAL", 645),
			want: []want{
				{f, sc, "D24", "5", E, "huvudområde 5 is stated as 79 but its delfrågor add up to 78"},
				{f, sc, "D47", "TOTAL", E, "the total is stated as 645 but the huvudområden add up to 646"},
			},
		},
		{
			name:   "area-level stated total differs",
			scores: map[string]float64{"1": 56, "2": 55, "3": 64.5, "4": 71.5, "5": 45, "6": 68.5, "7": 57, "8": 80, "TOTAL": 497},
			want:   []want{{f, sc, "D47", "TOTAL", E, "the total is stated as 497 but the huvudområden add up to 497,5"}},
		},
		{
			name: "mixed levels",
			scores: map[string]float64{"1.1": 28, "1.2": 32, "1.3": 13,
				"2": 79.5, "3": 79, "4": 84.5, "5": 78, "6": 78, "7": 75, "8": 98, "TOTAL": 645},
			want: []want{{f, sc, "", "", W, "the evaluation mixes full scoring (delfrågor) and area-level scoring"}},
		},
		{
			name:   "row missing",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = slices.DeleteFunc(ev.Entries, func(en evaluation.Entry) bool { return en.ID == "8.4" })
			},
			want: []want{{f, sc, "", "8.4", E, "the row for 8.4 is missing from the sheet"}},
		},
		{
			name:   "row missing, area level",
			scores: map[string]float64{"1": 73, "2": 79.5, "3": 79, "4": 84.5, "5": 78, "6": 78, "7": 75, "8": 98, "TOTAL": 645},
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = slices.DeleteFunc(ev.Entries, func(en evaluation.Entry) bool { return en.ID == "2.4" })
			},
			want: []want{{f, sc, "", "2.4", E, "the row for 2.4 is missing from the sheet"}},
		},
		{
			name:   "area row missing",
			scores: with(testkit.Umea2007Questions(t), "TOTAL", 645),
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = slices.DeleteFunc(ev.Entries, func(en evaluation.Entry) bool { return en.ID == "2" })
			},
			want: []want{{f, sc, "", "2", E, "the row for 2 is missing from the sheet"}},
		},
		{
			// The reader reports a Poäng cell that holds text; its area is
			// not reported again as partly scored, nor its total as wrong.
			name:   "a text score is one problem, the reader's",
			scores: with(testkit.Umea2007Questions(t), "1", 73, "TOTAL", 645),
			edit:   func(ev *evaluation.Evaluation) { unreadable(ev, "1.1") },
		},
		{
			name:   "a text score in an area not otherwise scored",
			scores: with(testkit.Umea2007Questions(t), "1.1", nil, "1.2", nil, "1.3", nil),
			edit:   func(ev *evaluation.Evaluation) { unreadable(ev, "1.2") },
		},
		{
			name:   "a text score in an area-level row",
			ref:    "kommunkompassen@2020",
			scores: map[string]float64{"1": 73, "2": 75, "3": 80, "4": 83, "5": 86, "6": 82, "7": 86, "TOTAL": 648},
			edit:   func(ev *evaluation.Evaluation) { unreadable(ev, "8") },
		},
		{
			name:   "a text score and an empty delfråga are two mistakes",
			scores: with(testkit.Umea2007Questions(t), "1.3", nil),
			edit:   func(ev *evaluation.Evaluation) { unreadable(ev, "1.1") },
			want:   []want{{f, sc, "D2", "1", E, "huvudområde 1 is partly scored: 1.3 not scored"}},
		},
		{
			// As published for Umeå 2007: 7.1 = 25 where the maxpoäng is 20.
			name:   "a score above maxpoäng is one problem",
			scores: with(testkit.Umea2007Questions(t), "7.1", 25, "7", 75, "TOTAL", 645),
			want:   []want{{f, sc, "D37", "7.1", E, "Poäng 25 for delfråga 7.1 is above its maxpoäng 20"}},
		},
		{
			name:   "a stated area above maxpoäng is not compared with its delfrågor",
			scores: with(testkit.Umea2007Questions(t), "1", 105),
			want:   []want{{f, sc, "D2", "1", E, "Poäng 105 for huvudområde 1 is above its maxpoäng 100"}},
		},
		{
			name:   "TOTAL row missing",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Entries = ev.Entries[:len(ev.Entries)-1]
			},
			want: []want{{f, sc, "", "TOTAL", W, "the TOTAL row is missing from the sheet"}},
		},
		{
			name:   "note with unknown area",
			scores: testkit.Umea2007Questions(t),
			edit: func(ev *evaluation.Evaluation) {
				ev.Notes = []evaluation.Note{
					{Area: "1", Kind: evaluation.Strength, Text: "Bra", Cell: "D2", AreaCell: "A2"},
					{Area: "9", Kind: evaluation.Improvement, Text: "Okänt", Cell: "D7", AreaCell: "A7"},
				}
			},
			want: []want{{f, "Styrkor och förbättringsområden", "A7", "9", E, `förbättringsområde belongs to area "9", which the instrument kommunkompassen@2007 does not have`}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ref := tc.ref
			if ref == "" {
				ref = "kommunkompassen@2007"
			}
			ev := evaluationOf(t, ref, tc.scores)
			if tc.edit != nil {
				tc.edit(ev)
			}
			probs := validate.Evaluation(ev, testbase.Registry(t))
			problem.Sort(probs, workbook.SheetOrder...)
			checkExactly(t, probs, tc.want)
			if tc.noInst != (ev.Instrument == nil) {
				t.Errorf("instrument set = %v, want %v", ev.Instrument != nil, !tc.noInst)
			}
			if tc.inst != "" {
				ref = tc.inst
			}
			if ev.Instrument != nil && ev.Instrument.Ref() != ref {
				t.Errorf("instrument %s, want %s", ev.Instrument.Ref(), ref)
			}
		})
	}
}

// files validates the workbooks as one run (validate.Each) and returns
// the results in order.
func files(t testing.TB, paths []string) []validate.Result {
	t.Helper()
	var out []validate.Result
	clashes := validate.Each(paths, testbase.Registry(t), func(_ int, r validate.Result) { out = append(out, r) })
	for i, ps := range clashes {
		out[i].Add(ps...)
	}
	return out
}

// checkSet checks results read elsewhere against each other, as Each does
// for a run: what two workbooks claim alike (validate.Claims).
func checkSet(results []validate.Result) {
	var c validate.Claims
	for i := range results {
		c.Add(i, results[i])
	}
	for i, ps := range c.Clashes() {
		results[i].Add(ps...)
	}
}

// TestSet: the same kommun and year in two files of a run.
func TestSet(t *testing.T) {
	mk := func(file, kommun string, year int) validate.Result {
		return validate.Result{File: file, Evaluation: &evaluation.Evaluation{File: file, Facts: evaluation.Facts{
			Kommun: kommun, Year: year, Cells: map[string]string{"Kommun": "B2"},
		}}}
	}
	results := []validate.Result{
		mk("a.xlsx", "Umeå", 2007),
		mk("b.xlsx", "Umea", 2007), // another kommun: names differ by a letter (as Håbo and Habo)
		mk("c.xlsx", "UMEÅ", 2007),
		mk("j.xlsx", "Ume\u0061\u030a", 2007), // Umeå with a combining ring
		mk("d.xlsx", "Umeå", 2005),
		{File: "e.xlsx"}, // unreadable
		mk("f.xlsx", "", 2007),
		mk("g.xlsx", "Örebro", 2007),
		mk("h.xlsx", "Umeå", 0),
		mk("i.xlsx", "Umeå", 0),
		// Örebro 2009 twice, but the first copy has an error of its own: the
		// valid one is used, and the broken one is told so.
		withError(mk("k.xlsx", "Örebro", 2009)),
		mk("l.xlsx", "Örebro", 2009),
	}
	checkSet(results)
	for _, r := range results {
		var w []want
		const none = "none of them is used until only one is left in the folder"
		switch r.File {
		case "a.xlsx":
			w = []want{{"a.xlsx", "Uppgifter", "B2", "", problem.Error, "Umeå 2007 is also in c.xlsx and j.xlsx; " + none}}
		case "j.xlsx":
			w = []want{{"j.xlsx", "Uppgifter", "B2", "", problem.Error, "Ume\u0061\u030a 2007 is also in a.xlsx and c.xlsx; " + none}}
		case "c.xlsx":
			w = []want{{"c.xlsx", "Uppgifter", "B2", "", problem.Error, "UMEÅ 2007 is also in a.xlsx and j.xlsx; " + none}}
		case "k.xlsx":
			w = []want{{"k.xlsx", "Uppgifter", "B2", "", problem.Warning, "Örebro 2009 is also in l.xlsx, which is used; this workbook has errors, so it is not"}, got(withError(mk("k.xlsx", "", 0)).Problems[0])}
		}
		t.Run(r.File, func(t *testing.T) { checkExactly(t, r.Problems, w) })
	}
}

// withError gives a result an error of its own.
func withError(r validate.Result) validate.Result {
	r.Problems = append(r.Problems, problem.Problem{File: r.File, Sheet: "Poäng", Cell: "D3", ID: "1.1", Severity: problem.Error, Message: "Poäng 99 for delfråga 1.1 is above its maxpoäng 40"})
	return r
}

// TestFilesSameKommunTwice validates two copies of one workbook.
func TestFilesSameKommunTwice(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(shippedDir, "umea-2007.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Neither is used, whichever sorts first: each names the other.
	res := files(t, []string{a, b})
	checkExactly(t, res[0].Problems, []want{{a, "Uppgifter", "B2", "", problem.Error, "Umeå 2007 is also in " + b + "; none of them is used until only one is left in the folder"}})
	checkExactly(t, res[1].Problems, []want{{b, "Uppgifter", "B2", "", problem.Error, "Umeå 2007 is also in " + a + "; none of them is used until only one is left in the folder"}})
	if res[0].OK() || res[1].OK() {
		t.Errorf("OK = %v, %v; want false, false", res[0].OK(), res[1].OK())
	}
}

func TestFileUnreadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tom.xlsx")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := validate.File(path, testbase.Registry(t))
	if r.Evaluation != nil || r.OK() || len(r.Problems) != 1 || r.Problems[0].Message != "the file is empty" {
		t.Errorf("result %+v", r)
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	touch := func(rel string) string {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, rel := range []string{
		"set/b.xlsx", "set/A.XLSX", "set/~$lock.xlsx", "set/.hidden.xlsx", "set/notes.txt", "set/old.xls",
		"set/sub/c.xlsx", "set/.git/d.xlsx", "set/sub/~$c.xlsx", "other/x.xlsx", "set/kalkyl.ODS", "set/mac.numbers/Index/Document.iwa",
	} {
		touch(rel)
	}
	set, other := filepath.Join(dir, "set"), filepath.Join(dir, "other")
	j := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

	got, err := validate.Collect([]string{
		filepath.Join(other, "x.xlsx"), set, set + string(filepath.Separator),
		filepath.Join(set, "b.xlsx"), filepath.Join(set, ".", "sub", "c.xlsx"),
		filepath.Join(other, "x.xlsx"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// Other programs' spreadsheets are listed, to be named with how to save
	// them as .xlsx; a Numbers package (a folder) as one file.
	want := []string{j("other/x.xlsx"), j("set/A.XLSX"), j("set/b.xlsx"), j("set/kalkyl.ODS"), j("set/mac.numbers"), j("set/old.xls"), j("set/sub/c.xlsx")}
	if !slices.Equal(got, want) {
		t.Errorf("Collect =\n %q\nwant\n %q", got, want)
	}

	// A file named explicitly is taken as it is, whatever its name.
	got, err = validate.Collect([]string{j("set/notes.txt")})
	if err != nil || !slices.Equal(got, []string{j("set/notes.txt")}) {
		t.Errorf("Collect(notes.txt) = %q, %v", got, err)
	}

	// Relative paths: "./x" and x found by walking "." are one file.
	t.Chdir(set)
	got, err = validate.Collect([]string{".", "./b.xlsx", "sub/../b.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A.XLSX", "b.xlsx", "kalkyl.ODS", "mac.numbers", "old.xls", filepath.Join("sub", "c.xlsx")}; !slices.Equal(got, want) {
		t.Errorf("Collect(., ./b.xlsx) = %q, want %q", got, want)
	}

	if _, err := validate.Collect([]string{j("missing")}); err == nil {
		t.Error("Collect of a missing path: no error")
	}
}
