package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
)

// The fixtures of the report tests are generated from the Go data below,
// never edited by hand:
//
//	go test ./internal/report -update
//
// Every kommun in them is fictional ("Exempelkommun A"); the only real data
// the tests use is the shipped set in evaluations/.
const (
	smallDir       = "testdata/small"
	hostileDir     = "testdata/hostile"
	exempelDir     = "testdata/exempelkommun" // samples.Exempelkommun, text and tables in the workbooks
	evaluationsDir = "../../evaluations"

	smallGroup = "Exempelgruppen 2007"
	kommunA    = "Exempelkommun A"
)

// fictional marks every fixture workbook as invented data.
const fictional = "Fiktiva poäng för kompass tester (internal/report/fixture_test.go); ingen verklig kommun."

const v2007 = "kommunkompassen@2007"

func areaScores(values []float64, total float64) []samples.Score {
	var out []samples.Score
	for i, v := range values {
		out = append(out, samples.Score{ID: string(rune('1' + i)), Value: v})
	}
	if total != 0 {
		out = append(out, samples.Score{ID: evaluation.TotalID, Value: total})
	}
	return out
}

// Fictional scores, kommunkompassen@2007 (max 100 per area).
var (
	scoresA2005 = []float64{60, 58.5, 70, 50, 55, 65, 60, 80}     // total 498,5
	scoresA2007 = []float64{70, 65.5, 80, 55, 60, 72.5, 68, 90}   // total 561
	scoresB2007 = []float64{62.5, 65.5, 75, 55, 71, 60, 68, 85.5} // total 542,5
	scoresC2007 = []float64{80, 50, 75, 61.5, 60, 72.5, 70, 77}   // total 546
)

// questionsA2007 are the delfrågor of Exempelkommun A 2007; they sum to
// scoresA2007 area by area.
var questionsA2007 = []samples.Score{
	{ID: "1.1", Value: 28}, {ID: "1.2", Value: 30}, {ID: "1.3", Value: 12},
	{ID: "2.1", Value: 7.5}, {ID: "2.2", Value: 13}, {ID: "2.3", Value: 14}, {ID: "2.4", Value: 12}, {ID: "2.5", Value: 13}, {ID: "2.6", Value: 6},
	{ID: "3.1", Value: 24}, {ID: "3.2", Value: 16}, {ID: "3.3", Value: 25}, {ID: "3.4", Value: 15},
	{ID: "4.1", Value: 18}, {ID: "4.2", Value: 10}, {ID: "4.3", Value: 12}, {ID: "4.4", Value: 9}, {ID: "4.5", Value: 6},
	{ID: "5.1", Value: 25}, {ID: "5.2", Value: 11}, {ID: "5.3", Value: 12}, {ID: "5.4", Value: 12},
	{ID: "6.1", Value: 15}, {ID: "6.2", Value: 14.5}, {ID: "6.3", Value: 7}, {ID: "6.4", Value: 14}, {ID: "6.5", Value: 16}, {ID: "6.6", Value: 6},
	{ID: "7.1", Value: 15}, {ID: "7.2", Value: 14}, {ID: "7.3", Value: 13}, {ID: "7.4", Value: 14}, {ID: "7.5", Value: 12},
	{ID: "8.1", Value: 36}, {ID: "8.2", Value: 18}, {ID: "8.3", Value: 17}, {ID: "8.4", Value: 19},
}

// withComment gives a score a Motivering i rapporten, which the report
// publishes (a Kommentar it never shows).
func withComment(scores []samples.Score, id, comment string) []samples.Score {
	out := append([]samples.Score{}, scores...)
	for i := range out {
		if out[i].ID == id {
			out[i].Published = comment
			return out
		}
	}
	panic("fixture: no score " + id)
}

func fictionalSample(file, kommun string, year int, scores []samples.Score) samples.Sample {
	return samples.Sample{
		File: file, Instrument: v2007, Facts: evaluation.Facts{Kommun: kommun, Year: year, Kind: evaluation.KindKommun, Evaluators: "Testsviten", Sources: fictional}, Scores: scores,
	}
}

func smallSamples() []samples.Sample {
	a2007 := append(append([]samples.Score{}, questionsA2007...), areaScores(scoresA2007, 561)...)
	a2007 = withComment(a2007, "2.1", "Fiktiv kommentar: halv poäng enligt utvärderarnas protokoll.")
	a2007 = withComment(a2007, "8", "Fiktiv kommentar om område 8.")
	sa := fictionalSample("exempelkommun-a-2007.xlsx", kommunA, 2007, a2007)
	sa.Evaluators = "Testsviten (fiktiva utvärderare)"
	sa.Dates = "1–3 oktober 2007"
	sa.Notes = []evaluation.Note{
		{Area: "1", Kind: evaluation.Strength, Text: "Fiktiv styrka: tydlig information till medborgarna."},
		{Area: "1", Kind: evaluation.Strength, Text: "Fiktiv styrka: öppna nämndsammanträden."},
		{Area: "1", Kind: evaluation.Improvement, Text: "Fiktivt förbättringsområde: handlingar på webbplatsen."},
		{Area: "3", Kind: evaluation.Strength, Text: "Fiktiv styrka: etablerad styrmodell."},
		{Area: "5", Kind: evaluation.Improvement, Text: "Fiktivt förbättringsområde: uppföljning av projekt."},
	}
	return []samples.Sample{
		fictionalSample("exempelkommun-a-2005.xlsx", kommunA, 2005, areaScores(scoresA2005, 498.5)),
		sa,
		fictionalSample("exempelkommun-b-2007.xlsx", "Exempelkommun B", 2007, areaScores(scoresB2007, 542.5)),
		fictionalSample("exempelkommun-c-2007.xlsx", "Exempelkommun C", 2007, areaScores(scoresC2007, 546)),
	}
}

const smallGroups = `# Fictional reference group for the tests of internal/report.
# Generated by internal/report/fixture_test.go: go test ./internal/report -update

[[group]]
name = "Exempelgruppen 2007"
description = "Tre fiktiva kommuner utvärderade 2007 (testdata)."
members = [
  { kommun = "Exempelkommun A", year = 2007 },
  { kommun = "Exempelkommun B", year = 2007 },
  { kommun = "Exempelkommun C", year = 2007 },
]
`

// The hostile fixture puts markup and script into every text the report
// shows: the kommun's name, Kommentar, Källor, Utvärderare, the styrkor and
// förbättringsområden and the group's name. A report that escapes them shows
// them as text; one that does not runs them (window.__pwned).
const (
	hostileKommun  = `Exempel</script><script>window.__pwned=1</script>kommun`
	payloadScript  = `</script><script>window.__pwned=2</script>`
	payloadImg     = `<img src=x onerror="window.__pwned=3">`
	payloadQuotes  = `"'&<>`
	hostileText    = "Fiktiv text " + payloadScript + " " + payloadImg + " " + payloadQuotes + " slut"
	hostileGroup   = `Grupp</script><script>window.__pwned=4</script><img src=x onerror="window.__pwned=5">"'&<>`
	hostileGroupTO = `Grupp</script><script>window.__pwned=4</script><img src=x onerror=\"window.__pwned=5\">\"'&<>`
)

func hostileSamples() []samples.Sample {
	h2007 := append(append([]samples.Score{}, questionsA2007...), areaScores(scoresA2007, 561)...)
	h2007 = withComment(h2007, "1.1", "Kommentar: "+hostileText)
	h2007 = withComment(h2007, "3", "Områdeskommentar: "+hostileText)
	h := fictionalSample("hostile-2007.xlsx", hostileKommun, 2007, h2007)
	h.Evaluators = "Utvärderare: " + hostileText
	h.Sources = "Källor: " + hostileText
	h.Dates = "Datum: " + payloadQuotes
	h.Notes = []evaluation.Note{
		{Area: "1", Kind: evaluation.Strength, Text: "Styrka: " + hostileText},
		{Area: "1", Kind: evaluation.Improvement, Text: "Förbättringsområde: " + hostileText},
		{Area: "8", Kind: evaluation.Strength, Text: payloadImg},
	}
	h2005 := fictionalSample("hostile-2005.xlsx", hostileKommun, 2005, withComment(areaScores(scoresA2005, 498.5), "2", "Kommentar 2005: "+hostileText))
	return []samples.Sample{
		h2005, h,
		fictionalSample("exempelkommun-b-2007.xlsx", "Exempelkommun B", 2007, areaScores(scoresB2007, 542.5)),
	}
}

const hostileGroups = `# Fictional reference group with markup in its name, for the tests of internal/report.
# Generated by internal/report/fixture_test.go: go test ./internal/report -update

[[group]]
name = "` + hostileGroupTO + `"
description = "` + hostileGroupTO + `"
members = [
  { kommun = "` + hostileKommun + `", year = 2007 },
  { kommun = "Exempelkommun B", year = 2007 },
]
`

// hostileTexts puts markup, script, stars and control characters into
// the evaluation's own text: headings, paragraphs with emphasis and
// bullets, a table and who was interviewed.
func hostileTexts(ev *evaluation.Evaluation) {
	block := func(section string, kind evaluation.TextKind, text string) evaluation.TextBlock {
		return evaluation.TextBlock{Section: section, Kind: kind, Text: text}
	}
	ev.Text = []evaluation.TextBlock{
		block(evaluation.SectionBackground, evaluation.Heading, "Rubrik: "+hostileText),
		block(evaluation.SectionBackground, evaluation.Paragraph, "Stycke **"+payloadScript+"** och *"+payloadImg+"*\n- Punkt: "+payloadQuotes+"\n- **ofullständig"),
		block(evaluation.SectionSummary, evaluation.Paragraph, "Sammanfattning: "+hostileText+"\x00\u202e\x1b slut"),
		block("1", evaluation.Heading, payloadImg),
		block("1", evaluation.Paragraph, "<p>Områdestext</p> "+hostileText),
	}
	ev.Tables = []evaluation.Table{{Section: evaluation.SectionBackground, Title: "Tabell: " + payloadScript,
		Header: []string{payloadImg, "2006"}, Rows: [][]string{{payloadQuotes, "3*"}, {"ensam"}}}}
	ev.Facts.Interviews, ev.Facts.Interviewed = 7, "Intervjuade: "+hostileText
}

// fixtureFiles returns the files of a fixture folder (smallDir, hostileDir
// or exempelDir) and their generated bytes.
func fixtureFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	switch dir {
	case smallDir:
		return testkit.DataFolder(t, smallGroups, smallSamples())
	case exempelDir:
		return testkit.DataFolder(t, "", samples.Exempelkommun())
	}
	return testkit.DataFolder(t, hostileGroups, hostileSamples())
}

var fixtureDirs = []string{smallDir, hostileDir, exempelDir}

var writeFixtureOnce sync.Once

// ensureFixture rewrites the fixture folders when the tests run with
// -update, once, before any test reads them.
func ensureFixture(t testing.TB) {
	t.Helper()
	if testkit.Update() {
		writeFixtureOnce.Do(func() {
			for _, dir := range fixtureDirs {
				testkit.GoldenDir(t, dir, fixtureFiles(t, dir))
			}
		})
	}
}

// TestFixtureUpToDate checks that the fixture folders are byte for byte
// what this file generates, and hold nothing else.
func TestFixtureUpToDate(t *testing.T) {
	testkit.Rebuilds(t)
	ensureFixture(t)
	for _, dir := range fixtureDirs {
		testkit.GoldenDir(t, dir, testkit.Deterministic(t, func() map[string][]byte { return fixtureFiles(t, dir) }))
	}
}

// loadSet loads a data folder once per test binary (testkit.Set) and fails
// the test if any workbook in it is left out. Tests must not modify the set.
func loadSet(t testing.TB, dir string) *evalset.Set {
	t.Helper()
	if dir != evaluationsDir {
		ensureFixture(t)
	}
	s := testkit.Set(t, dir)
	if len(s.Excluded) > 0 {
		t.Fatalf("%s: workbooks left out: %v", dir, s.Warnings())
	}
	return s
}

// build builds a report or fails the test.
func build(t testing.TB, dir string, o report.Options) *report.Report {
	t.Helper()
	return buildFrom(t, loadSet(t, dir), o)
}

func buildFrom(t testing.TB, set *evalset.Set, o report.Options) *report.Report {
	t.Helper()
	r, err := report.Build(set, o)
	if err != nil {
		t.Fatalf("Build(%s, %+v): %v", set.Dir, o, err)
	}
	return r
}

// write renders a report or fails the test.
func write(t testing.TB, r *report.Report, o report.WriteOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The reports the tests look at.
func smallReport(t testing.TB) *report.Report {
	return build(t, smallDir, report.Options{Kommun: kommunA, Year: 2007, Group: smallGroup})
}

// hostileReport is the hostile fixture with hostileTexts as its text.
func hostileReport(t testing.TB) *report.Report {
	t.Helper()
	set := testkit.Amend(t, loadSet(t, hostileDir), "hostile-2007.xlsx", hostileTexts)
	return buildFrom(t, set, report.Options{Kommun: hostileKommun, Year: 2007, Group: hostileGroup})
}

// exempelSet is the set of samples.Exempelkommun, its text read from the
// sheets Bedömning and Tabeller of its workbooks.
func exempelSet(t testing.TB) *evalset.Set {
	t.Helper()
	return loadSet(t, exempelDir)
}

// exempelReport is the complete analysis of the fictional Exempelkommun
// 2007 against Exempelsnitt 2007.
func exempelReport(t testing.TB) *report.Report {
	t.Helper()
	return buildFrom(t, exempelSet(t), report.Options{Kommun: "Exempelkommun", Group: samples.ExempelGroup})
}

// seedReport is Umeå 2007 with the text of the seed's sections 2 and 3
// (testkit.Seed002) typed into a workbook (Seed.Workbook), which is read
// back, validated and reported beside the shipped Umeå 2003 and 2005: the
// report of the analysis kompass was made from, made the way an evaluator
// makes it. Skipped without the seed (and failed under CI).
func seedReport(t testing.TB) (*report.Report, testkit.Seed) {
	t.Helper()
	seed := testkit.Seed002(t)
	dir := t.TempDir()
	files := map[string][]byte{"umea-2007.xlsx": seed.Workbook(t)}
	for _, name := range []string{"umea-2003.xlsx", "umea-2005.xlsx"} {
		b, err := os.ReadFile(filepath.Join(evaluationsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	res := validate.File(filepath.Join(dir, "umea-2007.xlsx"), testbase.Registry(t))
	if !res.OK() || len(res.Problems) > 0 {
		t.Fatalf("the seed's workbook does not validate: %v", res.Problems)
	}
	checkSeedRead(t, res.Evaluation, seed)
	set, err := evalset.Load(dir, testbase.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Evaluations) != 3 || len(set.Excluded) > 0 {
		t.Fatalf("%s: %d evaluations, left out: %v", dir, len(set.Evaluations), set.Warnings())
	}
	return buildFrom(t, set, report.Options{Kommun: "Umeå"}), seed
}

func umeaReport(t testing.TB) *report.Report {
	return build(t, evaluationsDir, report.Options{Kommun: "Umeå"})
}
