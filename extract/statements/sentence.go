package statements


// attribution links a speaker to a cue in a sentence.
type attribution struct {
	m        mention
	ent      *entity
	resolved bool
	cue      string
	same     bool // "... and added that": the previous attribution's speaker
}

// claim is a token range of a sentence already given to a statement.
type claim struct{ from, to int }

// sentence finds the statements of one sentence s of paragraph pi; next is the following
// sentence of the paragraph (nil at its end).
func (e *engine) sentence(pi int, s []token, next []token) {
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
	for i := 0; i < len(s); i++ {
		if claimed(i) {
			continue
		}
		a, cFrom, cTo, stop, ok := e.attribute(s, i, prev)
		if !ok {
			continue
		}
		cFrom, cTo = trimRange(s, cFrom, cTo)
		if cFrom >= cTo {
			// "Peskov said." after a quotation that had no attribution of its own
			if e.pending != nil && e.pending.ent == nil || e.pending != nil && len(claims) == 0 && sentenceIsOnlyAttribution(s, i, stop) {
				e.reattribute(e.pending, a)
			}
			i = stop - 1
			continue
		}
		d := e.emit(pi, s[cFrom:cTo], a)
		if d == nil {
			continue
		}
		e.pending = nil
		claims = append(claims, claim{min(cFrom, i), max(cTo, stop)})
		prev = &a
		prev.ent, prev.resolved = d.ent, true
		if d.kind == "direct" {
			lastDirect = d
		}
		if cTo > i {
			i = cTo - 1 // content after the cue: continue after it (later cues may cut it)
		} else {
			i = stop - 1
		}
	}
	e.looseQuotes(pi, s, next, claimed, lastDirect)
}

// looseQuotes handles the quotations of s that no cue claimed: the second half of a split quote,
// a quoted paragraph that continues the previous speaker, or a scare quote (ignored).
func (e *engine) looseQuotes(pi int, s []token, next []token, claimed func(int) bool, lastDirect *draft) {
	sw := sentenceWords(s)
	for i, t := range s {
		if t.kind != tQuote || claimed(i) || t.q.used {
			continue
		}
		if t.part < len(t.q.outer)-1 {
			continue // the quotation goes on in the next paragraph: decide there
		}
		qw := quoteWords(t.q)
		join := lastDirect
		if join == nil && e.lastDraftIn(pi) != nil && e.lastDraftIn(pi).quoteEnd {
			join = e.lastDraftIn(pi)
		}
		switch {
		case join != nil && join.kind == "direct":
			join.spans = append(join.spans, quoteSpans(t.q)...)
		case i == leadingQuote(s) && (2*wordsIn(t) >= sw || t.part > 0) && (qw >= 4 || onlyQuote(s)):
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
func (e *engine) emit(pi int, c []token, a attribution) *draft {
	var qs []*quote
	qw, tw := 0, 0
	for _, t := range c {
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
	case len(qs) > 0 && 2*qw >= tw:
		d.kind = "direct"
		for _, q := range qs {
			d.spans = append(d.spans, quoteSpans(q)...)
		}
		d.quoteEnd = c[len(c)-1].kind == tQuote
	case tw >= 2:
		d.kind = "reported"
		d.spans = [][2]int{{c[0].start, c[len(c)-1].end}}
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

// quoteWords counts the words inside a quotation.
func quoteWords(q *quote) int {
	n := 0
	for _, sp := range q.inner {
		n += words(bodyOf(q, sp))
	}
	return n
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
	for from < to && s[from].kind == tPunct && !s[from].isPunct("([") {
		from++
	}
	for to > from && s[to-1].kind == tPunct && !s[to-1].isPunct(")]") {
		to--
	}
	return from, to
}

func sentenceIsOnlyAttribution(s []token, i, stop int) bool { return true }
