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
	"github.com/kompass-dev/kompass/internal/testkit"
)

// scaledText is the fictional Exempelkommun 2007 with its text and tables
// k times over, within what a workbook holds: each Stycke cell holds up
// to ten copies of its paragraph (a blank line between them), and the
// whole text is repeated as rows as often as that needs. Copy i names
// its tables "Tabell 2i+1" and "Tabell 2i+2", so that every table is
// placed after the paragraph that names it.
func scaledText(k int) samples.Sample {
	s := samples.Exempelkommun()[1]
	per := min(k, 10)
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
// 1, 10 and 100 times as long as the fictional Exempelkommun 2007's, the
// tables as many times over: the time per byte of text stays the same
// (docs/performance.md).
//
//	go test ./internal/report -run '^$' -bench TextSize -benchtime 10x
func BenchmarkReportTextSize(b *testing.B) {
	for _, k := range []int{1, 10, 100} {
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
				set, err := evalset.Load(dir, testkit.Registry(b))
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
