package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestAgreement: with the evaluators' own workbooks in the data folder,
// the report notes how far they agreed when asked to, and only then; the
// kommun's own report counts the evaluation once.
func TestAgreement(t *testing.T) {
	set, err := evalset.Load(testkit.Folder(t, testkit.AssessedFolder(t)), testbase.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	page := func(o report.Options) string {
		t.Helper()
		r, err := report.Build(set, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Years) != 1 {
			t.Errorf("the report has the years %v, want 2025 once", r.Years)
		}
		var b bytes.Buffer
		if err := report.Write(&b, r, report.WriteOptions{ScriptSrc: report.ScriptFile}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	without := page(report.Options{Kommun: "Exempelkommun A"})
	if strings.Contains(without, "samstämmighet") {
		t.Error("a note on agreement that was not asked for")
	}
	with := page(report.Options{Kommun: "Exempelkommun A", Agreement: true})
	for _, want := range []string{
		`<h3 id="samstammighet">Bedömarnas samstämmighet</h3>`,
		"3 bedömare (Anna Exempelsson, Bertil Prov, Cecilia Påhitt) poängsatte 37 delfrågor var för sig innan de enades. 35 av 37 (95 %) var de överens om direkt",
		"34 fick samma poäng av alla.",
		"<li>2.1 Har kommunen en brukarorienterad förvaltningsfilosofi? 5–9 av 10 poäng (spridning 4)</li>",
		"<li>8.1 Vad gör kommunen för att stötta föreningslivet? 30–40 av 40 poäng (spridning 10)</li>",
		"<li>1.1 Hur informeras medborgarna? 28–30 av 40 poäng (spridning 2)</li>",
	} {
		if !strings.Contains(with, want) {
			t.Errorf("the note lacks %q", want)
		}
	}
	// Nothing else changes.
	i := strings.Index(with, "\n<h3 id=\"samstammighet\">")
	j := strings.Index(with[i:], "</ul>") + i + len("</ul>")
	if with[:i]+with[j:] != without {
		t.Error("the page with the note differs from the one without it beyond the note")
	}
}
