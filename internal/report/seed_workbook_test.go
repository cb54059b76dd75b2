package report_test

import (
	"slices"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// checkSeedRead checks that the seed's workbook reads back as typed: every
// block of text with its section and kind, in order; Tabell 1 cell by
// cell; the interviews.
func checkSeedRead(t testing.TB, ev *evaluation.Evaluation, seed testkit.Seed) {
	t.Helper()
	if len(ev.Text) != len(seed.Text) {
		t.Errorf("the workbook reads as %d blocks of text, the seed has %d", len(ev.Text), len(seed.Text))
	}
	for i := range min(len(ev.Text), len(seed.Text)) {
		got, want := ev.Text[i], seed.Text[i]
		if got.Section != want.Section || got.Kind != want.Kind || got.Text != want.Text {
			t.Errorf("block %d (%s) reads as %s %s %q, want %s %s %q", i, got.Cell, got.Section, got.Kind, got.Text, want.Section, want.Kind, want.Text)
			break
		}
	}
	if len(ev.Tables) != len(seed.Tables) {
		t.Fatalf("the workbook reads as %d tables, the seed has %d", len(ev.Tables), len(seed.Tables))
	}
	for i, got := range ev.Tables {
		want := seed.Tables[i]
		if got.Section != want.Section || got.Title != want.Title || !slices.Equal(got.Header, want.Header) ||
			!slices.EqualFunc(got.Rows, want.Rows, slices.Equal[[]string]) {
			t.Errorf("table %d reads as %+v, want %+v", i, got, want)
		}
	}
	if ev.Facts.Interviews != seed.Interviews || ev.Facts.Interviewed != seed.Interviewed {
		t.Errorf("interviews read as %d, %q; want %d, %q", ev.Facts.Interviews, ev.Facts.Interviewed, seed.Interviews, seed.Interviewed)
	}
}
