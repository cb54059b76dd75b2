package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// TestDraft: a report of an unfinished evaluation is a draft — its own
// workbook Utkast, an earlier year of the kommun Utkast, or a mark of the
// meeting left — with each place named; and a draft says so in its title,
// in a banner and on every printed page. A final one says nothing of it.
func TestDraft(t *testing.T) {
	reg := testbase.Registry(t)
	folder := func(t *testing.T, edit func(ss []samples.Sample)) *evalset.Set {
		ss := smallSamples()[:2] // Exempelkommun A 2005 and 2007
		edit(ss)
		files := map[string][]byte{}
		for _, s := range ss {
			b, err := samples.Workbook(reg, s)
			if err != nil {
				t.Fatal(err)
			}
			files[s.File] = b
		}
		s, err := evalset.Load(testkit.Folder(t, files), reg)
		if err != nil || len(s.Excluded) > 0 {
			t.Fatalf("%v %v", err, s.Warnings())
		}
		return s
	}
	for _, tc := range []struct {
		name   string
		edit   func(ss []samples.Sample)
		places []string // "file place", in order
		reason string
	}{
		{"final", func([]samples.Sample) {}, nil, ""},
		{"own draft", func(ss []samples.Sample) { ss[1].Status = evaluation.StatusDraft }, []string{"exempelkommun-a-2007.xlsx Uppgifter!B7"}, "arbetsboken har Status Utkast."},
		{"earlier draft", func(ss []samples.Sample) { ss[0].Status = evaluation.StatusDraft }, []string{"exempelkommun-a-2005.xlsx Uppgifter!B7"}, "arbetsboken har Status Utkast."},
		{"marks left", func(ss []samples.Sample) {
			ss[1].Scores = withComment(ss[1].Scores, "3.1", "ATT DISKUTERA: spridning 8")
			ss[1].Notes = append(ss[1].Notes[:0:0], ss[1].Notes...)
			ss[1].Notes[0].Text = "Testsviten (fiktiva utvärderare): " + ss[1].Notes[0].Text
		}, []string{"exempelkommun-a-2007.xlsx Poäng!G14", "exempelkommun-a-2007.xlsx Styrkor och förbättringsområden!D2"},
			"1 poäng är markerad ATT DISKUTERA; 1 text börjar med bedömarnas namn."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildFrom(t, folder(t, tc.edit), report.Options{Kommun: kommunA})
			var places []string
			for _, p := range r.Unfinished {
				places = append(places, baseName(p.File)+" "+p.Place())
			}
			if r.Draft != (tc.places != nil) || strings.Join(places, ",") != strings.Join(tc.places, ",") || tc.reason != "" && r.DraftReason != tc.reason {
				t.Fatalf("Draft %v at %q (%q); want at %q (%q)", r.Draft, places, r.DraftReason, tc.places, tc.reason)
			}
			page := write(t, r, report.WriteOptions{})
			marks := []string{"<title>UTKAST – ", `<p class="draft-banner" role="note"><strong>UTKAST</strong> – inte för publicering</p>`, `@top-center { content: "UTKAST – inte för publicering"`}
			for _, m := range marks {
				if bytes.Contains(page, []byte(m)) != r.Draft {
					t.Errorf("draft %v, but the page has %q: %v", r.Draft, m, !r.Draft)
				}
			}
			if r.Draft && !bytes.Contains(page, []byte(`<p class="draft-reason">Utvärderingen är inte klar: `+tc.reason+"</p>")) {
				t.Errorf("the banner does not say why (%q)", tc.reason)
			}
		})
	}
	// The index marks a draft.
	var idx bytes.Buffer
	if err := report.WriteIndex(&idx, []report.IndexEntry{{Kommun: kommunA, Year: 2007, Instrument: v2007, Href: "a.html", Draft: true}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(idx.String(), `<a href="a.html">Exempelkommun A</a> <strong class="draft">UTKAST</strong>`) {
		t.Error("the index does not mark the draft")
	}
}

func baseName(p string) string { return p[strings.LastIndexAny(p, `/\`)+1:] }
