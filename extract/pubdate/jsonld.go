package pubdate

import (
	"regexp"
	"strings"
	"sync"

	"github.com/armswatch/armswatch/extract/jsonld"
)

// articleTypes are the schema.org types whose dates are the page's own; the dates of other
// objects (an Organization's founding, a WebSite, a BreadcrumbList) are not.
var articleTypes = map[string]int{
	"newsarticle": 0, "article": 0, "blogposting": 0, "reportagenews": 0, "analysisnewsarticle": 0,
	"opinionnewsarticle": 0, "reviewnewsarticle": 0, "backgroundnewsarticle": 0, "liveblogposting": 0,
	"scholarlyarticle": 0, "techarticle": 0, "report": 0, "socialmediaposting": 0, "posting": 0,
	"review": 1, "recipe": 1, "videoobject": 1, "audioobject": 1, "podcastepisode": 1, "event": 2,
	"webpage": 2, "itempage": 2, "collectionpage": 3, "aboutpage": 3, "qapage": 2, "question": 2,
	"faqpage": 3, "creativework": 2, "mediaobject": 2, "product": 3, "discussionforumposting": 1,
}

var reJSONDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{4,40})"`)
})

// jsonLD adds the dates of the page's JSON-LD article objects. Broken JSON (common: trailing
// commas, raw newlines) falls back to a pattern over the script text.
func jsonLD(blocks jsonld.Blocks, add func(cand)) {
	for _, b := range blocks {
		if !strings.Contains(b.Text, `"date`) && !strings.Contains(b.Text, `"uploadDate`) {
			continue
		}
		if b.Value == nil {
			for _, m := range reJSONDate().FindAllStringSubmatch(b.Text, -1) {
				addJSONDate(m[1], m[2], 5, add)
			}
			continue
		}
		walkLD(b.Value, 0, add)
	}
}

// walkLD visits the top objects, @graph members and mainEntity, not nested citations or lists.
func walkLD(v any, depth int, add func(cand)) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkLD(e, depth, add)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			walkLD(g, depth, add)
		}
		rank, ok := typeRank(x["@type"])
		if ok {
			for _, k := range []string{"datePublished", "dateCreated", "uploadDate", "dateModified"} {
				if s, ok := x[k].(string); ok {
					addJSONDate(k, s, rank, add)
				}
			}
		}
		if depth < 2 {
			for _, k := range []string{"mainEntity", "mainEntityOfPage"} {
				if e, ok := x[k]; ok {
					walkLD(e, depth+1, add)
				}
			}
		}
	}
}

func typeRank(t any) (int, bool) {
	switch x := t.(type) {
	case string:
		r, ok := articleTypes[strings.ToLower(x)]
		return r, ok
	case []any:
		best, found := 99, false
		for _, e := range x {
			if r, ok := typeRank(e); ok && r < best {
				best, found = r, true
			}
		}
		return best, found
	}
	return 0, false
}

func addJSONDate(key, val string, rank int, add func(cand)) {
	st, wall, ok := parseWall(val)
	if !ok {
		return
	}
	kind := kindPublished
	switch key {
	case "dateModified":
		kind = kindModified
	case "dateCreated", "uploadDate":
		rank++
	}
	add(cand{st: st, kind: kind, src: srcJSONLD, rank: rank, raw: key + "=" + val, wall: wall})
}
