package report

import "testing"

// UnpackJS is unpack.js, for the tests in package report_test.
var UnpackJS = unpackJS

// PackedScript is the script a self-contained page carries.
func PackedScript(t testing.TB) string {
	t.Helper()
	js, err := packedScript()
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// CSS is report.css, for the tests in package report_test.
var CSS = reportCSS + followUpCSS

// ReportCSS and FollowUpCSS are the two style sheets as a page carries
// them.
var ReportCSS, FollowUpCSS = reportCSS, followUpCSS
