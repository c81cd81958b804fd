package content

import (
	"strings"

	"github.com/armswatch/armswatch/extract/jsonld"
)

// ldObjects returns every JSON-LD object of the page, with @graph members and arrays flattened.
// Blocks that do not parse are skipped: pages often carry broken JSON-LD.
func ldObjects(blocks jsonld.Blocks) []map[string]any {
	var out []map[string]any
	var add func(v any)
	add = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				add(e)
			}
		case map[string]any:
			out = append(out, t)
			if g, ok := t["@graph"]; ok {
				add(g)
			}
		}
	}
	for _, b := range blocks {
		add(b.Value)
	}
	return out
}

// ldIsArticle reports whether an object's @type is a kind of article.
func ldIsArticle(o map[string]any) bool {
	for _, t := range ldStrings(o["@type"]) {
		t = strings.ToLower(t)
		if strings.Contains(t, "article") || strings.Contains(t, "posting") || t == "report" || t == "newsarticle" {
			return true
		}
	}
	return false
}

// ldStrings reads a string or a list of strings.
func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldNames reads names from a person/organization value: a string, an object with "name", or a list.
func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case map[string]any:
		if n, ok := t["name"].(string); ok {
			return []string{n}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

// ldArticle returns the page's main article object, if any.
func ldArticle(objs []map[string]any) map[string]any {
	for _, o := range objs {
		if ldIsArticle(o) {
			return o
		}
	}
	return nil
}
