package main

import (
	"bytes"
	"io"
	"net/http"
	"runtime"
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

// Goal 5 analyses again the pages the crawl fetched: article(i) must be what the site serves at
// its URL, copies of a corpus page included.
func TestSiteArticleIsServed(t *testing.T) {
	s := newSite([]page{{html: []byte("<p>a</p>")}, {html: []byte("<p>b</p>")}}, 3)
	defer s.Close()
	for i := 1; i <= 3; i++ {
		want := s.article(i)
		resp, err := http.Get(want.url)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || !bytes.Equal(got, want.html) {
			t.Fatalf("article %d: served %q, want %q (%v)", i, got, want.html, err)
		}
	}
	if bytes.Equal(s.article(1).html, s.article(3).html) {
		t.Fatal("copies of one corpus page are the same bytes")
	}
}

// A child's peak RSS is its own, not this process's: a child that holds little must read far
// below a bench that holds much.
func TestRunChildPeakIsTheChilds(t *testing.T) {
	ballast := make([]byte, 200<<20)
	for i := range ballast {
		ballast[i] = 1
	}
	u, err := runChild("/bin/sleep", nil, "0.1")
	if err != nil {
		t.Skip(err)
	}
	if u.maxRSS <= 0 || u.maxRSS > 50<<20 {
		t.Fatalf("sleep's peak RSS %d bytes: want its own few MB, not the bench's 200 MB", u.maxRSS)
	}
	runtime.KeepAlive(ballast)
}
