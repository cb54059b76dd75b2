package summary_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/summary"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
)

const shippedDir = "../../evaluations"

// load validates a workbook, which must be free of problems, and builds its
// summary.
func load(t *testing.T, path string) summary.Summary {
	t.Helper()
	res := validate.File(path, testbase.Registry(t))
	if res.Evaluation == nil || len(res.Problems) != 0 {
		t.Fatalf("%s: problems %v", path, res.Problems)
	}
	return summary.Build(res.Evaluation)
}

func TestGolden(t *testing.T) {
	formats := []struct {
		name  string
		write func(io.Writer, summary.Summary) error
	}{
		{"text", summary.Text},
		{"csv", summary.CSV},
		{"json", summary.JSON},
	}
	for _, file := range []string{"umea-2007", "umea-2003"} {
		s := load(t, filepath.Join(shippedDir, file+".xlsx"))
		for _, f := range formats {
			t.Run(file+"."+f.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := f.write(&buf, s); err != nil {
					t.Fatal(err)
				}
				testkit.Golden(t, filepath.Join("testdata", file+"."+f.name+".golden"), buf.Bytes())
			})
		}
	}
}

// jsonSummary is the JSON form as a reader sees it, with null kept apart
// from 0.
type jsonSummary struct {
	File       string `json:"file"`
	Kommun     string `json:"kommun"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	Level      string `json:"level"`
	Instrument struct {
		ID, Version string
	} `json:"instrument"`
	Total struct {
		Max     json.Number  `json:"max"`
		Score   *json.Number `json:"score"`
		Stated  *json.Number `json:"stated"`
		Comment string       `json:"comment"`
	} `json:"total"`
	Areas []struct {
		ID        string       `json:"id"`
		Max       json.Number  `json:"max"`
		Score     *json.Number `json:"score"`
		Stated    *json.Number `json:"stated"`
		Comment   string       `json:"comment"`
		Questions []struct {
			ID    string       `json:"id"`
			Score *json.Number `json:"score"`
		} `json:"questions"`
	} `json:"areas"`
}

func decode(t *testing.T, s summary.Summary) (jsonSummary, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	if err := summary.JSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	var js jsonSummary
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.UseNumber()
	if err := dec.Decode(&js); err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	return js, raw
}

func num(n *json.Number) string {
	if n == nil {
		return "null"
	}
	return n.String()
}

// TestUmea2007MatchesTabell2 checks the shipped Umeå 2007 against Tabell 2
// of SKL's report: every area as published, except area 5, which is 78
// (its delfrågor) instead of 79, and therefore the total 645 instead of 646.
func TestUmea2007MatchesTabell2(t *testing.T) {
	tabell2 := []string{"73", "79.5", "79", "84.5", "79", "78", "75", "98"}
	corrections := map[string]string{"5": "78"}
	js, _ := decode(t, load(t, filepath.Join(shippedDir, "umea-2007.xlsx")))
	if js.Kommun != "Umeå" || js.Year != 2007 || js.Level != "full" || js.Instrument.ID != "kommunkompassen" || js.Instrument.Version != "2007" {
		t.Errorf("header %+v", js)
	}
	if len(js.Areas) != len(tabell2) {
		t.Fatalf("%d areas, want %d", len(js.Areas), len(tabell2))
	}
	for i, a := range js.Areas {
		want := tabell2[i]
		if c, ok := corrections[a.ID]; ok {
			want = c
			if !strings.Contains(a.Comment, "Rättat från 79 till 78") {
				t.Errorf("area %s: the correction is not explained in its comment: %q", a.ID, a.Comment)
			}
		}
		if num(a.Score) != want {
			t.Errorf("area %s: score %s, want %s", a.ID, num(a.Score), want)
		}
		// The stated area values are the corrected Tabell 2 as well.
		if num(a.Stated) != want {
			t.Errorf("area %s: stated %s, want %s", a.ID, num(a.Stated), want)
		}
		if a.Max.String() != "100" {
			t.Errorf("area %s: max %s", a.ID, a.Max)
		}
	}
	if num(js.Total.Score) != "645" || num(js.Total.Stated) != "645" || js.Total.Max.String() != "800" {
		t.Errorf("total %s (stated %s, max %s), want 645 of 800", num(js.Total.Score), num(js.Total.Stated), js.Total.Max)
	}
	if !strings.Contains(js.Total.Comment, "Rättat från 646 till 645") {
		t.Errorf("total comment %q does not explain the correction", js.Total.Comment)
	}
	// 7.1 is corrected from 25 to 15.
	if q := js.Areas[6].Questions[0]; q.ID != "7.1" || num(q.Score) != "15" {
		t.Errorf("7.1 = %s %s, want 15", q.ID, num(q.Score))
	}
}

// TestHalfFilled summarises a workbook with one area scored, one partly
// scored and the rest untouched.
func TestHalfFilled(t *testing.T) {
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Umeå", Year: 2009})
	testkit.Fill(t, f).Scores(map[string]float64{"1.1": 28, "1.2": 32, "1.3": 13, "2.1": 7.5, "2.2": 0})
	path := filepath.Join(t.TempDir(), "halv.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res := validate.File(path, testbase.Registry(t))
	if res.Evaluation == nil || res.Evaluation.Instrument == nil {
		t.Fatalf("not read: %v", res.Problems)
	}
	s := summary.Build(res.Evaluation)

	js, raw := decode(t, s)
	if js.Level != string(evaluation.LevelFull) {
		t.Errorf("level %s, want full", js.Level)
	}
	if got := num(js.Areas[0].Score); got != "73" {
		t.Errorf("area 1 = %s, want 73", got)
	}
	if got := num(js.Areas[1].Score); got != "null" {
		t.Errorf("area 2 (partly scored) = %s, want null", got)
	}
	for i, want := range []string{"7.5", "0", "null", "null", "null", "null"} {
		if got := num(js.Areas[1].Questions[i].Score); got != want {
			t.Errorf("2.%d = %s, want %s", i+1, got, want)
		}
	}
	for _, a := range js.Areas[2:] {
		if a.Score != nil || a.Stated != nil {
			t.Errorf("area %s = %s (stated %s), want null", a.ID, num(a.Score), num(a.Stated))
		}
	}
	if js.Total.Score != nil || js.Total.Stated != nil {
		t.Errorf("total = %s, want null", num(js.Total.Score))
	}
	// null is written, not left out: score keys are always present.
	total := raw["total"].(map[string]any)
	if v, ok := total["score"]; !ok || v != nil {
		t.Errorf("total.score = %v (present %v), want null", v, ok)
	}
	if _, ok := total["stated"]; ok {
		t.Errorf("total.stated present, want omitted when not stated")
	}
	area2 := raw["areas"].([]any)[1].(map[string]any)
	if v, ok := area2["score"]; !ok || v != nil {
		t.Errorf("areas[1].score = %v (present %v), want null", v, ok)
	}

	// Text: "–" for what is not scored, decimal comma.
	var text bytes.Buffer
	if err := summary.Text(&text, s); err != nil {
		t.Fatal(err)
	}
	last := map[string]string{}
	for _, line := range strings.Split(text.String(), "\n") {
		if fs := strings.Fields(line); len(fs) >= 2 {
			last[fs[0]] = fs[len(fs)-1]
		}
	}
	for id, want := range map[string]string{"1": "73", "1.1": "28", "2": "–", "2.1": "7,5", "2.2": "0", "2.3": "–", "8": "–", "8.4": "–", "TOTALT": "–"} {
		if last[id] != want {
			t.Errorf("text line %s ends in %q, want %q\n%s", id, last[id], want, text.String())
		}
	}

	// CSV: empty score for what is not scored, decimal point.
	var buf bytes.Buffer
	if err := summary.CSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	score := map[string]string{}
	for _, r := range recs[1:] {
		score[r[5]] = r[9]
	}
	for id, want := range map[string]string{"1": "73", "2": "", "2.1": "7.5", "2.2": "0", "2.3": "", "TOTAL": ""} {
		if score[id] != want {
			t.Errorf("csv %s = %q, want %q", id, score[id], want)
		}
	}
	if len(recs) != 1+8+37+1 {
		t.Errorf("csv has %d records, want header + 8 areas + 37 delfrågor + total", len(recs))
	}
}

// TestTextAreaLevelMean checks the title of a published mean and the area-level note.
func TestTextAreaLevelMean(t *testing.T) {
	s := load(t, filepath.Join(shippedDir, "sverigesnitt-2021.xlsx"))
	var buf bytes.Buffer
	if err := summary.Text(&buf, s); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if lines[0] != "Poängsammanställning: Sverigesnitt 2021 (medelvärde)" {
		t.Errorf("title %q", lines[0])
	}
	if !strings.Contains(buf.String(), "Nivå: huvudområden") {
		t.Errorf("no level note:\n%s", buf.String())
	}
	js, _ := decode(t, s)
	if js.Kind != "medelvärde" || js.Level != "area" || js.Total.Score == nil || js.Total.Score.String() != "517" {
		t.Errorf("kind %s level %s total %s, want medelvärde, area, 517", js.Kind, js.Level, num(js.Total.Score))
	}
}

// TestTextComments checks that comments become numbered notes.
func TestTextComments(t *testing.T) {
	s := load(t, filepath.Join(shippedDir, "umea-2003.xlsx"))
	var buf bytes.Buffer
	if err := summary.Text(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "\nKommentarer:\n[1] TOTALT: SKL:s analys (Tabell 2) anger TOTALT 497") {
		t.Errorf("comment missing:\n%s", out)
	}
	if !strings.Contains(out, "497,5 [1]\n") {
		t.Errorf("total line not marked [1]:\n%s", out)
	}
}

// TestNoScoreIsNeverSummed summarises Umeå 2007 as published, where 7.1 is
// 25 of 20: 7.1 is no score, so area 7 and the total are incomplete ("–")
// instead of 85 and 655, while the stated values are kept.
func TestNoScoreIsNeverSummed(t *testing.T) {
	res := validate.File("../../testdata/as-published/umea-2007.xlsx", testbase.Registry(t))
	if res.Evaluation == nil || res.Evaluation.Instrument == nil {
		t.Fatalf("not read: %v", res.Problems)
	}
	s := summary.Build(res.Evaluation)
	js, _ := decode(t, s)
	a7 := js.Areas[6]
	if num(a7.Score) != "null" || num(a7.Stated) != "75" || num(a7.Questions[0].Score) != "null" || num(a7.Questions[1].Score) == "null" {
		t.Errorf("area 7 = %s (stated %s), 7.1 = %s, 7.2 = %s; want null (stated 75), null, a score", num(a7.Score), num(a7.Stated), num(a7.Questions[0].Score), num(a7.Questions[1].Score))
	}
	if num(js.Total.Score) != "null" || num(js.Total.Stated) != "646" {
		t.Errorf("total = %s (stated %s), want null (stated 646)", num(js.Total.Score), num(js.Total.Stated))
	}
	if num(js.Areas[4].Score) != "78" {
		t.Errorf("area 5 = %s, want 78 from its delfrågor", num(js.Areas[4].Score))
	}
	var text bytes.Buffer
	if err := summary.Text(&text, s); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(text.String(), "\n") {
		fs := strings.Fields(line)
		if len(fs) > 1 && (fs[0] == "7" || fs[0] == "7.1" || fs[0] == "TOTALT") && fs[len(fs)-1] != "–" {
			t.Errorf("text line %q, want – for what is not a valid score", line)
		}
	}
}
