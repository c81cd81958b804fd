package pubdate

import (
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func parse(t testing.TB, html string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestFind(t *testing.T) {
	cases := []struct {
		name, url, html, published, modified string
	}{
		{"json-ld news article", "https://www.interfax.ru/world/1094215",
			`<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
			"headline":"Лавров","datePublished":"2026-02-11T14:18:00+03:00","dateModified":"2026-02-11T15:02:00+03:00",
			"publisher":{"@type":"Organization","name":"Интерфакс","foundingDate":"1989-09-01"}}</script></head>
			<body><h1>Лавров</h1></body></html>`, "2026-02-11T14:18:00+03:00", "2026-02-11T15:02:00+03:00"},
		{"json-ld graph", "https://example.org/a",
			`<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"X"},
			{"@type":["Article","NewsArticle"],"datePublished":"2023-02-21T13:02:00Z"}]}</script></head><body></body></html>`,
			"2023-02-21T13:02:00Z", ""},
		{"meta tags before json-ld", "https://www.example.de/politik/artikel",
			`<html><head><meta property="article:published_time" content="2022-01-24T17:06:45+01:00">
			<meta property="article:modified_time" content="2022-02-01T10:40:36+01:00">
			<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-20T08:00:00+01:00"}</script>
			</head><body><h1>Titel</h1></body></html>`, "2022-01-24T17:06:45+01:00", "2022-02-01T10:40:36+01:00"},
		{"itemprop", "https://www.interfax.ru/russia/756876",
			`<html><body><article itemprop="articleBody"><h1 itemprop="headline">Заголовок</h1>
			<meta itemprop="datePublished" content="2026-06-05T13:29:00+03:00"><p>Текст.</p></article></body></html>`,
			"2026-06-05T13:29:00+03:00", ""},
		{"time pubdate", "https://blog.example.com/post",
			`<html><body><article><h1>Post</h1><time pubdate datetime="2019-06-17T18:28:00+02:00">17. Juni 2019</time></article></body></html>`,
			"2019-06-17T18:28:00+02:00", ""},
		{"tass dateformat in header", "https://tass.com/politics/1215477",
			`<html><body><div class="news"><div class="news-header"><span><dateformat time="1603274700" mode="abs"></dateformat></span>
			<h1 class="news-header__title">Kremlin hopes</h1></div>
			<div class="news-list"><dateformat time="1603200000"></dateformat><dateformat time="1603100000"></dateformat></div></div></body></html>`,
			"2020-10-21T13:05:00+03:00", ""},
		{"url date only", "https://www.example.com/2020/07/08/some-story/",
			`<html><body><h1>Story</h1><p>Text.</p></body></html>`, "2020-07-08", ""},
		{"ria url date", "https://ria.ru/20210509/ataki-1731602766.html",
			`<html><body><h1>Атаки</h1></body></html>`, "2021-05-09", ""},
		{"date line after headline", "https://www.example.de/news/1",
			`<html><body><nav>01.01.2019</nav><article><h1>Nachruf</h1><div>1. Februar 2022 , Daniel Dillenburg</div>
			<p>Im Text steht der 5. März 2022, der nicht zählt.</p></article></body></html>`, "2022-02-01", ""},
		{"updated line skipped", "https://www.example.fr/article",
			`<html><body><h1>Titre</h1><span>Mis à jour le 12/03/2021</span><span>Publié le 10 mars 2021 à 12:57</span></body></html>`,
			"2021-03-10", ""},
		{"labelled publication in text", "https://literatur.example.de/rezension,30063.html",
			`<html><body><div>Letzte Änderung: 31.10.2023 - 14:49:39</div><div>Erschienen am: 01.11.2023</div></body></html>`,
			"2023-11-01", ""},
		{"utc stamp a day after the url", "https://nypost.com/2023/11/08/news/story/",
			`<html><head><meta property="article:published_time" content="2023-11-09T03:28:35+00:00"></head><body></body></html>`,
			"2023-11-08T22:28:35-05:00", ""},
		{"utc stamp with local wall clock", "https://ktla.com/news/local-news/story/",
			`<html><head><meta name="sailthru.date" content="2023-11-08 22:35:29">
			<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T06:35:29+00:00"}</script></head><body></body></html>`,
			"2023-11-08T22:35:29-08:00", ""},
		{"utc stamp on a german site", "https://www.kas.de/de/laenderberichte/detail",
			`<html><head><meta property="article:published_time" content="2021-11-04T23:00Z"></head><body></body></html>`,
			"2021-11-05T00:00:00+01:00", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pub, mod := Find(parse(t, c.html), c.url, nil)
			if got := str(pub); got != c.published {
				t.Errorf("published %q, want %q", got, c.published)
			}
			if got := str(mod); got != c.modified {
				t.Errorf("modified %q, want %q", got, c.modified)
			}
		})
	}
}

func str(s Stamp) string {
	if s.IsZero() {
		return ""
	}
	return s.String()
}

func TestParseStamp(t *testing.T) {
	cases := map[string]string{
		"2020-10-21T13:05:00+03:00":       "2020-10-21T13:05:00+03:00",
		"2020-10-21T10:05:00.000Z":        "2020-10-21T10:05:00Z",
		"2020-12-05T23:15:0Z":             "2020-12-05T23:15:00Z",
		"2019-06-17T18:28:00+0200":        "2019-06-17T18:28:00+02:00",
		"Wed, 21 Oct 2020 13:05:00 +0300": "2020-10-21T13:05:00+03:00",
		"1603274700":                      "2020-10-21T10:05:00Z",
		"20201021":                        "2020-10-21",
		"2020-10-21 13:05":                "2020-10-21", // a time without an offset is dropped
		"21.10.2020":                      "2020-10-21",
		"Di., 25.01.2022 - 14:45":         "2022-01-25",
		"21. Oktober 2020":                "2020-10-21",
		"October 21, 2020":                "2020-10-21",
		"21 октября 2020 г.":              "2020-10-21",
		"13:05 21.10.2020":                "2020-10-21",
	}
	for in, want := range cases {
		st, ok := parseStamp(in)
		if !ok || st.String() != want {
			t.Errorf("parseStamp(%q) = %q %v, want %q", in, st.String(), ok, want)
		}
	}
	for _, bad := range []string{"", "2020", "Copyright 2019", "1890-01-01", "31.02.2020"} {
		if st, ok := parseStamp(bad); ok {
			t.Errorf("parseStamp(%q) = %q, want nothing", bad, st.String())
		}
	}
}

// TestSeedPage reads the project's seed page: the TASS header's dateformat wins over the related
// list's.
func TestSeedPage(t *testing.T) {
	b, err := readShared("seed/tass-new-start-2020-10-21.html")
	if err != nil {
		t.Skip("seed absent")
	}
	pub, _ := Find(parse(t, string(b)), "https://tass.com/politics/1215477", nil)
	if pub.String() != "2020-10-21T13:05:00+03:00" {
		t.Errorf("published %s", pub)
	}
}

// readShared reads a file of the shared material beside the checkout (../shared from the
// repository root, also from a worktree under /work/wt).
func readShared(rel string) ([]byte, error) {
	var err error
	for _, root := range []string{"../../../shared/", "../../../../shared/"} {
		var b []byte
		if b, err = os.ReadFile(root + rel); err == nil {
			return b, nil
		}
	}
	return nil, err
}
