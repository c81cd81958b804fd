// Package statements finds who said what in an article body: direct quotes, reported speech and
// transcript turns, each with its speaker resolved to the fullest name the article gives.
//
// The body is read paragraph by paragraph, each cut into sentences of tokens in which a quotation
// is one token. A reporting verb (the cue, from an embedded word list plus the user's) links a
// speaker noun phrase to what was said: after it ("Peskov said that ..."), before it ("...,"
// Peskov said.") or in a prefix ("According to Peskov, ..."). Speakers go through a registry of
// the article's people and institutions, so that surnames, titles and pronouns resolve to the
// name first introduced.
package statements

import (
	"sort"
	"strings"

	"github.com/armswatch/armswatch/extract/textutil"
)

// Statement is one item of the contract's "statements" list.
type Statement struct {
	Kind        string   `json:"kind"` // direct, reported, transcript
	Text        string   `json:"text"`
	Speaker     string   `json:"speaker"`
	SpeakerRole string   `json:"speaker_role"`
	SpeakerKind string   `json:"speaker_kind"` // person, organization or ""
	Cue         string   `json:"cue"`
	Paragraph   int      `json:"paragraph"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Spans       [][2]int `json:"spans"`
}

// Options tune the extraction.
type Options struct {
	Language       string   // "en", "ru"
	ReportingVerbs []string // added to the built-in list
	// Authors and Kind describe the document: a single-voice text ("Press Statement",
	// "Заявление") with one author is that author's statement as a whole.
	Authors []string
	Kind    string
	// Stop, when set, is asked between sentences; once it says true, Extract returns at once
	// with what it found so far (the caller's deadline passed: the caller drops the partial list)
	Stop func() bool
}

// Extract returns the statements of body (paragraphs joined by "\n\n"), in body order.
func Extract(body string, opt Options) []Statement {
	out := []Statement{}
	if strings.TrimSpace(body) == "" {
		return out
	}
	e := newEngine(body, opt)
	e.run()
	e.resolveLeadRoles()
	for _, d := range e.drafts {
		if d.kind == "reported" && inClass("evidence_cues", lower(d.cue)) {
			continue // evidence or a referent, not speech; a quotation "X concluded" stays
		}
		if d.kind == "reported" {
			// a quoted fragment in a noun-phrase object is what was said; another object
			// ("proposed a safe zone", "wrote a children's book") is no clause, no statement
			ts := e.spanTokens(d)
			if !e.quotedObject(d, ts) && !hasVerb(d, ts) {
				continue
			}
		}

		if s, ok := e.statement(d); ok {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// draft is a statement under construction; its speaker entity may still gain a fuller name.
type draft struct {
	kind     string
	spans    [][2]int
	ent      *entity
	m        mention // the mention it came with, for the role of an unresolved speaker
	cue      string
	para     int
	dropped  bool
	quoteEnd bool // ends with a quotation a following quotation may join
}

// qpart is one paragraph's part of a quotation.
type qpart struct {
	outer [2]int
	q     *quote
	idx   int
}

type engine struct {
	opt     Options
	body    string
	paras   []textutil.Paragraph
	locate  textutil.Locator // paragraph of an offset, without rescanning the body each time
	parts   [][]qpart        // per paragraph
	cues    *phraseSet
	reg     registry
	drafts  []*draft
	pending *draft // an unattributed quotation a following "X said." may still claim

	labels  int     // transcript labels in the body
	inTurn  bool    // inside a transcript turn
	turn    *entity // its speaker
	turnM   mention
	curTurn *draft
	colon   *draft     // "He wrote:" closing a paragraph: the next paragraph is the quotation
	docPara int        // 1 + the paragraph of a quotation a document "reads" (0: none)
	toks    tokenCache // the paragraphs' tokens, once run has made them
}

func newEngine(body string, opt Options) *engine {
	e := &engine{body: body, paras: textutil.Paragraphs(body), locate: textutil.NewLocator(body), cues: cueSet(opt.ReportingVerbs), opt: opt}
	e.parts = make([][]qpart, len(e.paras))
	for _, q := range findQuotes(body, e.paras) {
		q.splitInner(e.cues)
		for k, o := range q.outer {
			pi := e.locate.At(o[0])
			e.parts[pi] = append(e.parts[pi], qpart{outer: o, q: q, idx: k})
		}
	}
	for pi := range e.parts {
		if len(e.parts[pi]) > 1 { // (sort.Slice builds a swapper even for nothing to sort)
			sort.Slice(e.parts[pi], func(a, b int) bool { return e.parts[pi][a].outer[0] < e.parts[pi][b].outer[0] })
		}
	}
	return e
}

func (e *engine) run() {
	toks := e.paraTokens()
	e.toks = toks
	if e.singleVoice(toks) {
		return
	}
	for pi := range e.paras {
		pt := toks.of(pi)
		if e.transcript(pi, pt) {
			continue
		}
		if e.dashAttribution(pi, pt) {
			continue
		}
		if pi < 2 && e.isHeadline(pi, toks) {
			continue
		}
		if e.colonQuote(pi, pt) {
			continue
		}
		sents := sentences(pt)
		for si := 0; si < len(sents) && si < 3 && pi < 3; si++ {
			// "Москва. 11 февраля. INTERFAX.RU - Россия ...": the dateline may span sentences
			if k := skipDateline(sents[si]); k > 0 {
				sents[si] = sents[si][k:]
				break
			}
			if len(sents[si]) > 6 {
				break
			}
		}
		for si, s := range sents {
			if e.opt.Stop != nil && e.opt.Stop() {
				return
			}
			var prev, next []token
			if si > 0 {
				prev = sents[si-1]
			}
			if si+1 < len(sents) {
				next = sents[si+1]
			}
			n := len(e.drafts)
			e.sentence(pi, s, prev, next)
			e.introduce(s, len(e.drafts) > n) // after: a name in the content must not shadow the speaker
		}
	}
}

// keptTokens is how many tokens paraTokens keeps: a text of more (a 10 MiB page has 1.6 million,
// 72 bytes each and a lower-case copy of every word) has its later paragraphs tokenized again
// when they are read, one at a time, so the whole text's tokens are never in memory at once.
var keptTokens = 1 << 16 // a variable for the tests

// tokenCache gives each paragraph's tokens.
type tokenCache struct {
	e    *engine
	kept [][]token // the tokens of the first paragraphs, up to keptTokens
}

// paraTokens tokenizes every paragraph once, counting transcript labels, and keeps the tokens
// of as many paragraphs as keptTokens allows.
func (e *engine) paraTokens() tokenCache {
	c := tokenCache{e: e}
	n, keep := 0, true
	for pi := range e.paras {
		t := c.tokenize(pi)
		if _, _, ok := turnLabel(t); ok {
			e.labels++
		}
		if n += len(t); n > keptTokens {
			keep = false
		}
		if keep {
			c.kept = append(c.kept, t)
		}
	}
	return c
}

func (c tokenCache) tokenize(pi int) []token {
	p := c.e.paras[pi]
	return tokenize(c.e.body, p.Start, p.End, c.e.parts[pi])
}

// of returns paragraph pi's tokens; tokenize depends on nothing the analysis changes, so a
// paragraph tokenized again gives the same tokens.
func (c tokenCache) of(pi int) []token {
	if pi < len(c.kept) {
		return c.kept[pi]
	}
	return c.tokenize(pi)
}

// len is the number of paragraphs.
func (c tokenCache) len() int { return len(c.e.paras) }

// statement renders a draft into the contract's item.
func (e *engine) statement(d *draft) (Statement, bool) {
	if d.dropped || len(d.spans) == 0 {
		return Statement{}, false
	}
	d.spans = orderSpans(d.spans)
	texts := make([]string, len(d.spans))
	for i, sp := range d.spans {
		texts[i] = e.body[sp[0]:sp[1]]
	}
	s := Statement{
		Kind: d.kind, Text: strings.Join(texts, " "), Cue: d.cue,
		Start: d.spans[0][0], End: d.spans[len(d.spans)-1][1], Spans: d.spans,
	}
	s.Paragraph = e.locate.At(s.Start)
	switch {
	case d.ent != nil:
		s.Speaker, s.SpeakerRole, s.SpeakerKind = d.ent.name, d.ent.role, d.ent.kind
	case d.m.role != "" || d.m.kind != "":
		s.SpeakerRole, s.SpeakerKind = d.m.role, d.m.kind // "a senior U.S. official": unnamed
	}
	return s, true
}

func (e *engine) add(d *draft) *draft {
	e.drafts = append(e.drafts, d)
	if d.ent != nil {
		e.reg.spoke(d.ent)
	}
	return d
}

// quoteSpans gives the inner ranges of every part of q, marking it used.
func quoteSpans(q *quote) [][2]int {
	q.used = true
	return append([][2]int(nil), q.inner...)
}

// introduce registers the people a sentence names with a title ("Russian President Vladimir
// Putin met ..."), so a later "the Russian leader said" can find them.
func (e *engine) introduce(s []token, spoke bool) {
	first := firstWord(s)
	for i := 0; i < len(s); i++ {
		if !s[i].cap() || i+1 < len(s) && s[i+1].kind == tWord && (s[i+1].cap() || isNameParticle(s[i+1].low)) {
			continue
		}
		from := npStart(s, i)
		if from > i {
			continue
		}
		var appos []token
		if i+2 < len(s) && s[i+1].is(",") {
			// "Matthew Miller, Department Spokesperson"
			k := i + 2
			for k < len(s) && s[k].kind == tWord && k-i <= 8 {
				k++
			}
			if hasRoleWord(joinTokens(s[i+2 : k])) {
				appos = s[i+2 : k]
			}
		}
		for k := i; k > from; k-- {
			if s[k].is("and") {
				// "U.S. President Joe Biden and Russian President Vladimir Putin": each one
				if l := parseMention(s[from:k], nil); l.kind == "person" && hasRoleWord(l.role) && twoWords(l.name) {
					e.reg.person(l.name, l.role)
				}
				from = k + 1
				break
			}
		}
		m := parseMention(s[from:i+1], appos)
		if m.kind != "person" || m.name == "" || isCyrillic(m.name) && from != first {
			// Russian names inflect: only a sentence's subject is surely in the nominative
			continue
		}
		var ent *entity
		switch {
		case hasRoleWord(m.role) && (twoWords(m.name) || from == first && titleOnly(m.role)):
			// "Deputy Secretary Landau met ...": a titled subject, even by surname only
			ent = e.reg.person(m.name, m.role)
		case from == first && !spoke:
			ent = e.reg.known(m.name) // "Trump made the announcement. He wrote:"
		}
		if ent != nil && from == first && !spoke {
			e.reg.spoke(ent) // the subject of a sentence is what a following "he" points at
		}
	}
}

// titleOnly tells whether a role is made of title words only ("Deputy Secretary"), so that a
// single capitalised word after it is a surname, not the end of a longer title.
func titleOnly(role string) bool {
	l := builtin()
	for w := range strings.FieldsSeq(lower(role)) {
		if !isRoleWord(w) && !l.modifiers[w] && !l.titles[w] {
			return false
		}
	}
	return true
}

// orderSpans sorts spans and drops any that overlap an earlier one, so that start and end
// bound them and their texts join in body order.
func orderSpans(sp [][2]int) [][2]int {
	sort.Slice(sp, func(i, j int) bool { return sp[i][0] < sp[j][0] })
	out := sp[:0]
	for _, s := range sp {
		if s[1] <= s[0] || len(out) > 0 && s[0] < out[len(out)-1][1] {
			continue
		}
		out = append(out, s)
	}
	return out
}

// twoWords tells whether s has two fields or more, as len(strings.Fields(s)) >= 2 does,
// without making the slice.
func twoWords(s string) bool {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n == 2 {
			return true
		}
	}
	return false
}

func hasRoleWord(role string) bool {
	for w := range strings.FieldsSeq(lower(role)) {
		if isRoleWord(w) {
			return true
		}
	}
	return false
}

// isHeadline tells whether paragraph pi is a headline left in the body: no closing punctuation,
// and the next paragraph opens with a dateline.
func (e *engine) isHeadline(pi int, toks tokenCache) bool {
	t := toks.of(pi)
	if len(t) == 0 || pi+1 >= toks.len() || t[len(t)-1].isPunct(".!?") || t[len(t)-1].kind == tQuote {
		return false
	}
	next := sentences(toks.of(pi + 1))
	return len(next) > 0 && (skipDateline(next[0]) > 0 || len(next) > 1 && isDatelineSentence(next[0]))
}

// isDatelineSentence: "MOSCOW, October 21." / "МОСКВА, 31 октября." cut off as a sentence.
func isDatelineSentence(s []token) bool {
	return len(s) > 0 && len(s) <= 8 && s[0].cap() && strings.ToUpper(s[0].text) == s[0].text && len([]rune(s[0].text)) > 2
}

// singleVoice makes a single-voice document (a press statement, an address) one transcript
// statement of its only author, as a turn over all its paragraphs. It reports whether it did.
func (e *engine) singleVoice(toks tokenCache) bool {
	if e.labels > 0 || len(e.opt.Authors) != 1 || !builtin().singleVoice[strings.TrimSpace(lower(e.opt.Kind))] {
		return false
	}
	author := e.opt.Authors[0]
	at := tokenize(author, 0, len(author), nil)
	m := parseMention(at, nil)
	if m.kind != "person" || m.name == "" {
		return false
	}
	ent := e.reg.resolve(m)
	for pi := range e.paras {
		e.addTurn(pi, toks.of(pi), 0, ent, m, pi > 0)
	}
	return true
}

// resolveLeadRoles gives a speaker to a role used in the lead before the person is named ("The
// head of the U.N. nuclear watchdog said ... . ... Director General Rafael Grossi told"), a
// news convention; later in the text an unresolved role stays unresolved.
func (e *engine) resolveLeadRoles() {
	for _, d := range e.drafts {
		if d.ent == nil && d.para <= 1 && d.m.descriptor != "" && d.m.kind == "person" && !d.m.indefinite {
			d.ent = e.reg.byRole(d.m.descriptor)
		}
	}
}
