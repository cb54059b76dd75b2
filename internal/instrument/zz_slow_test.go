package instrument

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestZZSlow(t *testing.T) {
	inputs := map[string]string{
		"areas":   strings.Repeat("[[area]]\nid = \"1\"\nx = 1\n", 30000),
		"quotes":  strings.Repeat("\"\"\"", 300000),
		"qlines":  strings.Repeat("a = \"\"\"\n", 100000),
		"brack":   "a = " + strings.Repeat("[", 100000),
		"headers": strings.Repeat("[[a.b.c.d.e.f.g]]\n", 50000),
		"dots":    "[" + strings.Repeat("a.", 300000) + "b]\n",
		"unknown": strings.Repeat("k", 1) + strings.Repeat("\nx", 0),
		"qs":      strings.Repeat("[[area.question]]\n", 50000),
		"esc":     "a = \"\"\"" + strings.Repeat("\\", 900000),
	}
	for name, in := range inputs {
		if name != os.Getenv("ZZ") {
			continue
		}
		start := time.Now()
		_, err := Parse("x", []byte(in))
		t.Logf("%s: %v (%d bytes) %.80v", name, time.Since(start), len(in), err)
	}
}
