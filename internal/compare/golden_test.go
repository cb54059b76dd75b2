package compare_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testkit"
)

func renderAll[T any](t *testing.T, base string, v T, text, csvw func(*bytes.Buffer, T) error) {
	t.Helper()
	var txt, cs, js bytes.Buffer
	if err := text(&txt, v); err != nil {
		t.Fatal(err)
	}
	if err := csvw(&cs, v); err != nil {
		t.Fatal(err)
	}
	if err := compare.JSON(&js, v); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/"+base+".txt.golden", txt.Bytes())
	testkit.Golden(t, "testdata/"+base+".csv.golden", cs.Bytes())
	testkit.Golden(t, "testdata/"+base+".json.golden", js.Bytes())

	// The CSV is rectangular and readable by encoding/csv; the JSON is
	// valid and decodes back to the same value.
	recs, err := csv.NewReader(bytes.NewReader(cs.Bytes())).ReadAll()
	if err != nil {
		t.Errorf("%s.csv: %v", base, err)
	}
	for _, r := range recs {
		for _, c := range r {
			if strings.Contains(c, ",") && !strings.ContainsAny(c, " ") {
				t.Errorf("%s.csv: field %q has a decimal comma", base, c)
			}
		}
	}
	// Lists are lists in JSON even when empty.
	for _, key := range []string{"caveats", "comments", "members", "steps", "changes"} {
		if bytes.Contains(js.Bytes(), []byte(`"`+key+`": null`)) {
			t.Errorf("%s.json: %q is null, want a list", base, key)
		}
	}
	back := new(T)
	if err := json.Unmarshal(js.Bytes(), back); err != nil {
		t.Fatalf("%s.json: %v", base, err)
	}
	var again bytes.Buffer
	if err := compare.JSON(&again, *back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), js.Bytes()) {
		t.Errorf("%s.json does not survive a round trip", base)
	}
}

func trendText(b *bytes.Buffer, v *compare.Trend) error { return compare.TrendText(b, v) }
func trendCSV(b *bytes.Buffer, v *compare.Trend) error {
	return compare.HistoryCSV(b, &compare.History{Blocks: []*compare.Trend{v}})
}
func groupText(b *bytes.Buffer, v *compare.GroupComparison) error { return compare.GroupText(b, v) }
func groupCSV(b *bytes.Buffer, v *compare.GroupComparison) error  { return compare.GroupCSV(b, v) }

func TestGoldenTrendUmea(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	tr, err := compare.NewTrend(s.Kommun("Umeå"))
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "trend-umea", tr, trendText, trendCSV)
}

func TestGoldenTrendFictional(t *testing.T) {
	s := loadSet(t, groupDir)
	tr, err := compare.NewTrend(s.Kommun("Exempelkommun A"))
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "trend-exempelkommun-a", tr, trendText, trendCSV)
}

func TestGoldenGroupFictional(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "Exempelgruppen 2007", "Exempelkommun D", 2007)
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "group-exempelkommun-d", gc, groupText, groupCSV)
}

func TestGoldenGroupMember(t *testing.T) {
	s := loadSet(t, groupDir)
	gc, err := group(t, s, "Exempelgruppen 2007", "Exempelkommun A", 2007)
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "group-exempelkommun-a", gc, groupText, groupCSV)
}

func TestGoldenGroupSeries(t *testing.T) {
	s := loadSet(t, evaluationsDir)
	gc, err := group(t, s, "Sverigesnitt 2021", "Vallentuna", 2021)
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "group-vallentuna-sverigesnitt", gc, groupText, groupCSV)
}

func TestGoldenGroupMapped(t *testing.T) {
	s := loadSet(t, groupDir)
	in := parseInstrument(t, area2010+compareFull)
	e := with(find(t, s, "Exempelkommun E", 2012), in)
	g, err := s.Group("Blandad", e, evalset.Period{})
	if err != nil {
		t.Fatal(err)
	}
	mixed := *g
	mixed.Members = append([]*evaluation.Evaluation{}, g.Members...)
	mixed.Members[0] = e
	gc, err := compare.Against(e, &mixed)
	if err != nil {
		t.Fatal(err)
	}
	renderAll(t, "group-blandad-mapped", gc, groupText, groupCSV)
}
