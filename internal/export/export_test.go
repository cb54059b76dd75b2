package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/export"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/testkit"
)

const evaluationsDir = "../../evaluations"

// shipped loads evaluations/ once per test binary.
func shipped(t testing.TB) *evalset.Set {
	t.Helper()
	s := testkit.Set(t, evaluationsDir)
	if len(s.Excluded) != 0 {
		t.Fatalf("%s: workbooks left out: %v", evaluationsDir, s.Warnings())
	}
	return s
}

func score(r export.Row) string {
	if r.Score == nil {
		return "nil"
	}
	return r.Score.String()
}

// TestRows: an area row for every area of every evaluation, and delfråga
// rows for the evaluations scored by delfrågor (Umeå 2007 and the
// fictional Exempelkommun 2007, 37 delfrågor each); the set's order (Swedish kommun order, then year), areas in
// instrument order each followed by its delfrågor.
func TestRows(t *testing.T) {
	rows := export.Rows(shipped(t).Evaluations)
	// 9 evaluations × 8 areas + 37 delfrågor of Umeå 2007 and of Exempelkommun 2007
	if len(rows) != 9*8+2*37 {
		t.Fatalf("%d rows, want %d", len(rows), 9*8+2*37)
	}
	// The evaluations in order, with their number of rows.
	type block struct {
		label string
		n     int
	}
	var blocks []block
	for _, r := range rows {
		l := fmt.Sprintf("%s %d", r.Kommun, r.Year)
		if len(blocks) == 0 || blocks[len(blocks)-1].label != l {
			blocks = append(blocks, block{l, 0})
		}
		blocks[len(blocks)-1].n++
	}
	want := []block{{"Exempelkommun 2005", 8}, {"Exempelkommun 2007", 45}, {"Exempelsnitt 2007", 8}, {"Sverigesnitt 2021", 8}, {"Umeå 2003", 8}, {"Umeå 2005", 8}, {"Umeå 2007", 45}, {"Vallentuna 2021", 8}, {"Örebro 2012", 8}}
	if !slices.Equal(blocks, want) {
		t.Errorf("row blocks %v, want %v", blocks, want)
	}

	// Umeå 2007: each area, then its delfrågor.
	var ids []string
	for _, r := range rows {
		if r.Kommun == "Umeå" && r.Year == 2007 {
			id := r.Area
			if r.Question != "" {
				id = r.Question
				if !strings.HasPrefix(r.Question, r.Area+".") {
					t.Errorf("delfråga %s in area %s", r.Question, r.Area)
				}
			}
			ids = append(ids, id)
		}
	}
	wantIDs := strings.Fields(`1 1.1 1.2 1.3 2 2.1 2.2 2.3 2.4 2.5 2.6 3 3.1 3.2 3.3 3.4 4 4.1 4.2 4.3 4.4 4.5
		5 5.1 5.2 5.3 5.4 6 6.1 6.2 6.3 6.4 6.5 6.6 7 7.1 7.2 7.3 7.4 7.5 8 8.1 8.2 8.3 8.4`)
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("Umeå 2007 ids %v\nwant %v", ids, wantIDs)
	}
	for _, r := range rows {
		if r.Question != "" && (r.Kommun != "Umeå" && r.Kommun != "Exempelkommun" || r.Year != 2007) {
			t.Errorf("delfråga row for %s %d (scored by area only)", r.Kommun, r.Year)
		}
		if r.Score == nil {
			t.Errorf("%s %d %s%s has no score", r.Kommun, r.Year, r.Area, r.Question)
		}
	}

	// A few rows exactly.
	p := func(s string) *points.P {
		v, err := points.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	u2007 := shipped(t).Kommun("Umeå")[2].Facts.Sources
	for _, w := range []export.Row{
		{Kommun: "Umeå", Year: 2007, Kind: "kommun", Instrument: "kommunkompassen", Version: "2007", Area: "5",
			Text: "Kontroll och rapportering", Max: points.FromInt(100), Score: p("78"), Source: u2007},
		{Kommun: "Umeå", Year: 2007, Kind: "kommun", Instrument: "kommunkompassen", Version: "2007", Area: "7", Question: "7.1",
			Text: "Hur metodiskt sker utveckling av kvalitetssystem?", Max: points.FromInt(20), Score: p("15"), Source: u2007},
		{Kommun: "Umeå", Year: 2007, Kind: "kommun", Instrument: "kommunkompassen", Version: "2007", Area: "2", Question: "2.1",
			Text: "Har kommunen en brukarorienterad förvaltningsfilosofi?", Max: points.FromInt(10), Score: p("7,5"), Source: u2007},
	} {
		got, ok := findRow(rows, w.Kommun, w.Year, w.Area, w.Question)
		if !ok {
			t.Errorf("no row %s %d %s %s", w.Kommun, w.Year, w.Area, w.Question)
			continue
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("row\n%+v (score %s)\nwant\n%+v (score %s)", got, score(got), w, score(w))
		}
	}
	for _, w := range []struct {
		kommun, kind, version, area, text, score string
		year                                     int
	}{
		{"Sverigesnitt", "medelvärde", "2020", "1", "Samspel mellan förtroendevalda och medborgare", "63", 2021},
		{"Umeå", "kommun", "2007", "3", "Tydlighet i samspelet mellan politiker och tjänstemän", "64.5", 2003},
		{"Umeå", "kommun", "2007", "2", "Tillgänglighet och medborgar-/brukarorientering", "79.5", 2007},
		{"Vallentuna", "kommun", "2020", "5", "Brukarens fokus", "86", 2021},
		{"Örebro", "kommun", "2010", "8", "Kommunen som samhällsbyggare", "87", 2012},
	} {
		got, ok := findRow(rows, w.kommun, w.year, w.area, "")
		if !ok {
			t.Errorf("no row %s %d %s", w.kommun, w.year, w.area)
			continue
		}
		if got.Kind != w.kind || got.Instrument != "kommunkompassen" || got.Version != w.version || got.Text != w.text ||
			score(got) != w.score || got.Max != points.FromInt(100) || got.Source == "" {
			t.Errorf("row %+v (score %s), want %+v", got, score(got), w)
		}
	}
}

func findRow(rows []export.Row, kommun string, year int, area, question string) (export.Row, bool) {
	for _, r := range rows {
		if r.Kommun == kommun && r.Year == year && r.Area == area && r.Question == question {
			return r, true
		}
	}
	return export.Row{}, false
}

func TestRowsEmpty(t *testing.T) {
	rows := export.Rows(nil)
	if rows == nil || len(rows) != 0 {
		t.Errorf("Rows(nil) = %#v, want an empty, non-nil slice", rows)
	}
	var b bytes.Buffer
	if err := export.JSON(&b, rows); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("JSON of no rows = %q, want []", b.String())
	}
}

func TestCSV(t *testing.T) {
	rows := export.Rows(shipped(t).Evaluations)
	var b bytes.Buffer
	if err := export.CSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/export.csv.golden", b.Bytes())

	data := b.Bytes()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("CSV starts with %q, want the UTF-8 byte order mark", data[:min(3, len(data))])
	}
	body := data[3:]
	header := "kommun,year,kind,instrument,version,area,question,text,max,score,source\n"
	if !bytes.HasPrefix(body, []byte(header)) {
		t.Errorf("CSV header %q, want %q", strings.SplitN(string(body), "\n", 2)[0], header)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(rows)+1 {
		t.Fatalf("%d records, want %d (header + rows)", len(recs), len(rows)+1)
	}
	if !slices.Equal(recs[0], export.Header) {
		t.Errorf("header %q, want %q", recs[0], export.Header)
	}
	found795 := false
	for i, rec := range recs[1:] {
		r := rows[i]
		if len(rec) != 11 {
			t.Fatalf("record %d has %d fields", i+1, len(rec))
		}
		if rec[0] != r.Kommun || rec[1] != strconv.Itoa(r.Year) || rec[5] != r.Area || rec[6] != r.Question || rec[7] != r.Text || rec[10] != r.Source {
			t.Errorf("record %d = %q, want row %+v", i+1, rec, r)
		}
		// Decimal point, and the numbers parse as numbers.
		for _, f := range []string{rec[8], rec[9]} {
			if strings.Contains(f, ",") {
				t.Errorf("record %d: %q has a decimal comma", i+1, f)
			}
			if _, err := strconv.ParseFloat(f, 64); err != nil {
				t.Errorf("record %d: %q is not a number: %v", i+1, f, err)
			}
		}
		if rec[0] == "Umeå" && rec[1] == "2007" && rec[5] == "2" && rec[6] == "" {
			found795 = rec[9] == "79.5"
		}
	}
	if !found795 {
		t.Error(`Umeå 2007 area 2 is not written "79.5"`)
	}
}

// TestCSVMissingScore: a missing score is an empty field in CSV and null
// in JSON, never 0.
func TestCSVMissingScore(t *testing.T) {
	half := points.FromInt(7) + points.Scale/2
	rows := []export.Row{
		{Kommun: "Exempelkommun A", Year: 2007, Kind: "kommun", Instrument: "kommunkompassen", Version: "2007", Area: "1", Text: "Område, med komma", Max: points.FromInt(100), Score: &half, Source: `"Citat"`},
		{Kommun: "Exempelkommun A", Year: 2007, Kind: "kommun", Instrument: "kommunkompassen", Version: "2007", Area: "2", Text: "Ej poängsatt", Max: points.FromInt(100)},
	}
	var b bytes.Buffer
	if err := export.CSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffkommun,year,kind,instrument,version,area,question,text,max,score,source\n" +
		"Exempelkommun A,2007,kommun,kommunkompassen,2007,1,,\"Område, med komma\",100,7.5,\"\"\"Citat\"\"\"\n" +
		"Exempelkommun A,2007,kommun,kommunkompassen,2007,2,,Ej poängsatt,100,,\n"
	if b.String() != want {
		t.Errorf("CSV\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := export.JSON(&b, rows); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if v, ok := back[1]["score"]; !ok || v != nil {
		t.Errorf("JSON score of an unscored row = %v (present %v), want null", v, ok)
	}
	if back[0]["score"] != 7.5 {
		t.Errorf("JSON score = %v, want 7.5", back[0]["score"])
	}
}

func TestJSON(t *testing.T) {
	rows := export.Rows(shipped(t).Evaluations)
	var b bytes.Buffer
	if err := export.JSON(&b, rows); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/export.json.golden", b.Bytes())
	var back []export.Row
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, rows) {
		t.Error("JSON does not round-trip to the same rows")
	}
	// The keys are those of the CSV header, in its order.
	var first []json.RawMessage
	if err := json.Unmarshal(b.Bytes(), &first); err != nil || len(first) == 0 {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(first[0]))
	var keys []string
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(keys, export.Header) {
		t.Errorf("JSON keys %q, want %q", keys, export.Header)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"score": 79.5`)) {
		t.Error(`JSON has no "score": 79.5`)
	}
}
