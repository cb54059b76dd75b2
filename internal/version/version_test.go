package version

import "testing"

func TestShort(t *testing.T) {
	for _, tc := range []struct {
		in   Info
		want string
	}{
		{Info{Version: "1.2.0", Commit: "3f5914b0123456789"}, "1.2.0 (3f5914b)"},
		{Info{Version: Dev, Commit: "3f5914b0123456789", Dirty: true}, "dev (3f5914b+)"},
		{Info{Version: Dev}, "dev"},
		{Info{Version: "1.2.0", Commit: "abc"}, "1.2.0 (abc)"},
	} {
		if got := tc.in.Short(); got != tc.want {
			t.Errorf("%+v.Short() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestUnstamped: a test binary carries no release stamp, so it is a
// development build.
func TestUnstamped(t *testing.T) {
	i := Get()
	if i.Version != Dev {
		t.Errorf("Version = %q, want %q", i.Version, Dev)
	}
	if i.Go == "" || i.OS == "" {
		t.Errorf("Go %q, OS %q: want both", i.Go, i.OS)
	}
}
