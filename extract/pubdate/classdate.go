package pubdate

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// dateish selects the elements that carry a visible date line by their class or id.
const dateish = `time, [class*=date], [class*=Date], [id*=date], [class*=datum], [class*=time], [class*=meta], [class*=byline], [class*=posted], [class*=publish], [class*=info], [class*=fecha]`

// classDate reads a date written close to the headline: in the headline's ancestors (up to
// three levels), the first date-classed element whose short text holds a date.
func (p *page) classDate() (Stamp, string, bool) {
	h := p.idx.articleH1
	if h == nil {
		h = p.idx.h1
	}
	if h == nil {
		return Stamp{}, "", false
	}
	scope := selection(h).Parent()
	for level := 0; level < 3 && scope.Length() > 0; level++ {
		var found Stamp
		var raw string
		scope.Find(dateish).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			val := attrOr(s, "datetime")
			if val == "" {
				val = shortText(s)
			}
			if val == "" || strings.Contains(strings.ToLower(val), "update") || inComment(s) {
				return true
			}
			if st, ok := parseStamp(val); ok {
				found, raw = st, val
				return false
			}
			return true
		})
		if !found.IsZero() {
			return found, raw, true
		}
		scope = scope.Parent()
	}
	return Stamp{}, "", false
}

// inComment reports whether s sits in a reader comment: its dates are the comment's.
func inComment(s *goquery.Selection) bool {
	for p := s; p.Length() > 0; p = p.Parent() {
		for _, a := range []string{"class", "id"} {
			if strings.Contains(strings.ToLower(p.AttrOr(a, "")), "comment") {
				return true
			}
		}
	}
	return false
}
