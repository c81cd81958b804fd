package jsonld

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// Every JSON-LD block is read in document order, broken JSON kept as text; other scripts are not.
func TestParse(t *testing.T) {
	page := `<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-10-21T10:00:00+03:00"}</script>
<script type="text/javascript">var x = {"@type": "NewsArticle"};</script>
</head><body><script type="application/ld+json">{"@type": "Organization", broken</script></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	bs := Parse(doc)
	if len(bs) != 2 {
		t.Fatalf("%d blocks; want the 2 JSON-LD ones", len(bs))
	}
	if m, ok := bs[0].Value.(map[string]any); !ok || m["datePublished"] != "2020-10-21T10:00:00+03:00" {
		t.Errorf("first block %#v; want its parsed JSON", bs[0].Value)
	}
	if bs[1].Value != nil || !strings.Contains(bs[1].Text, "broken") {
		t.Errorf("second block %#v; want its text and no value", bs[1])
	}
	if got := Parse(nil); got == nil || len(got) != 0 {
		t.Errorf("Parse(nil) = %#v; want an empty, non-nil list", got)
	}
}
