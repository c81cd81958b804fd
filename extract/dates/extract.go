package dates

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/textutil"
)

// cand is a found mention before it becomes a Date.
type cand struct {
	start, end int
	kind       string
	value      string
	valueEnd   *string
	gran       string
	// resolve, when set, gives value once pick has kept the candidate: reading the tense of the
	// sentence (inferYear, future) was most of resolving, and a mention inside a longer one
	// ("October 21" of "October 21, 2020") is dropped. It is set only where the value alone
	// waits on it: whether there is a candidate, and its span, are known.
	resolve func() string
}

// context is what resolution needs besides the match: the reference date.
type context struct {
	ref    time.Time // zero when neither dateline nor publication date is known
	hasRef bool
}

// Extract returns the date mentions of body. ref is the date relative expressions resolve
// against (the dateline's date, else the publication date; zero when neither is known).
func Extract(body string, dl *Dateline, ref time.Time) []Date {
	out := []Date{}
	if body == "" {
		return out
	}
	ctx := &context{ref: midnight(ref), hasRef: !ref.IsZero()}
	var cands []cand
	nd := ruleNeeds()
	// Paragraph by paragraph: no mention spans two, and short inputs keep Go's regexp on its
	// fast backtracking path.
	for _, p := range textutil.Paragraphs(body) {
		year := !skipYearless || hasYearLike(p.Text)
		var ws *words // made when a windowed rule first needs it
		held := nd.index.held(p.Text)
		for i, r := range rules() {
			if held&nd.masks[i] != nd.masks[i] || !year && r.pat.year() {
				continue
			}
			one := [1][2]int{{0, len(p.Text)}} // the whole paragraph, without allocating it per rule
			wins := one[:]
			if w := r.pat.win(); w.reach >= 0 && windowed {
				if ws == nil {
					ws = newWords(p.Text)
				}
				wins = ws.spansOf(w)
			}
			for _, w := range wins {
				if len(wins) > 1 || w[1]-w[0] < len(p.Text) {
					if !hasAll(p.Text[w[0]:w[1]], r.pat.inWindow) {
						continue // no match here holds the month (or digit) every accepted one has
					}
				}
				for _, ix := range r.pat.findAll(p.Text[w[0]:w[1]]) {
					for k := range ix {
						if ix[k] >= 0 {
							ix[k] += p.Start + w[0]
						}
					}
					if skipInDateline && within(dl, ix[0], ix[1]) {
						continue // pick drops it: the dateline's span is taken (its date has its own item)
					}
					if c, ok := r.apply(body, ix, ctx); ok {
						cands = append(cands, c)
					}
				}
			}
		}
	}
	var taken [][2]int
	if dl != nil {
		taken = append(taken, [2]int{dl.Start, dl.End})
		if s, e, ok := dl.DateSpan(); ok {
			cands = append(cands, cand{start: s, end: e, kind: KindDateline, value: *dl.Date, gran: Day})
			taken = nil // the dateline item itself sits inside the dateline span
			taken = append(taken, [2]int{dl.Start, s}, [2]int{e, dl.End})
		}
	}
	paras := textutil.NewLocator(body)
	for _, c := range pick(cands, taken) {
		if c.resolve != nil {
			c.value = c.resolve()
		}
		out = append(out, Date{Text: body[c.start:c.end], Kind: c.kind, Value: c.value, ValueEnd: c.valueEnd,
			Granularity: c.gran, Paragraph: paras.At(c.start), Start: c.start, End: c.end})
	}
	return out
}

// within reports whether body[start:end] lies inside the dateline's span. Every candidate a match
// gives lies inside the match (rules that narrow it keep its end), and pick drops any candidate
// overlapping the dateline, so such a match is not resolved at all: resolving reads the tense of
// the sentence around it, and every TASS dateline's "October 21" would pay for it.
func within(dl *Dateline, start, end int) bool {
	return dl != nil && dl.Start < dl.End && dl.Start <= start && end <= dl.End && start < end
}

// skipInDateline: see within; a variable for the test that compares with resolving them.
var skipInDateline = true

// skipYearless skips the rules whose matches hold a year in paragraphs that have none (the
// regexps are most of the date finder's time); a variable for the tests.
var skipYearless = true

// windowed runs the rules that can on the windows around digits only (windows.go); a variable
// for the test that compares windows with whole paragraphs.
var windowed = true

// apply turns one match (offsets into body) into a candidate.
func (r rule) apply(body string, ix []int, ctx *context) (cand, bool) {
	if !bounded(body, ix[0], ix[1]) {
		return cand{}, false
	}
	m := match{rule: r.name, body: body, start: ix[0], end: ix[1], ctx: ctx}
	for g := 1; g < len(ix)/2; g++ {
		s := ""
		if ix[2*g] >= 0 {
			s = body[ix[2*g]:ix[2*g+1]]
		}
		m.groups = append(m.groups, s)
	}
	c, ok := r.make(m)
	if ok && c.end == 0 {
		c.start, c.end = m.start, m.end
	}
	return c, ok
}

// pick keeps the longest mentions first and drops any that overlap a kept one or a taken span,
// then orders them as the text does. The dateline's own item always wins its span.
func pick(cands []cand, taken [][2]int) []cand {
	sort.SliceStable(cands, func(i, j int) bool {
		if (cands[i].kind == KindDateline) != (cands[j].kind == KindDateline) {
			return cands[i].kind == KindDateline
		}
		li, lj := cands[i].end-cands[i].start, cands[j].end-cands[j].start
		if li != lj {
			return li > lj
		}
		return cands[i].start < cands[j].start
	})
	var kept []cand
	for _, c := range cands {
		free := true
		for _, t := range taken {
			if c.start < t[1] && t[0] < c.end {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		kept = append(kept, c)
		taken = append(taken, [2]int{c.start, c.end})
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func midnight(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// futureMarks are words that put an event ahead of the reference ("will meet on Tuesday"),
// screened: most sentences hold none, and the long alternation was a third of the finder's time.
var futureMarks = sync.OnceValue(func() screenedRegexp { return compileScreened(futurePattern) })

const futurePattern = `(?i)(?:['’]ll|(?:^|[^\p{L}])(?:will|won't|would|shall|is to|are to|is due|are due|is set to|are set to|is scheduled|are scheduled|plans? to|planning to|intends? to|is expected to|are expected to|going to|upcoming|будет|будут|буду|будем|состоится|состоятся|пройдет|пройдёт|пройдут|планирует|планируют|намерен|намерена|намерены|собирается|собираются|проведет|проведёт|проведут|ожидается))(?:[^\p{L}]|$)`

// pastPlan ends a text where "was" or "were" stands right before a future marker: "was planning
// to hold ... on Thursday" tells of a plan in the past, and its day has passed.
var pastPlan = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:was|were)[ \x{00A0}]+[^\p{L}]?$`)
})

// pastMarks are past-tense verbs: after a future marker they take the clause back to the past
// ("Russia will continue ..., Ryabkov told Sputnik on Friday"). Passives ("will be held") are
// not past.
var pastMarks = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(be|been|being)[ \x{00A0}]+)?(said|told|stated|announced|noted|added|met|held|was|were|had|took|made|spoke|wrote|began|came|went|[a-z]{2,}ed|[а-яё]{2,}(?:л|ла|ли|ло))(?:[^\p{L}]|$)`)
})

// future reports whether the sentence around a mention speaks of what is ahead: a future marker
// before the mention in its clause with no past verb after it, or, when the sentence opens with
// the mention, a future marker before any past verb after it.
func (m match) future() bool {
	para := strings.LastIndex(m.body[:m.start], textutil.ParagraphSep)
	from := para + 1
	if para < 0 {
		from = 0
	}
	prefix := m.body[from:m.start]
	prefix = prefix[lang.LastSentenceStart(prefix):]
	if locs := futureMarks().FindAllStringIndex(prefix, -1); locs != nil {
		last := locs[len(locs)-1]
		return !pastPlan().MatchString(prefix[:last[0]+1]) && !hasPast(prefix[last[1]:])
	}
	if len(strings.TrimSpace(prefix)) > 3 { // not "On Friday, the delegations will meet ..."
		return false
	}
	rest := clauseAfter(m.body[m.end:])
	f := futureMarks().FindStringIndex(rest)
	return f != nil && !hasPast(rest[:f[0]])
}

// past reports whether the clause governing a mention is in the past tense: a past verb before
// it in its sentence with no future marker after that, or, for a sentence that opens with the
// mention, a past verb before any future marker ("On February 1, Washington announced ...").
func (m match) past() bool {
	from := strings.LastIndex(m.body[:m.start], textutil.ParagraphSep) + 1
	prefix := m.body[from:m.start]
	prefix = prefix[lang.LastSentenceStart(prefix):]
	if len(strings.TrimSpace(prefix)) > 3 {
		near := prefix[max(0, len(prefix)-pastWindow):] // the verb governing the mention is close by
		return hasPast(near) && !futureMarks().MatchString(prefix)
	}
	rest := clauseAfter(m.body[m.end:])
	if f := futureMarks().FindStringIndex(rest); f != nil {
		rest = rest[:f[0]]
	}
	return hasPast(rest)
}

// pastWindow is how far before a mention (bytes) a past verb is read as governing it.
const pastWindow = 50

func hasPast(s string) bool {
	for _, m := range pastMarks().FindAllStringSubmatch(s, -1) {
		if m[1] == "" {
			return true
		}
	}
	return false
}

// clauseAfter returns the rest of the sentence that rest continues, up to its stop or the end of
// the line: "the U.S." does not end it.
func clauseAfter(rest string) string { return rest[:lang.FirstSentenceEnd(rest)] }

// hasAll reports whether text holds one string of every group of need (nil: no condition).
func hasAll(text string, need [][]string) bool {
	for _, group := range need {
		found := false
		for _, n := range group {
			if strings.Contains(text, n) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
