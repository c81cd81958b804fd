package stories_test

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/stories"
)

// The labelled pairs are built at test time from ../shared/corpus (never copied here):
//
//   - duplicates: each real article against a copy of it made the ways syndication makes
//     them: re-wrapped in another outlet's markup with its boilerplate and another headline
//     and run through our extractor again ("rewrap"), a few words edited and a sentence
//     dropped ("edits"), the lead paragraph replaced by the copier's own ("lead"), cut after
//     60% of its paragraphs ("truncated"), and all of edits, lead and a 75% cut at once ("mixed");
//   - non-duplicates: different real articles on the same topic and day (PolNeAR articles of
//     one date from different publishers, the arms-control sets among themselves: New START,
//     Sarmat, CTBT items of the same days) and different pages of one site, whose boilerplate
//     the extractor may leave in.
//
// The thresholds were set on the "tune" split (trafilatura-eval pages, PolNeAR train); the
// "report" split (PolNeAR dev, statements-real, figures-real) is what the docs quote. A pair
// counts as found only if it also shares an LSH band key, as the store requires.
//
//	go test -tags sqlite_fts5 -run DuplicatePairs -v ./stories/
func TestDuplicatePairs(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no ../shared/corpus: the labelled pairs are built from it")
	}
	if testing.Short() {
		t.Skip("extracts a few hundred pages")
	}
	splits := map[string]*tally{"tune": {}, "report": {}}
	tune, report := splits["tune"], splits["report"]

	traf := trafilaturaDocs(t, filepath.Join(root, "trafilatura-eval"), 160)
	for _, d := range traf {
		positives(t, tune, d, traf)
	}
	byDomain := map[string][]doc{}
	for _, d := range traf {
		byDomain[d.group] = append(byDomain[d.group], d)
	}
	for _, g := range byDomain {
		negatives(tune, g)
	}
	for _, set := range []struct {
		dir   string
		split *tally
		every int
	}{{"polnear/train", tune, 6}, {"polnear/dev", report, 1}, {"statements-real", report, 1}, {"figures-real", report, 1}} {
		docs := textDocs(t, filepath.Join(root, set.dir))
		for i, d := range docs {
			if i%set.every == 0 {
				positives(t, set.split, d, docs)
			}
		}
		groups := map[string][]doc{}
		for _, d := range docs {
			groups[d.group] = append(groups[d.group], d)
		}
		for _, g := range groups {
			negatives(set.split, g)
		}
	}
	for _, name := range []string{"tune", "report"} {
		s := splits[name]
		t.Logf("%s: %s", name, s)
		for _, k := range s.kinds() {
			t.Logf("  %-10s recall %.3f (%d/%d)", k, float64(s.found[k])/float64(s.pos[k]), s.found[k], s.pos[k])
		}
		for _, fp := range s.falsePos {
			t.Logf("  false duplicate: %s", fp)
		}
	}
	if p, r := report.precision(), report.recall(); p < 0.98 || r < 0.95 {
		t.Errorf("report split: precision %.3f, recall %.3f; targets 0.98 and 0.95", p, r)
	}
}

type doc struct {
	name, group string
	paras       []string
}

func (d doc) body() string { return strings.Join(d.paras, "\n\n") }

type tally struct {
	tp, fn, fp, tn int
	pos, found     map[string]int
	falsePos       []string
}

func (s *tally) add(kind string, dup, said bool, what string) {
	if s.pos == nil {
		s.pos, s.found = map[string]int{}, map[string]int{}
	}
	switch {
	case dup && said:
		s.tp++
		s.pos[kind]++
		s.found[kind]++
	case dup:
		s.fn++
		s.pos[kind]++
	case said:
		s.fp++
		s.falsePos = append(s.falsePos, what)
	default:
		s.tn++
	}
}

func (s *tally) precision() float64 { return float64(s.tp) / float64(max(1, s.tp+s.fp)) }
func (s *tally) recall() float64    { return float64(s.tp) / float64(max(1, s.tp+s.fn)) }
func (s *tally) kinds() []string {
	var k []string
	for x := range s.pos {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}
func (s *tally) String() string {
	return fmt.Sprintf("%d duplicate pairs, %d non-duplicate pairs: precision %.3f, recall %.3f (TP %d, FN %d, FP %d)",
		s.tp+s.fn, s.fp+s.tn, s.precision(), s.recall(), s.tp, s.fn, s.fp)
}

// detected is what the store does: a shared band key makes a candidate, Same decides.
func detected(a, b string) bool {
	fa, fb := stories.Of(a), stories.Of(b)
	ka, kb := fa.BandKeys(), fb.BandKeys()
	shared := false
	for i := range ka {
		shared = shared || ka[i] == kb[i]
	}
	return shared && stories.Same(&fa, &fb)
}

func positives(t *testing.T, s *tally, d doc, others []doc) {
	if len(stories.Words(d.body())) < 80 || len(d.paras) < 3 {
		return // a brief: copies of one are checked by exact signature, not measured here
	}
	// Each article's copies come from a stream seeded by its name, so one split's figures do
	// not move when the extractor changes what another split's pages yield.
	h := fnv.New64a()
	h.Write([]byte(d.name))
	rng := rand.New(rand.NewPCG(19, h.Sum64()))
	orig := d.body()
	other := others[rng.IntN(len(others))]
	s.add("rewrap", true, detected(orig, rewrap(t, d, other)), d.name)
	s.add("edits", true, detected(orig, strings.Join(edit(rng, d.paras), "\n\n")), d.name)
	s.add("lead", true, detected(orig, strings.Join(newLead(rng, d.paras), "\n\n")), d.name)
	s.add("truncated", true, detected(orig, strings.Join(cut(d.paras, 0.6), "\n\n")), d.name)
	s.add("mixed", true, detected(orig, strings.Join(cut(newLead(rng, edit(rng, d.paras)), 0.75), "\n\n")), d.name)
}

// realCopies are the pairs of different corpus articles that we labelled as copies after
// reading them: successive versions of one wire story (an AP live blog updated, a result
// announced then confirmed). They count as duplicate pairs, kind "versions".
var realCopies = map[string]bool{
	"breitbart_2016-03-15_the-latest-kasich-scores-all-del ~ breitbart_2016-03-15_the-latest-sanders-declares-revo": true,
	"usa-today_2016-04-06_sanders-says-he-s-riding-momentu ~ usa-today_2016-04-06_sanders-winning-streak-continues": true,
}

func negatives(s *tally, g []doc) {
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			if len(stories.Words(g[i].body())) < 30 || len(stories.Words(g[j].body())) < 30 {
				continue
			}
			pair := g[i].name + " ~ " + g[j].name
			kind := ""
			if realCopies[pair] {
				kind = "versions"
			}
			s.add(kind, kind != "", detected(g[i].body(), g[j].body()), pair)
		}
	}
}

// rewrap puts d's paragraphs in another outlet's page: its own menu, a changed headline, a
// "read also" box mid-text, share buttons, related headlines (other's first words), a footer;
// then our extractor takes the body out again, as the crawl would.
func rewrap(t *testing.T, d, other doc) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Update: ` +
		html.EscapeString(firstWords(d.paras[0], 8)) + ` | Wire Digest</title></head><body>
<header class="site-header"><a href="/">Wire Digest</a><nav><ul><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="story"><h1 class="story-title">UPDATE: ` + html.EscapeString(firstWords(d.paras[len(d.paras)-1], 9)) + `</h1>
<div class="byline">By Wire Digest staff, with agencies</div><div class="story-body">`)
	for i, p := range d.paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		if i == 1 {
			b.WriteString(`<div class="read-also"><b>Read also:</b> <a href="/x">` + html.EscapeString(firstWords(other.paras[0], 10)) + `</a></div>` + "\n")
		}
	}
	b.WriteString(`</div><div class="share">Share on Facebook · Share on X · Email</div></article>
<aside class="related"><h3>More stories</h3><ul><li><a href="/a">` + html.EscapeString(firstWords(other.paras[len(other.paras)-1], 10)) + `</a></li></ul></aside></main>
<footer><p>© 2026 Wire Digest. All rights reserved. Republished under licence.</p><p><a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></p></footer></body></html>`)
	an, err := extract.HTML([]byte(b.String()), extract.Options{URL: "https://wire-digest.example/world/" + d.name})
	if err != nil {
		t.Fatalf("%s: %v", d.name, err)
	}
	return an.Body
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}

// edit changes about 3% of the words (a synonym, a dropped word, a figure rounded) and drops
// one sentence, as copy editors do.
func edit(rng *rand.Rand, paras []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		w := strings.Fields(p)
		var kept []string
		for _, x := range w {
			switch r := rng.Float64(); {
			case r < 0.015:
				continue
			case r < 0.03:
				kept = append(kept, "also")
			}
			kept = append(kept, x)
		}
		out[i] = strings.Join(kept, " ")
	}
	k := 1 + rng.IntN(len(out)-1)
	if s := strings.SplitAfter(out[k], ". "); len(s) > 1 {
		out[k] = strings.Join(s[1:], "")
	}
	return out
}

// newLead replaces the first paragraph with the copier's own lead: other words on the topic.
func newLead(rng *rand.Rand, paras []string) []string {
	w := strings.Fields(strings.Join(paras, " "))
	lead := make([]string, 28)
	for i := range lead {
		lead[i] = w[rng.IntN(len(w))]
	}
	return append([]string{"In a development reported on Tuesday, " + strings.Join(lead, " ") + "."}, paras[1:]...)
}

func cut(paras []string, share float64) []string {
	n := max(2, int(float64(len(paras))*share+0.5))
	return paras[:min(n, len(paras))]
}

// trafilaturaDocs extracts the first n pages of the benchmark (by id) whose body has at least
// three paragraphs; group is the page's site.
func trafilaturaDocs(t *testing.T, dir string, n int) []doc {
	f, err := os.Open(filepath.Join(dir, "pages.tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(h.Name, ".html") {
			pages[strings.TrimSuffix(filepath.Base(h.Name), ".html")], _ = io.ReadAll(tr)
		}
	}
	truth, err := os.ReadFile(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []doc
	for _, line := range strings.Split(strings.TrimSpace(string(truth)), "\n") {
		var rec struct{ ID, URL string }
		if json.Unmarshal([]byte(line), &rec) != nil || pages[rec.ID] == nil {
			continue
		}
		an, err := extract.HTML(pages[rec.ID], extract.Options{URL: rec.URL})
		if err != nil {
			continue
		}
		paras := paragraphs(an.Body)
		if len(paras) < 3 {
			continue
		}
		host := strings.SplitN(strings.TrimPrefix(strings.TrimPrefix(rec.URL, "https://"), "http://"), "/", 2)[0]
		docs = append(docs, doc{name: rec.ID, group: strings.TrimPrefix(host, "www."), paras: paras})
		if len(docs) == n {
			break
		}
	}
	return docs
}

// textDocs reads a folder of NAME.txt articles; group is the date in the name (PolNeAR's
// publisher_YYYY-MM-DD_slug), or the whole folder when names carry no usable date.
func textDocs(t *testing.T, dir string) []doc {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s", dir)
	}
	var docs []doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		group := filepath.Base(dir)
		if parts := strings.Split(name, "_"); len(parts) >= 3 {
			group = parts[1]
		}
		docs = append(docs, doc{name: name, group: group, paras: paragraphs(string(b))})
	}
	return docs
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
