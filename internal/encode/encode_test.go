package encode

import (
	"bytes"
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
