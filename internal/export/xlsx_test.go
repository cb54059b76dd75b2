package export_test

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/export"
)

func TestXLSX(t *testing.T) {
	s := shipped(t)
	var b bytes.Buffer
	if err := export.XLSX(&b, s.Evaluations); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := export.XLSX(&again, s.Evaluations); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two exports of the same set differ")
		diffZip(t, b.Bytes(), again.Bytes())
	}

	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantSheets := []string{export.DataSheet, "Exempelkommun 2005", "Exempelkommun 2007", "Exempelsnitt 2007", "Sverigesnitt 2021", "Umeå 2003", "Umeå 2005", "Umeå 2007", "Vallentuna 2021", "Örebro 2012"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Errorf("sheets %q, want %q", got, wantSheets)
	}

	rows := export.Rows(s.Evaluations)
	got, err := f.GetRows(export.DataSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+1 {
		t.Fatalf("Data has %d rows, want %d", len(got), len(rows)+1)
	}
	if !slices.Equal(got[0], export.Header) {
		t.Errorf("Data header %q, want %q", got[0], export.Header)
	}
	for i, r := range rows {
		rn := strconv.Itoa(i + 2)
		// score (J), max (I) and year (B) are numbers, not text
		for _, col := range []string{"B", "I", "J"} {
			typ, err := f.GetCellType(export.DataSheet, col+rn)
			if err != nil {
				t.Fatal(err)
			}
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Fatalf("Data!%s%s has cell type %v, want a number", col, rn, typ)
			}
		}
		v, _ := f.GetCellValue(export.DataSheet, "J"+rn)
		if v != r.Score.String() {
			t.Errorf("Data!J%s = %q, want %s", rn, v, r.Score)
		}
		k, _ := f.GetCellValue(export.DataSheet, "A"+rn)
		if k != r.Kommun {
			t.Errorf("Data!A%s = %q, want %q", rn, k, r.Kommun)
		}
	}
	// Umeå 2007 area 2 is the number 79.5.
	for i, r := range rows {
		if r.Kommun == "Umeå" && r.Year == 2007 && r.Area == "2" && r.Question == "" {
			v, _ := f.GetCellValue(export.DataSheet, "J"+strconv.Itoa(i+2))
			if v != "79.5" {
				t.Errorf("Umeå 2007 area 2 in Data = %q, want 79.5", v)
			}
		}
	}

	// The poängsammanställning of Umeå 2007.
	sum, err := f.GetRows("Umeå 2007")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) < 3 || sum[0][0] != "Poängsammanställning: Umeå 2007 (kommunkompassen@2007)" {
		t.Fatalf("Umeå 2007 sheet starts %q", sum[:min(3, len(sum))])
	}
	if !slices.Equal(sum[2], []string{"ID", "Område / delfråga", "Maxpoäng", "Poäng", "Kommentar"}) {
		t.Errorf("Umeå 2007 header %q", sum[2])
	}
	ids := map[string][]string{}
	for _, r := range sum[3:] {
		if len(r) > 0 {
			ids[r[0]] = r
		}
	}
	if len(ids) != 8+37+1 {
		t.Errorf("Umeå 2007 sheet has %d id rows, want 46", len(ids))
	}
	for id, want := range map[string]string{"5": "78", "7.1": "15", "2": "79.5", "TOTAL": "645"} {
		r := ids[id]
		if len(r) < 4 || r[3] != want {
			t.Errorf("Umeå 2007 sheet row %s = %q, want score %s", id, r, want)
		}
	}
	if r := ids["TOTAL"]; len(r) < 5 || !strings.Contains(r[4], "Rättat från 646 till 645") {
		t.Errorf("Umeå 2007 TOTAL row %q, want the correction comment", r)
	}
	sum, _ = f.GetRows("Sverigesnitt 2021")
	if len(sum) == 0 || !strings.Contains(sum[0][0], "Sverigesnitt 2021 (kommunkompassen@2020)") {
		t.Errorf("Sverigesnitt 2021 sheet starts %q", sum[:min(1, len(sum))])
	}
}

func TestXLSXEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := export.XLSX(&b, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(export.DataSheet)
	if len(rows) != 1 || !slices.Equal(rows[0], export.Header) {
		t.Errorf("Data of no evaluations = %q, want the header only", rows)
	}
}

// diffZip names the parts of two xlsx files that differ.
func diffZip(t *testing.T, a, b []byte) {
	t.Helper()
	read := func(data []byte) map[string]string {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(rc)
			rc.Close()
			out[zf.Name] = zf.Modified.String() + "\n" + string(body)
		}
		return out
	}
	pa, pb := read(a), read(b)
	for name, body := range pa {
		if pb[name] != body {
			t.Errorf("part %s differs", name)
		}
	}
}
