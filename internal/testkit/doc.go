// Package testkit holds what kompass's tests share: golden files and
// generated folders refreshed with -update, the built-in instruments, a
// workbook filled in by ID the way an evaluator's program would, and the
// rule for tests that need an external program (Chromium, LibreOffice).
//
// It is for tests only: no package of kompass imports it outside a
// _test.go file.
package testkit
