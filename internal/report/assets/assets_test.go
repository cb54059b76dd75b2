package assets

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// TestSHA256SUMS checks the committed files against SHA256SUMS, as
// build-echarts.sh --check does, so that CI verifies the embedded build
// without node, npm or the network.
func TestSHA256SUMS(t *testing.T) {
	f, err := os.Open("SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS: line %q is not \"sum  name\"", sc.Text())
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Error(err)
			continue
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != sum {
			t.Errorf("%s: sha256 %x, SHA256SUMS records %s; rebuild with build-echarts.sh", name, got, sum)
		}
		seen[name] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"echarts.min.js", "LICENSE", "NOTICE", "ZRENDER-LICENSE"} {
		if !seen[name] {
			t.Errorf("SHA256SUMS does not list %s", name)
		}
	}
}

// TestBuildNames checks that the build says what it is and carries the
// licence of the zrender code it includes.
func TestBuildNames(t *testing.T) {
	head := EchartsJS[:min(len(EchartsJS), 4096)]
	for _, want := range []string{"Apache ECharts " + EchartsVersion, "Apache License, Version 2.0", "BSD 3-Clause License", "Copyright (c) 2017, Baidu Inc."} {
		if !strings.Contains(head, want) {
			t.Errorf("the header of echarts.min.js lacks %q", want)
		}
	}
	if !strings.Contains(EchartsJS, "var echarts=") {
		t.Error("echarts.min.js does not define the global echarts")
	}
	version, err := os.ReadFile("VERSION")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(version), "echarts@"+EchartsVersion) {
		t.Errorf("VERSION does not name echarts@%s", EchartsVersion)
	}
}
