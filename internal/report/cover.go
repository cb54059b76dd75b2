package report

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/inputfile"
	"github.com/kompass-dev/kompass/internal/msg"
)

// SettingsFile is the report's settings file in the data folder: who
// publishes the reports, with an optional logo, and the evaluators'
// affiliations (docs/report.md).
const SettingsFile = "report.toml"

// MaxLogoSize bounds the logo: every report carries it, base64-encoded.
const MaxLogoSize = 256 << 10

// Settings are what report.toml says. The zero value (no file) names no
// publisher and no affiliation.
type Settings struct {
	Publisher *Publisher
	// affiliations maps an evaluator's folded name to the organisation
	// the file gives for it.
	affiliations map[string]string
}

// Publisher is the organisation on the cover: its name, a unit within it,
// and its logo.
type Publisher struct {
	Name, Unit string
	Logo       *Logo // nil without one
}

// Logo is an image carried inside the report, so that it opens offline.
type Logo struct {
	Type string // image/png, image/jpeg or image/svg+xml
	Data []byte
}

// URL is the logo as a data: URL, for the <img> of the cover.
func (l *Logo) URL() template.URL {
	return template.URL("data:" + l.Type + ";base64," + base64.StdEncoding.EncodeToString(l.Data))
}

type settingsTOML struct {
	Publisher *struct {
		Name *string `toml:"name"`
		Unit string  `toml:"unit"`
		Logo string  `toml:"logo"`
	} `toml:"publisher"`
	Evaluator []struct {
		Name        *string `toml:"name"`
		Affiliation *string `toml:"affiliation"`
	} `toml:"evaluator"`
}

// SettingsError is a report.toml (or its logo) that cannot be used.
type SettingsError struct{ Err error }

func (e *SettingsError) Error() string { return e.Err.Error() }
func (e *SettingsError) Unwrap() error { return e.Err }

// LoadSettings reads report.toml in the data folder dir, strictly, and the
// logo it names; without the file it returns the zero Settings. The file
// and the logo are read as every input is (internal/inputfile): regular
// files only, and bounded.
func LoadSettings(dir string) (*Settings, error) {
	path := filepath.Join(dir, SettingsFile)
	fail := func(err error) (*Settings, error) { return nil, &SettingsError{err} }
	data, err := evalset.ReadTOML(path, inputfile.Settings)
	if err != nil {
		return fail(err)
	}
	s := &Settings{affiliations: map[string]string{}}
	if data == nil {
		return s, nil
	}
	var raw settingsTOML
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if und := md.Undecoded(); len(und) > 0 {
		return fail(msg.Errorf("%s: unknown key %q (known: publisher.name, publisher.unit, publisher.logo, evaluator.name, evaluator.affiliation)", path, und[0].String()))
	}
	if p := raw.Publisher; p != nil {
		if p.Name == nil || strings.TrimSpace(*p.Name) == "" {
			return fail(msg.Errorf("%s: publisher.name is missing: the organisation the cover names", path))
		}
		s.Publisher = &Publisher{Name: strings.TrimSpace(*p.Name), Unit: strings.TrimSpace(p.Unit)}
		if p.Logo != "" {
			logo, err := loadLogo(dir, path, p.Logo)
			if err != nil {
				return fail(err)
			}
			s.Publisher.Logo = logo
		}
	}
	for i, e := range raw.Evaluator {
		if e.Name == nil || strings.TrimSpace(*e.Name) == "" || e.Affiliation == nil || strings.TrimSpace(*e.Affiliation) == "" {
			return fail(msg.Errorf("%s: evaluator[%d]: an evaluator needs name and affiliation, e.g. name = \"Anna Exempelsson\" and affiliation = \"Exempelförbundet\"", path, i+1))
		}
		key := evaluation.FoldName(*e.Name)
		if _, dup := s.affiliations[key]; dup {
			return fail(msg.Errorf("%s: evaluator[%d]: %q is named twice", path, i+1, strings.TrimSpace(*e.Name)))
		}
		s.affiliations[key] = strings.TrimSpace(*e.Affiliation)
	}
	return s, nil
}

// loadLogo reads the logo that report.toml (at settings) names: a file in
// the data folder, a PNG, JPEG or SVG image of at most MaxLogoSize bytes.
func loadLogo(dir, settings, name string) (*Logo, error) {
	if filepath.IsAbs(name) || strings.ContainsAny(name, `/\`) {
		return nil, msg.Errorf("%s: publisher.logo %q: give the name of a file beside %s", settings, name, SettingsFile)
	}
	path := filepath.Join(dir, name)
	data, err := inputfile.Read(path, inputfile.Logo, MaxLogoSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, msg.Errorf("%s: publisher.logo: %s is not there", settings, path)
	}
	if err != nil {
		return nil, err
	}
	typ := http.DetectContentType(data)
	switch {
	case typ == "image/png" || typ == "image/jpeg":
	case isSVG(data):
		typ = "image/svg+xml"
	default:
		return nil, msg.Errorf("%s: publisher.logo: %s is not a PNG, JPEG or SVG image", settings, path)
	}
	return &Logo{Type: typ, Data: data}, nil
}

// isSVG reports whether data reads as an SVG document: an <svg element
// after an optional byte order mark, XML declaration, comments and white
// space. (In an <img> an SVG runs no script and loads nothing.)
func isSVG(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for {
		data = bytes.TrimLeft(data, " \t\r\n")
		switch {
		case bytes.HasPrefix(data, []byte("<svg")):
			return true
		case bytes.HasPrefix(data, []byte("<?")), bytes.HasPrefix(data, []byte("<!")):
			end, skip := bytes.IndexByte(data, '>'), 1
			if bytes.HasPrefix(data, []byte("<!--")) {
				end, skip = bytes.Index(data, []byte("-->")), 3
			}
			if end < 0 {
				return false
			}
			data = data[end+skip:]
		default:
			return false
		}
	}
}

// Cover is the report's title page, laid out as SKL's: the publisher, the
// instrument, "Analys av Umeå kommun", the dates and the evaluators. It
// holds only what the workbook and report.toml say.
type Cover struct {
	Publisher *Publisher // nil: no organisation is named
	Title     string     // "Analys av Umeå kommun"
	When      string     // the dates of the evaluation as written, else the year
	// Evaluators are the workbook's Utvärderare, one per line or
	// separated by semicolons, each as written ("Leif Eldås, Sveriges
	// Kommuner och Landsting"); a bare name that report.toml knows gets
	// its affiliation after a comma.
	Evaluators []string
}

func buildCover(f evaluation.Facts, s *Settings) Cover {
	c := Cover{Title: AnalysisTitle(f.Kommun), When: strings.TrimSpace(f.Dates)}
	if c.When == "" {
		c.When = fmt.Sprint(f.Year)
	}
	if s != nil {
		c.Publisher = s.Publisher
	}
	for _, e := range strings.FieldsFunc(f.Evaluators, func(r rune) bool { return r == ';' || r == '\n' }) {
		e = strings.Join(strings.Fields(e), " ")
		if e == "" {
			continue
		}
		if s != nil {
			if a, ok := s.affiliations[evaluation.FoldName(e)]; ok {
				e += ", " + a
			}
		}
		c.Evaluators = append(c.Evaluators, e)
	}
	return c
}

// AnalysisTitle is the title of a kommun's analysis, as SKL writes it:
// "Analys av Umeå kommun"; a name that already says what it is
// ("Exempelkommun A", "Stockholms stad") is not given another "kommun".
func AnalysisTitle(kommun string) string {
	words := strings.Fields(strings.ToLower(kommun))
	for _, w := range words {
		if strings.HasSuffix(w, "kommun") || w == "stad" || w == "region" || strings.HasPrefix(w, "stadsdel") {
			return "Analys av " + kommun
		}
	}
	return "Analys av " + kommun + " kommun"
}

// Omitted is a group comparison that was asked for but is not in the
// report, and why: the report says so where the comparison would stand.
type Omitted struct {
	Group  string
	Reason string // a Swedish clause, the report's language
}

// OmittedGroup describes the group that a report of kommun --all leaves
// out because Build failed with err for it.
func OmittedGroup(group string, err error) *Omitted {
	var ve *compare.VersionError
	switch {
	case errors.As(err, &ve):
		return &Omitted{Group: group, Reason: fmt.Sprintf("%s är utvärderad med en annan version av Kommunkompassen (%s) än den senaste utvärderingen av kommunen (%s), och versionerna anger inte hur huvudområdena motsvarar varandra", ve.BLabel, ve.B, ve.A)}
	case errors.Is(err, evalset.ErrNoGroup):
		return &Omitted{Group: group, Reason: "ingen annan kommun i underlaget är utvärderad med samma version av Kommunkompassen som kommunens senaste utvärdering"}
	}
	return &Omitted{Group: group, Reason: "gruppen kunde inte jämföras med kommunens senaste utvärdering"}
}
