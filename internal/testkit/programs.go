package testkit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/browser"
)

// Need is the rule for a test that needs a program kompass does not ship
// (Chromium, LibreOffice, openpyxl): when looking for it failed with err, the test
// is skipped, with a message that says what to install, except under
// CI=true, where it fails: CI must run every test.
func Need(t testing.TB, program, install string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and %s is missing: %v (%s)", program, err, install)
	}
	t.Skipf("skipping: %s is missing: %v (%s; under CI=true this test fails)", program, err, install)
}

// Chromium returns the path of the browser the browser tests use, as
// kompass report --pdf finds it (browser.Find), or skips the test (Need).
func Chromium(t testing.TB) string {
	t.Helper()
	p, err := browser.Find()
	Need(t, "Chromium", "install chromium or set KOMPASS_CHROMIUM", err)
	return p
}

// LibreOffice returns the path of soffice, or skips the test (Need).
func LibreOffice(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	Need(t, "LibreOffice (soffice on the PATH)", "Debian: apt-get install libreoffice-calc-nogui", err)
	return p
}

// Openpyxl returns a Python that imports openpyxl, for a test that edits
// a workbook the way another program would (Debian's /usr/bin/python3 with
// python3-openpyxl, else python3 on the PATH), or skips the test (Need).
func Openpyxl(t testing.TB) string {
	t.Helper()
	p, err := openpyxl()
	Need(t, "Python with openpyxl", "Debian: apt-get install python3-openpyxl", err)
	return p
}

var openpyxl = sync.OnceValues(func() (string, error) {
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	err := errors.New("no python3")
	for _, p := range candidates {
		var out []byte
		if out, err = exec.Command(p, "-c", "import openpyxl").CombinedOutput(); err == nil {
			return p, nil
		}
		err = fmt.Errorf("%s: %v: %s", p, err, bytes.TrimSpace(out))
	}
	return "", err
})

// ConvertWithLibreOffice opens workbooks in LibreOffice Calc and saves
// them again as xlsx, the way an evaluator using LibreOffice would, and
// returns the paths of the copies (in the order of in, each with its
// file's name, so the names must differ). One soffice run converts them
// all: starting LibreOffice is most of the time it takes. The run has a
// profile of its own, so that runs in parallel do not fight over the
// profile's lock.
func ConvertWithLibreOffice(t testing.TB, soffice string, in ...string) []string {
	t.Helper()
	return convert(t, soffice, "", in)
}

// ConvertWithLibreOfficeSV is ConvertWithLibreOffice with Calc set to the
// Swedish locale (Verktyg → Alternativ → Språkinställningar → Språk →
// Språkmiljö: Svenska (Sverige)), as our users have it: a decimal comma,
// Swedish dates, and formulas computed as Swedish Calc computes them.
func ConvertWithLibreOfficeSV(t testing.TB, soffice string, in ...string) []string {
	t.Helper()
	return convert(t, soffice, "sv-SE", in)
}

// profileLocale is the LibreOffice user profile setting of the locale.
const profileLocale = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>%[1]s</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>%[1]s</value></prop></item>
</oor:items>
`

func convert(t testing.TB, soffice, locale string, in []string) []string {
	t.Helper()
	outDir, profile := t.TempDir(), t.TempDir()
	if locale != "" {
		dir := filepath.Join(profile, "user")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "registrymodifications.xcu"), fmt.Appendf(nil, profileLocale, locale), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir}
	cmd := exec.CommandContext(ctx, soffice, append(args, in...)...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var conv []string
	for _, p := range in {
		c := filepath.Join(outDir, filepath.Base(p))
		if _, err := os.Stat(c); err != nil {
			t.Fatalf("soffice wrote no %s: %v\n%s", c, err, out)
		}
		conv = append(conv, c)
	}
	return conv
}
