// Package storetest builds databases for tests and benchmarks of armswatch's store and of the
// commands over it: realistic articles (the seed page and the demo site's pages, analyzed by
// extract.HTML) and generated ones in any number.
package storetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/store"
)

// gold is the part of a gold file (spec/gold-format.md) used to fill in analyses.
type gold struct {
	URL        string `json:"url"`
	Statements []struct {
		Text, Speaker, Kind string
		SpeakerKind         string `json:"speaker_kind"`
	} `json:"statements"`
	Dates []struct {
		Text, Value, Kind string
	} `json:"dates"`
	Figures []struct {
		Text       string   `json:"text"`
		Value      float64  `json:"value"`
		ValueMax   *float64 `json:"value_max"`
		Comparator string   `json:"comparator"`
		Unit       string   `json:"unit"`
		Category   string   `json:"category"`
		Treaty     string   `json:"treaty"`
	} `json:"figures"`
	Mentions []struct{ Type, ID string } `json:"mentions"`
}

// ModuleRoot is the repository root (the directory holding go.mod) above the working directory.
func ModuleRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// pages lists the realistic pages present: the shared seed (read-only material beside the
// repository) and the demo site's articles, whose copy of the seed is used when the shared one
// is absent.
func pages(t testing.TB) []string {
	root := ModuleRoot(t)
	var out []string
	for _, shared := range []string{filepath.Join(root, "..", "shared"), filepath.Join(root, "..", "..", "shared")} {
		p := filepath.Join(shared, "seed", "tass-new-start-2020-10-21.html")
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
			break
		}
	}
	demo, _ := filepath.Glob(filepath.Join(root, "demo", "site", "articles", "*.html"))
	for _, p := range demo {
		if len(out) > 0 && filepath.Base(p) == filepath.Base(out[0]) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Realistic returns the realistic articles present, analyzed by extract.HTML. While an analyzer
// still finds nothing, its list is filled from the page's gold labels (located in the body), so
// the database has statements, dates, figures and mentions to query either way. It skips the
// test when no page is present. The pages are analyzed once per test binary; each call returns
// fresh Article and Analysis values that the caller may change.
func Realistic(t testing.TB) []*store.Article {
	cache.once.Do(func() { cache.arts, cache.err = analyzePages(pages(t)) })
	if cache.err != nil {
		t.Fatal(cache.err)
	}
	if len(cache.arts) == 0 {
		t.Skip("no seed or demo pages present")
	}
	out := make([]*store.Article, len(cache.arts))
	for i, a := range cache.arts {
		c := *a
		an := *a.Analysis
		c.Analysis = &an
		out[i] = &c
	}
	return out
}

var cache struct {
	once sync.Once
	arts []*store.Article
	err  error
}

func analyzePages(paths []string) ([]*store.Article, error) {
	var out []*store.Article
	fetched := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for _, p := range paths {
		page, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var g gold
		if b, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".gold.json"); err == nil {
			if err := json.Unmarshal(b, &g); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
		}
		an, err := extract.HTML(page, extract.Options{URL: g.URL, Input: p})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		fillFromGold(an, &g)
		an.Derive() // treaties and sentences of the items filled in from the gold
		out = append(out, &store.Article{URL: g.URL, Source: "tass", FetchedAt: fetched, HTML: page, Analysis: an})
	}
	return out, nil
}

// treatyNames are how the pages spell the treaties the gold files name, to place treaty mentions
// while the mentions analyzer finds none.
var treatyNames = map[string][]string{
	"new_start":  {"New START"},
	"inf":        {"Intermediate-Range Nuclear Forces Treaty", "INF Treaty", "INF"},
	"ctbt":       {"Comprehensive Nuclear-Test-Ban Treaty", "CTBT"},
	"open_skies": {"Open Skies Treaty", "Treaty on Open Skies"},
	"npt":        {"Non-Proliferation Treaty", "NPT"},
}

func fillFromGold(an *extract.Analysis, g *gold) {
	body := an.Body
	para := textutil.NewLocator(body).At
	if len(an.Statements) == 0 {
		for _, s := range g.Statements {
			if i := strings.Index(body, s.Text); i >= 0 {
				an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: s.Kind, Text: s.Text,
					Speaker: s.Speaker, SpeakerKind: s.SpeakerKind, Cue: "said",
					Paragraph: para(i), Start: i, End: i + len(s.Text),
					Spans: [][2]int{{i, i + len(s.Text)}}}})
			}
		}
	}
	if len(an.Dates) == 0 {
		for _, d := range g.Dates {
			if i := strings.Index(body, d.Text); i >= 0 {
				an.Dates = append(an.Dates, extract.Date{Text: d.Text, Kind: d.Kind, Value: d.Value,
					Granularity: granularity(d.Value), Paragraph: para(i), Start: i, End: i + len(d.Text)})
			}
		}
	}
	if len(an.Figures) == 0 {
		for _, f := range g.Figures {
			if i := strings.Index(body, f.Text); i >= 0 {
				an.Figures = append(an.Figures, extract.Figure{Figure: figures.Figure{Text: f.Text, Value: f.Value, ValueMax: f.ValueMax,
					Comparator: or(f.Comparator, "="), Unit: f.Unit, Category: f.Category, Treaty: f.Treaty,
					Paragraph: para(i), Start: i, End: i + len(f.Text)}})
			}
		}
	}
	if len(an.Mentions) == 0 {
		for _, m := range g.Mentions {
			if m.Type != "treaty" {
				continue
			}
			for _, name := range treatyNames[m.ID] {
				for off := 0; ; {
					i := strings.Index(body[off:], name)
					if i < 0 {
						break
					}
					i += off
					off = i + len(name)
					if overlaps(an.Mentions, i, off) {
						continue
					}
					an.Mentions = append(an.Mentions, extract.Mention{Type: "treaty", ID: m.ID, Name: treatyNames[m.ID][0],
						Text: name, Paragraph: para(i), Start: i, End: off})
				}
			}
		}
		sort.Slice(an.Mentions, func(i, j int) bool { return an.Mentions[i].Start < an.Mentions[j].Start })
	}
}

func granularity(v string) string {
	switch len(v) {
	case 4:
		return "year"
	case 7:
		return "month"
	}
	return "day"
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func overlaps(ms []extract.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}
