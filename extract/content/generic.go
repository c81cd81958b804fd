package content

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-trafilatura"
)

// maxFallbackPage is the page size above which go-trafilatura runs without its fallbacks. Each
// fallback (readability, dom-distiller) clones and scores the whole tree again: on a 10 MB page
// that doubled the peak memory for text that trafilatura's own extraction finds anyway (article
// pages are a few hundred KB; multi-megabyte pages are dumps, archives, hostile).
const maxFallbackPage = 2 << 20

// fallbackBelow is the length (characters) of trafilatura's own text under which its fallbacks
// run. The fallbacks replace a text only when theirs is twice as long, which is rare once the
// text is a full article, and readability alone cost as much as the extraction. Measured on the
// 990 trafilatura-eval pages (TestCorpusScore): always F 0.9362, below 1000 0.9354, below 2000
// 0.9361, below 4000 0.9359; content CPU 15.1 s always, 11.1 s below 2000.
const fallbackBelow = 2000

// generic finds the body of a page no profile knows: the JSON-LD articleBody when it is sound,
// else go-trafilatura (with its readability and dom-distiller fallbacks unless the page is huge).
// trafilatura clones the tree before it prunes, so the shared Doc is left intact.
func generic(doc *goquery.Document, ld map[string]any, pageURL string, huge bool) []string {
	paras := resplitArticle(doc, trafilaturaBody(doc, pageURL, !huge))
	if ldParas := ldBody(doc, ld); ldParas != nil && preferLD(ldParas, paras) && ldSound(doc, ldParas) {
		paras = ldParas
	}
	return recoverLead(doc, dropLinkParagraphs(doc, trimBoilerplate(paras)))
}

func trafilaturaBody(doc *goquery.Document, pageURL string, fallback bool) []string {
	opts := trafilatura.Options{
		EnableFallback:  fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // pubdate.Find owns publication dates
		SkipMetadata:    true,                 // fillMetadata reads title, authors, language itself
		FallbackBelow:   fallbackBelow,
	}

	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc.Nodes[0], opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil
	}
	return blockParagraphs(res.ContentNode)
}

// resplitArticle gives back the paragraphs of a short article that go-trafilatura returned as
// one: when its extraction finds too little text, its baseline takes an <article>'s whole text
// as a single paragraph, the heading glued to the first paragraph and each paragraph to the
// next ("Talks resume"We are ready ... on Monday.The New START ..."). When the one paragraph is
// an <article>'s text, that article's own blocks are the paragraphs.
func resplitArticle(doc *goquery.Document, paras []string) []string {
	if len(paras) != 1 {
		return paras
	}
	text := squeezeSpace(paras[0])
	for _, n := range find(doc.Selection, "article").Nodes {
		if blocks := blockParagraphs(n); len(blocks) > 1 && squeezeSpace(strings.Join(blocks, "")) == text {
			return blocks
		}
	}
	return paras
}

// squeezeSpace is s without its white space: the same text however it was split and joined.
func squeezeSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// ldBody reads articleBody from the page's JSON-LD article. It is used only when it is "sound":
// long enough to be an article and made of the page's own visible text (some sites put a teaser,
// a stale version or another article there).
func ldBody(doc *goquery.Document, ld map[string]any) []string {
	if ld == nil {
		return nil
	}
	body, _ := ld["articleBody"].(string)
	if utf8.RuneCountInString(body) < 400 {
		return nil
	}
	if strings.Contains(body, "<") && strings.Contains(body, ">") {
		frag, err := goquery.NewDocumentFromReader(strings.NewReader(body))
		if err != nil {
			return nil
		}
		return blockParagraphs(frag.Nodes[0])
	}
	var paras []string
	for _, line := range strings.Split(body, "\n") {
		if t := cleanText(line); t != "" {
			paras = append(paras, t)
		}
	}
	return paras
}

// preferLD decides between the JSON-LD body and the extractor's. Measured on the
// trafilatura-eval corpus, articleBody is often an edited revision or carries inline "read also"
// teasers, so it loses to the extractor's text whenever that is substantial; it wins only when
// the extractor found less than half of it (scripts render the page, odd markup).
func preferLD(ldParas, ext []string) bool {
	return textLen(ext)*2 < textLen(ldParas)
}

func textLen(paras []string) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n
}

// dropLinkParagraphs removes short paragraphs that are the whole text of a link: teasers of
// other articles, category and tag links, "next post" links that the extractor kept.
func dropLinkParagraphs(doc *goquery.Document, paras []string) []string {
	links := linkTexts(doc)
	out := paras[:0:0]
	for _, p := range paras {
		if utf8.RuneCountInString(p) <= 100 && links[p] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// linkTexts is the set of the texts of the page's links to other pages. In-page anchors (a table
// of contents) and addresses written out as link text are text of the article.
func linkTexts(doc *goquery.Document) map[string]bool {
	links := map[string]bool{}
	for _, n := range find(doc.Selection, "a[href]").Nodes {
		href := strings.TrimSpace(goquery.NewDocumentFromNode(n).AttrOr("href", ""))
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "javascript:") {
			continue
		}
		t := nodeText(n, nil)
		if t == "" || strings.Contains(t, "@") || strings.Contains(t, "://") || strings.HasPrefix(t, "www.") {
			continue
		}
		links[t] = true
	}
	return links
}

// ldSound checks that the JSON-LD body is the page's own visible text: the start of nearly every
// paragraph occurs in the page. A teaser, a stale revision or markup-mangled text fails.
func ldSound(doc *goquery.Document, paras []string) bool {
	page := nodeText(find(doc.Selection, "body").Nodes[0], nil)
	total, found := 0, 0
	for _, p := range paras {
		n := utf8.RuneCountInString(p)
		total += n
		key := p
		if r := []rune(p); len(r) > 40 {
			key = string(r[:40])
		}
		if strings.Contains(page, key) {
			found += n
		}
	}
	return total > 0 && found*10 >= total*9
}
