package statements

import (
	"strings"
)

// turnLabel reads a transcript label opening a paragraph ("Vladimir Putin:", "MR MILLER:",
// "В.Путин:", "QUESTION:"): the label's tokens and the index of the first token after the colon.
// A quotation mark before the label is passed: a transcript quoted in full opens each paragraph
// with one ("\"WALLACE: Let's start ...").
func turnLabel(toks []token) ([]token, int, bool) {
	if len(toks) > 0 && toks[0].kind == tPunct && isMark(toks[0].text) {
		label, after, ok := labelAt(toks[1:])
		return label, after + 1, ok
	}
	return labelAt(toks)
}

// isMark tells whether s is one quotation mark.
func isMark(s string) bool {
	r, w := markAt(s, 0)
	_, ok := closers[r]
	return ok && w == len(s)
}

func labelAt(toks []token) ([]token, int, bool) {
	for k := 0; k < len(toks) && k <= 9; k++ {
		t := toks[k]
		if t.is(":") {
			if k == 0 || k+1 >= len(toks) {
				return nil, 0, false
			}
			label := toks[:k]
			if !labelLike(label) {
				return nil, 0, false
			}
			return label, k + 1, true
		}
		switch {
		case t.kind == tWord && (t.cap() || isNameParticle(t.low)):
		case t.isPunct("."):
		case t.isPunct("("):
			// "Question (retranslated):": a note on the turn, not part of the name
			c := k
			for c < len(toks) && !toks[c].isPunct(")") {
				c++
			}
			if c+1 >= len(toks) || !toks[c+1].is(":") || k == 0 {
				return nil, 0, false
			}
			label := toks[:k]
			if !labelLike(label) {
				return nil, 0, false
			}
			return label, c + 2, true
		default:
			return nil, 0, false
		}
	}
	return nil, 0, false
}

// transcript makes paragraph pi a turn when it opens with a speaker label, or continues the
// current turn in a transcript (a body with two labels or more). It reports whether it did.
func (e *engine) transcript(pi int, toks []token) bool {
	label, after, ok := turnLabel(toks)
	if ok && e.labels < 2 && (len(label) == 1 || isPlace(label)) && !builtin().questionLabel[label[0].low] {
		ok = false // "WASHINGTON: The US said ...": a dateline, not a speaker
	}
	if !ok {
		if !e.inTurn || e.labels < 2 || len(toks) == 0 {
			return false
		}
		if isStageDirection(toks) {
			return true
		}
		e.addTurn(pi, toks, 0, e.turn, e.turnM, true)
		return true
	}
	m := mention{}
	var ent *entity
	if !builtin().questionLabel[lower(joinTokens(label))] {
		m = parseMention(label, nil)
		ent = e.reg.resolve(m)
	}
	e.inTurn, e.turn, e.turnM = true, ent, m
	e.addTurn(pi, toks, after, ent, m, false)
	return true
}

// addTurn records the text of a turn from token from on; a paragraph that continues a turn
// adds a span to it (one statement per turn). What the speaker reports others said inside the
// turn ("President Trump has said that ...") is a statement of its own.
func (e *engine) addTurn(pi int, toks []token, from int, ent *entity, m mention, cont bool) {
	if from >= len(toks) {
		return
	}
	last := len(toks) - 1
	if last > from && toks[last].kind == tPunct && isMark(toks[last].text) {
		last-- // the closing mark of a transcript quoted in full
	}
	s, end := trimSpan(e.body, toks[from].start, toks[last].end)
	if end <= s {
		return
	}
	if d := e.curTurn; cont && d != nil {
		d.spans = append(d.spans, [2]int{s, end})
	} else {
		d = &draft{kind: "transcript", spans: [][2]int{{s, end}}, ent: ent, m: m, para: pi}
		e.drafts = append(e.drafts, d)
		e.curTurn = d
	}
	mark := len(e.drafts)
	var prev []token
	for _, sent := range sentences(toks[from:]) {
		e.sentence(pi, sent, prev, nil)
		prev = sent
	}
	// keep only third parties named in the turn: the turn's speaker, pronouns and quotations
	// of unknown speakers are the turn itself
	kept := e.drafts[:mark]
	for _, d := range e.drafts[mark:] {
		if d.ent != nil && d.ent != ent && d.m.name != "" {
			kept = append(kept, d)
		}
	}
	e.drafts = kept
	e.pending = nil
}

// isStageDirection: "(Applause.)", "[Laughter]".
func isStageDirection(toks []token) bool {
	return toks[0].isPunct("([") && toks[len(toks)-1].isPunct(")]") ||
		len(toks) > 1 && toks[0].isPunct("([") && toks[len(toks)-2].isPunct(")]")
}

// dashAttribution reads a paragraph that only names the author of the quotation before it
// ("— Sergei Ryabkov, Deputy Foreign Minister" under a blockquote) and gives that quotation
// its speaker. It reports whether the paragraph was such a line.
func (e *engine) dashAttribution(pi int, toks []token) bool {
	if pi == 0 || len(toks) < 2 || len(toks) > 25 || !toks[0].isPunct(dashes) {
		return false
	}
	end := 1
	for end < len(toks) && toks[end].kind == tWord {
		end++
	}
	var appos []token
	if end < len(toks) && toks[end].is(",") {
		appos = toks[end+1:]
	}
	m := parseMention(toks[1:end], appos)
	if m.name == "" {
		return false
	}
	d := e.lastDraftIn(pi - 1)
	if d != nil && d != e.pending {
		return false // the paragraph above has its own speakers
	}
	if d == nil {
		// a blockquote without marks: the whole previous paragraph is the quotation
		p := e.paras[pi-1]
		s, end := trimSpan(e.body, p.Start, p.End)
		d = &draft{kind: "direct", spans: [][2]int{{s, end}}, para: pi - 1}
		e.drafts = append(e.drafts, d)
	}
	ent := e.reg.resolve(m)
	d.ent, d.m = ent, m
	e.reg.spoke(ent)
	e.pending = nil
	return true
}

// skipDateline returns the index of the first token after a dateline opening the body
// ("MOSCOW, October 21. /TASS/.", "WASHINGTON (Reuters) -", "МОСКВА, 21 октября. /ТАСС/.").
func skipDateline(s []token) int {
	i := 0
	for i < len(s) && s[i].kind == tWord && s[i].cap() && strings.ToUpper(s[i].text) == s[i].text {
		i++
	}
	if i == 0 {
		return 0
	}
	for k := i; k < len(s) && k < i+12; k++ {
		switch {
		case s[k].isPunct("("):
			// "MOSCOW (UrduPoint News / Sputnik - 20th October, 2020) Russia ..."
			c := indexPunct(s, k, ")")
			if c < 0 {
				return 0
			}
			if c+1 < len(s) && s[c+1].isPunct(dashes) {
				return c + 2
			}
			return c + 1
		case s[k].isPunct(dashes) && k+1 < len(s):
			return k + 1
		case s[k].kind == tQuote:
			return 0
		}
	}
	return 0
}

// orphanAttribution tells whether sentence s is only an attribution ("Peskov said.").
func orphanAttribution(s []token) bool {
	if len(s) == 0 || len(s) > 12 {
		return false
	}
	for _, t := range s {
		if t.kind == tQuote || t.is("that") || t.is("что") {
			return false
		}
	}
	n := 0
	for i := range s {
		if builtin().cues.match(s, i) > 0 {
			n++
		}
	}
	if n == 0 {
		return false
	}
	end, cue := cueEnd(s)
	return s[0].cap() && tailIsCircumstance(s, end, cue)
}

func cueEnd(s []token) (int, string) {
	for i := range s {
		if n := builtin().cues.match(s, i); n > 0 {
			return i + n, joinTokens(s[i : i+n])
		}
	}
	return len(s), ""
}

// labelLike tells whether words before a colon can name a speaker: not "Note" or "Read more";
// a single word only when it is a question label, a title or all capitals ("QUESTION", "MODERATOR").
func labelLike(label []token) bool {
	l := builtin()
	key := lower(joinTokens(label))
	initial := len(label) > 1 && label[1].isPunct(".")
	if l.labelStop[key] || label[0].in(cStopCaps) && label[0].low != "the" && !initial {
		return false
	}
	words := 0
	for _, t := range label {
		if t.kind == tWord {
			words++
		}
	}
	if words == 1 {
		w := label[len(label)-1]
		return l.questionLabel[w.low] || w.roleWord() || strings.ToUpper(w.text) == w.text && len(w.text) > 1
	}
	return true
}
