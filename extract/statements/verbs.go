package statements

import (
	"sort"
	"strings"

	"github.com/armswatch/armswatch/extract/textutil"
)

// hasVerb tells whether a reported statement's text holds a verb: what was said is a clause
// ("the talks would resume") or an infinitive ("to extend the treaty"), while a cue's noun
// phrase object ("proposed a safe zone", "emphasized her ties to Obama") reports no words.
// Without a tagger the test is lexical and errs towards a verb: auxiliaries, modals and
// contractions, pasts in -ed and irregular ones, a gerund opening the text, "to" before a
// lower-case word, a word after a subject pronoun, a lower-case word in -s after a
// non-determiner ("the economy grows"), a quotation mark, or any Russian text.
func hasVerb(d *draft, spans [][]token) bool {
	for k, ts := range spans {
		if k == 0 && bareSayClause(d.cue, ts) || clauseLike(ts) {
			return true
		}
	}
	return false
}

// quotedObject turns a reported draft whose content is a noun phrase holding quotations
// ("warned of a “more aggressive” military response", "threatened “shocking” consequences")
// into the direct statement of the quoted words: the phrase is the writer's, the fragment the
// speaker's. It reports whether it did. spans are the tokens of d's spans.
func (e *engine) quotedObject(d *draft, spans [][]token) bool {
	if isNamingCue(d.cue) {
		return false // "called the plan "reckless"": the object is part of what was said
	}
	var inner [][2]int
	for k, sp := range d.spans {
		ts := withoutMarks(spans[k])
		if k == 0 && bareSayClause(d.cue, ts) || clauseLike(ts) {
			return false
		}
		for _, qp := range e.parts[e.locate.At(sp[0])] {
			if qp.outer[0] >= sp[0] && qp.outer[1] <= sp[1] {
				inner = append(inner, qp.q.inner[qp.idx])
			}
		}
	}
	if len(inner) == 0 {
		return false
	}
	d.kind, d.spans = "direct", inner
	return true
}

// spanTokens tokenizes each span of d once, for the verb tests that read them.
func (e *engine) spanTokens(d *draft) [][]token {
	out := make([][]token, len(d.spans))
	for k, sp := range d.spans {
		if ts, ok := e.keptTokens(sp[0], sp[1]); ok {
			out[k] = ts
			continue
		}
		out[k] = tokenize(e.body, sp[0], sp[1], nil)
	}
	return out
}

// keptTokens returns the kept tokens of the paragraph that cover body[from:to] exactly, when
// none of them is a quotation: tokenize(body, from, to, nil) would make the same tokens again.
// (It starts where one of them starts, and a word ends at to there as in the paragraph: a word
// that ends before to decided so by what lies before to, and one that reaches to ends there.
// A quotation is one token in the paragraph and its words and marks in a span.) The slice is
// capped: the caller only reads it.
func (e *engine) keptTokens(from, to int) ([]token, bool) {
	pi := e.locate.At(from)
	if pi >= len(e.toks.kept) {
		return nil, false
	}
	ts := e.toks.kept[pi]
	i := sort.Search(len(ts), func(k int) bool { return ts[k].start >= from })
	if i == len(ts) || ts[i].start != from {
		return nil, false
	}
	j := i
	for ; j < len(ts) && ts[j].end <= to; j++ {
		if ts[j].kind == tQuote {
			return nil, false
		}
	}
	if j == i || ts[j-1].end != to {
		return nil, false
	}
	return ts[i:j:j], true
}

// withoutMarks drops the quotation marks of ts, so that the lexical verb test reads the words
// ("to "bomb the hell" out of" is an infinitive).
func withoutMarks(ts []token) []token {
	var out []token
	for i, t := range ts {
		switch {
		case t.kind == tPunct && isMark(t.text):
			if out == nil {
				out = append(ts[:0:0], ts[:i]...) // the first mark: copy what came before it
			}
		case out != nil:
			out = append(out, t)
		}
	}
	if out == nil {
		return ts[:len(ts):len(ts)] // no mark: no copy (capped, as a copy has no room to append into)
	}
	return out
}

// bareSayClause tells whether ts, after a bare verb of saying, is a clause: "said people
// misunderstand him" has no verb form the lexical test knows, while "said little about", "said
// no to the war" open with a word no clause opens with.
func bareSayClause(cue string, ts []token) bool {
	f := textutil.LastField(lower(cue)) // "" for no field, which is in no class
	return f != "" && inClass("say_verbs_bare", f) && len(ts) > 0 && !wordIn(ts[0], "object_openers")
}

func clauseLike(ts []token) bool {
	for i, t := range ts {
		if t.kind == tPunct && isMark(t.text) {
			return true
		}
		if t.kind != tWord {
			continue
		}
		if isCyrillic(t.low) {
			return true
		}
		w := strings.ReplaceAll(t.low, "’", "'")
		prev := ""
		if i > 0 && ts[i-1].kind == tWord {
			prev = strings.ReplaceAll(ts[i-1].low, "’", "'")
		}
		lowerCase := !t.cap()
		switch {
		case finiteMarker(w), cVerbForms.has(w):
			return true // "would", "they're", "grew"
		case strings.HasSuffix(w, "'s") && isSubjectPronounOrThat(strings.TrimSuffix(w, "'s")):
			return true // "it's", "he's", "that's"
		case !lowerCase:
		case pastForm(w) && !isDeterminer(prev):
			return true // not "the alleged": an adjective after a determiner
		case i == 0 && len(w) > 4 && strings.HasSuffix(w, "ing"):
			return true // "recommended relying on official information": a gerund clause
		case prev == "to" && !isDeterminer(w):
			return true // "to extend", "not to procrastinate"
		case prev != "" && isSubjectPronounOrThat(prev) && !isDeterminer(w):
			return true // "they failed", "he grows"
		case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && i > 0 && !isDeterminer(prev) && !strings.HasSuffix(prev, "'s"):
			return true // "the economy grows", "START-3, expires today"; "the fraud claims" passes too
		}
	}
	return false
}

// isSubjectPronounOrThat: a pronoun that opens a clause ("he", "we", "it", "there", "that").
func isSubjectPronounOrThat(w string) bool {
	return inClass("clause_subjects", w)
}

// finiteMarker tells whether w (with straight apostrophes) marks a finite verb: an auxiliary or
// modal ([finite_markers]) or a contraction other than a possessive ("don't", "they're").
func finiteMarker(w string) bool {
	if cFiniteMarkers.has(w) {
		return true
	}
	_, tail, ok := strings.Cut(w, "'")
	return ok && tail != "s"
}

// pastForm tells whether lower-case w is a past: in -ed ("used", "railed") or irregular
// ([verb_forms]: "grew", "led").
func pastForm(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ed") || cVerbForms.has(w)
}
