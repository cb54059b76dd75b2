package plan_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// progress is the follow-up of the fictional plan, with the real
// instrument's area names.
func progress(t *testing.T, per string) plan.Progress {
	t.Helper()
	ev := &evaluation.Evaluation{Instrument: testbase.Instrument(t, "kommunkompassen@2007")}
	var at time.Time
	if per != "" {
		var err error
		if at, err = time.Parse(time.DateOnly, per); err != nil {
			t.Fatal(err)
		}
	}
	return plan.FollowUp(plan.FictionalPlan(), ev, at)
}

func TestFollowUpGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		per  string
		lang msg.Lang
	}{
		{"followup", "", msg.Swedish},
		{"followup-en", "", msg.English},
		{"followup-per", "2009-02-01", msg.Swedish},
		{"followup-before", "2008-04-15", msg.Swedish},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testbase.Language(t, tc.lang)
			pr := progress(t, tc.per)
			var txt, cs, js bytes.Buffer
			if err := plan.FollowUpText(&txt, pr, plan.ByArea); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "testdata/"+tc.name+".txt.golden", txt.Bytes())
			if tc.lang != msg.Swedish {
				return // CSV and JSON are the same in every language
			}
			if err := plan.FollowUpCSV(&cs, pr, plan.ByArea); err != nil {
				t.Fatal(err)
			}
			if err := plan.FollowUpJSON(&js, pr, plan.ByArea); err != nil {
				t.Fatal(err)
			}
			testkit.Golden(t, "testdata/"+tc.name+".csv.golden", cs.Bytes())
			testkit.Golden(t, "testdata/"+tc.name+".json.golden", js.Bytes())

			// The CSV is rectangular after its byte order mark; the JSON is
			// valid.
			body, ok := bytes.CutPrefix(cs.Bytes(), []byte(encode.BOM))
			if !ok {
				t.Error("the CSV does not start with the byte order mark")
			}
			if _, err := csv.NewReader(bytes.NewReader(body)).ReadAll(); err != nil {
				t.Errorf("CSV: %v", err)
			}
			if !json.Valid(js.Bytes()) {
				t.Error("the JSON is not valid")
			}
		})
	}
}

// TestFollowUpJSONCounts reads the counts back from the JSON: numbers
// under English keys, statuses by their Swedish names.
func TestFollowUpJSONCounts(t *testing.T) {
	var js bytes.Buffer
	if err := plan.FollowUpJSON(&js, progress(t, ""), plan.ByArea); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Standing struct{ Occasion string }
		Total    struct {
			Counts map[string]int
		}
		Overdue []struct {
			Ref    string
			Status *string
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"done": 1, "partly": 2, "in_progress": 0, "not_done": 1, "not_started": 0, "not_reported": 1}
	if doc.Standing.Occasion != "Augusti 2008" || len(doc.Total.Counts) != len(want) {
		t.Fatalf("standing %q, counts %v", doc.Standing.Occasion, doc.Total.Counts)
	}
	for k, v := range want {
		if doc.Total.Counts[k] != v {
			t.Errorf("total.counts.%s = %d, want %d", k, doc.Total.Counts[k], v)
		}
	}
	if len(doc.Overdue) != 2 || doc.Overdue[0].Status == nil || *doc.Overdue[0].Status != "Delvis genomförd" || doc.Overdue[1].Status != nil {
		t.Errorf("overdue %+v, want 1.F1 Delvis genomförd and 5.F1 null", doc.Overdue)
	}
}

// TestFollowUpDocs: docs/followup.md names every CSV column and JSON key
// the follow-up writes.
func TestFollowUpDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/followup.md")
	if err != nil {
		t.Fatal(err)
	}
	pr := progress(t, "2009-02-01")
	var cs, js bytes.Buffer
	if err := plan.FollowUpCSV(&cs, pr, plan.ByArea); err != nil {
		t.Fatal(err)
	}
	if err := plan.FollowUpJSON(&js, pr, plan.ByArea); err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(strings.TrimPrefix(cs.String(), encode.BOM), "\n")
	names := strings.Split(header, ",")
	for _, m := range regexp.MustCompile(`"([a-z_]+)":`).FindAllStringSubmatch(js.String(), -1) {
		names = append(names, m[1])
	}
	for _, n := range names {
		if !strings.Contains(string(doc), "`"+n+"`") && !strings.Contains(string(doc), `"`+n+`"`) {
			t.Errorf("docs/followup.md does not name %q", n)
		}
	}
}

// TestFollowUpExempelkommun is the follow-up of the shipped fictional
// sample (samples.ExempelPlan), written, filled in and read back as a
// workbook: the text, CSV and JSON users see for it.
func TestFollowUpExempelkommun(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	reg := testbase.Registry(t)
	ps := samples.ExempelPlan()
	data, err := samples.PlanWorkbook(reg, ps)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), ps.File)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, probs := plan.Read(path)
	if problem.HasErrors(probs) {
		t.Fatalf("the sample plan: %v", probs)
	}
	p.File = ps.File
	ev, err := ps.Evaluation.Evaluation(reg)
	if err != nil {
		t.Fatal(err)
	}
	if probs := plan.Check(p, ev); problem.HasErrors(probs) {
		t.Fatalf("the sample plan against its evaluation: %v", probs)
	}
	pr := plan.FollowUp(p, ev, time.Time{})
	for _, r := range []struct {
		ext   string
		write plan.Renderer
	}{{"txt", plan.FollowUpText}, {"csv", plan.FollowUpCSV}, {"json", plan.FollowUpJSON}, {"html", plan.FollowUpHTML}} {
		var b bytes.Buffer
		if err := r.write(&b, pr, plan.ByArea); err != nil {
			t.Fatal(err)
		}
		testkit.Golden(t, "testdata/followup-exempelkommun."+r.ext+".golden", b.Bytes())
	}
}

// TestFollowUpHTMLSafe: the nämnd's page escapes every text from the plan,
// fetches nothing and runs no script; the workbook holds the text as
// written.
func TestFollowUpHTMLSafe(t *testing.T) {
	p := plan.FictionalPlan()
	hostile := `<script>alert("å")</script> & <img src=x onerror=alert(1)>`
	p.Items[0].Actions[0].Text = hostile
	p.Items[0].Actions[0].Board = "</td><b>Nämnd</b>"
	p.Items[0].Actions[0].Reports[0].Comment = "=HYPERLINK(\"http://x\")"
	pr := plan.FollowUp(p, nil, time.Time{})
	var b bytes.Buffer
	if err := plan.FollowUpHTML(&b, pr, plan.ByBoard); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "<b>Nämnd", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if m := regexp.MustCompile(`<[a-z]+[^>]*\s(src|href|on[a-z]+)=`).FindString(page); m != "" {
		t.Errorf("the page has a tag that fetches or runs something: %s", m)
	}
	if !strings.Contains(page, "&lt;script&gt;alert(&#34;å&#34;)&lt;/script&gt; &amp; &lt;img") {
		t.Errorf("the åtgärd is not shown escaped")
	}
	var x bytes.Buffer
	if err := plan.FollowUpXLSX(&x, pr, plan.ByArea); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Åtgärder")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		found = found || len(r) > 2 && r[2] == hostile
	}
	if !found {
		t.Errorf("the workbook does not hold the åtgärd as written: %q", rows)
	}
	// The comment is text in the workbook, not a formula.
	for r := 1; r <= len(rows); r++ {
		if fm, _ := f.GetCellFormula("Åtgärder", "L"+strconv.Itoa(r)); fm != "" {
			t.Errorf("L%d holds a formula %q", r, fm)
		}
	}
}
