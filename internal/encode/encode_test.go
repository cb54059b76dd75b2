package encode

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, []string{"kommun", "score"}, [][]string{{"Umeå", "7.5"}, {"Ort, med komma", ""}}); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffkommun,score\nUmeå,7.5\n\"Ort, med komma\",\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, map[string]any{"a": nil, "b": []int{1}}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": null,\n  \"b\": [\n    1\n  ]\n}\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestCSVFormulas: text a spreadsheet would run as a formula is written as
// text; numbers, also negative ones, stay numbers.
func TestCSVFormulas(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil.example/","klicka")`: `'=HYPERLINK("http://evil.example/","klicka")`,
		"+46 8 123":     "'+46 8 123",
		"-1+1":          "'-1+1",
		"@SUM(A1:A2)":   "'@SUM(A1:A2)",
		"\tgömd":        "'\tgömd",
		"\r=1":          "'\r=1",
		"-":             "'-",
		"-Inf":          "'-Inf",
		"-0x1p-2":       "'-0x1p-2",
		"-2.5":          "-2.5",
		"+3":            "+3",
		"1e-3":          "1e-3",
		"Umeå":          "Umeå",
		"Kommun = stad": "Kommun = stad",
		"":              "",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
	var b bytes.Buffer
	if err := CSV(&b, []string{"kommun", "change"}, [][]string{{"=1+1", "-3.5"}}); err != nil {
		t.Fatal(err)
	}
	if want := "\ufeffkommun,change\n'=1+1,-3.5\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestJSONControls: DEL, C1 controls and bidirectional overrides, which
// encoding/json writes raw, are \u escapes; the JSON reads back the same.
func TestJSONControls(t *testing.T) {
	in := map[string]string{"text": "a\x1b[2K\x7f\u009b31m\u202eb\u2066c\u2069 å"}
	var b bytes.Buffer
	if err := JSON(&b, in); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"text\": \"a\\u001b[2K\\u007f\\u009b31m\\u202eb\\u2066c\\u2069 å\"\n}\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["text"] != in["text"] {
		t.Errorf("read back %q, %v", back["text"], err)
	}
}
