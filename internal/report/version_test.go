package report_test

import (
	"bytes"
	"testing"

	"github.com/kompass-dev/kompass/internal/report"
)

// TestColophonVersion: the colophon names the kompass that wrote the
// report when it is given, and nothing when it is not (the goldens).
func TestColophonVersion(t *testing.T) {
	r := umeaReport(t)
	with := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile, Version: "1.2.0 (3f5914b)"})
	if !bytes.Contains(with, []byte("Rapporten är skapad av kompass 1.2.0 (3f5914b) ur arbetsboken")) {
		t.Error("the colophon does not name kompass 1.2.0 (3f5914b)")
	}
	without := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	if !bytes.Contains(without, []byte("Rapporten är skapad av kompass ur arbetsboken")) {
		t.Error("without a version the colophon changed")
	}
}
