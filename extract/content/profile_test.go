package content

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/profiles")

// golden is what a profile test checks, in the order a reader checks it by eye.
type golden struct {
	URL          string   `json:"url"`
	Profile      string   `json:"profile"`
	Source       string   `json:"source"`
	Title        string   `json:"title"`
	Subtitle     string   `json:"subtitle"`
	Authors      []string `json:"authors"`
	Section      string   `json:"section"`
	Language     string   `json:"language"`
	CanonicalURL string   `json:"canonical_url"`
	Published    string   `json:"published"`
	Paragraphs   []string `json:"paragraphs"`
	Warnings     []string `json:"warnings"`
}

// profileCases are the pages of testdata/profiles, written in each site's markup, with the URL
// each would have.
var profileCases = map[string]string{
	"tass":        "https://tass.com/defense/1900001",
	"tass-ru":     "https://tass.ru/armiya-i-opk/22800001",
	"ria":         "https://ria.ru/20201021/rakety-1581234567.html",
	"sputnik":     "https://sputnikglobe.com/20201021/russia-ready-to-discuss-arms-control-1080812345.html",
	"kremlin-en":  "http://en.kremlin.ru/events/president/news/64250",
	"kremlin":     "http://kremlin.ru/events/president/news/64250",
	"state":       "https://2021-2025.state.gov/extension-of-the-new-start-treaty/",
	"armscontrol": "https://www.armscontrol.org/act/2026-03/news/new-start-expires-us-urges-modernized-treaty",
	"interfax":    "https://www.interfax.ru/russia/900001",
}

func TestProfileGolden(t *testing.T) {
	set, err := BuiltinProfiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range set.Names() {
		if _, ok := profileCases[name]; !ok {
			t.Errorf("profile %s has no golden test page", name)
		}
	}
	for name, url := range profileCases {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "profiles")
			page, err := os.ReadFile(filepath.Join(dir, name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Extract(Input{HTML: page, URL: url})
			if err != nil {
				t.Fatal(err)
			}
			got := golden{URL: url, Profile: r.Profile, Source: r.Source, Title: r.Title, Subtitle: r.Subtitle,
				Authors: r.Authors, Section: r.Section, Language: r.Language, CanonicalURL: r.CanonicalURL,
				Paragraphs: r.Paragraphs, Warnings: r.Warnings}
			if !r.Published.IsZero() {
				got.Published = r.Published.String()
			}
			if got.Warnings == nil {
				got.Warnings = []string{}
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			out := bytes.TrimSpace(buf.Bytes())
			file := filepath.Join(dir, name+".golden.json")
			if *update {
				if err := os.WriteFile(file, append(out, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(want)) != string(out) {
				t.Errorf("%s differs from the golden file:\n got: %s\nwant: %s", name, out, want)
			}
		})
	}
}

// The remove selectors are matched in one walk: anyOf matches what one of them matches.
func TestAnyOf(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<div class="a">x</div><figure>y</figure><p>z</p>`))
	if err != nil {
		t.Fatal(err)
	}
	got := doc.FindMatcher(anyOf([]cascadia.Selector{cascadia.MustCompile(".a"), cascadia.MustCompile("figure")})).Nodes
	if len(got) != 2 || got[0].Data != "div" || got[1].Data != "figure" {
		t.Errorf("anyOf(.a, figure) matched %d nodes: %v", len(got), got)
	}
}

// firstText gives the first match with text that skip does not hide, as the first of
// FindMatcher's matches would be.
func TestFirstText(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(
		`<div class="ad"><h2>Ad</h2></div><h2></h2><section><h2>First <span class="ad">x</span>title</h2></section><h2>Second</h2>`))
	if err != nil {
		t.Fatal(err)
	}
	skip := map[*html.Node]bool{}
	for _, n := range doc.Find(".ad").Nodes {
		skip[n] = true
	}
	if got := firstText(doc.Selection.Nodes, cascadia.MustCompile("h2"), skip); got != "First title" {
		t.Errorf("firstText = %q, want the first h2 with text outside the skipped ad", got)
	}
	if got, want := firstMatch(doc.Selection.Nodes, cascadia.MustCompile("h2"), nil), doc.Find("h2").Nodes[0]; got != want {
		t.Errorf("firstMatch(h2) = %v, want the first h2, %v", got, want)
	}
	if got := firstText(doc.Selection.Nodes, cascadia.MustCompile("h3"), skip); got != "" {
		t.Errorf("no h3: %q", got)
	}
}

// find is goquery's Find with the selector compiled once: the same nodes, none for a selector
// that does not compile.
func TestFind(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(`<title lang="en">T</title><h1 class="a">A</h1><p><h1 class="b">B</h1></p>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"h1", "class"}, {"title", "lang"}, {"[[bad", "x"}} {
		want, _ := doc.Find(c[0]).First().Attr(c[1])
		if got := attr(doc, c[0], c[1]); got != want {
			t.Errorf("attr(%q, %q) = %q, want %q", c[0], c[1], got, want)
		}
	}
	for _, sel := range []string{"h1", "title", "h3", "[[bad"} {
		if got, want := firstOf(doc, sel).Nodes, doc.Find(sel).First().Nodes; !reflect.DeepEqual(got, want) {
			t.Errorf("firstOf(%q): %v, want %v", sel, got, want)
		}
	}
	for _, sel := range []string{"h1", "title", "h1", "p h1", "[[bad"} {
		if got, want := find(doc.Selection, sel).Nodes, doc.Find(sel).Nodes; !reflect.DeepEqual(got, want) {
			t.Errorf("find(%q): %d nodes, Find: %d", sel, len(got), len(want))
		}
	}
}

// The remove selectors behind their gate match what they match without it, for every built-in
// profile on every profiled test page; the built-in profiles all have a gate.
func TestRemoveGateSameNodes(t *testing.T) {
	set, err := BuiltinProfiles()
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob("../../testdata/profiles/*.html")
	demo, _ := filepath.Glob("../../demo/site/articles/*.html")
	pages = append(pages, demo...)
	if len(pages) < 10 {
		t.Fatalf("only %d pages", len(pages))
	}
	for _, p := range set.byName {
		if len(p.remove) == 0 {
			continue
		}
		if p.removeGate == nil {
			t.Errorf("profile %s: no gate for %q", p.Name, p.Remove)
			continue
		}
		for _, page := range pages {
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			want := doc.FindMatcher(anyOf(p.remove)).Nodes
			if got := doc.FindMatcher(p.removeGate.gated(anyOf(p.remove))).Nodes; !slices.Equal(got, want) {
				t.Errorf("profile %s on %s: %d nodes behind the gate, %d without", p.Name, page, len(got), len(want))
			}
		}
	}
	for sel, gate := range map[string]bool{"figure": true, ".a": true, "div.a[x=y]": true, "div[x=y]": false, "div > p": false, "p:not(.a)": false} {
		if got := gateOf([]string{sel}) != nil; got != gate {
			t.Errorf("gateOf(%q) != nil is %v, want %v", sel, got, gate)
		}
	}
}
