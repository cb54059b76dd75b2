package report_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// checkCover checks the cover of a page as SKL's first page has it: the
// publisher when report.toml names one, "Kommunkompassen", the analysis
// of the kommun, the dates of the evaluation (or its year), the contents
// and the evaluators as the workbook gives them; and the running header
// of the printed pages names the analysis and the year.
func checkCover(t *testing.T, r *report.Report, doc *node) {
	t.Helper()
	var cover *node
	for _, h := range doc.all("header") {
		if h.hasClass("cover") {
			cover = h
		}
	}
	if cover == nil {
		t.Fatal("the page has no <header class=\"cover\">")
	}
	if k := cover.first("p"); r.Cover.Publisher == nil && (k == nil || squash(k.text()) != "Kommunkompassen") {
		t.Errorf("the cover does not start with Kommunkompassen")
	}
	var when string
	for _, p := range cover.all("p") {
		if p.hasClass("when") {
			when = squash(p.text())
		}
	}
	wantWhen := squash(r.Dates)
	if wantWhen == "" {
		wantWhen = squash(strings.Fields(r.Cover.When)[0])
	}
	if when != wantWhen || r.Dates == "" && r.Cover.When != strings.TrimSpace(r.Cover.When) {
		t.Errorf("the cover gives the time as %q, want %q", when, wantWhen)
	}
	if cover.first("nav") == nil || cover.first("nav").first("h2") == nil || squash(cover.first("nav").first("h2").text()) != "Innehåll" {
		t.Error("the contents are not on the cover")
	}
	var evaluators []string
	for _, d := range cover.all("div") {
		if d.hasClass("evaluators") {
			for _, li := range d.all("li") {
				evaluators = append(evaluators, squash(li.text()))
			}
		}
	}
	if !slices.Equal(evaluators, r.Cover.Evaluators) {
		t.Errorf("the cover lists the evaluators %q, want %q", evaluators, r.Cover.Evaluators)
	}
	if p := r.Cover.Publisher; p != nil {
		text := squash(cover.text())
		if !strings.HasPrefix(text, squash(p.Name+" "+p.Unit)) {
			t.Errorf("the cover does not open with the publisher %q %q: %.80q", p.Name, p.Unit, text)
		}
		imgs := cover.all("img")
		if (p.Logo != nil) != (len(imgs) == 1) || p.Logo != nil && imgs[0].Attr["src"] != string(p.Logo.URL()) {
			t.Errorf("the cover has %d images for logo %v", len(imgs), p.Logo != nil)
		}
	}
	// the running header of every printed page after the cover
	var style string
	for _, s := range doc.all("style") {
		if strings.Contains(s.Raw, "@top-left") && strings.Contains(s.Raw, "content:") && !strings.Contains(s.Raw, ":root") {
			style = s.Raw
		}
	}
	if !strings.Contains(style, "@page :first") {
		t.Errorf("the running header %q does not leave the cover alone", style)
	}
	if !strings.ContainsAny(r.Kommun, `"'\<>&()/:;{}+`) && !strings.Contains(style, `"`+r.Cover.Title+" "+strconv.Itoa(r.Year)+`"`) {
		t.Errorf("the running header %q does not name %q and %d", style, r.Cover.Title, r.Year)
	}
}

func TestAnalysisTitle(t *testing.T) {
	for kommun, want := range map[string]string{
		"Umeå":            "Analys av Umeå kommun",
		"Habo":            "Analys av Habo kommun",
		"Exempelkommun":   "Analys av Exempelkommun",
		"Exempelkommun A": "Analys av Exempelkommun A",
		"Stockholms stad": "Analys av Stockholms stad",
		"Region Gotland":  "Analys av Region Gotland",
	} {
		if got := report.AnalysisTitle(kommun); got != want {
			t.Errorf("AnalysisTitle(%q) = %q, want %q", kommun, got, want)
		}
	}
}

// pngLogo is a small PNG image.
func pngLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{31, 78, 121, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const svgLogo = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Exempelförbundets logotyp (fiktiv) -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#1f4e79"/></svg>
`

// TestLoadSettings reads report.toml: the publisher with a logo carried in
// the page, the evaluators' affiliations, and every kind of bad file
// refused with a message naming it.
func TestLoadSettings(t *testing.T) {
	testbase.Language(t, msg.English)
	folder := func(t *testing.T, files map[string]string) string {
		t.Helper()
		dir := t.TempDir()
		for name, body := range files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	logo := string(pngLogo(t))

	t.Run("none", func(t *testing.T) {
		s, err := report.LoadSettings(t.TempDir())
		if err != nil || s == nil || s.Publisher != nil {
			t.Fatalf("LoadSettings of a folder without %s: %+v, %v; want no publisher", report.SettingsFile, s, err)
		}
	})

	t.Run("publisher, logo, affiliations", func(t *testing.T) {
		dir := folder(t, map[string]string{
			report.SettingsFile: `# the publisher of the reports (fictional)
[publisher]
name = "Exempelförbundet"
unit = "Avdelningen för kvalitet och styrning"
logo = "logotyp.png"

[[evaluator]]
name = "Anna Exempelsson"
affiliation = "Exempelförbundet"

[[evaluator]]
name = "Per Påhittad"
affiliation = "Påhittby kommun"
`,
			"logotyp.png": logo,
		})
		s, err := report.LoadSettings(dir)
		if err != nil {
			t.Fatal(err)
		}
		p := s.Publisher
		if p == nil || p.Name != "Exempelförbundet" || p.Unit != "Avdelningen för kvalitet och styrning" || p.Logo == nil || p.Logo.Type != "image/png" {
			t.Fatalf("publisher %+v", p)
		}
		if want := "data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte(logo)); string(p.Logo.URL()) != want {
			t.Errorf("the logo's URL is %.60q…", p.Logo.URL())
		}
		set := exempelSet(t)
		r := buildFrom(t, set, report.Options{Kommun: "Exempelkommun", Settings: s})
		// the workbook gives the affiliations itself; report.toml adds
		// nothing to them
		if want := []string{"Anna Exempelsson, Exempelförbundet (fiktiv)", "Per Påhittad, Påhittby kommun (fiktiv)"}; !slices.Equal(r.Cover.Evaluators, want) {
			t.Errorf("evaluators %q, want %q", r.Cover.Evaluators, want)
		}
		named := testkit.Amend(t, set, "exempelkommun-2007.xlsx", func(ev *evaluation.Evaluation) {
			ev.Facts.Evaluators = "Anna Exempelsson\nPer Påhittad; Bertil Prov, Exempelhögskolan"
		})
		r2 := buildFrom(t, named, report.Options{Kommun: "Exempelkommun", Settings: s})
		if want := []string{"Anna Exempelsson, Exempelförbundet", "Per Påhittad, Påhittby kommun", "Bertil Prov, Exempelhögskolan"}; !slices.Equal(r2.Cover.Evaluators, want) {
			t.Errorf("evaluators %q, want %q", r2.Cover.Evaluators, want)
		}
		page := write(t, r2, report.WriteOptions{})
		doc := parseHTML(t, page)
		checkStructure(t, r2, doc, report.WriteOptions{})
	})

	t.Run("svg logo", func(t *testing.T) {
		dir := folder(t, map[string]string{
			report.SettingsFile: "[publisher]\nname = \"Exempelförbundet\"\nlogo = \"logo.svg\"\n",
			"logo.svg":          svgLogo,
		})
		s, err := report.LoadSettings(dir)
		if err != nil || s.Publisher.Logo == nil || s.Publisher.Logo.Type != "image/svg+xml" {
			t.Fatalf("%+v, %v; want an SVG logo", s, err)
		}
	})

	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown key", map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\ncolour = \"blå\"\n"}, `unknown key "publisher.colour"`},
		{"no name", map[string]string{report.SettingsFile: "[publisher]\nunit = \"X\"\n"}, "publisher.name is missing"},
		{"broken TOML", map[string]string{report.SettingsFile: "[publisher\nname = 1\n"}, report.SettingsFile},
		{"evaluator without affiliation", map[string]string{report.SettingsFile: "[[evaluator]]\nname = \"Anna\"\n"}, "evaluator[1]: an evaluator needs name and affiliation"},
		{"evaluator twice", map[string]string{report.SettingsFile: "[[evaluator]]\nname = \"Anna\"\naffiliation = \"A\"\n[[evaluator]]\nname = \"anna\"\naffiliation = \"B\"\n"}, `evaluator[2]: "anna" is named twice`},
		{"logo missing", map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\nlogo = \"nej.png\"\n"}, "nej.png is not there"},
		{"logo in another folder", map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\nlogo = \"../logo.png\"\n"}, `publisher.logo "../logo.png": give the name of a file beside report.toml`},
		{"logo not an image", map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\nlogo = \"logo.png\"\n", "logo.png": "<html><script>alert(1)</script></html>"}, "is not a PNG, JPEG or SVG image"},
		{"logo too large", map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\nlogo = \"logo.png\"\n", "logo.png": logo + strings.Repeat("x", report.MaxLogoSize)}, "kompass reads logos of at most"},
		{"deeply nested", map[string]string{report.SettingsFile: "x = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n"}, "nested more than"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := folder(t, c.files)
			_, err := report.LoadSettings(dir)
			var se *report.SettingsError
			if err == nil || !errors.As(err, &se) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), dir) {
				t.Errorf("LoadSettings: %v; want a SettingsError naming the file and %q", err, c.want)
			}
		})
	}

	t.Run("logo not a regular file", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no /dev/zero")
		}
		dir := folder(t, map[string]string{report.SettingsFile: "[publisher]\nname = \"X\"\nlogo = \"logo.png\"\n"})
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "logo.png")); err != nil {
			t.Fatal(err)
		}
		if _, err := report.LoadSettings(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file but a character device") {
			t.Errorf("a logo linked to /dev/zero: %v; want it refused", err)
		}
	})
}

// TestOmittedGroup: a report of kompass report --all whose group cannot be
// compared with the kommun says so, with why, where the comparison would
// stand.
func TestOmittedGroup(t *testing.T) {
	set := loadSet(t, programmeDir)
	_, err := report.Build(set, report.Options{Kommun: "Exempelkommun A", Group: "Nominerade 2007"})
	if err == nil {
		t.Fatal("Exempelkommun A 2021 (@2020) was compared with Nominerade 2007 (@2007)")
	}
	o := report.OmittedGroup("Nominerade 2007", err)
	if o.Group != "Nominerade 2007" || !strings.Contains(o.Reason, "är utvärderad med en annan version av Kommunkompassen (kommunkompassen@2007) än den senaste utvärderingen av kommunen (kommunkompassen@2020)") {
		t.Errorf("OmittedGroup = %+v", o)
	}
	r := buildFrom(t, set, report.Options{Kommun: "Exempelkommun A", Omitted: o})
	doc := parseHTML(t, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
	note := doc.byID("grupp-utelamnad")
	if note == nil || doc.byID("poang").byID("grupp-utelamnad") == nil || !strings.HasPrefix(squash(note.text()), "Jämförelsen med gruppen Nominerade 2007 är inte med i rapporten: ") {
		t.Errorf("the note on the group left out: %v", note)
	}
	if doc.byID("grupp-tabell") != nil {
		t.Error("the report has a group table")
	}
	if o := report.OmittedGroup("alla", evalset.ErrNoGroup); !strings.HasPrefix(o.Reason, "ingen annan kommun i underlaget") {
		t.Errorf("OmittedGroup(ErrNoGroup) = %+v", o)
	}
	if o := report.OmittedGroup("X", errors.New("något annat")); o.Reason == "" {
		t.Errorf("OmittedGroup(other) = %+v", o)
	}
	// without one, no note
	plain := parseHTML(t, write(t, buildFrom(t, set, report.Options{Kommun: "Exempelkommun A"}), report.WriteOptions{}))
	if plain.byID("grupp-utelamnad") != nil {
		t.Error("a note on a group nobody asked for")
	}
}
