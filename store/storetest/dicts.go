package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
)

// templatePage is a page of a site whose template (about 20 KB of navigation) every page
// repeats around its own text.
func templatePage(site string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s</title><style>", site)
	for i := range 300 {
		fmt.Fprintf(&b, ".%s-nav-%d{margin:%dpx;color:#%06x}\n", site, i, i%17, i*7919%0xffffff)
	}
	b.WriteString("</style></head><body><nav>")
	for i := range 200 {
		fmt.Fprintf(&b, `<a href="/%s/section/%d">Section %d of %s</a>`, site, i, i*31%97, site)
	}
	fmt.Fprintf(&b, "</nav><article><p>Article %d of %s: the treaty limits each side to %d warheads.</p></article></body></html>", n, site, 1500+n)
	return []byte(b.String())
}

// testPageDictionaries checks that pages are compressed with their host's dictionary (one per
// host, made from its first page), much smaller than alone, and read back byte for byte.
func testPageDictionaries(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	base := Realistic(t)[0]
	pages := map[string][]byte{}
	var ids []int64
	for i, u := range []string{"https://tass.com/1", "https://TASS.com/2", "https://tass.com/3", "https://www.reuters.com/1"} {
		an := *base.Analysis
		an.Title = fmt.Sprintf("Article %d", i)
		site := "tass"
		if strings.Contains(u, "reuters") {
			site = "reuters"
		}
		html := templatePage(site, i)
		res, err := db.SaveArticle(ctx, &store.Article{URL: u, Source: site, HTML: html, FetchedAt: time.Now(), Analysis: &an})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ArticleID)
		pages[u] = html
	}
	if n := Count(t, db, "SELECT count(*) FROM page_dicts"); n != 2 {
		t.Errorf("page_dicts rows %d, want 2 (tass.com, www.reuters.com)", n)
	}
	if n := Count(t, db, "SELECT count(*) FROM page_dicts WHERE host = 'tass.com'"); n != 1 {
		t.Errorf("tass.com dictionaries %d, want 1 (hosts are case-insensitive)", n)
	}
	// The third page of tass.com against its dictionary: its own few bytes, not the template.
	if n := Count(t, db, "SELECT length(raw_html) FROM articles WHERE url = 'https://tass.com/3'"); n <= 0 || n > 400 {
		t.Errorf("a page that repeats its host's template takes %d bytes, want under 400", n)
	}
	for i, u := range []string{"https://tass.com/1", "https://TASS.com/2", "https://tass.com/3", "https://www.reuters.com/1"} {
		p, err := db.Page(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		if string(p.HTML) != string(pages[u]) {
			t.Errorf("%s: page read back differs (%d bytes, want %d)", u, len(p.HTML), len(pages[u]))
		}
	}
}
