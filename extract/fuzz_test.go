package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
)

// fuzzSeeds are our own pages (testdata/ and the demo site) and a few hostile shapes.
func fuzzSeeds(f *testing.F, pattern ...string) {
	for _, p := range pattern {
		names, _ := filepath.Glob(filepath.Join("..", p))
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	for _, s := range []string{
		"<html><title>\x1b]0;x\x07</title><p>\"Yes,\" he said.</p>",
		strings.Repeat("<span>", 600) + "<p>Text.</p>",
		"<meta charset=koi8-r><p>Россия \xff заявила</p>",
		"%PDF-1.4\n", "\xef\xbb\xbf<p>BOM</p>", "\xff\xfe<\x00p\x00>\x00", "",
	} {
		f.Add([]byte(s))
	}
}

// checkContract asserts what every Analysis promises, whatever the input.
func checkContract(t *testing.T, a *Analysis) {
	t.Helper()
	for _, s := range []string{a.Body, a.Title, a.Subtitle} {
		if !utf8.ValidString(s) || textutil.StripControls(s) != s {
			t.Fatalf("text not clean UTF-8: %q", s)
		}
	}
	checkOffsets(t, a)
	for _, s := range a.Statements {
		var parts []string
		for _, sp := range s.Spans {
			parts = append(parts, a.Body[sp[0]:sp[1]])
		}
		if len(s.Spans) > 0 && strings.Join(parts, " ") != s.Text {
			t.Fatalf("statement spans do not give its text: %+v", s)
		}
	}
}

// FuzzHTML: no page makes the analyzer panic or break the contract.
//
// Run it with -fuzzminimizetime 10x (as .ci/run does): an exec takes tens of milliseconds under
// coverage instrumentation, and by default a worker minimizes every input with new coverage for
// up to 60s, counting no execs meanwhile, so a short run seems to stall at the first few dozen.
func FuzzHTML(f *testing.F) {
	fuzzSeeds(f, "testdata/gold/*.html", "testdata/noarticle/*.html", "testdata/profiles/*.html", "demo/site/*.html", "demo/site/articles/*.html")
	f.Fuzz(func(t *testing.T, page []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		a, err := HTMLContext(ctx, page, Options{URL: "https://example.org/news/1"})
		if a == nil {
			if err == nil {
				t.Fatal("no analysis and no error")
			}
			return
		}
		checkContract(t, a)
	})
}

// FuzzText: no text makes the analyzer panic or break the contract.
func FuzzText(f *testing.F) {
	fuzzSeeds(f, "testdata/gold/*.txt", "testdata/*.txt", "demo/site/articles/*.html")
	f.Fuzz(func(t *testing.T, text []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		a, err := TextContext(ctx, string(text), Options{})
		if a == nil {
			if err == nil {
				t.Fatal("no analysis and no error")
			}
			return
		}
		checkContract(t, a)
	})
}
