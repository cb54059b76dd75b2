package testkit

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// Assessors are the three fictional evaluators of Assessments, in order.
var Assessors = []string{"Anna Exempelsson", "Bertil Prov", "Cecilia Påhitt"}

// AssessmentFiles are the files of Assessments, in the order of Assessors:
// the names kompass template --bedomare gives them.
var AssessmentFiles = []string{
	"exempelkommun-a-2025-anna-exempelsson.xlsx",
	"exempelkommun-a-2025-bertil-prov.xlsx",
	"exempelkommun-a-2025-cecilia-påhitt.xlsx",
}

// Assessments returns the three evaluators' own workbooks (Avser =
// bedömning) of Exempelkommun A 2025 with kommunkompassen@2007, all
// fictional and all valid, by file name. They score every delfråga as
// Umeå 2007 is scored (Umea2007Questions) except:
//
//	delfråga (max)  Anna  Bertil  Cecilia  spread  median
//	1.1 (40)          28      28       30       2      28  below a quarter of max: agreed
//	2.1 (10)           5       7        9       4       7  a quarter or more: to discuss
//	3.1 (30)          20      20       20       0      20  the same
//	8.1 (40)          40      30       34      10      34  to discuss
//
// Anna and Cecilia comment on 2.1, Bertil on 3.1; Anna and Bertil write the
// same styrka of area 1, Cecilia a förbättringsområde of area 2.
// They are written once per test binary; each call gets its own map.
func Assessments(t testing.TB) map[string][]byte {
	t.Helper()
	return maps.Clone(assessments.get(t, func() map[string][]byte { return writeAssessments(t) }))
}

var assessments once[map[string][]byte]

func writeAssessments(t testing.TB) map[string][]byte {
	t.Helper()
	scores := []map[string]float64{
		{"1.1": 28, "2.1": 5, "3.1": 20, "8.1": 40},
		{"1.1": 28, "2.1": 7, "3.1": 20, "8.1": 30},
		{"1.1": 30, "2.1": 9, "3.1": 20, "8.1": 34},
	}
	comments := []map[string]string{
		{"2.1": "Få brukarundersökningar."},
		{"3.1": "Samma som förra gången."},
		{"2.1": "Tydlig filosofi i styrdokumenten."},
	}
	strength := evaluation.Note{Area: "1", Kind: evaluation.Strength, Text: "Tydlig information till medborgarna."}
	notes := [][]evaluation.Note{
		{strength},
		{strength},
		{{Area: "2", Kind: evaluation.Improvement, Text: "Fler brukarundersökningar."}},
	}
	out := map[string][]byte{}
	for i, name := range Assessors {
		s := samples.Sample{
			File: AssessmentFiles[i], Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{Kommun: "Exempelkommun A", Year: 2025, Kind: evaluation.KindAssessment, Assessor: name, Evaluators: name + ", Exempelkonsult AB", Dates: "3–5 mars 2025", Sources: "Fiktiva poäng för kompass tester."}, Notes: notes[i],
		}
		q := Umea2007Questions(t)
		for id, v := range scores[i] {
			q[id] = v
		}
		for _, a := range testbase.Instrument(t, s.Instrument).Areas {
			for _, qu := range a.Questions {
				s.Scores = append(s.Scores, samples.Score{ID: qu.ID, Value: q[qu.ID], Comment: comments[i][qu.ID]})
			}
		}
		b, err := samples.Workbook(testbase.Registry(t), s)
		if err != nil {
			t.Fatal(err)
		}
		out[s.File] = b
	}
	return out
}

// Agreed returns the evaluation the evaluators of Assessments agree on, as
// exempelkommun-a-2025.xlsx (Avser = kommun): the scores their consensus
// workbook proposes (2.1 = 7, 8.1 = 34 and 1.1 = 28), standing in for it
// where a test needs the evaluation beside the evaluators' workbooks.
func Agreed(t testing.TB) (string, []byte) {
	t.Helper()
	a := agreed.get(t, func() agreedFile { name, b := writeAgreed(t); return agreedFile{name, b} })
	return a.name, a.data
}

type agreedFile struct {
	name string
	data []byte
}

var agreed once[agreedFile]

func writeAgreed(t testing.TB) (string, []byte) {
	t.Helper()
	s := samples.Sample{
		File: "exempelkommun-a-2025.xlsx", Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{Kommun: "Exempelkommun A", Year: 2025, Kind: evaluation.KindKommun, Evaluators: strings.Join(Assessors, ", "), Sources: "Fiktiva poäng för kompass tester."},
	}
	q := Umea2007Questions(t)
	for id, v := range map[string]float64{"1.1": 28, "2.1": 7, "3.1": 20, "8.1": 34} {
		q[id] = v
	}
	for _, a := range testbase.Instrument(t, s.Instrument).Areas {
		for _, qu := range a.Questions {
			s.Scores = append(s.Scores, samples.Score{ID: qu.ID, Value: q[qu.ID]})
		}
	}
	b, err := samples.Workbook(testbase.Registry(t), s)
	if err != nil {
		t.Fatal(err)
	}
	return s.File, b
}

// AssessedFolder is a data folder's files: the evaluators' workbooks of
// Assessments beside the evaluation they agree on (Agreed).
func AssessedFolder(t testing.TB) map[string][]byte {
	t.Helper()
	files := Assessments(t)
	name, agreed := Agreed(t)
	files[name] = agreed
	return files
}

// Folder writes files (by slash-separated name) into a new temporary
// folder and returns it.
func Folder(t testing.TB, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
