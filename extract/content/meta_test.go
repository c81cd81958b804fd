package content

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

const metaPage = `<!DOCTYPE html><html lang="en-GB"><head>
<title>Talks on strategic stability resume in Geneva | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Talks on strategic stability resume in Geneva | Example News">
<link rel="canonical" href="/world/2021/talks-resume">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example News"},
 {"@type":"NewsArticle","headline":"Talks on strategic stability resume in Geneva",
  "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
  "articleSection":["World","Diplomacy"],"datePublished":"2021-07-28T10:00:00+02:00"}]}</script>
</head><body>
<nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><div class="content">
<p>GENEVA, July 28 - Russian and US delegations resumed talks on strategic stability on Wednesday, the first such meeting in more than a year.</p>
<p>The delegations were led by Deputy Foreign Minister Sergei Ryabkov and Deputy Secretary of State Wendy Sherman, officials said.</p>
<p>"The talks were professional and substantive," a State Department spokesperson said after the meeting, adding that the sides agreed to meet again in September.</p>
</div></article>
<footer><p>© Example News</p></footer>
</body></html>`

func TestGenericMetadata(t *testing.T) {
	r, err := Extract(Input{HTML: []byte(metaPage), URL: "https://www.example-news.org/world/2021/talks-resume?utm_source=x"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Profile != "generic" || r.Source != "example-news.org" {
		t.Errorf("profile %q source %q", r.Profile, r.Source)
	}
	if r.Title != "Talks on strategic stability resume in Geneva" {
		t.Errorf("title %q: the site-name suffix should be cut", r.Title)
	}
	if !reflect.DeepEqual(r.Authors, []string{"Jane Doe", "John Roe"}) {
		t.Errorf("authors %q", r.Authors)
	}
	if r.Section != "World" || r.Language != "en" {
		t.Errorf("section %q language %q", r.Section, r.Language)
	}
	if r.CanonicalURL != "https://www.example-news.org/world/2021/talks-resume" {
		t.Errorf("canonical %q", r.CanonicalURL)
	}
	if len(r.Paragraphs) != 3 || !strings.HasPrefix(r.Paragraphs[0], "GENEVA, July 28 - ") {
		t.Errorf("paragraphs %q", r.Paragraphs)
	}
}

func TestStripSiteName(t *testing.T) {
	names := []string{nameKey("TASS"), nameKey("kommersant.ru"), nameKey("Arms Control Association")}
	for in, want := range map[string]string{
		"Kremlin hopes to continue dialogue - Russian Politics & Diplomacy - TASS": "Kremlin hopes to continue dialogue - Russian Politics & Diplomacy",
		"Arms Control Association | New START at a glance":                         "New START at a glance",
		"Contract cannot be renewed before New Year — Putin":                       "Contract cannot be renewed before New Year — Putin",
		"Коммерсантъ: Переговоры по ДСНВ - Kommersant.ru":                          "Коммерсантъ: Переговоры по ДСНВ",
	} {
		if got := stripSiteName(in, names); got != want {
			t.Errorf("stripSiteName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLanguageDetectedWhenUndeclared(t *testing.T) {
	page := `<html><head><title>Переговоры</title></head><body><article><p>` +
		strings.Repeat("Россия и США продолжат переговоры о стратегической стабильности в Женеве на следующей неделе. ", 5) +
		`</p></article></body></html>`
	r, err := Extract(Input{HTML: []byte(page), URL: "https://example.org/a"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Language != "ru" {
		t.Errorf("language %q, want ru", r.Language)
	}
}

// findWhere finds what find finds when its filter accepts every element the selector can match,
// in the same order: <meta> for meta selectors, itemprop or rel for attribute selectors.
func TestFindWhereSameAsFind(t *testing.T) {
	page := `<html><head><meta name="author" content="A"><meta property="og:title" content="T">
<meta name="byl" content="B"></head><body><div itemprop="author"><span itemprop="name">C</span></div>
<a rel="author" href="/x">D</a><svg><meta name="author" content="E"/></svg><p rel="nofollow">x</p>
<meta name="dc.creator" content="F"><MeTa NAME="DC.creator" content="G"></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sel string
		pre func(*html.Node) bool
	}{
		{`meta[name="author"], meta[property="article:author"], meta[name="byl"], meta[name="dc.creator"], meta[name="DC.creator"]`, isMeta},
		{`[itemprop="author"] [itemprop="name"], [rel="author"]`, hasItempropOrRel},
	} {
		want := find(doc.Selection, c.sel).Nodes
		got := findWhere(doc, c.sel, c.pre).Nodes
		if len(want) < 2 || !slices.Equal(got, want) {
			t.Errorf("%s: findWhere gives %d nodes, find %d", c.sel, len(got), len(want))
		}
	}
}
