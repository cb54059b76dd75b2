// Package testbase is the part of kompass's test kit that needs no
// workbook library, so that a package whose tests use only it links a small
// test binary (linking is a large share of go test's time):
//
//   - the language of the messages in one test or a whole package
//     (Language, MainIn);
//   - the rule for tests that need a program kompass does not ship (Need,
//     SkipShort), the Chromium the browser tests use (Chromium), and one
//     Chromium per test binary (BrowserTab, LoopbackTab, Main,
//     StopBrowserAfter);
//   - a Word document made from Go data, part by part or from lines of
//     text (Docx, DocxText, WordPara, WordTable);
//   - the built-in instruments, loaded once per test binary (Registry,
//     Instrument).
//
// internal/testkit builds on it with what needs excelize and the workbook
// packages. It is for tests only: no package of kompass imports it outside
// a _test.go file.
package testbase
