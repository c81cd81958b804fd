package main

import (
	"slices"
	"testing"
	"time"
)

// Goal 4's 10 MiB page must be analysed whole: a timeout that a loaded machine reaches would
// measure a partial analysis.
func TestBigPageArgsLongTimeout(t *testing.T) {
	args := bigPageArgs("big.html")
	i := slices.Index(args, "--timeout")
	if i < 0 || i+1 >= len(args) {
		t.Fatalf("no --timeout in %q", args)
	}
	d, err := time.ParseDuration(args[i+1])
	if err != nil || d < 5*time.Minute {
		t.Fatalf("--timeout %q: want at least 5m (%v)", args[i+1], err)
	}
	if args[0] != "extract" || args[len(args)-1] != "big.html" {
		t.Fatalf("not an extract of the page: %q", args)
	}
	if n := len(bigPage(10 << 20)); n < 10<<20 {
		t.Fatalf("the page is %d bytes", n)
	}
}
