package testbase

import (
	"os"
	"testing"

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

// SkipShort skips a test that starts a program under -short, the quick loop.
func SkipShort(t testing.TB, program string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("skipping under -short: the test starts %s (go test without -short runs it)", program)
	}
}

// Chromium returns the path of the browser the browser tests use, as
// kompass report --pdf finds it (browser.Find), or skips the test (Need,
// and under -short).
func Chromium(t testing.TB) string {
	t.Helper()
	SkipShort(t, "Chromium")
	p, err := browser.Find()
	Need(t, "Chromium", "install chromium or set KOMPASS_CHROMIUM", err)
	return p
}
