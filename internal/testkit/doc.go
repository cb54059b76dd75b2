// Package testkit holds what kompass's tests share, so that each piece of
// it is written once:
//
//   - golden files and generated folders, compared with a diff and
//     rewritten with -update (Golden, GoldenDir, Deterministic);
//   - the built-in instruments and data folders loaded once per test binary
//     (Registry, Instrument, Set), and fixture folders made from Go data
//     (DataFolder, Umea2007), and an evaluation changed in memory (Amend);
//   - the seed report read at test time as an evaluation's text (Seed002),
//     and the rule for a file a test needs that lies outside the
//     repository (NeedFile);
//   - a workbook filled in by ID the way a program would (Template, Fill);
//   - a Word document made from Go data, part by part or from lines of
//     text (Docx, DocxText);
//   - the rule for tests that need Chromium, LibreOffice or openpyxl (Need),
//     one Chromium per test binary (BrowserTab, Main), axe-core to run in a
//     page (AxeCore), one LibreOffice run per test binary for all its work
//     (Calc, which also saves Writer documents as .docx) and a Python with
//     openpyxl (Openpyxl); each of them skips under -short, the quick loop;
//   - the language of the messages in one test (Language).
//
// It is for tests only: no package of kompass imports it outside a
// _test.go file.
package testkit
