package main

import (
	"testing"
	"time"
)

func TestCoresUsed(t *testing.T) {
	for _, c := range []struct {
		u    usage
		want float64
	}{
		{usage{cpu: 30 * time.Second, wall: 20 * time.Second}, 1.5},
		{usage{cpu: 10 * time.Second, wall: 10 * time.Second}, 1},
		{usage{cpu: time.Second}, 0},
	} {
		if got := coresUsed(c.u); got != c.want {
			t.Errorf("coresUsed(%v) = %v, want %v", c.u, got, c.want)
		}
	}
}
