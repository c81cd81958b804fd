//go:build linux && cgo

package store

import "testing"

func TestShouldTrim(t *testing.T) {
	for _, c := range []struct {
		free int64
		want bool
	}{{-1, true}, {0, false}, {trimSlack, false}, {trimSlack + 1, true}} {
		if got := shouldTrim(c.free); got != c.want {
			t.Errorf("shouldTrim(%d) = %v, want %v", c.free, got, c.want)
		}
	}
	if freeCBytes() < 0 {
		t.Log("glibc before 2.33: no mallinfo2, every tick trims")
	}
}
