package config

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// errorPlace is how every config error starts: the file, then the line when the decoder or the
// checks know it.
var errorPlace = regexp.MustCompile(`^fuzz\.toml(:[1-9][0-9]*)?: `)

// FuzzLoad feeds arbitrary files to the loader: it must never panic, and every error must be
// a *Error that names the file (and the line when there is one).
//
//	go test -tags sqlite_fts5 -run '^$' -fuzz FuzzLoad -fuzztime 10s ./config
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.toml")
	seeds = append(seeds, "../config.toml")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"[crawl\n", "database = \"x.db\"\n[crawl]\nparallelism = 0\n",
		"[[sources]]\nname = \"a\"\nfeeds = [\"https://a.org/rss\"]\narticle_pattern = '(['\n",
		"[[profiles]]\nname = \"x\"\nhosts = [\"a.org\"]\nbody = \"p[[\"\n",
		"[[lexicon.treaty]]\nid = \"t\"\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.toml", data)
		if err == nil {
			if c == nil || c.Database == "" || c.Crawl.Parallelism < 1 {
				t.Fatalf("accepted a config it should not: %+v", c)
			}
			return
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("error is a %T, not a *config.Error: %v", err, err)
		}
		if !errorPlace.MatchString(err.Error()) {
			t.Fatalf("error does not start with the file: %q", err.Error())
		}
	})
}
