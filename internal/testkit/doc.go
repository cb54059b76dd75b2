// Package testkit holds what kompass's tests share, so that each piece of
// it is written once:
//
//   - golden files and generated folders, compared with a diff and
//     rewritten with -update (Golden, GoldenDir, Deterministic);
//   - data folders loaded once per test binary (Set), and fixture folders
//     made from Go data
//     (DataFolder, Umea2007), and an evaluation changed in memory (Amend);
//   - the seed report read at test time as an evaluation's text (Seed002),
//     and the rule for a file a test needs that lies outside the
//     repository (NeedFile);
//   - a workbook filled in by ID the way a program would (Template, Fill);
//   - axe-core to run in a page (AxeCore), one LibreOffice run per test
//     binary for all its work (Calc, which also saves Writer documents as
//     .docx) and a Python with openpyxl (Openpyxl); each of them skips
//     under -short, the quick loop.
//
// What needs no workbook library — the language, the rule for programs a
// test needs, the shared Chromium, Word documents, the built-in
// instruments — is in internal/testbase, so that packages that need only
// that link small test binaries.
//
// It is for tests only: no package of kompass imports it outside a
// _test.go file.
package testkit
