package instrument

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/instruments"
	"github.com/kompass-dev/kompass/internal/points"
)

func newRegistry(t *testing.T, dir string) *Registry {
	t.Helper()
	r, err := NewRegistry(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEmbeddedInstrumentsLoad(t *testing.T) {
	names, err := fs.Glob(instruments.FS, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 4 {
		t.Fatalf("embedded files: %v", names)
	}
	r := newRegistry(t, "")
	if got := len(r.All()); got != len(names) {
		t.Errorf("registry has %d instruments, FS has %d files (two files share an id and version?)", got, len(names))
	}
	for _, name := range names {
		data, err := fs.ReadFile(instruments.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		in, err := Parse(name, data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkInvariants(t, in)
		// the file name is <id>-<version>.toml
		if want := in.ID + "-" + in.Version + ".toml"; name != want {
			t.Errorf("%s holds %s; name it %s", name, in.Ref(), want)
		}
		got, ok := r.Get(in.ID, in.Version)
		if !ok || got.Origin != "inbyggd:instruments/"+name {
			t.Errorf("Get(%s) = %v, %v", in.Ref(), got, ok)
		}
	}
	var refs []string
	for _, in := range r.All() {
		refs = append(refs, in.Ref())
	}
	want := []string{"kommunkompassen@2002", "kommunkompassen@2007", "kommunkompassen@2010", "kommunkompassen@2020"}
	if !slices.Equal(refs, want) {
		t.Errorf("All() = %v, want %v", refs, want)
	}
	if vs := r.Versions("kommunkompassen"); !slices.Equal(vs, []string{"2002", "2007", "2010", "2020"}) {
		t.Errorf("Versions = %v", vs)
	}
}

func TestKommunkompassen2007(t *testing.T) {
	in, ok := newRegistry(t, "").Get("kommunkompassen", "2007")
	if !ok {
		t.Fatal("kommunkompassen@2007 missing")
	}
	if in.Step != 500 || in.Step.Swedish() != "0,5" {
		t.Errorf("step = %v", in.Step)
	}
	if in.Language != "sv" || in.Name != "Kommunkompassen 2003–2009" {
		t.Errorf("language %q, name %q", in.Language, in.Name)
	}
	if len(in.Areas) != 8 {
		t.Fatalf("%d areas", len(in.Areas))
	}
	for i, a := range in.Areas {
		if a.ID != string(rune('1'+i)) || a.Max != points.FromInt(100) || len(a.Questions) == 0 {
			t.Errorf("area %d = %q max %v with %d delfrågor", i+1, a.ID, a.Max, len(a.Questions))
		}
	}
	if in.Max() != points.FromInt(800) {
		t.Errorf("total = %v", in.Max())
	}
	questions := 0
	for _, a := range in.Areas {
		questions += len(a.Questions)
	}
	if questions != 37 {
		t.Errorf("%d delfrågor, want 37", questions)
	}
	checkInvariants(t, in)
	for id, max := range map[string]int{"1.1": 40, "2.1": 10, "3.1": 30, "7.1": 20, "8.4": 20} {
		a, q, ok := in.Question(id)
		if !ok || q.Max != points.FromInt(max) || a.ID != id[:1] {
			t.Errorf("delfråga %s = %+v in %v, want max %d", id, q, a, max)
		}
	}
	if _, q, _ := in.Question("8.4"); q == nil || q.Text != "Kommunens internationella kontakter." {
		t.Errorf("8.4 = %+v", q)
	}
	if _, _, ok := in.Question("8.5"); ok {
		t.Error("8.5 exists")
	}
	if a, _ := in.Area("2"); a.Name != "Tillgänglighet och medborgar-/brukarorientering" {
		t.Errorf("area 2 name %q", a.Name)
	}
	if !strings.Contains(in.Source, "Umeå") {
		t.Errorf("source %q", in.Source)
	}
}

func TestAreaLevelVersions(t *testing.T) {
	want := map[string][]string{
		"2002": {
			"Offentlighet och demokratisk kontroll",
			"Tillgänglighet och brukarorientering",
			"Klarhet i samspelet mellan politik och administration",
			"Ledning, decentralisering och delegation",
			"Kontroll- och rapporteringssystem",
			"Personalförvaltning",
			"Förnyelsepolitik",
			"Samhällsbyggnad",
		},
		"2010": {
			"Offentlighet och demokrati",
			"Tillgänglighet och brukarorientering",
			"Politisk styrning och kontroll",
			"Ledarskap, ansvar och delegation",
			"Resultat och effektivitet",
			"Kommunen som arbetsgivare – personalpolitik",
			"Verksamhetsutveckling",
			"Kommunen som samhällsbyggare",
		},
		"2020": {
			"Samspel mellan förtroendevalda och medborgare",
			"Samhällsutveckling",
			"Styrning och kontroll",
			"Effektivitet",
			"Brukarens fokus",
			"Kvalitetsutveckling",
			"Arbetsliv",
			"Chefs- och ledarskap samt medarbetarskap",
		},
	}
	r := newRegistry(t, "")
	for version, names := range want {
		in, ok := r.Get("kommunkompassen", version)
		if !ok {
			t.Errorf("kommunkompassen@%s missing", version)
			continue
		}
		if in.HasQuestions() {
			t.Errorf("%s has delfrågor", version)
		}
		if in.Step != 500 || in.Max() != points.FromInt(800) || in.Source == "" {
			t.Errorf("%s: step %v, total %v, source %q", version, in.Step, in.Max(), in.Source)
		}
		var got []string
		for i, a := range in.Areas {
			got = append(got, a.Name)
			if a.ID != string(rune('1'+i)) || a.Max != points.FromInt(100) {
				t.Errorf("%s area %d = %q max %v", version, i+1, a.ID, a.Max)
			}
		}
		if !slices.Equal(got, names) {
			t.Errorf("%s areas:\n got %q\nwant %q", version, got, names)
		}
	}
}

func TestLookup(t *testing.T) {
	r := newRegistry(t, "")
	for ref, version := range map[string]string{
		"kommunkompassen":        "2020",
		" kommunkompassen ":      "2020",
		"kommunkompassen@2007":   "2007",
		"kommunkompassen @ 2002": "2002",
	} {
		in, err := r.Lookup(ref)
		if err != nil || in.Version != version {
			t.Errorf("Lookup(%q) = %v, %v; want version %s", ref, in, err, version)
		}
	}

	// a file path
	dir := t.TempDir()
	path := filepath.Join(dir, "egen.toml")
	if err := os.WriteFile(path, []byte(head("1")+area1), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := r.Lookup(path)
	if err != nil || in.Ref() != "kk@1" || in.Origin != path {
		t.Errorf("Lookup(file) = %v, %v", in, err)
	}
	if _, ok := r.Get("kk", "1"); ok {
		t.Error("looking up a file added it to the registry")
	}
	// a path to a broken file reports its problems
	broken := filepath.Join(dir, "trasig.toml")
	if err := os.WriteFile(broken, []byte(head("1")+"[[area]]\nid = \"1\"\nname = \"A\"\nmax = 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Lookup(broken); err == nil || !strings.HasPrefix(err.Error(), broken+":9: area[1].max:") {
		t.Errorf("Lookup(broken) = %v", err)
	}

	// unknown version of a known id
	_, err = r.Lookup("kommunkompassen@1999")
	if !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), `"kommunkompassen" version "1999"; known versions: 2002, 2007, 2010, 2020`) {
		t.Errorf("Lookup(@1999) = %v", err)
	}
	// unknown id, with and without version
	for _, ref := range []string{"kompassen", "kompassen@2007"} {
		_, err = r.Lookup(ref)
		if !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), `"kompassen"; known instruments: kommunkompassen@2002, kommunkompassen@2007, kommunkompassen@2010, kommunkompassen@2020`) {
			t.Errorf("Lookup(%s) = %v", ref, err)
		}
	}
	// a missing file that looks like a path is unknown, not a crash
	if _, err := r.Lookup(filepath.Join(dir, "saknas.toml")); !errors.Is(err, ErrUnknown) {
		t.Errorf("Lookup(missing file) = %v", err)
	}
}

func TestRegistryDiskOverridesEmbedded(t *testing.T) {
	dir := t.TempDir()
	src := `id = "kommunkompassen"
version = "2007"
name = "Egen 2007"
language = "sv"
step = 1

[[area]]
id = "1"
name = "Allt"
max = 10
`
	if err := os.WriteFile(filepath.Join(dir, "min-2007.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	extra := strings.Replace(strings.Replace(src, `"2007"`, `"2030"`, 1), "Egen 2007", "Framtid", 1)
	if err := os.WriteFile(filepath.Join(dir, "framtid.toml"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	// not *.toml: ignored
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("max = ="), 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRegistry(t, dir)
	in, ok := r.Get("kommunkompassen", "2007")
	if !ok || in.Name != "Egen 2007" || in.Origin != filepath.Join(dir, "min-2007.toml") || len(in.Areas) != 1 {
		t.Errorf("2007 = %+v", in)
	}
	if in, _ := r.Get("kommunkompassen", "2002"); in == nil || !strings.HasPrefix(in.Origin, "inbyggd:") {
		t.Errorf("2002 = %+v", in)
	}
	if in, err := r.Lookup("kommunkompassen"); err != nil || in.Name != "Framtid" {
		t.Errorf("latest = %v, %v", in, err)
	}
	if n := len(r.All()); n != 5 {
		t.Errorf("%d instruments", n)
	}
	// the embedded copy is untouched by another registry
	if in, _ := newRegistry(t, "").Get("kommunkompassen", "2007"); in.Name != "Kommunkompassen 2003–2009" {
		t.Errorf("embedded 2007 = %q", in.Name)
	}
}

func TestRegistryBrokenFileOnDisk(t *testing.T) {
	dir := t.TempDir()
	good := head("1") + area1
	if err := os.WriteFile(filepath.Join(dir, "a.toml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "b.toml")
	if err := os.WriteFile(broken, []byte(head("1")+"[[area]]\nid = \"1\"\nname = \"A\"\nmax = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	wrong := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(wrong, []byte(head("1")+"[[area]]\nid = \"1\"\nname = \"A\"\nmax = 10\ncolour = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := NewRegistry(dir)
	if err == nil || r != nil {
		t.Fatalf("NewRegistry = %v, %v", r, err)
	}
	msg := err.Error()
	for _, want := range []string{broken + ":9: area[1].max: expected value", wrong + ":10: area[1].colour: unknown key \"colour\""} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	var le *LoadError
	if !errors.As(err, &le) || le.File != broken {
		t.Errorf("first LoadError = %+v", le)
	}
}

func TestRegistryMissingDir(t *testing.T) {
	r := newRegistry(t, filepath.Join(t.TempDir(), "finns-inte"))
	if len(r.All()) != 4 {
		t.Errorf("%d instruments", len(r.All()))
	}
}

func TestVersionLessIsATotalOrder(t *testing.T) {
	vs := []string{"10", "2", "1a", "2007", "b", "1"}
	for _, a := range vs {
		if versionLess(a, a) {
			t.Errorf("versionLess(%q, %q) is true", a, a)
		}
		for _, b := range vs {
			if a != b && versionLess(a, b) == versionLess(b, a) {
				t.Errorf("versionLess(%q, %q) and (%q, %q) agree", a, b, b, a)
			}
			for _, c := range vs {
				if versionLess(a, b) && versionLess(b, c) && !versionLess(a, c) {
					t.Errorf("not transitive: %q < %q < %q", a, b, c)
				}
			}
		}
	}
	if !versionLess("2", "10") || !versionLess("2007", "1a") {
		t.Error("numbers must sort numerically and before text")
	}
}

func TestLookupMissingTOMLFile(t *testing.T) {
	reg, err := NewRegistry("")
	if err != nil {
		t.Fatal(err)
	}
	_, err = reg.Lookup("nowhere/min.toml")
	if err == nil || !strings.Contains(err.Error(), "nowhere/min.toml: no such file") {
		t.Fatalf("err = %v", err)
	}
}
