// Package mentions finds treaties, weapon systems, organisations, people and countries named in
// an article body.
package mentions

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/textutil"
)

// Mention is one item of the contract's "mentions" list.
type Mention struct {
	Type      string `json:"type"` // treaty, weapon, organization, person, country
	ID        string `json:"id"`
	Name      string `json:"name"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Speaker is a speaker the statements analyzer resolved, so people outside the lexicon are
// mentioned under the same canonical name.
type Speaker struct {
	Name string
	Kind string // person, organization
}

// Options carry what the other analyzers already know.
type Options struct {
	Speakers []Speaker
	Skip     [][2]int // byte ranges not to search (the dateline)
	Year     int      // the year the text is about (decides "START" alone); 0: from the text
	// Read is the lexicon's reading of the body (lex.Read(body)) the page's analyzers share;
	// nil, or with Year set, the body is read here.
	Read *lexicon.Reading
}

// Extract returns the mentions of body, one per occurrence, in text order.
func Extract(body string, lex *lexicon.Lexicon, opt Options) []Mention {
	if lex == nil {
		lex = lexicon.Default()
	}
	skip := opt.Skip
	if skip == nil {
		skip = datelineSpan(body)
	}
	c := newCollector(body, skip)
	var found, roles []lexicon.Match
	if opt.Read != nil && opt.Read.Text() == body {
		roles = opt.Read.FindRoles()
	} else {
		roles = lex.FindRoles(body)
	}
	if opt.Read != nil && opt.Year == 0 && opt.Read.Text() == body {
		found = opt.Read.Find()
	} else {
		found = lex.Find(body, opt.Year)
	}
	for _, m := range found {
		if m.Place && placeUse(body, m.Start) || m.Bare && qualified(body, m.Start) {
			continue
		}
		if c.add(Mention{Type: m.Class, ID: m.Entry.ID, Name: m.Entry.Name, Text: m.Text, Start: m.Start, End: m.End}) &&
			m.Class == "organization" {
			c.nested(lex, m)
		}
	}
	people(c, lex, opt.Speakers, roles)
	organizations(c, lex, opt.Speakers)
	sort.Slice(c.out, func(i, j int) bool { return c.out[i].Start < c.out[j].Start })
	paras := textutil.NewLocator(body)
	for i := range c.out {
		c.out[i].Paragraph = paras.At(c.out[i].Start)
	}
	if c.out == nil {
		return []Mention{}
	}
	return c.out
}

// collector keeps the mentions found so far and refuses overlapping or skipped spans.
type collector struct {
	body string
	out  []Mention
	// taken marks the body's bytes already covered by a mention or a skipped span, one bit per
	// byte: checking a candidate costs its own length, not the number of mentions found so far
	// (a long transcript naming its speakers a thousand times made that quadratic).
	taken []uint64
}

func newCollector(body string, skip [][2]int) *collector {
	c := &collector{body: body, taken: make([]uint64, len(body)/64+1)}
	for _, s := range skip {
		c.mark(max(s[0], 0), min(s[1], len(body)))
	}
	return c
}

func (c *collector) mark(start, end int) {
	for i := start; i < end; i++ {
		c.taken[i/64] |= 1 << (i % 64)
	}
}

func (c *collector) free(start, end int) bool {
	if start < 0 || end > len(c.body) {
		return false
	}
	for i := start; i < end; i++ {
		if c.taken[i/64]&(1<<(i%64)) != 0 {
			return false
		}
	}
	return true
}

func (c *collector) add(m Mention) bool {
	if m.Start >= m.End || !c.free(m.Start, m.End) {
		return false
	}
	c.mark(m.Start, m.End)
	c.out = append(c.out, m)
	return true
}

// nested adds the countries named inside an organisation's name: "Министерство обороны РФ" and
// "US Senate" name the state too.
func (c *collector) nested(lex *lexicon.Lexicon, m lexicon.Match) {
	for _, x := range lex.FindCountries(m.Text) {
		if x.Class == "country" && !x.Place && (x.Start > 0 || x.End < len(m.Text)) {
			c.out = append(c.out, Mention{Type: "country", ID: x.Entry.ID, Name: x.Entry.Name, Text: x.Text,
				Start: m.Start + x.Start, End: m.Start + x.End})
		}
	}
}

// qualified tells a generic name preceded by another qualifier: "China's Foreign Ministry",
// "the Iranian Foreign Ministry".
func qualified(body string, start int) bool {
	w := wordBefore(body[:start])
	if w == "" {
		return false
	}
	if w == "s" {
		return true // a possessive
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !strings.HasPrefix(w, "Russia")
}

// placeWords make a capital a place rather than the government it often stands for ("talks in
// Moscow" vs "Moscow said").
var placeWords = map[string]bool{"in": true, "to": true, "from": true, "at": true, "near": true, "outside": true,
	"around": true, "via": true, "into": true, "across": true, "visit": true, "visited": true, "visiting": true,
	"в": true, "во": true, "из": true, "под": true, "через": true, "около": true, "по": true}

func placeUse(body string, start int) bool {
	w := strings.ToLower(wordBefore(body[:start]))
	return placeWords[w]
}

// lastWord returns the word just before the end of s (letters only, spaces before the end
// skipped), or "".
func wordBefore(s string) string {
	return textutil.LastWord(strings.TrimRightFunc(s, unicode.IsSpace))
}

// Slug makes the id of a name outside the lexicon: lower case, words joined by "_".
func Slug(name string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(f)
	}
	return b.String()
}
