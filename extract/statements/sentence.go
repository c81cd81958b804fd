package statements

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

// attribution links a speaker to a cue in a sentence.
type attribution struct {
	m        mention
	ent      *entity
	resolved bool
	cue      string
	same     bool // "... and added that": the previous attribution's speaker
	// resume > 0: the content goes on after the attribution, from this token ("The decision,
	// Peskov said, could be reversed"): a second span
	resume int
	// prevSentence: the content is the sentence before ("Об этом заявил Песков.")
	prevSentence bool
	split        bool // a quotation split by its attribution: the content is its quotations
}

// claim is a token range of a sentence already given to a statement.
type claim struct{ from, to int }

// sentence finds the statements of one sentence s of paragraph pi; next is the following
// sentence of the paragraph (nil at its end).
func (e *engine) sentence(pi int, s []token, prevSent, next []token) {
	var claims []claim
	var prev *attribution
	var lastDirect *draft
	claimed := func(i int) bool {
		for _, c := range claims {
			if i >= c.from && i < c.to {
				return true
			}
		}
		return false
	}
	question := len(s) > 0 && s[len(s)-1].isPunct("?")
	if !question {
		e.frontedQuestion(pi, s)
	}
	var reportedIn []claim // contents of reported statements: a named subject inside may speak too
	nested := func(i int) bool {
		for _, c := range reportedIn {
			if i > c.from && i < c.to {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s) && !question; i++ {
		inner := nested(i)
		if claimed(i) && !inner {
			continue
		}
		a, cFrom, cTo, stop, ok := e.attribute(s, i, prev)
		if !ok {
			continue
		}
		if inner && (a.m.name == "" || a.same || a.prevSentence || a.resume > 0 || cFrom < i) {
			continue // inside what someone said, only "Putin proposed ..." with a name counts
		}
		if inner {
			cTo = causeCut(s, cFrom, cTo) // the reason given is the outer speaker's
		}
		cTo = frontedEnd(s, i, cFrom, cTo)
		if a.prevSentence {
			if len(prevSent) > 0 && !e.hasDraftIn(prevSent[0].start, prevSent[len(prevSent)-1].end) {
				f, t := trimRange(prevSent, 0, len(prevSent))
				e.emit(pi, prevSent[f:t], nil, a)
			}
			break
		}
		var rest []token
		if a.resume > 0 {
			rf, rt := trimRange(s, a.resume, contentEnd(s, a.resume, e.cues))
			rest = s[rf:rt]
			stop = rt
			if f, t := trimRange(s, cFrom, cTo); isCircumstantialPhrase(s[f:t]) {
				cFrom, cTo = 0, 0
			}
		}
		if isNamingCue(a.cue) && !a.split {
			cTo = namedEnd(s, cFrom, cTo) // "which Moscow called "..." expires": the name only
		}
		cFrom, cTo = trimRange(s, cFrom, cTo)
		if cFrom >= cTo && len(rest) > 0 {
			cFrom, cTo, rest = indexOf(s, rest[0]), indexOf(s, rest[len(rest)-1])+1, nil
		}
		if cFrom >= cTo {
			// "Peskov said." after a quotation that had no attribution of its own
			switch {
			case e.pending != nil && len(claims) == 0:
				e.reattribute(e.pending, a)
			case next == nil && s[len(s)-1].is(":") && !a.same:
				// "He wrote:" at the end of a paragraph: the quotation is the next one
				ent := e.reg.resolve(a.m)
				e.reg.spoke(ent)
				e.colon = &draft{kind: "direct", ent: ent, m: a.m, cue: a.cue}
			}
			i = stop - 1
			continue
		}
		d := e.emit(pi, s[cFrom:cTo], rest, a)
		if d == nil {
			continue
		}
		e.pending = nil
		claims = append(claims, claim{min(cFrom, i), max(cTo, stop)})
		if d.kind == "reported" && cFrom > i {
			reportedIn = append(reportedIn, claim{cFrom, cTo})
			cTo = cFrom + 1 // scan the content for a nested speaker, then go on after it
		}
		if !inner {
			// "Merrill says Machado promised ... and said ...": the outer speaker goes on. A copy:
			// taking a's own address would put every token's attribution on the heap.
			outer := a
			outer.ent, outer.resolved = d.ent, true
			prev = &outer
		}
		if d.kind == "direct" {
			lastDirect = d
		}
		if cTo > i {
			i = cTo - 1 // content after the cue: continue after it (later cues may cut it)
		} else {
			i = stop - 1
		}
	}
	if k := colonQuoteAt(s); k > 0 && !question && !claimed(k) && !claimed(k+1) {
		e.colonSentence(pi, s, k)
	} else if k, m := commaQuoteAt(s); k > 0 && !question && !claimed(k) && !claimed(k+1) {
		e.emit(pi, s[k+1:k+2], nil, attribution{m: m, cue: s[k-1].text})
	}
	e.looseQuotes(pi, s, next, claimed, lastDirect)
}

// colonQuoteAt finds a colon followed by a quotation that ends the sentence ("Trump leaned in
// and boomed: "..."", "... surprises pollster Daron Shaw: "...""), and returns its index (0 if
// none).
func colonQuoteAt(s []token) int {
	for k := 1; k+1 < len(s); k++ {
		if s[k].is(":") && s[k+1].kind == tQuote && !s[k+1].q.used && onlyPunctBetween(s, k+2, len(s)) {
			return k
		}
	}
	return 0
}

// commaQuoteAt finds a sentence made of a subject, its verb, a comma and a closing quotation
// of a whole sentence ("He jokes, “It’s a never ending line!”", "Silverman interjected, “...”"):
// whatever verb the subject speaks with, the quotation is its words. It returns the comma's
// index and the subject, or 0.
func commaQuoteAt(s []token) (int, mention) {
	f := firstWord(s)
	for k := 2; k+1 < len(s); k++ {
		if !s[k].is(",") || s[k+1].kind != tQuote || s[k+1].q.used || !onlyPunctBetween(s, k+2, len(s)) {
			continue
		}
		v := s[k-1]
		if v.kind != tWord || v.cap() || !(pastForm(v.low) || presentThirdPerson(v)) || words(s[k+1].text) < 2 {
			return 0, mention{}
		}
		if !startsUpper(strings.TrimLeft(s[k+1].text, "\"'“”‘’«„ ")) {
			return 0, mention{}
		}
		j := k - 2
		if from := npStart(s, j); from != f || from > j {
			return 0, mention{}
		}
		m := parseMention(s[f:j+1], nil)
		if !m.valid() || m.plural && m.name == "" {
			return 0, mention{}
		}
		return k, m
	}
	return 0, mention{}
}

// startsUpper tells whether text opens with an upper-case letter. (A function of its own, so
// that token.cap inlines: a call of a method of the whole token copied it.)
func startsUpper(text string) bool {
	if text != "" && text[0] < utf8.RuneSelf {
		return 'A' <= text[0] && text[0] <= 'Z' // unicode.IsUpper of an ASCII byte
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// colonSentence makes the quotation after the colon at k a direct statement of the name just
// before the colon, or else of the sentence's subject: whatever verb leads to a colon and a
// closing quotation introduces words said.
func (e *engine) colonSentence(pi int, s []token, k int) {
	_, m := subjectBefore(s, k-1)
	if m.name == "" {
		if m = subjectAtStart(s[:k]); !m.valid() || m.plural && m.name == "" {
			return
		}
	}
	e.emit(pi, s[k+1:k+2], nil, attribution{m: m, cue: ":"})
}

// looseQuotes handles the quotations of s that no cue claimed: the second half of a split quote,
// a quoted paragraph that continues the previous speaker, or a scare quote (ignored).
func (e *engine) looseQuotes(pi int, s []token, next []token, claimed func(int) bool, lastDirect *draft) {
	sw := -1 // sentenceWords(s), counted when first needed: most sentences hold no quotation
	sentWords := func() int {
		if sw < 0 {
			sw = sentenceWords(s)
		}
		return sw
	}
	for i, t := range s {
		if t.kind != tQuote || claimed(i) || t.q.used {
			continue
		}
		if int(t.part) < len(t.q.outer)-1 {
			continue // the quotation goes on in the next paragraph: decide there
		}
		if t.q.attr[1] > 0 {
			// «…, — сказал он. — …»: the attribution inside the marks
			toks := tokenize(e.body, t.q.attr[0], t.q.attr[1], nil)
			n := e.cues.match(toks, 0)
			m := parseMention(toks[n:], nil)
			d := &draft{kind: "direct", spans: quoteSpans(t.q), para: pi, m: m, cue: joinTokens(toks[:n]), quoteEnd: true}
			d.ent = e.reg.resolve(m)
			lastDirect = e.add(d)
			continue
		}
		if documentTail(s[i+1:]) {
			e.docPara = pi + 1 // the document's quoted text may go on in this paragraph
			lastDirect = nil
			continue
		}
		qw := quoteWords(t.q)
		join := lastDirect
		if join == nil && !(i == leadingQuote(s) && orphanAttribution(next)) {
			join = e.quoteJoinTarget(pi) // (not "“...?” / Clinton said.": that names its own speaker)
		}
		if n := len(e.drafts); join == nil && n > 0 && t.part > 0 && e.drafts[n-1].quoteEnd && e.drafts[n-1].para == t.q.para {
			join = e.drafts[n-1] // “…,” he said. “… (next paragraph) …”: one quotation
		}
		switch {
		case join != nil && (join.kind == "direct" || join.quoteEnd) && join.spans[len(join.spans)-1][1] < t.start:
			join.spans = append(join.spans, quoteSpans(t.q)...)
		case e.docPara == pi+1 && join == nil:
			// more of a document quoted with "…," the letter reads: no one's words either
		case i == leadingQuote(s) && (t.part > 0 || 2*wordsIn(t) >= sentWords()) && (qw >= 4 || onlyQuote(s)):
			if orphanAttribution(next) {
				d := e.add(&draft{kind: "direct", spans: quoteSpans(t.q), para: pi, quoteEnd: true})
				e.pending = d
				continue
			}
			d := e.add(&draft{kind: "direct", spans: quoteSpans(t.q), para: pi, quoteEnd: true, ent: e.reg.last, cue: ""})
			e.pending = d
			lastDirect = d
		}
	}
}

// documentTail tells whether the words after a quotation say that a document reads so
// ("…,” the letter reads. / "…," read the statement): the quoted text is a document's, which
// no cue of speaking introduces, not a statement of the last speaker.
func documentTail(rest []token) bool {
	n := 0
	for _, t := range rest {
		switch {
		case t.kind == tQuote:
			return false
		case t.kind == tWord && t.inClass("document_text_verbs"):
			return true
		case t.kind == tWord:
			if n++; n > 4 {
				return false
			}
		case t.isPunct(".;!?"):
			return false
		}
	}
	return false
}

// quoteJoinTarget finds the statement of paragraph pi that a following quotation goes on: the
// latest one ending with a quotation, past the participle statements its speaker added after it
// ("“...,” Hedge said, referring to the resorts. “...”"), or nil.
func (e *engine) quoteJoinTarget(pi int) *draft {
	last := e.lastDraftIn(pi)
	for k := len(e.drafts) - 1; last != nil && k >= 0; k-- {
		d := e.drafts[k]
		if d.para != pi || d.ent != last.ent {
			return nil
		}
		if d.quoteEnd {
			return d
		}
	}
	return nil
}

func (e *engine) lastDraftIn(pi int) *draft {
	if n := len(e.drafts); n > 0 && e.drafts[n-1].para == pi {
		return e.drafts[n-1]
	}
	return nil
}

// reattribute gives a pending quotation the speaker of a following bare attribution.
func (e *engine) reattribute(d *draft, a attribution) {
	ent := e.reg.resolve(a.m)
	d.ent, d.m, d.cue = ent, a.m, a.cue
	if ent != nil {
		e.reg.spoke(ent)
	}
	e.pending = nil
}

// emit makes the statement of content c under attribution a.
func (e *engine) emit(pi int, c, c2 []token, a attribution) *draft {
	var qs []*quote
	qw, tw := 0, 0
	all := c
	if len(c2) > 0 {
		all = append(append([]token(nil), c...), c2...)
	}
	fresh := false
	for _, t := range all {
		if t.kind == tWord || t.kind == tQuote && !t.q.used {
			fresh = true
		}
	}
	if !fresh {
		return nil // "...,” he stressed." after a quotation already given to its speaker
	}
	for _, t := range all {
		switch t.kind {
		case tQuote:
			if t.q.used {
				continue
			}
			if len(qs) == 0 || qs[len(qs)-1] != t.q {
				qs = append(qs, t.q)
				qw += quoteWords(t.q)
				tw += quoteWords(t.q)
			}
		case tWord:
			tw++
		}
	}
	d := &draft{para: pi, m: a.m, cue: a.cue}
	switch {
	case len(qs) > 0 && (a.split || quoteIsContent(all, tw-qw)):
		d.kind = "direct"
		for _, q := range qs {
			d.spans = append(d.spans, quoteSpans(q)...)
		}
		d.quoteEnd = all[len(all)-1].kind == tQuote
	case (alphaWords(all) >= 3 || alphaWords(all) == 2 && c[0].kind == tWord && afterThat(e.body, c[0].start)) &&
		contentWords(all) >= 2 && !circumstanceOnly(all) || pronounClauseOnly(all):
		// two words are enough after "that": "заявил, что переговоры продолжатся"
		d.kind = "reported"
		d.quoteEnd = all[len(all)-1].kind == tQuote // The deal "looks out for ...," he wrote. "..."
		d.spans = [][2]int{{c[0].start, c[len(c)-1].end}}
		if len(c2) > 0 {
			d.spans = append(d.spans, [2]int{c2[0].start, c2[len(c2)-1].end})
		}
	default:
		return nil
	}
	switch {
	case a.resolved:
		d.ent = a.ent
	default:
		d.ent = e.reg.resolve(a.m)
	}
	return e.add(d)
}

// pronounClauseOnly tells whether c is a short clause with a personal pronoun subject and its
// finite verb ("he would", "she could", "he makes $41,000 a year"): few content words, yet a
// whole clause of what was said.
func pronounClauseOnly(c []token) bool {
	if len(c) < 2 || c[0].kind != tWord || c[1].kind != tWord || isCyrillic(c[0].low) {
		return false
	}
	if !isSubjectPronoun(c[0].low) && !c[0].inClass("first_person_subjects") {
		return false
	}
	w := strings.ReplaceAll(c[1].low, "’", "'")
	return finiteMarker(w) || pastForm(w) || alphaWords(c) >= 3 && strings.HasSuffix(w, "s")
}

// afterThat tells whether the body has "that" or "что" (and maybe a comma) just before at.
func afterThat(body string, at int) bool {
	b := strings.TrimRight(body[:at], " \u00a0,")
	for _, w := range []string{" that", " что"} {
		if strings.HasSuffix(b, w) {
			return true
		}
	}
	return false
}

// quoteWords counts the words inside a quotation, once: emit asks it of every quotation of each
// content it weighs. (The parts are final by then: only newEngine's splitInner changes them.)
func quoteWords(q *quote) int {
	if q.words == 0 {
		n := 0
		for _, sp := range q.inner {
			n += words(bodyOf(q, sp))
		}
		q.words = n + 1
	}
	return q.words - 1
}

// bodyOf is set by the engine's body; quotes keep no pointer to it, so use the part's text.
func bodyOf(q *quote, sp [2]int) string { return q.text(sp) }

func wordsIn(t token) int {
	if t.kind == tQuote {
		return words(t.text)
	}
	return 1
}

func sentenceWords(s []token) int {
	n := 0
	for _, t := range s {
		n += wordsIn(t) * boolInt(t.kind != tPunct)
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// leadingQuote is the index of the first quotation of s if only punctuation or dashes precede it.
func leadingQuote(s []token) int {
	for i, t := range s {
		switch t.kind {
		case tQuote:
			return i
		case tWord:
			return -1
		}
	}
	return -1
}

func onlyQuote(s []token) bool {
	n := 0
	for _, t := range s {
		switch t.kind {
		case tQuote:
			n++
		case tWord:
			return false
		}
	}
	return n == 1
}

// trimRange drops punctuation at both ends of s[from:to], but keeps a closing bracket.
func trimRange(s []token, from, to int) (int, int) {
	for from < to && s[from].isPunct(",.;:!?)]"+dashes) {
		from++
	}
	for to > from && s[to-1].isPunct(",.;:!?(["+dashes) {
		to--
	}
	return from, to
}

// colonQuote makes paragraph pi the quotation announced by "He wrote:" at the end of the
// paragraph before it. It reports whether it did.
func (e *engine) colonQuote(pi int, toks []token) bool {
	d := e.colon
	e.colon = nil
	if d == nil || len(toks) == 0 {
		return false
	}
	if len(toks) == 1 && toks[0].kind == tQuote {
		if toks[0].q.used {
			return false
		}
		d.spans = quoteSpans(toks[0].q)
	} else {
		s, end := trimSpan(e.body, toks[0].start, toks[len(toks)-1].end)
		d.spans = [][2]int{{s, end}}
		for _, t := range toks {
			if t.kind == tQuote {
				t.q.used = true
			}
		}
	}
	d.para = pi
	e.add(d)
	return true
}

// indexOf finds token t in s by its offset.
func indexOf(s []token, t token) int {
	for i := range s {
		if s[i].start == t.start {
			return i
		}
	}
	return -1
}

// hasDraftIn tells whether a statement already starts within [from, to).
func (e *engine) hasDraftIn(from, to int) bool {
	for _, d := range e.drafts {
		if d.spans[0][0] >= from && d.spans[0][0] < to {
			return true
		}
	}
	return false
}

// isCircumstantialPhrase: a short time phrase ("28 октября", "On Tuesday") is no content.
func isCircumstantialPhrase(ts []token) bool {
	if len(ts) == 0 || len(ts) > 4 {
		return len(ts) == 0
	}
	for _, t := range ts {
		if isNumber(t.text) || isWeekday(t.low) || t.in(cTimeWords) || t.month() {
			return true
		}
	}
	return false
}

// isMonth: a month name or abbreviation, English or Russian, in any case (the language layer's).
func isMonth(w string) bool { return lang.Month(w) > 0 }

// month is isMonth(t.low), from the token's class entry: lang.Month lowers the word rune by rune
// into a buffer and looks it up in a map, and contentWords asks it of every word of a content.
// A low from tokenize is lower case already (lowering it again changes nothing, a test checks
// every rune) and ends with no period (Month's other try), so that it is a month when it is one
// of the month forms, which are lower case.
func (t token) month() bool {
	if t.cls == 0 || strings.HasSuffix(t.low, ".") {
		return isMonth(t.low) // made elsewhere: ask lang
	}
	return t.in(cMonths)
}

// quoteIsContent tells whether the quotations of content c are what was said, rather than
// fragments inside a reported clause: c opens with the quotation and little else stands
// outside it ("said that \"...\""), or the words are named with "as" ("described as \"a gold
// standard\""). After a naming verb with an object the object belongs to what was said:
// "called the order \"a colossal mistake\"" is reported, its words the order and the name.
func quoteIsContent(c []token, outside int) bool {
	first := -1
	for i, t := range c {
		if t.kind != tPunct {
			first = i
			break
		}
	}
	if first >= 0 && c[first].kind == tQuote && outside <= 2 {
		return true
	}
	last := len(c) - 1
	for last >= 0 && c[last].kind == tPunct {
		last--
	}
	if last < 1 || c[last].kind != tQuote {
		return false
	}
	// "... described as “X”"; not "such as “a surprise recession”", an example inside the clause
	return (c[last-1].is("as") || c[last-1].is("как")) && !(last >= 2 && c[last-2].is("such"))
}

// namedEnd ends the content of a naming cue after its first quotation, when one follows it.
func namedEnd(s []token, from, to int) int {
	for k := from; k < to && k < len(s); k++ {
		if s[k].kind == tQuote {
			return k + 1
		}
	}
	return to
}

// isNamingCue tells whether a cue names what it is said of ("called", "described", "назвал").
func isNamingCue(cue string) bool {
	w, _, _ := strings.Cut(lower(cue), " ")
	return inClass("naming_cues", w)
}

// alphaWords counts the words with letters in c (quotations count by their words).
func alphaWords(c []token) int {
	n := 0
	for _, t := range c {
		switch t.kind {
		case tQuote:
			n += words(t.text)
		case tWord:
			for _, r := range t.text {
				if unicode.IsLetter(r) {
					n++
					break
				}
			}
		}
	}
	return n
}

// circumstanceOnly tells whether a would-be content is only a prepositional phrase ("on social
// media within hours" after "responded"): what was said starts with a subject, "that", "to" or
// an object, not with "on" or "within".
func circumstanceOnly(c []token) bool {
	if len(c) == 0 || c[0].kind != tWord {
		return false
	}
	if len(c) >= 2 && c[0].is("the") && c[1].is("same") && (len(c) == 2 || c[2].inClass("topic_prepositions") || c[2].is("of")) {
		return true // "61 percent say the same of Clinton": what was said is another's, told before
	}
	switch c[0].low {
	case "on", "in", "at", "within", "during", "after", "before", "via", "through", "over", "from",
		"with", "without", "by", "for", "later", "earlier", "about", "regarding":
	default:
		return false // Russian puts circumstances first freely: "в следующем году ... поступит"
	}
	if len(c) > 1 && isNumber(c[1].text) && wordIn(c[0], "approximators") {
		return false // "about 5,500 troops would remain": a quantity, not a preposition's phrase
	}
	if alphaWords(c) > 8 {
		return false
	}
	for _, t := range c {
		if t.is("that") || t.is("что") || t.kind == tQuote || t.is(",") {
			return false
		}
	}
	return true
}

// contentWords counts words of three letters or more that are no month or time word: a
// content of "30 p.m. on Nov. 8" says nothing.
func contentWords(c []token) int {
	n := 0
	for _, t := range c {
		switch {
		case t.kind == tQuote:
			n += words(t.text)
		case t.kind == tWord && len([]rune(t.text)) >= 3 && !t.month() && !t.in(cTimeWords) && !isNumber(t.text):
			n++
		}
	}
	return n
}

// causeCut ends a nested statement before a clause of reason (", поскольку США ...", ",
// because ..."): the outer speaker explains, the inner one did not say it.
func causeCut(s []token, from, to int) int {
	for k := from + 1; k+1 < to; k++ {
		if !s[k].is(",") {
			continue
		}
		switch s[k+1].low {
		case "поскольку", "так", "because", "since", "as":
			return k
		}
	}
	return to
}

// frontedQuestion emits the question a sentence opens with ("Asked whether the talks would
// resume, Peskov said ...", "When asked about the report, ..."): a reported statement of an
// asker the sentence does not name. PolNeAR labels three in four of them; a passive "Peskov was
// asked whether ..." it mostly leaves alone, and so does this.
func (e *engine) frontedQuestion(pi int, s []token) {
	k := 0
	if k+1 < len(s) && wordIn(s[k], "fronted_subordinators") {
		k++ // "When asked ..."
	}
	if k >= len(s) || !wordIn(s[k], "question_participles") {
		return
	}
	from := k + 1
	for j := from; j < len(s); j++ {
		switch {
		case s[j].is(","):
			if j-from >= 2 && s[j-1].kind != tQuote {
				e.emit(pi, s[from:j], nil, attribution{cue: joinTokens(s[:from])})
			}
			return
		case s[j].kind == tQuote || s[j].isPunct(".;:?!"):
			return // the question is quoted, or no main clause follows
		}
	}
}
