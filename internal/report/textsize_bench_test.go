package report_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// maxTableCopies bounds the copies of the tables, within the rows of a
// sheet.
const maxTableCopies = 200

// scaledText is the fictional Exempelkommun 2007 with its text and tables
// k times over, within what a workbook holds: each Stycke cell holds up
// to 50 copies of its paragraph (a blank line between them; at most 17,500
// of the 32,767 characters a cell holds), and the whole text is repeated
// as rows as often as that needs (1,140 rows at 1000×, of the 5,000 a
// sheet may have). Copy i names
// its tables "Tabell 2i+1" and "Tabell 2i+2", so that every table is
// placed after the paragraph that names it. The tables are copied at
// most maxTableCopies times (400 tables, 3,200 rows of the sheet
// Tabeller).
func scaledText(k int) samples.Sample {
	s := samples.Exempelkommun()[1]
	per := min(k, 50)
	copies := (k + per - 1) / per
	label := regexp.MustCompile(`Tabell (\d+)`)
	renumber := func(text string, i int) string {
		return label.ReplaceAllStringFunc(text, func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "Tabell "))
			return fmt.Sprintf("Tabell %d", n+2*i)
		})
	}
	text, tables := s.Text, s.Tables
	s.Text, s.Tables = nil, nil
	for c := range copies {
		for _, b := range text {
			if b.Kind == evaluation.Heading {
				s.Text = append(s.Text, b)
				continue
			}
			var paras []string
			for j := range per {
				paras = append(paras, renumber(b.Text, c*per+j))
			}
			b.Text = strings.Join(paras, "\n\n")
			s.Text = append(s.Text, b)
		}
		for j := range per {
			if c*per+j >= maxTableCopies {
				break
			}
			for _, t := range tables {
				t.Title = renumber(t.Title, c*per+j)
				s.Tables = append(s.Tables, t)
			}
		}
	}
	return s
}

// BenchmarkReportTextSize times a report (loading the data folder,
// building the report, writing its HTML) of an evaluation whose text is
// 1, 10, 100 and 1000 times as long as the fictional Exempelkommun 2007's
// (9 kB to 9 MB), the tables as many times over up to 200: the time per
// byte of text stays the same (docs/performance.md).
//
//	go test ./internal/report -run '^$' -bench TextSize -benchtime 10x
func BenchmarkReportTextSize(b *testing.B) {
	for _, k := range []int{1, 10, 100, 1000} {
		s := scaledText(k)
		dir := b.TempDir()
		for name, data := range testkit.DataFolder(b, "", []samples.Sample{s}) {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		size := 0
		for _, t := range s.Text {
			size += len(t.Text)
		}
		b.Run(fmt.Sprintf("%dx", k), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				set, err := evalset.Load(dir, testbase.Registry(b))
				if err != nil {
					b.Fatal(err)
				}
				r, err := report.Build(set, report.Options{Kommun: "Exempelkommun"})
				if err != nil {
					b.Fatal(err)
				}
				if err := report.Write(io.Discard, r, report.WriteOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
