package statements

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

// attribute tries to read an attribution whose cue starts at token i of sentence s. It returns
// the attribution, the content's token range, the index after the attribution's own tokens, and
// whether there is one.
func (e *engine) attribute(s []token, i int, prev *attribution) (a attribution, cFrom, cTo, stop int, ok bool) {
	l := builtin()
	if n := l.according.match(s, i); n > 0 {
		return e.according(s, i, n)
	}
	// the participle rules (meansSpeech, withSubject and frontedParticiple too) need a participle
	// of saying at i, which most tokens are not: they are asked only then
	pm := l.participles.match(s, i)
	if pm > 0 {
		if i > 0 && (participleOpener(s[i-1]) || actSays(s, i)) || meansSpeech(s, i) {
			return e.participle(s, i, prev)
		}
		if m, ok := withSubject(s, i); ok {
			return e.absolute(s, i, m)
		}
		if i == firstWord(s) || openedByPreposition(s, i) {
			if a, from, to, stop, ok := frontedParticiple(s, i); ok {
				return a, from, to, stop, true
			}
		}
	}
	if k := quotedBy(s, i); k > 0 {
		// "..., Ryabkov was quoted by the RIA news agency as saying": the cue runs to "saying"
		a.cue = "quoted as saying"
		npFrom, m := subjectBefore(s, i-2)
		if !m.valid() {
			return a, 0, 0, 0, false
		}
		a.m = m
		return e.subjectFirst(s, npFrom-1, k, a)
	}
	n := e.cues.match(s, i)
	// (a participle or a word in -ing, which progressiveCue needs, before asking about the aux)
	if n == 0 && i > 0 && (pm > 0 || strings.HasSuffix(s[i].low, "ing")) && progressiveAux(s[i-1]) {
		n = pm // "Clinton is stressing that ...", "he's telling voters"
		if n == 0 && progressiveCue(s[i], e.cues) && !(i+1 < len(s) && s[i+1].is("to")) {
			n = 1 // "Lynch is reaffirming that ...": the progressive of a cue in -ed (not "is continuing to")
		}
	}
	if n > 0 && s[i].cap() && i != firstWord(s) {
		n = 0 // "United States", "Says Who": a capital mid-sentence is a name
	}
	if n == 1 && l.ambiguous[s[i].low] && !(i+1 < len(s) && (s[i+1].is("that") || s[i+1].is(":") || s[i+1].kind == tQuote)) && !namedSubjectClause(s, i) && !subjectThenAmbiguousCue(s, i) &&
		!(s[i].inClass("naming_verbs") && i > 0 && !isDeterminer(s[i-1].low) && i+1 < len(s) && !isPreposition(s[i+1].low) && namedComplement(s, i+1)) {
		n = 0 // "Diplomatic notes completing the extension ...", "reports that track spending"
	}
	if n > 0 && withPartner(s, i+n) && !isCircumNoun(s[i+n-1].low) {
		// ("said in an interview with CNN": the partner of an interview is a channel, not a rival)
		n = 0 // "Meyer, a former governor who argued with Ms. Brainard at ..., said": a partner, no content
	}
	if n > 0 && i > 0 && nounBefore(s[i-1]) {
		n = 0 // "the Pentagon's estimate was too low", "its statement": a noun, not a verb
	}
	if n == 0 {
		return a, 0, 0, 0, false
	}
	a.cue = joinTokens(s[i : i+n])
	after := i + n
	if m, ok := thisWasStated(s, i, after); ok {
		a.m, a.prevSentence = m, true // "This was stated in a Foreign Ministry statement."
		return a, 0, 0, len(s), true
	}
	if i > 0 && isPassiveAux(s[i-1].low) && (isPassiveCue(s[i].low) || strings.HasSuffix(s[i].low, "ed") && !isCyrillic(s[i].low)) {
		return a, 0, 0, 0, false // "Peskov was asked about ...", "Putin is said to ...": no one speaks
	}
	if first, ok := asClauseStart(s, i); ok {
		if r, from, to, stop, ok := e.asClause(s, first, i, after, a); ok {
			return r, from, to, stop, true
		}
		// "As a summer associate at a law firm, Lynch said she ...": an "as" phrase of the
		// subject, not an "As X said," clause; read the cue as usual
	}
	j := skipAuxBack(s, i-1)
	if j >= 0 && isCoordination(s[j]) {
		return e.coordinated(s, j, after, a, prev)
	}
	npFrom, m := subjectBefore(s, j)
	if !m.valid() {
		npFrom, m = groupBeforeChain(s, j, npFrom, m)
	}
	if f, n, ok := leadName(s, j); ok && (m.name == "" || m.kind == "organization" && npFrom > f) {
		// "Hogan Gidley, a former party director, whose roots ..., said"; an institution in the
		// appositions is the person's ("Jo Reyes, president of the union, which ..., said")
		npFrom, m = f, n
	} else if m.name == "" {
		if n := participleSubject(s, i); n.name != "" && participleClause(s, i, after, contentStart(s, after, a.cue)) {
			npFrom, m = i, n // "Jo Reyes issued a statement saying ...": Reyes, not the statement
		}
	}
	if isThisRef(s, i) {
		m = mention{} // "Об этом в интервью ТАСС заявил X": the speaker follows the verb
	}
	if !m.valid() {
		if f, ok := describedAfterQuote(s, j); ok {
			npFrom, m = f, mention{plural: true} // "“...,” the real estate developer said": someone unnamed
		}
	}
	if m.valid() {
		npFrom, m = compoundSubject(s, npFrom, m)
		if b, ok := trailingDescription(s, i); ok && m.name == "" && b+1 < npFrom {
			npFrom = b + 1 // "..., the advocacy group said": the description runs back to the comma
		}
		a.m = m
		return e.subjectFirst(s, npFrom-1, after, a)
	}
	if i > 0 && (s[i-1].isPunct(","+dashes) || s[i-1].kind == tQuote) || isThisRef(s, i) {
		if r, from, to, stop, ok := e.inverted(s, i, after, a); ok || s[i-1].kind == tQuote || isThisRef(s, i) {
			return r, from, to, stop, ok
		}
	}
	if i == firstWord(s) {
		return fronted(s, after, a)
	}
	return e.unnamedSubject(s, i, after, a)
}

// unnamedSubject reads a cue of saying whose subject is a noun phrase the speaker rules do not
// know ("Security specialists say it is ...", "61 percent said they ...", "The last man to run
// says he ..."): a clause after the cue is what was said all the same, by nobody named.
func (e *engine) unnamedSubject(s []token, i, after int, a attribution) (attribution, int, int, int, bool) {
	if i == 0 || s[i-1].kind == tQuote || !inClass("say_verbs", lower(s[i].low)) || evidenceSubject(s, i) || idiomaticSay(s, i) {
		return a, 0, 0, 0, false
	}
	if before, ok := trailingDescription(s, i); ok && tailIsCircumstance(s, after, a.cue) {
		// "Assange should be freed, the rights group says.": what was said comes before
		a.m = mention{plural: true}
		return a, clauseStartBefore(s, before), before, min(nextParticiple(s, after), nextSpeakerCue(s, after, e.cues)), true
	}
	from := contentStart(s, after, a.cue)
	if from >= len(s) || !clauseAllowed(s, after, from, a.cue) {
		return a, 0, 0, 0, false
	}
	quoted := s[from].kind == tQuote && from > after && s[from-1].isPunct(",:") // "Another reader wrote, “...”"
	if !quoted && !opensReportedClause(s, i, after, from) {
		return a, 0, 0, 0, false
	}
	a.m = mention{plural: true}
	return a, from, contentEnd(s, from, e.cues), from, true
}

// participialAside tells whether ts, set off by commas after a subject, is a participle
// phrase ("struck by her story", "led by campaign manager Terry Sullivan"), not an apposition.
func participialAside(ts []token) bool {
	if len(ts) < 2 || ts[0].kind != tWord || ts[0].cap() {
		return false
	}
	w := ts[0].low
	return (len(w) > 4 && strings.HasSuffix(w, "ed") || cVerbForms.has(w)) && ts[1].is("by")
}

// objectThenClause tells whether a cue's object and then "that" follow it ("told the group
// that ..."): a verb with a content clause of its own, so no speaker inverted after it.
func objectThenClause(s []token, after int) bool {
	for k := after; k < len(s) && k-after <= 4; k++ {
		if s[k].kind != tWord {
			return false
		}
		if k > after && s[k].is("that") {
			return true
		}
	}
	return false
}

// trailingDescription tells whether a short noun phrase opened by a determiner stands between a
// comma and the cue at i ("..., the groups say", "..., those surveyed said"): an attribution
// trailing what was said. It returns the comma's index.
func trailingDescription(s []token, i int) (int, bool) {
	for k := i - 1; k >= 1 && i-k <= 5; k-- {
		if s[k].kind != tWord || s[k].cap() && k > 0 {
			return 0, false
		}
		if isDeterminer(s[k].low) || wordIn(s[k], "single_quantifiers") && k+1 < i && !s[k+1].is("of") {
			return k - 1, s[k-1].is(",") && k-1 > 2 // "..., one longtime friend said"
		}
	}
	return 0, false
}

// opensReportedClause tells whether the content at from opens a clause: after "that", with a
// subject pronoun right after the cue, or, after "say" and its kin only (not "stressed the
// importance of ..."), a noun phrase with a finite verb soon after it ("said the talks would").
func opensReportedClause(s []token, i, after, from int) bool {
	if from > after && s[from-1].wordIn(cComplementizers) {
		return true
	}
	if from != after || s[from].kind != tWord {
		return false
	}
	w := s[from].low
	if p, _, ok := strings.Cut(strings.ReplaceAll(w, "’", "'"), "'"); ok && p != w {
		w = p // "they'll", "it's": the pronoun of a contracted subject and verb
		if isSubjectPronoun(w) || inClass("first_person_subjects", w) || inClass("dummy_subjects", w) {
			return true
		}
	}
	if isSubjectPronoun(w) || inClass("first_person_subjects", w) {
		return true
	}
	if !s[i].inClass("say_verbs_bare") {
		return false
	}
	if !(inClass("dummy_subjects", w) || inClass("noun_markers", w) || s[from].cap()) {
		return !wordIn(s[from], "object_openers") && (finiteSoon(s, from+1, 8) || presentPredicate(s, from)) // "say stricter gun laws would help"
	}
	return finiteSoon(s, from+1, 12) || presentPredicate(s, from)
}

// finiteSoon tells whether a finite verb marker (an auxiliary, a modal, a contraction, a past
// in -ed) stands within n words from k: what follows a noun phrase is then its predicate.
func finiteSoon(s []token, k, n int) bool {
	for j := k; j < len(s) && j < k+n; j++ {
		t := s[j]
		if t.kind != tWord {
			return false
		}
		if w := strings.ReplaceAll(t.low, "’", "'"); finiteMarker(w) || !t.cap() && pastForm(w) {
			return true // "would", "don't", "they're", "used", "grew"
		}
	}
	return false
}

// fronted reads a cue that opens the sentence before its speaker and a quotation: "Said Comey,
// "The thought ...."", "Added the senator: "...."".
func fronted(s []token, after int, a attribution) (attribution, int, int, int, bool) {
	np, _, end := speakerAfter(s, after)
	if end+1 >= len(s) || !s[end].isPunct(",:") || s[end+1].kind != tQuote {
		return a, 0, 0, 0, false
	}
	if a.m = parseMention(np, nil); !a.m.valid() {
		return a, 0, 0, 0, false
	}
	return a, end + 1, end + 2, end + 2, true
}

// titleInCircumstance tells whether the quotation before a subject is a title inside the
// circumstance the sentence opens with ("In an interview on CBS's “Face the Nation,” Ryan said
// the ..."): the sentence opens with a preposition and a clause follows the cue.
func titleInCircumstance(s []token, q, after int, cue string) bool {
	f := firstWord(s)
	return f >= 0 && f < q && isCircumWord(s[f].low) && !s[f].is("according") && !tailIsCircumstance(s, after, cue)
}

// apposWithWho tells whether the words from k are a description of a person closed by "who"
// ("..., a former lieutenant governor and ambassador in the administration who can raise the
// cash"): an apposition the writer adds to a name in what was said.
func apposWithWho(s []token, k, end int) bool {
	for i := k; i < end && i-k <= 10; i++ {
		switch {
		case s[i].is("who"):
			return i > k
		case s[i].kind != tWord && !s[i].isPunct("()"):
			return false
		}
	}
	return false
}

// onlyConjunctionBefore tells whether s opens with a conjunction, and perhaps a comma, right
// before i ("But according to reports, ...", "But, according to the poll, ...").
func onlyConjunctionBefore(s []token, i int) bool {
	f := firstWord(s)
	if f < 0 || f >= i || !isCoordination(s[f]) {
		return false
	}
	return i == f+1 || i == f+2 && s[f+1].is(",")
}

// namedSubjectClause tells whether an ambiguous cue (a plural noun too: "notes", "claims")
// stands between a name and a clause opened by a determiner or a pronoun ("Schweizer notes the
// foundation hid ..."): after a name it is the verb ("Russian claims" is the noun of a nationality).
func namedSubjectClause(s []token, i int) bool {
	if i == 0 || i+2 >= len(s) || !s[i-1].cap() || builtin().nationality[s[i-1].low] != "" {
		return false
	}
	return isDeterminer(s[i+1].low) && !s[i+1].is("that") || isSubjectPronoun(s[i+1].low)
}

// quotedBy finds "was quoted by <agency> as saying" at i and returns the index after
// "saying" (0 if none).
func quotedBy(s []token, i int) int {
	if i < 2 || !s[i].is("quoted") || !isPassiveAux(s[i-1].low) {
		return 0
	}
	for k := i + 1; k+1 < len(s) && k-i <= 9; k++ {
		if s[k].kind != tWord {
			return 0
		}
		if s[k].is("as") && s[k+1].is("saying") {
			return k + 2
		}
	}
	return 0
}

// nounBefore tells whether t makes the next word a noun: an English possessive or determiner.
func nounBefore(t token) bool {
	if t.kind != tWord {
		return false
	}
	if t.inClass("noun_markers") {
		return true
	}
	if _, ok := contractedPronoun(t); ok {
		return false // "he's said": "has", not a possessive
	}
	return !isCyrillic(t.low) && (strings.HasSuffix(t.low, "'s") || strings.HasSuffix(t.low, "’s"))
}

// participle reads "..., adding that ...": the same speaker goes on; with no speaker yet in the
// sentence, its subject does ("Russia revoked ..., saying it wanted ...").
func (e *engine) participle(s []token, i int, prev *attribution) (a attribution, cFrom, cTo, stop int, ok bool) {
	n := builtin().participles.match(s, i)
	a = attribution{cue: joinTokens(s[i : i+n]), same: true}
	from := contentStart(s, i+n, a.cue)
	if isNamingCue(a.cue) && nextQuote(s, from) < 0 {
		return a, 0, 0, 0, false // "назвав эту сферу чрезвычайно сложной": a name given without quotation marks is the writer's account
	}
	if prev != nil {
		a.ent, a.resolved, a.m = prev.ent, true, prev.m
	} else if m, ok := lastClauseSubject(s, i); ok {
		a.m = m
	} else if a.m = subjectAtStart(s); !a.m.valid() {
		if m := participleSubject(s, i); m.name != "" && participleClause(s, i, i+n, from) {
			// "In a speech on Tuesday night in Ohio, Reyes struck a measured tone, saying ..."
			a.m = m
			return a, from, contentEnd(s, from, e.cues), nextSpeakerCue(s, from, e.cues), true
		}
		if !participleClause(s, i, i+n, from) {
			return a, 0, 0, 0, false
		}
		// "The nurse later sued, claiming the quarantine violated ...": a subject the speaker
		// rules do not know still said what the clause says
		a.m = mention{plural: true}
	}
	return a, from, contentEnd(s, from, e.cues), nextSpeakerCue(s, from, e.cues), true
}

// withSubject reads the named subject of an absolute phrase, "with <name> <participle>":
// "..., with Senator John McCain telling reporters he viewed ...".
func withSubject(s []token, i int) (mention, bool) {
	if i < 2 || builtin().participles.match(s, i) == 0 {
		return mention{}, false
	}
	k := i - 1
	for k > 0 && k > i-6 && (s[k].kind == tWord && s[k].cap() || titlePeriod(s, k)) {
		k--
	}
	if k == i-1 || !s[k].is("with") {
		return mention{}, false
	}
	m := parseMention(s[k+1:i], nil)
	return m, m.valid()
}

// absolute reads what the subject of "with X telling ..." said: the clause after the
// participle.
func (e *engine) absolute(s []token, i int, m mention) (a attribution, cFrom, cTo, stop int, ok bool) {
	n := builtin().participles.match(s, i)
	a = attribution{cue: joinTokens(s[i : i+n]), m: m}
	from := contentStart(s, i+n, a.cue)
	if from >= len(s) || !clauseAllowed(s, i+n, from, a.cue) {
		return a, 0, 0, 0, false
	}
	return a, from, contentEnd(s, from, e.cues), len(s), true
}

// lastClauseSubject finds the named subject of the clause a participle closes when that clause
// is the second of two: "Prosecutors charged the officer and Emanuel fired his chief, ...,
// acknowledging that ...": Emanuel acknowledged, not the prosecutors.
func lastClauseSubject(s []token, i int) (mention, bool) {
	for k := i - 2; k > firstWord(s); k-- {
		if !isCoordination(s[k]) || !s[k+1].cap() {
			continue
		}
		end := k + 1
		for end < i && (s[end].kind == tWord && s[end].cap() || titlePeriod(s, end)) {
			end++
		}
		if end >= i || s[end].kind != tWord || !finiteSoon(s, end, 1) {
			return mention{}, false
		}
		m := parseMention(s[k+1:end], nil)
		return m, m.valid()
	}
	return mention{}, false
}

// frontedParticiple reads a participle of saying that opens the sentence ("Noting that the
// vote was close, Trump reminded ..."): its "that" clause, up to the comma, is said by the
// subject of the main clause after it.
func frontedParticiple(s []token, i int) (a attribution, cFrom, cTo, stop int, ok bool) {
	n := builtin().participles.match(s, i)
	if n == 0 || i+n >= len(s) {
		return a, 0, 0, 0, false
	}
	from := i + n + boolInt(s[i+n].is("that"))
	comma := indexPunct(s, from, ",")
	if comma < 0 || comma+1 >= len(s) || from == i+n && !clauseLike(s[from:comma]) {
		return a, 0, 0, 0, false
	}
	a = attribution{cue: joinTokens(s[i : i+n]), m: subjectAtStart(s[comma+1:])}
	if !a.m.valid() {
		return a, 0, 0, 0, false
	}
	return a, from, comma, comma + 1, true
}

// openedByPreposition tells whether the participle at i follows a preposition opening the
// sentence, maybe with an adverb: "Despite initially saying ..., an official said".
func openedByPreposition(s []token, i int) bool {
	f := firstWord(s)
	if f < 0 || !s[f].wordIn(cParticipleOpeners) {
		return false
	}
	return i == f+1 || i == f+2 && strings.HasSuffix(s[f+1].low, "ly")
}

// asClauseStart finds an "As"/"Как" that puts the cue before what was said: "As Peskov said,
// ...", "Как заявил Песков, ...", "Однако, как отметил X, ...".
func asClauseStart(s []token, i int) (int, bool) {
	l := builtin()
	first := firstWord(s)
	if i > 0 && l.asCues[s[i-1].low] && (i-1 == first || s[i-2].is(",")) {
		first = i - 1
	}
	return first, first >= 0 && first < i && l.asCues[s[first].low] && i-first <= 16
}

// asClause reads the speaker of an "As X said," clause and the content after its comma.
func (e *engine) asClause(s []token, first, i, after int, a attribution) (attribution, int, int, int, bool) {
	comma := indexPunct(s, after, ",")
	if comma < 0 {
		return a, 0, 0, 0, false
	}
	np := s[first+1 : i]
	if len(np) == 0 {
		from := after
		if n := builtin().recipients.match(s, from); n > 0 && from+n < comma {
			from += n // "Как сообщил РИА Новости источник ..."
		}
		np = s[from:comma]
	}
	var appos []token
	if c := indexPunct(np, 0, ","); c > 0 {
		np, appos = np[:c], np[c+1:] // "As Rose Gottemoeller, a former ..., put it"
	}
	a.m = parseMention(np, appos)
	if !a.m.valid() {
		if !asSubjectUnnamed(s, first, i, after, comma) {
			return a, 0, 0, 0, false
		}
		a.m = mention{plural: true} // "As the paper noted, ...": a speaker the rules do not name
	}
	return a, comma + 1, contentEnd(s, comma+1, e.cues), comma + 1, true
}

func isCoordination(t token) bool {
	return t.kind == tWord && t.inClass("coordinators")
}

// coordinated reads "... and added that": the previous speaker of the sentence, or its subject.
func (e *engine) coordinated(s []token, j, after int, a attribution, prev *attribution) (attribution, int, int, int, bool) {
	a.same = true
	if prev != nil {
		a.ent, a.resolved, a.m = prev.ent, true, prev.m
	} else if a.m = subjectAtStart(s[:j]); !a.m.valid() {
		return e.coordinatedUnnamed(s, j, after, a)
	}
	from := contentStart(s, after, a.cue)
	return a, from, contentEnd(s, from, e.cues), from, true
}

// subjectFirst places the content of a cue whose speaker comes before it: before the speaker
// ("...," Peskov said. / Moscow hopes ..., Peskov told reporters.), around it (parenthetical,
// split quotation) or after the cue ("Peskov said that ...").
func (e *engine) subjectFirst(s []token, before, after int, a attribution) (attribution, int, int, int, bool) {
	if before > 0 && s[before].is(",") && after < len(s) && s[after].is(",") && !tailIsCircumstance(s, after+1, a.cue) &&
		nextQuote(s, after) < 0 && participleAt(s, after) == len(s) {
		// (not "..., the ministry noted, adding that ...": the participle is a statement of its own)
		// "The decision, Peskov said, could be reversed": a parenthetical attribution
		a.resume = after + 1
		return a, clauseStartBefore(s, before), before, len(s), true
	}
	quoteBefore := before >= 0 && s[before].kind == tQuote && !titleInCircumstance(s, before, after, a.cue)
	if before >= 0 && (s[before].isPunct(","+dashes) || quoteBefore) && (tailIsCircumstance(s, after, a.cue) || quoteBefore && !tailOpensContent(s, after, a.cue)) {
		return a, clauseStartBefore(s, before), before + boolInt(quoteBefore), min(nextParticiple(s, after), nextSpeakerCue(s, after, e.cues)), true
	}
	if quoteBefore && !tailIsCircumstance(s, after, a.cue) {
		// "Part one," he said, "part two."
		if q := nextQuote(s, after); q > 0 && onlyPunctBetween(s, after, q) {
			a.split = true
			return a, before, q + 1, q + 1, true
		}
	}
	from := contentStart(s, after, a.cue)
	if !clauseAllowed(s, after, from, a.cue) {
		return a, 0, 0, 0, false
	}
	return a, from, contentEnd(s, from, e.cues), from, true
}

// inverted reads a speaker after the cue: "...," said Peskov. / «...», — сказал Песков. /
// "Об этом заявил Песков."
func (e *engine) inverted(s []token, i, after int, a attribution) (attribution, int, int, int, bool) {
	if n := builtin().recipients.match(s, after); n > 0 && after+n < len(s) && s[after+n].kind == tWord {
		after += n // "заявил РИА Новости замминистра ..."
	}
	if objectThenClause(s, after) {
		return a, 0, 0, 0, false // "The aides, led by ..., told the group that ...": the subject came first
	}
	np, appos, end := speakerAfter(s, after)
	if m, ok := citedSource(s, end); ok {
		np, appos, a.m = nil, nil, m // "сообщило РИА «Новости» со ссылкой на замглавы МИД Сергея Рябкова"
	}
	if clauseAfterCue(np) {
		return a, 0, 0, 0, false // "..., including the Press, said he is unfit": "he" opens what was said
	}
	if np != nil {
		a.m = parseMention(np, appos)
	}
	if !a.m.valid() {
		return a, 0, 0, 0, false
	}
	if isThisRef(s, i) {
		a.prevSentence = true // what was said is the sentence before
		return a, 0, 0, len(s), true
	}
	cEnd := i
	if cEnd > 0 && s[cEnd-1].isPunct(","+dashes) {
		cEnd--
	}
	if cEnd > 0 && s[cEnd-1].isPunct(",") {
		cEnd--
	}
	// after a whole quotation ("“...,” said Paloma Wu, legal director for ...") the words after
	// the speaker describe the speaker or go on with the writer's narration: the quotation is
	// complete, a second part would be quoted too (the split case below)
	quoted := cEnd > 0 && s[cEnd-1].kind == tQuote
	if resumesClause(s, end) && !isNamingCue(a.cue) || !quoted && end < len(s) && s[end].is(",") && appos == nil && !tailIsCircumstance(s, end, a.cue) && !(end+1 < len(s) && opensApposition(s[end+1])) {
		a.resume = end + 1 // "Вопрос ..., добавил он, будет рассмотрен ...": parenthetical
	}
	// "Part one," said Peskov, "part two."
	if q := nextQuote(s, end); q > 0 && onlyPunctBetween(s, end, q) && cEnd > 0 && s[cEnd-1].kind == tQuote {
		a.split = true
		return a, 0, q + 1, q + 1, true
	}
	// the sentence may go on with the speaker's next cue: "..., said Scott Reed, the group's
	// strategist, who added that ...", "..., said Tyler, explaining why ..."
	return a, 0, cEnd, min(speakerGoesOn(s, end, e.cues), nextSpeakerCue(s, end, e.cues)), true
}

// speakerGoesOn gives where the scan of a sentence resumes after an inverted speaker ending at
// end: at end when a clause of the speaker's own follows (", who added that ...", ",
// explaining why ..."), else at the sentence end.
func speakerGoesOn(s []token, end int, cues *phraseSet) int {
	for k := end; k+1 < len(s); k++ {
		if !s[k].is(",") {
			continue
		}
		if builtin().participles.match(s, k+1) > 0 || isRelative(s[k+1].low) && cueWithin(s, k+2, 2, cues) {
			return end
		}
		if k+3 < len(s) && s[k+1].kind == tWord && isSubjectPronoun(s[k+2].low) && cues.match(s, k+3) > 0 {
			return end // "..., said Reince Priebus, though he added that ..."
		}
	}
	return len(s)
}

// citedSource reads the source a medium cites after its name ("РИА «Новости» со ссылкой на
// замглавы МИД Сергея Рябкова", "Yonhap, citing a military official"): the cited one speaks.
func citedSource(s []token, from int) (mention, bool) {
	for k := from; k < len(s) && k-from <= 3; k++ {
		n := builtin().citing.match(s, k)
		if n == 0 {
			continue
		}
		end := k + n
		for end < len(s) && (s[end].kind == tWord || titlePeriod(s, end)) {
			end++
		}
		src := sourceOf(s[k+n : end])
		m := parseMention(src, nil)
		m.genitive = isCyrillic(s[k].low)
		return m, len(src) > 0 && m.valid()
	}
	return mention{}, false
}

// clauseAfterCue tells whether the words after a cue open a clause (a subject pronoun and its
// verb) rather than name the speaker: an inverted speaker is a noun phrase that ends the
// sentence or its clause.
func clauseAfterCue(np []token) bool {
	// "..., said that despite ...": a complementizer opens what was said, no speaker
	return len(np) > 1 && np[0].kind == tWord && (isSubjectPronoun(np[0].low) || np[0].inClass("pronouns_it") ||
		np[0].inClass("first_person_subjects") || np[0].wordIn(cComplementizers)) || finiteInPhrase(np)
}

// titlePeriod tells whether s[i] is the period of a title or an initial inside a name ("said
// Gov. Terry E. Branstad"), which does not end the speaker's phrase.
func titlePeriod(s []token, i int) bool {
	if i == 0 || i+1 >= len(s) || !s[i].isPunct(".") || s[i+1].kind != tWord || !s[i+1].cap() {
		return false
	}
	p := s[i-1]
	return p.kind == tWord && p.end == s[i].start && p.cap() && (lang.Abbreviation(p.low) || len([]rune(p.text)) == 1 || lang.DottedLetters(p.text))
}

// speakerAfter reads the noun phrase after a cue, an appositive running to the sentence end
// ("said Dmitry Peskov, the Kremlin spokesman.") and where the attribution ends.
func speakerAfter(s []token, after int) (np, appos []token, end int) {
	end = after
	for end < len(s) && (s[end].kind == tWord || s[end].isPunct("(") && indexPunct(s, end, ")") > end || titlePeriod(s, end)) {
		if s[end].isPunct("(") {
			end = indexPunct(s, end, ")")
		}
		end++
	}
	for k := after + 1; k < end; k++ {
		if s[k].inClass("relative_who") && !isCyrillic(s[k].low) {
			end = k // "said one source who spoke on condition of anonymity": the clause describes the speaker
			break
		}
	}
	// "сказал ТАСС Рябков в пятницу", "said Peskov on Monday": drop a closing circumstance
	npEnd := end
	for k := end - 1; k > after; k-- {
		if s[k].cap() {
			break
		}
		if isTrailingCircum(s[k]) || isCyrillic(s[k].low) && s[k].kind == tWord && !s[k].roleWord() {
			npEnd = k // "оценил Антонов величину шанса": lower-case words after the name are its object
		}
	}
	npEnd = placeAfterName(s, after, npEnd)
	np = withoutParens(s[after:npEnd])
	// (not "said Scott Reed, adding that ...": the participle is the speaker's next statement)
	if end < len(s) && s[end].is(",") && !resumesClause(s, end) && builtin().participles.match(s, end+1) == 0 {
		k := end + 1
		for k < len(s) && (s[k].kind == tWord || titlePeriod(s, k)) {
			k++ // "..., John E. Herbst.": an initial's period is inside the name
		}
		if k == len(s) || s[k].isPunct(".!?;") || resumesClause(s, k) && apposLike(s[end+1:k]) {
			// "said Michael Kofman, an expert on Russia, would read this as ...": the
			// apposition ends where the interrupted clause goes on
			appos = s[end+1 : k]
			end = k
		}
	}
	return np, appos, end
}

// resumesClause tells whether the comma at k goes on with the predicate of a clause an
// attribution interrupted: "The deal, said Peskov, would be reversed".
func resumesClause(s []token, k int) bool {
	return k+1 < len(s) && s[k].is(",") && s[k+1].kind == tWord && finiteMarker(strings.ReplaceAll(s[k+1].low, "’", "'"))
}

// according reads "According to X, ..." and "..., according to X."
func (e *engine) according(s []token, i, n int) (a attribution, cFrom, cTo, stop int, ok bool) {
	a.cue = joinTokens(s[i : i+n])
	ru := isCyrillic(s[i].low)
	pron := ""
	for _, t := range s[i : i+n] {
		if p := builtin().genPronoun[t.low]; p != "" {
			pron = p // "по его словам"
		}
	}
	if i == firstWord(s) || i == 0 || i > 0 && s[i-1].is(",") && pron != "" || onlyConjunctionBefore(s, i) {
		comma := indexPunct(s, i+n, ",")
		if comma < 0 {
			return a, 0, 0, 0, false
		}
		a.m = parseMention(sourceOf(withoutTimeTail(s[i+n:comma])), nil)
		if pron != "" {
			a.m = mention{pronoun: pron}
		}
		a.m.genitive = ru
		if i > 0 && !onlyConjunctionBefore(s, i) {
			// "28 октября, по его словам, был испытан ...": the text after the parenthetical
			a.resume = comma + 1
			return a, 0, i - 1, comma + 1, true
		}
		if src := sourceOf(s[i+n : comma]); pron == "" && (len(src) == 0 || nonSpeaker(src)) {
			return a, 0, 0, 0, false
		}
		a.m = a.m.orUnnamed() // "According to the poll, ...": a source all the same, as after the clause
		return a, comma + 1, contentEnd(s, comma+1, e.cues), comma + 1, true
	}
	if i > 0 && (s[i-1].is(",") || s[i-1].kind == tQuote && quoteEndsWithComma(s[i-1])) {
		// (American style puts the comma inside the quotation: "... “...,” according to X.")
		end := i + n
		for end < len(s) && s[end].kind == tWord {
			end++
		}
		for end < len(s) && (s[end].kind == tWord || titlePeriod(s, end) || s[end].isPunct(".") && end > 0 && strings.Contains(s[end-1].text, ".")) {
			end++ // "according to Mr. Rhodes", "according to the U.S. Army"
		}
		raw := s[i+n : end]
		src := sourceOf(raw)
		a.m = parseMention(src, nil)
		a.m.genitive = ru
		if len(src) == 0 || nonSpeaker(src) || !a.m.valid() && nonSpeaker(raw) {
			return a, 0, 0, 0, false
		}
		// "..., according to a pool report": the phrase is a cue whatever its source, which
		// stays unnamed when it is no name
		a.m = a.m.orUnnamed()
		if end < len(s) && s[end].is(",") && !tailIsCircumstance(s, end+1, a.cue) {
			a.resume = end + 1 // "..., по словам президента, был испытан ..."
		}
		return a, frontedClauseEnd(s, i-1), i - boolInt(s[i-1].is(",")), len(s), true
	}
	return a, 0, 0, 0, false
}

// frontedClauseEnd gives where the main clause of a sentence starts when a concession or a
// participle phrase opens it before a comma ("Though he has no shot at the nomination, Kasich
// appears to ..., according to three polls"): the source vouches for the main clause (a
// condition, "When ...", "If ...", is part of what it vouches for). Else 0.
func frontedClauseEnd(s []token, end int) int {
	f := firstWord(s)
	if f < 0 || f >= end || !(s[f].inClass("fronted_concessives") || strings.HasSuffix(s[f].low, "ing") && s[f].cap()) {
		return 0
	}
	if c := indexPunct(s, f, ","); c > f && c+1 < end {
		return c + 1
	}
	return 0
}

// withoutTimeTail drops a closing time phrase from a source: "the Korean Central News Agency on
// Thursday", "ТАСС в пятницу".
func withoutTimeTail(np []token) []token {
	n := len(np)
	if n >= 3 && isPlacePreposition(np[n-2]) && (isWeekday(np[n-1].low) || isMonth(np[n-1].low) || np[n-1].in(cTimeWords)) {
		return np[:n-2]
	}
	return np
}

func nonSpeaker(np []token) bool {
	l := builtin()
	for k, t := range np {
		if l.nonSpeakers[t.low] && (k+1 == len(np) || np[k+1].kind != tWord || np[k+1].in(cStopCaps) || isPreposition(np[k+1].low)) {
			return true // the head of the phrase: not "a senior law enforcement official"
		}
	}
	return false
}

// subjectBefore reads the speaker noun phrase ending at token j (inclusive): "the Kremlin
// spokesman", "Russian Deputy Foreign Minister Sergei Ryabkov", "Ryabkov, who led ..., "
// It returns where the phrase starts.
func subjectBefore(s []token, j int) (int, mention) {
	if j < 0 {
		return 0, mention{}
	}
	if m, ok := contractedPronoun(s[j]); ok {
		return j, m // "He's said", "They've said"
	}
	if j >= 3 && s[j].kind == tQuote && quoteEndsWithComma(s[j]) && isTitledWord(s[j-1].low) && s[j-2].is(",") {
		// "The report, titled "Beyond New START," recommends": the title is an aside
		if from := npStart(s, j-3); from <= j-3 {
			return from, parseMention(s[from:j-2], nil)
		}
		return 0, mention{}
	}
	if s[j].is(",") {
		// "Dmitry Peskov, the Kremlin spokesman, said" / "Ryabkov, who led ..., said"
		for k := j - 1; k > 0 && j-k <= 30; k-- {
			if s[k].kind == tQuote && !(k > 0 && isTitledWord(s[k-1].low)) {
				break // a quotation is no appositive, unless a title ("The report, titled "...",")
			}
			if !s[k].is(",") {
				continue
			}
			from := npStart(s, k-1)
			if f := modifiersBack(s, from, k-1); from <= k-1 && f < from && (f == 0 || s[f-1].isPunct(","+dashes)) {
				from = f // "..., his top aide, Tad Devine, said" (not "one of the family's attorneys, ...")
			}
			appos := s[k+1 : j]
			if from > k-1 || from > 0 && s[from-1].kind == tWord && placePreposition(s[from-1]) {
				if n := parseMention(appos, nil); nameAfterDescription(s, k, appos) && n.kind == "person" && n.name != "" {
					// "Another delegate on the Cruz slate, Jim Poolman, said": a name after a
					// description that opens the sentence
					return descriptionStart(s), n
				}
			}
			if from > k-1 {
				continue // "Michael Seaman, who lives outside the state capital, Sacramento, said"
			}
			if participialAside(appos) {
				appos = nil // "Sullivan, struck by her story, told her ...": no role of the speaker's
			} else if len(appos) == 0 || !apposLike(appos) {
				break
			}
			if from > 0 && s[from-1].kind == tWord && placePreposition(s[from-1]) {
				continue // "Tom Fitton, the president of Judicial Watch, a conservative group, said"
			}
			if from > 0 && (s[from-1].is("of") || inRelativeClause(s, from-1)) {
				// "Mark Holden, chairman of the board of Freedom Partners, its funding arm, said",
				// "Ms. Arnold, who helped found EDGE, a group ..., said": the name is the object of
				// a role or of a clause describing the speaker before it
				continue
			}
			if n := parseMention(appos, s[from:k]); personName(appos) && n.kind == "person" && n.name != "" {
				return from, n // "The Podesta Group's CEO, Kimberley Fritts, said": the name
			}
			m := parseMention(s[from:k], appos)
			if m.name != "" || m.valid() && (m.indefinite || m.descriptor != "") {
				return from, m
			}
			break
		}
		return 0, mention{}
	}
	if j > 2 && s[j].isPunct(dashes) {
		// "The E3 - Britain, France and Germany - said": the dashes enclose an apposition
		for k := j - 1; k > 0 && j-k <= 30; k-- {
			if s[k].isPunct(dashes) {
				if j-k <= 12 || relativeAside(s, k, j) {
					j = k - 1 // a long aside only as a relative clause: "Joyce — who is listed ... — told"
				}
				break
			}
		}
	}
	if h := headBeforeModifier(s, j); h >= 0 {
		j = h // "Two sources familiar with the matter told": the speaker is the sources
	}
	from := npStart(s, j)
	if from > j {
		if k := relativeBefore(s, j); k > 0 {
			if k >= 2 && s[k-1].is(",") {
				return relativeAntecedent(s, k-2)
			}
			// "Hawkins and others who want to ban abortion said": the clause describes the speaker
			return subjectBefore(s, k-1)
		}
		return 0, mention{}
	}
	// "“...,” conference president Do Hung Viet told": lower-case modifiers of a title back
	// to the quotation
	for k := from - 1; k >= 0 && from-k <= 3 && s[from].roleWord(); k-- {
		if s[k].kind == tQuote || s[k].isPunct(","+dashes) {
			if k < from-1 {
				from = k + 1
			}
			break
		}
		if s[k].kind != tWord || s[k].cap() {
			break
		}
	}
	if isCyrillic(s[j].low) {
		// "Постпред России при международных организациях в Вене Михаил Ульянов": Russian
		// titles run on in lower case and prepositions back to their head
		for k := from - 1; k >= 0 && from-k <= 9 && s[k].kind == tWord; k-- {
			if s[k].roleWord() {
				from = k
			}
		}
	}
	// "A source in the Russian Foreign Ministry told", "a spokesman for the ministry said"
	if from >= 2 && isPreposition(s[from-1].low) && (s[from-2].roleWord() || s[from-2].in(cGroups)) {
		if f := npStart(s, from-2); f <= from-2 {
			if s[from-2].in(cGroups) && !hasOrgHead(s[from:j+1]) {
				// "Most voters in Iowa said", "respondents in the Suffolk poll said": the group
				// speaks, the place or poll only says which
				return f, mention{plural: true, role: joinTokens(s[from-2 : j+1])}
			}
			from = f
		}
	}
	if f, m, ok := nameBeforePlace(s, from); ok {
		return f, m // "Stacy Baker of Columbia, South Carolina says": the state is no speaker
	}
	from = roleOfBack(s, from)
	from = modifiersBack(s, from, j)
	j = nameBeforeOf(s, from, j)
	m := parseMention(s[from:j+1], nil)
	// a lone capitalised word opening the sentence may be no name at all ("Yesterday")
	if m.kind == "person" && m.name != "" && !m.valid() {
		return 0, mention{}
	}
	return from, m
}

// modifiersBack extends a speaker phrase s[from:j+1] whose head is a role, a group of people or
// a name back over lower-case modifiers to a determiner, a comma or the sentence start: "the
// prime minister's spokesman", "..., election officials said", "..., journalist Jane Roe said". Any other word before them (a verb,
// a preposition, a conjunction) leaves the phrase as it was: the modifiers may belong elsewhere.
func modifiersBack(s []token, from, j int) int {
	if from > j || !(s[j].roleWord() || s[j].in(cGroups) || s[j].cap()) || isCyrillic(s[j].low) {
		return from
	}
	span := 3 // modifiers allowed; one more for each "and" between two of them
	for k := from - 1; k >= 0 && from-k <= span; k-- {
		t := s[k]
		switch {
		case t.kind != tWord:
			if k < from-1 && (t.isPunct(","+dashes) || t.kind == tQuote) {
				return k + 1
			}
			return from
		case t.inClass("modifier_openers"): // a word: other kinds returned above
			return k
		case t.inClass("participle_modifiers") && (k == firstWord(s) || k > 0 && (s[k-1].isPunct(","+dashes) || s[k-1].kind == tQuote)):
			return k // "..., retired Air Force general Lloyd Newton said": a participle of status
		case t.cap() && !t.in(cStopCaps) && k > 0 && k < from-1 && !isCyrillic(t.low):
			span++ // "the Democratic presidential candidate's former doctor": a proper adjective
		case t.inClass("group_quantifiers") && s[j].in(cGroups):
			return k // "several friends said", "many local officials say"
		case (t.is("and") || t.is("or")) && k > 0 && modifierWord(s[k-1]):
			span++ // "current and former officials": coordinated modifiers
		case !modifierWord(t):
			return from
		case k == firstWord(s):
			return k
		}
	}
	return from
}

// modifierWord tells whether a lower-case word may qualify the noun after it ("election",
// "political", "minister's"): no function word, no verb form, no adverb.
func modifierWord(t token) bool {
	w := t.low
	if t.cap() || len(w) < 3 || builtin().stopCaps[w] || builtin().aux[w] || cFiniteMarkers.has(w) ||
		cClauseJoiners.has(w) || isPreposition(w) || isRelative(w) || inClass("np_breakers", w) {
		return false
	}
	for _, suf := range []string{"ly", "ed", "ing"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' {
			return false
		}
	}
	return true
}

// progressiveAux tells whether t is a form of "be" that makes the participle after it a finite
// verb: "is", "are", "was", "were", "been", or a pronoun contracted with one ("she's", "they're").
func progressiveAux(t token) bool {
	if t.in(cProgressiveAux) {
		return t.kind == tWord
	}
	_, ok := contractedPronoun(t)
	return ok && !strings.HasSuffix(t.low, "d") && !strings.HasSuffix(t.low, "ve")
}

// contractedPronoun reads a subject pronoun with a contracted auxiliary ("he's", "they've",
// "she’d") as the pronoun.
func contractedPronoun(t token) (mention, bool) {
	if t.kind != tWord || !hasApostrophe(t.low) {
		return mention{}, false // most words: no allocation on the way
	}
	p, aux, ok := strings.Cut(strings.ReplaceAll(t.low, "’", "'"), "'")
	if !ok || !inClass("contracted_aux", aux) {
		return mention{}, false
	}
	return pronounOf([]token{{kind: tWord, text: p, low: p}})
}

// hasApostrophe is strings.ContainsAny(w, "'’") without its rune-by-rune search of a set that
// is not ASCII: the byte search finds "’" only where it is a whole rune, as no UTF-8 sequence
// holds its lead byte 0xE2 inside another rune.
func hasApostrophe(w string) bool {
	return strings.IndexByte(w, '\'') >= 0 || strings.Contains(w, "’")
}

// relativeAntecedent reads the speaker of "Cruz, who said he would ...": the noun phrase
// ending at j, before the comma of a relative clause whose verb is the cue. Only a name or a
// role counts: "the plan, which said" is no speaker.
func relativeAntecedent(s []token, j int) (int, mention) {
	from := npStart(s, j)
	if from > j {
		return 0, mention{}
	}
	m := parseMention(s[from:j+1], nil)
	if m.name == "" && m.descriptor == "" && !m.plural {
		return 0, mention{}
	}
	return from, m
}

// relativeBefore finds a relative pronoun ("who") opening a clause without commas that runs to
// token j, or -1. A "who" just before the cue makes the cue the clause's own verb ("voters who
// said they would vote ..."), and the noun phrase before it is the speaker all the same.
func relativeBefore(s []token, j int) int {
	for k := j; k > 0 && j-k <= 14; k-- {
		if s[k].kind != tWord {
			return -1
		}
		if s[k].inClass("relative_who") {
			return k
		}
	}
	return -1
}

// personName tells whether ts is a bare personal name: two to four capitalised words (initials
// with their periods) and no role or institution word.
func personName(ts []token) bool {
	n := 0
	for _, t := range ts {
		switch {
		case t.isPunct("."):
		case t.kind != tWord || !t.cap() || t.roleWord() || hasOrgHead([]token{t}) || t.in(cStopCaps):
			return false
		default:
			n++
		}
	}
	return n >= 2 && n <= 4
}

// titledName tells whether ts is a personal name, after capitalised titles if any ("Tom
// Vilsack", "Agriculture Secretary Tom Vilsack").
func titledName(ts []token) bool {
	from := 0
	for k, t := range ts {
		if t.kind != tWord || !t.cap() {
			break
		}
		if t.roleWord() {
			from = k + 1
		}
	}
	return personName(ts[from:])
}

// nameBeforeOf ends a speaker phrase s[from:j+1] before "of <place>" that follows a personal
// name: "CBC Chairman G.K. Butterfield of North Carolina said", "Matthew Kroenig of the Atlantic
// Council said"; a role before "of" keeps it ("Secretary of State John Kerry").
func nameBeforeOf(s []token, from, j int) int {
	for k := from + 2; k < j; k++ {
		if !s[k].is("of") {
			continue
		}
		p := s[k-1]
		if p.kind == tWord && p.cap() && !p.roleWord() && !hasOrgHead([]token{p}) && s[k-2].cap() && !s[k-2].roleWord() && !hasOrgHead([]token{s[k-2]}) {
			return k - 1
		}
		return j
	}
	return j
}

// roleOfBack extends a speaker phrase back to the role whose lower-case complement it ends:
// "the head of the Duma's international affairs committee" said, not "committee";
// "Russia's permanent representative to international organisations in Vienna", not "Vienna".
func roleOfBack(s []token, from int) int {
	for k := from - 1; k > 0 && from-k <= 6; k-- {
		t := s[k]
		if t.kind != tWord || t.is("that") || t.is("and") || t.is("said") {
			return from
		}
		if (t.is("of") || t.is("to")) && s[k-1].roleWord() && !s[k-1].cap() {
			if f := npStart(s, k-1); f <= k-1 {
				return f
			}
			return from
		}
	}
	return from
}

// headBeforeModifier finds the head of a speaker phrase with a trailing modifier ("sources
// familiar with the matter", "a person close to the Kremlin", "officials briefed on the talks"),
// or -1.
func headBeforeModifier(s []token, j int) int {
	for k := j; k > 0 && j-k <= 10; k-- {
		if s[k].isPunct(".") && s[k-1].kind == tWord && s[k-1].end == s[k].start {
			continue // "an official with U.S. President ...": an abbreviation inside the modifier
		}
		if s[k].kind != tWord {
			return -1
		}
		h := s[k-1].low
		switch {
		case s[k].inClass("speaker_modifiers"):
			if isRoleWord(h) || isPluralPerson(h) || h == "person" || h == "people" {
				return k - 1
			}
		case s[k].inClass("document_modifiers"):
			if isRoleWord(h) || isPluralPerson(h) || h == "person" || h == "people" || isDocumentWord(h) {
				return k - 1 // "A news report published Wednesday said": the report
			}
		default:
			continue
		}
		return -1
	}
	return -1
}

func isTitledWord(w string) bool { return inClass("titled_words", w) }

// apposLike tells whether tokens can be an appositive after a name: a role ("the Kremlin
// spokesman", "Russia's deputy foreign minister") or a relative clause ("who heads ...").
func apposLike(ts []token) bool {
	w := ts[0].low
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return true // "A German defence official, speaking on condition of anonymity, said"
	}
	if cArticles.has(w) && articleClause(ts) {
		return false // "In nearby Decatur, the plant is hanging on, said ...": a clause, what was said
	}
	if isNumber(w) || isRelative(w) || isTitledWord(w) || cArticles.has(w) || inClass("appos_openers", w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	for i := 0; i < len(ts) && i < 3; i++ {
		if ts[i].roleWord() {
			return true // "associate professor of history", "senior policy adviser"
		}
		if !modifierWord(ts[i]) {
			break
		}
	}
	return builtin().modifiers[w] || ts[0].cap() && len(ts) <= 8
}

// articleClause tells whether a phrase opened by an article has a finite verb within its first
// words and before any relative word ("the plant is hanging on"; not "the group that has sued").
func articleClause(ts []token) bool {
	for k := 1; k < len(ts) && k <= 6; k++ {
		t := ts[k]
		if t.kind != tWord || isRelative(t.low) || t.is("that") {
			return false
		}
		if !t.cap() && cFiniteMarkers.has(strings.ReplaceAll(t.low, "’", "'")) {
			return true
		}
	}
	return false
}

// npStart walks back from j over the words of a speaker noun phrase and returns its first token.
func npStart(s []token, j int) int {
	i := j
	if j >= 3 && s[j].isPunct(")") {
		// "the Stockholm International Peace Research Institute (Sipri)", "Rep. Sander M. Levin
		// (Mich.)", "Kasich (who has 25 delegates to date)": the brackets belong to the name
		for k := j - 1; k > 0 && j-k <= 12; k-- {
			if s[k].isPunct("(") {
				i = k - 1
				break
			}
			if s[k].kind == tQuote || s[k].isPunct(")") {
				break
			}
		}
	}
	for i >= 0 {
		t := s[i]
		if t.kind != tWord {
			if t.isPunct(".") && i > 0 && i < j && s[i-1].kind == tWord && s[i-1].end == t.start && s[i-1].cap() &&
				(len([]rune(s[i-1].text)) == 1 || strings.Contains(s[i-1].text, ".") || lang.Abbreviation(s[i-1].low)) {
				i-- // "В.Путин", "V. Putin", "U.S. official", "Ms. White"
				continue
			}
			break
		}
		switch {
		case t.in(cArticles) && i >= 2 && i < j && wordIn(s[i-1], "title_prepositions") &&
			(s[i-2].cap() || s[i-2].roleWord()):
			// "Commander of the Strategic Missile Forces ...": the article is inside the title
		case t.in(cArticles):
			return i
		case (t.low == "of" || t.low == "for" || t.low == "to" || t.low == "on" || t.low == "and") && i > 0 && i < j &&
			(s[i-1].cap() || s[i-1].roleWord()) && (s[i+1].cap() || s[i+1].roleWord() || s[i+1].is("the")):
		case (t.low == "in" || t.low == "at") && i > 0 && i+1 < j && s[i-1].cap() && s[i+1].cap() && s[i+2].cap():
			// "Permanent Representative to International Organizations in Vienna Mikhail Ulyanov"
		case i == j && i > 0 && stopCapSurname(s[i-1], t):
		case t.in(cStopCaps) && !t.in(cPronouns):
			return i + 1
		case t.in(cPronouns):
			if i == j {
				return i
			}
			return i + 1
		case t.cap() || t.roleWord() || t.in(cModifiers) || t.in(cOrgHeads) || t.in(cGroups) || isNameParticle(t.low):
		case i > 0 && i < j && s[i-1].cap() && s[i+1].kind == tWord && s[i+1].in(cOrgHeads) && !isCyrillic(t.low):
			// "the KCNA news agency", "the Yonhap news agency": a common noun inside the name
		case i == j && t.documentWord() && !isCyrillic(t.low):
			// "The document said", "the ministry's statement said": its author speaks
		default:
			if isCyrillic(t.low) && hasOrgHead([]token{t}) {
				break
			}
			return i + 1
		}
		i--
	}
	return i + 1
}

// skipAuxBack walks back from j over words that may stand between a subject and its verb
// ("has also", "on Wednesday", "repeatedly").
func skipAuxBack(s []token, j int) int {
	l := builtin()
	if j > 0 && s[j].isPunct(".") && s[j-1].kind == tWord && s[j-1].end == s[j].start &&
		(dottedAcronym(s[j-1].text) || s[j-1].cap() && lang.Abbreviation(s[j-1].low)) {
		j-- // "The F.B.I. said", "Joseph R. Biden Jr. warned": the period closes an abbreviation
	}
	for j >= 0 && (s[j].kind == tWord || s[j].kind == tQuote) {
		w := s[j].low
		switch {
		case s[j].kind == tQuote && interviewAt(s, j) == len(s):
			return j
		case l.aux[w], strings.HasSuffix(w, "ly") && len(w) > 4 && !s[j].cap(), isAdverbOfTime(w) && !s[j].cap():
			j--
		case inClass("verb_adverbs", w) && !s[j].cap():
			j-- // "Mrs. Clinton has since said", "Mr. Reyes often says"
		case phraseBack(s, j, "time_asides") > 0:
			j -= phraseBack(s, j, "time_asides") // "Trump at the time said"
		case isReflexive(w) && j > 0 && s[j-1].cap():
			j-- // "Ford itself said"
		case w == "to" && catenativeBack(s, j-1) >= 0:
			j = catenativeBack(s, j-1) // "Lewandowski continued to say", "X went on to say"
		case j > 0 && (isWeekday(w) || inClass("time_words", w) && !s[j].cap()) && wordIn(s[j-1], "time_determiners"):
			j -= 2 // "Gowdy earlier Thursday said", "Feinstein last week said"
		case j >= 2 && s[j].kind == tQuote && interviewAt(s, j) < j:
			j = interviewAt(s, j) - 1 // "Рябков в интервью «Известиям» отметил"
		case isWeekday(w) && j > 0 && wordIn(s[j-1], "day_prepositions"):
			j -= 2
		case j >= 2 && s[j].kind == tWord && isNumber(w) && isMonth(s[j-1].low) && s[j-2].is("on"):
			j -= 3 // "KCNA on May 22 said"
		case j > 0 && isCyrillic(w) && !s[j].cap() && wordIn(s[j-1], "ru_circumstance_prepositions") && !isRoleWord(w) && !hasOrgHead(s[j:j+1]):
			j -= 2 // "Москва в августе объявила"
		case adjunctBack(s, j) >= 0:
			j = adjunctBack(s, j) // "Лавров на встрече с журналистами сообщил"
		case phraseBack(s, j, "turn_asides") > 0:
			j -= phraseBack(s, j, "turn_asides") // "в свою очередь", "in turn"
		default:
			return j
		}
	}
	if p := j - boolInt(j >= 2 && s[j].is(",")); p >= 1 && s[p].isPunct(")") {
		// "Sen. Jack Reed (D-R.I.), said", "Feinstein (D-Calif.) last week said"
		if k := parenBack(s, p); k < p && k >= 0 && s[k].kind == tWord && s[k].cap() {
			return skipAuxBack(s, k)
		}
	}
	if k := subjectAsideBack(s, j); k >= 0 {
		return k
	}
	if j >= 2 && s[j].is(",") {
		// "Gates, in contrast, told AP", "officials, however, said": an aside between commas
		for k := j - 1; k > 0 && j-k <= 4 && s[k].kind == tWord; k-- {
			if s[k-1].is(",") && builtin().asides.match(s, k) == j-k {
				return k - 2
			}
		}
	}
	return j
}

// catenativeBack returns the token before a verb ending at j whose subject is also the subject
// of the cue after its "to" ("continuing", "went on"), or -1.
func catenativeBack(s []token, j int) int {
	if j < 0 || s[j].kind != tWord {
		return -1
	}
	if s[j].inClass("catenatives") {
		return j - 1
	}
	if j > 0 && s[j-1].kind == tWord && inClass("catenatives", s[j-1].low+" "+s[j].low) {
		return j - 2
	}
	return -1
}

// inRelativeClause tells whether s[k] is inside a relative clause that a comma or the sentence
// start opens ("Ms. Arnold, who helped found EDGE"), k itself being a lower-case word.
func inRelativeClause(s []token, k int) bool {
	if s[k].kind != tWord || s[k].cap() {
		return false
	}
	for i := k; i >= 0 && k-i <= 8; i-- {
		switch {
		case s[i].is(","):
			return false
		case isRelative(s[i].low):
			return true
		}
	}
	return false
}

// parenBack returns the index before the bracket that opens the one closing at j, when the
// bracket holds a tag with no lower-case word ("(D-R.I.)", "(R)"), else j: "(a Republican PAC)"
// describes an appositive's institution, not the subject.
func parenBack(s []token, j int) int {
	for k := j - 1; k >= 1 && j-k <= 8; k-- {
		if s[k].isPunct("(") {
			return k - 1
		}
		if s[k].kind == tWord && !s[k].cap() {
			return j
		}
	}
	return j
}

// subjectAsideBack reads an aside set off by commas between a named subject and its verb, which
// opens with a preposition, a conjunction of time or a reflexive ("Mr. Trump, in a brief
// interview on Saturday, said"), and returns the subject's last token, or -1. The comma at j
// closes it; the subject before the opening comma must end in a capitalised word.
func subjectAsideBack(s []token, j int) int {
	if j < 2 || !s[j].is(",") {
		return -1
	}
	for k := j - 1; k >= 1 && j-k <= 14; k-- {
		if s[k].kind == tQuote || s[k].isPunct(dashes+";:") {
			return -1
		}
		if !s[k].is(",") {
			continue
		}
		if k+1 < j && s[k+1].inClass("subject_asides") && !s[k+1].cap() && s[k-1].kind == tWord && s[k-1].cap() {
			return k - 1
		}
		return -1
	}
	return -1
}

func isReflexive(w string) bool {
	return inClass("reflexives", w)
}

// adjunctBack finds a circumstance phrase ending at j between a subject and its verb ("на
// встрече с журналистами", "during a visit to Paris") and returns the subject's last token, or -1.
// The phrase must follow a name or a role and hold a lower-case word: "на Украине Иванов" may be
// part of a title.
func adjunctBack(s []token, j int) int {
	found := -1
	for k := j; k >= 1 && j-k <= 5 && s[k].kind == tWord; k-- {
		if k == j || !s[k].inClass("verb_adjuncts") || !(s[k-1].cap() || s[k-1].roleWord()) || s[k-1].kind != tWord {
			continue
		}
		for _, t := range s[k+1 : j+1] {
			if !t.cap() && !t.roleWord() && !t.inClass("verb_adjuncts") {
				found = k - 1
				break
			}
		}
	}
	return found
}

// isAdverbOfTime: words between a subject and its verb ("Grossi today said").
func isAdverbOfTime(w string) bool { return inClass("adverbs_of_time", w) }

// interviewAt finds "в интервью" / "in an interview with" before the quoted medium name at q,
// and returns the preposition's index (len(s) if none).
func interviewAt(s []token, q int) int {
	for k := q - 1; k >= 0 && q-k <= 3; k-- {
		if (s[k].is("в") || s[k].is("in")) && k+1 < q && isCircumNoun(s[k+1].low) {
			return k
		}
		if s[k].kind != tWord {
			break
		}
	}
	return len(s)
}

// isWeekday: a weekday name, English or Russian, in any case (the language layer's).
func isWeekday(w string) bool { return lang.Weekday(w) > 0 }

// tailIsCircumstance tells whether what follows a cue up to the sentence end is only
// circumstance ("on Wednesday", "in an interview with TASS", "told Sputnik") and not content.
func tailIsCircumstance(s []token, i int, cue string) bool {
	l := builtin()
	end := len(s)
	for end > i && s[end-1].isPunct(".!?;") {
		end--
	}
	if i < end && s[i].is(";") {
		return true // "..., analysts say; in 2012, ...": the semicolon ends the attribution's clause
	}
	if i >= end {
		return true
	}
	if participleAt(s, i) < len(s) {
		return true // "..., adding that ..." starts a statement of its own
	}
	if p := nextParticiple(s, i); p < end {
		end = p // "said Tuesday in Paris, noting that ...": the tail ends where the participle starts
	}
	if end = tailAsideStart(s, i, end); i >= end {
		return true // "..., Kunin said as she left the hall."
	}
	if end-i > 14 && !(isCircumWord(s[i].low) && verbless(s[i:end])) {
		return false
	}
	for k := i; k < end; k++ {
		t := s[k]
		if t.kind == tQuote && k > i && k+1 >= end && showTitle(s, k) {
			continue // "he said Wednesday on MSNBC's “Morning Joe.”": a programme's name
		}
		if t.kind == tQuote || t.wordIn(cComplementizers) || t.is(":") {
			return false
		}
	}
	if tailOpensClause(s, i, cue) {
		return false // "told reporters this was the only chance", "told him he had never been ..."
	}
	t := s[i]
	if isTold(cue) && end-i <= 10 {
		return true // "told the country's political elite"
	}
	if t.is("to") {
		return i+1 < end && (l.recipients.match(s, i+1) > 0 || s[i+1].cap())
	}
	if t.cap() && !isWeekday(t.low) && !t.in(cTimeWords) {
		return end-i <= 2 && l.recipients.match(s, i) > 0
	}
	if n := l.recipients.match(s, i); n > 0 {
		// "told reporters on Monday", but not "said her group will ...": a possessive
		return tailIsCircumstance(s, i+n, cue)
	}
	return t.in(cTimeWords) || isCircumWord(t.low) || t.is(",")
}

// tailAsideStart returns where the writer's own words begin in a cue's tail, else end: a
// subordinate clause with its subject and verb soon after the cue ("told his advisers as he
// labored over ..."; not the "when" of "told his staff never to speak of it when they ...", nor
// "as the heckler yelled: “...”", a clause with words of its own), or an aside
// opened by a dash and an article ("said this week in Wyoming — an apparent reversal ...").
func tailAsideStart(s []token, i, end int) int {
	for k := i; k+1 < end; k++ {
		t, n := s[k], s[k+1]
		if k-i <= 4 && verbless(s[i:k]) && t.kind == tWord && (k > i && t.wordIn(cSubordinators) || t.is("as")) && n.kind == tWord &&
			(isSubjectPronoun(n.low) || (isDeterminer(n.low) || n.cap()) && finiteSoon(s, k+2, 4)) && !tailHasContent(s, k) {
			return k
		}
		if t.isPunct(dashes) && wordIn(n, "indefinite_articles") {
			return k
		}
	}
	return end
}

// showTitle tells whether the quotation at k names a programme or a publication: a few
// capitalised words after a possessive or a preposition ("on MSNBC's “Morning Joe”", "on “Face
// the Nation”"), not words someone said.
func showTitle(s []token, k int) bool {
	p := s[k-1]
	if p.kind != tWord || !(strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") || wordIn(p, "topic_prepositions") || isCircumWord(p.low)) {
		return false
	}
	ws := strings.FieldsFunc(s[k].text, notWordRune)
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	caps := 0
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 > len(ws) && unicode.IsUpper([]rune(ws[0])[0])
}

// tailOpensClause tells whether the words after a cue (past the recipient of "told") open a
// clause of their own: a subject pronoun with its verb ("told him he had never been ...") or a
// demonstrative right before a finite verb ("told reporters this was ..."); such a tail is what
// was said, not circumstance, even after a fronted phrase.
func tailOpensClause(s []token, i int, cue string) bool {
	k := i
	if isTold(cue) {
		k += builtin().recipients.match(s, k)
	}
	if k >= len(s) || s[k].kind != tWord {
		return false
	}
	if s[k].inClass("demonstratives") && k+1 < len(s) && s[k+1].kind == tWord && finiteMarker(strings.ReplaceAll(s[k+1].low, "’", "'")) {
		return true
	}
	return pronounClause(s, k)
}

// verbless tells whether c is a chain of phrases with no finite verb and no punctuation ("at a
// press conference on Tuesday ahead of a meeting between the alliance's defense chiefs"): a
// long tail of prepositional phrases is still circumstance, a clause with a verb is content.
func verbless(c []token) bool {
	for _, t := range c {
		if t.kind != tWord {
			return false
		}
		w := strings.ReplaceAll(t.low, "’", "'")
		if cFiniteMarkers.has(w) || strings.HasSuffix(w, "ed") || strings.Contains(w, "'") && !strings.HasSuffix(w, "'s") {
			return false
		}
	}
	return true
}

func isTold(cue string) bool {
	c := lower(cue)
	return strings.HasPrefix(c, "told") || strings.HasPrefix(c, "tell")
}

func isCircumWord(w string) bool { return inClass("circum_words", w) }

// contentStart finds where what was said begins after a cue ending at i: past a recipient
// ("told reporters"), circumstance ("on Wednesday"), and "that" / ":" / "что".
func contentStart(s []token, i int, cue string) int {
	l := builtin()
	if meansSpeech(s, i+1) {
		// "responded by saying that ...": what was said follows the participle
		return skipThat(s, i+1+l.participles.match(s, i+1))
	}
	if i+1 < len(s) && s[i].is(",") && l.according.match(s, i+1) > 0 {
		// "said, according to a transcript ..., that ...": the source is an aside
		for k := i + 2; k+1 < len(s) && k-i <= 16; k++ {
			if s[k].is(",") && s[k+1].is("that") {
				return skipThat(s, k)
			}
		}
	}
	// "revealed to the media, “...”", "concluded in her statement, “...”": the quotation is
	// what was said, the words before it are circumstance
	for k := i; k < len(s) && k-i <= 10; k++ {
		if s[k].wordIn(cComplementizers) || s[k].isPunct(".!?;") {
			break
		}
		if k > i && !s[k].cap() && l.cues.match(s, k) > 0 {
			break // "said he welcomed the ruling and added, “...”": a second cue owns the quotation
		}
		if s[k].kind == tQuote {
			if k > i && s[k-1].isPunct(",:") {
				return k
			}
			break
		}
	}
	// "написал в соцсети X: «...»": a colon soon after the verb opens what was said
	for k := i; k < len(s) && k-i <= 8; k++ {
		if s[k].is(":") {
			return skipThat(s, k)
		}
		if s[k].kind == tQuote || s[k].isPunct(".!?;") || s[k].wordIn(cComplementizers) {
			break
		}
	}
	// "said on Wednesday that ...", "told Izvestia in an interview that ..."
	for k := i; k < len(s) && k-i <= 14; k++ {
		t := s[k]
		if relativeThat(s, k) {
			break // "told reporters after the meeting that was held ...": a relative clause
		}
		if t.wordIn(cComplementizers) || t.is(":") {
			return skipThat(s, k)
		}
		if t.kind == tQuote && k > i && showTitle(s, k) {
			continue // "said on “Face the Nation” that ...": the programme is circumstance
		}
		if t.kind == tQuote || !(t.kind == tPunct && t.isPunct(",()."+dashes) || t.cap() || t.in(cTimeWords) ||
			isCircumWord(t.low) || t.low == "to" || isCircumNoun(t.low) || l.recipients.match(s, k) > 0 || isNumber(t.text)) {
			break
		}
	}
	if isTold(cue) {
		// "told CBS in an interview aired on Sunday that ...", but not "told MSNBC when asked
		// about concerns that ...": the "that" of a subordinate clause is not what was told
		for k := i; k < len(s) && k-i <= 10; k++ {
			if relativeThat(s, k) {
				break
			}
			if s[k].is("that") {
				return skipThat(s, k)
			}
			if s[k].kind != tWord && !s[k].isPunct(".") || s[k].in(cSubordinators) {
				break
			}
		}
	}
	if i < len(s) && isCircumWord(s[i].low) && !s[i].is("to") && !s[i].cap() {
		// "offered in its January 26 written response to discuss ...": the infinitive is the content
		for k := i + 1; k+1 < len(s) && k-i <= 10; k++ {
			if s[k].kind != tWord {
				break
			}
			if s[k].is("to") && !s[k+1].cap() && !isDeterminer(s[k+1].low) && s[k+1].kind == tWord {
				return k
			}
		}
	}
	if i < len(s) && (isCircumWord(s[i].low) || s[i].is("to")) && !s[i].cap() {
		// "said in a televised address that ...": a prepositional phrase before "that"
		for k := i + 1; k < len(s) && k-i <= 10; k++ {
			if relativeThat(s, k) {
				break
			}
			if s[k].is("that") {
				return skipThat(s, k)
			}
			if s[k].kind != tWord {
				break
			}
		}
	}
	k := i
	if isTold(cue) {
		if n := l.recipients.match(s, k); n > 0 {
			k += n
		} else {
			for k < len(s) && s[k].cap() {
				k++
			}
		}
	}
	for k+1 < len(s) && wordIn(s[k], "day_prepositions") && isWeekday(s[k+1].low) {
		k += 2
	}
	return skipThat(s, k)
}

func isCircumNoun(w string) bool { return inClass("circum_nouns", w) }

// relativeThat tells whether the "that" at k opens a relative clause on the noun before it
// ("the meeting that was held ..."): a finite verb follows at once, where a complementizer is
// followed by its clause's subject.
func relativeThat(s []token, k int) bool {
	if k == 0 || k+1 >= len(s) || !s[k].is("that") || s[k-1].kind != tWord || s[k-1].cap() || s[k+1].kind != tWord || s[k+1].cap() ||
		s[k-1].in(cFiniteMarkers) || builtin().cues.match(s, k-1) > 0 || pastForm(s[k-1].low) {
		return false
	}
	w := strings.ReplaceAll(s[k+1].low, "’", "'")
	return cFiniteMarkers.has(w) || pastForm(w)
}

// isNumber tells whether s is a number: digits, with inner commas, periods or colons between
// digits as the tokenizer keeps them ("1,550", "9:42").
func isNumber(s string) bool {
	for i, r := range s {
		if !unicode.IsDigit(r) && !(i > 0 && strings.ContainsRune(",.:", r) && i+1 < len(s)) {
			return false
		}
	}
	return s != ""
}

// skipThat passes ",", ":", dashes and "that" / "что" at k.
func skipThat(s []token, k int) int {
	for k < len(s) && (s[k].isPunct(",:"+dashes) || s[k].wordIn(cComplementizers)) {
		k++
	}
	return k
}

// contentEnd finds where a content clause starting at from ends: the sentence end, or where a
// clause with a cue of its own begins (", adding that", ", which it described as", "but
// stressed that").
func contentEnd(s []token, from int, cues *phraseSet) int {
	l := builtin()
	end := len(s)
	for k := from; k < end; k++ {
		t := s[k]
		switch {
		case t.is(":") && k > from+2 && k+2 < end && s[k+1].kind == tQuote && cueWithin(s, k+2, 3, cues):
			return k // "asserted that France had lost its identity: “...,” he claimed": a quotation of its own
		case t.kind == tQuote && participleOpener(t) && k+1 < end && l.participles.match(s, k+1) > 0:
			return k + 1 // "... is “the only one,” adding that ...": the same speaker's next statement
		case participleOpener(t) && k > from && k+1 < end && l.participles.match(s, k+1) > 0:
			return k
		case k > from && meansSpeech(s, k+1):
			return k // "... failed, while arguing that ...": the same speaker's next statement
		case t.is(",") && k+1 < end && isRelative(s[k+1].low) && cueWithin(s, k+2, 4, cues) && !passiveCueWithin(s, k+2, 4, cues):
			return k // "..., which it has described as ...": a statement of its own ("which were described as" goes on)
		case t.is(",") && k+1 < end && l.according.match(s, k+1) > 0:
			return k
		case t.is(",") && k+1 < end && cues.match(s, k+1) > 0 && !s[k+1].cap() && trailingSpeaker(s, k+1+cues.match(s, k+1)):
			return k // "Россия считает, что ..., заявил постпред РФ Михаил Ульянов.
		case t.is(",") && k > from+2 && trailingAttribution(s, k+1, cues):
			return k // "China urged the US to ..., foreign ministry spokesman Lin Jian said."
		case t.is(",") && k+2 < end && wordIn(s[k+1], "indefinite_articles") && (wordWithin(s, k+2, 3, "that", "which") || cueWithin(s, k+2, 4, cues) || k > from+2 && apposWithWho(s, k+2, end)):
			return k // "..., a move that would end ...": the writer's comment
		case t.is(",") && k > from+2 && k+2 < end && wordIn(s[k+1], "indefinite_articles") && closingAside(s, k+2, end):
			return k // "..., a swipe at the recent disturbances": the writer's comment on what was said
		case t.isPunct("—–") && k > from+2 && k+2 < end && wordIn(s[k+1], "indefinite_articles"):
			return k // "... of terrorists — a controversial proposal he has raised ...": an aside
		case t.kind == tQuote && k == from && quoteEndsWithComma(t) && k+1 < end && s[k+1].wordIn(cSubordinators):
			return k + 1 // "said, "We'll see," when asked whether ...": the quotation, then circumstance
		case t.kind == tQuote && quoteEndsWithComma(t) && k+2 < end && s[k+1].in(cContrastConjunctions) && opensClause(s[k+2]) && presentWithin(s, k+3, 6):
			return k + 1 // "... were "constructive," while Washington has yet to ..."
		case t.is(",") && k+2 < end && s[k+1].in(cContrastConjunctions) && k > from+2 && opensClause(s[k+2]) && presentWithin(s, k+3, 6):
			// "..., while the Trump administration wants ...": a present tense in a reported
			// clause is the writer's own contrast ("..., while the US carried out its last in
			// 1992" goes on with what was said)
			return k
		case t.is(",") && k+2 < end && isClauseConj(s[k+1].low) && (cueWithin(s, k+2, 5, cues) || s[k+1].is("but") && s[k+2].cap() && !s[k+2].is("I")) && k > from+2:
			return k // "..., while Washington insists that ...", "..., but Washington never replied"
		case (t.is(",") && k+2 < end && s[k+1].is("and") || t.is(";")) && k > from+2 && cueWithin(s, k+2-boolInt(t.is(";")), 6, cues):
			return k // "... is honest, and three-quarters said the same of Sanders": another source
		case t.in(cContrastConjunctions) && k > from+2 && k+2 < end && !s[k-1].is(",") && s[k+1].cap() && cueWithin(s, k+1, 4, cues):
			return k // "... her Wall Street links while Sanders suggests ...": another source's statement
		case (t.is(",") || t.isPunct("—–")) && k > from+2 && k+3 < end && s[k+1].is("and") && (s[k+2].cap() && !s[k+2].is("I") || isDeterminer(s[k+2].low)) && !s[k+2].is("that") && finiteSoon(s, k+3, 9):
			return k // "... is less for safety, and the ACLU has already sued ...": the writer goes on
		case t.is("as") && k > from+2 && k+2 < end && isSubjectPronoun(s[k+1].low) && (finiteSoon(s, k+2, 1) || strings.HasSuffix(s[k+2].low, "s")):
			return k // "says he's “excited where we stand” as he faces a test": the writer's circumstance
		case t.is(",") && k > from+2 && k+2 < end && s[k+1].is("who") && s[k-1].cap() && !s[k-1].is("I"):
			return k // "... not to pardon Hillary Clinton, who has not been charged ...": the writer's aside on a name
		case t.is(";") && k > from+2 && k+2 < end && opensClause(s[k+1]) && finiteSoon(s, k+2, 4):
			return k // "... was not intentional; they only learned on Friday ...": the writer's next clause
		case t.is(",") && k > from+2 && k+2 < end && (s[k+1].inClass("writer_tails") || s[k+1].is("even") && s[k+2].is("though")):
			return k // "..., however this time the number dropped": the writer goes on
		case t.is("and") && k > from+2 && !s[k-1].is(",") && subjectThenCue(s, k+1, cues):
			return k // "... the community and one in four said ...": another source's statement
		case t.is(",") && k > from+2 && k+3 < end && s[k+1].in(cClauseJoiners) && isSubjectPronoun(s[k+2].low) && pastNarration(s[k+3], cues):
			return k // "..., and he railed against the moderators": the writer goes on
		case t.kind == tQuote && quoteEndsWithComma(t) && k > from && k+3 < end && s[k+1].in(cClauseJoiners) && isSubjectPronoun(s[k+2].low) && pastNarration(s[k+3], cues):
			return k + 1 // "... are "non-entities," but he gave the Texan ...": the same after a quotation
		case (t.is("and") || t.is("but") || t.is("и") || t.is("но")) && cueWithin(s, k+1, 2, cues) && auxOnly(s, k+1, cues):
			if k > from && s[k-1].is(",") {
				return k - 1
			}
			return k
		}
	}
	return end
}

// opensApposition tells whether t, after "said X,", opens an apposition of the speaker rather
// than the rest of a parenthetical quotation: an age ("said Jane Doe, 25, a bank employee"), a
// relative pronoun, an article or a role.
func opensApposition(t token) bool {
	return t.kind == tWord && (isNumber(t.text) || isRelative(t.low) || t.wordIn(cArticles) || t.roleWord())
}

// isSubjectPronoun: he, she, they (and their Russian forms).
func isSubjectPronoun(w string) bool {
	return inClass("subject_pronouns", w)
}

// pastNarration tells whether t is a finite verb of the writer's narration in the simple past:
// a regular past ("railed", "pressed") or a cue. Reported speech backshifts to "would", "had",
// "was", which are left alone.
func pastNarration(t token, cues *phraseSet) bool {
	if t.kind != tWord || t.cap() || t.in(cAux) {
		return false
	}
	return len(t.low) > 4 && strings.HasSuffix(t.low, "ed") || cues.match([]token{t}, 0) > 0
}

// cueWithin tells whether a cue starts within n tokens from k.
func cueWithin(s []token, k, n int, cues *phraseSet) bool {
	for i := k; i < len(s) && i < k+n+1; i++ {
		if cues.match(s, i) > 0 && !s[i].cap() { // not "the United States"
			return true
		}
	}
	return false
}

// progressiveCue tells whether t is the -ing form of a cue whose past ends in -ed
// ("reaffirming", "arguing", "admitting").
func progressiveCue(t token, cues *phraseSet) bool {
	stem, ok := strings.CutSuffix(t.low, "ing")
	if !ok || t.kind != tWord || len(stem) < 3 || isCyrillic(t.low) {
		return false
	}
	past := []token{{kind: tWord, text: stem + "ed", low: stem + "ed"}}
	return cues.match(past, 0) == 1
}

// describedAfterQuote tells whether s[..j] ends with a quotation closed by a comma and a
// description of a few lower-case words opened by a determiner ("“...,” the real estate
// developer said"): whoever the words describe said the quotation. It gives where they start.
func describedAfterQuote(s []token, j int) (int, bool) {
	for k := j; k >= 0 && j-k <= 6; k-- {
		t := s[k]
		if t.kind == tQuote {
			return k + 1, quoteEndsWithComma(t) && k+1 <= j && isDeterminer(s[k+1].low)
		}
		if t.kind != tWord || t.cap() {
			return 0, false
		}
	}
	return 0, false
}

// passiveCueWithin tells whether a cue in the passive ("were described as") starts within n
// tokens from k: nobody speaks in it.
func passiveCueWithin(s []token, k, n int, cues *phraseSet) bool {
	for i := k + 1; i < len(s) && i < k+n+1; i++ {
		if cues.match(s, i) > 0 && isPassiveAux(s[i-1].low) {
			return true
		}
	}
	return false
}

// auxOnly tells whether only auxiliaries stand between k and the next cue.
func auxOnly(s []token, k int, cues *phraseSet) bool {
	for i := k; i < len(s); i++ {
		if cues.match(s, i) > 0 {
			return true
		}
		if !s[i].in(cAux) && !(strings.HasSuffix(s[i].low, "ly") && len(s[i].low) > 4) {
			return false
		}
	}
	return false
}

func firstWord(s []token) int {
	for i, t := range s {
		if t.kind == tWord {
			return i
		}
		if t.kind == tQuote {
			return -1
		}
	}
	return -1
}

func indexPunct(s []token, from int, p string) int {
	for k := from; k < len(s); k++ {
		if s[k].kind == tQuote {
			return -1
		}
		if s[k].is(p) {
			return k
		}
	}
	return -1
}

func nextQuote(s []token, from int) int {
	for k := from; k < len(s); k++ {
		if s[k].kind == tQuote {
			return k
		}
	}
	return -1
}

func onlyPunctBetween(s []token, from, to int) bool {
	for k := from; k < to; k++ {
		if s[k].kind != tPunct {
			return false
		}
	}
	return true
}

// wordWithin tells whether one of ws occurs within n tokens from k.
func wordWithin(s []token, k, n int, ws ...string) bool {
	for i := k; i < len(s) && i < k+n+1; i++ {
		for _, w := range ws {
			if s[i].is(w) {
				return true
			}
		}
	}
	return false
}

// subjectAtStart reads the noun phrase opening a sentence (after a leading "On Tuesday," or
// similar phrase): the subject a participle or a coordinated verb goes back to.
func subjectAtStart(s []token) mention {
	f := descriptionStart(s) // after a quotation that opens the sentence: "“...,” Reyes said, adding"
	if f < 0 {
		return mention{}
	}
	for f+1 < len(s) && s[f+1].kind == tWord && s[f].inClass("sentence_openers") {
		f++ // "And then Trump went on the attack, saying ...": the subject follows
	}
	f = afterOpeningPhrase(s, f)
	pron := s[f].in(cPronouns)
	if c := indexPunct(s, f, ","); c > 0 && c-f <= 6 && !s[f].cap() || c > 0 && c-f <= 6 && s[f].in(cStopCaps) && !pron {
		f = c + 1
	}
	k := f
	for k < len(s) && (titlePeriod(s, k) || s[k].kind == tWord && npStart(s, k) <= f) {
		k++ // "Mr. Obama revised ..., saying": the title's period is inside the subject
	}
	if k == f {
		return mention{}
	}
	return parseMention(s[f:k], nil)
}

// afterOpeningPhrase skips what opens a sentence before its subject and may be long: a
// dateline ("ORLANDO, Fla. (Reuters) - President Obama met ...") or a participial phrase
// ("Rallying hundreds of workers who ..., Hillary Clinton promised ..."). It returns f when
// neither opens the sentence.
func afterOpeningPhrase(s []token, f int) int {
	if d := datelineDash(s, f); d > 0 {
		return d + 1
	}
	w := s[f].text
	if !s[f].cap() || len(w) < 6 || !strings.HasSuffix(w, "ing") || f+1 >= len(s) || s[f+1].kind != tWord || s[f+1].cap() {
		return f
	}
	next := s[f+1].low
	if inClass("say_verbs", next) || cFiniteMarkers.has(next) || strings.HasSuffix(next, "ed") {
		return f // "Browning said ...": a surname in -ing
	}
	if c := indexPunct(s, f, ","); c > 0 && c-f <= 24 && c+1 < len(s) {
		return c + 1
	}
	return f
}

// datelineDash finds the dash that ends a dateline opening the sentence: a place in capitals
// and, before the dash, an agency in parentheses or after a slash.
func datelineDash(s []token, f int) int {
	if f > 0 && s[f-1].isPunct("(") {
		// "(Reuters) - ...": the place went with the sentence before ("ORLANDO, Fla.")
		if c := indexPunct(s, f, ")"); c > 0 && c-f <= 4 && c+1 < len(s) && s[c+1].isPunct(dashes) {
			return c + 1
		}
		return -1
	}
	if w := s[f].text; len(w) < 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return -1
	}
	agency := false
	for k := f + 1; k < len(s) && k < f+12; k++ {
		switch {
		case s[k].isPunct(")/"):
			agency = true
		case s[k].isPunct(dashes) && agency:
			return k
		}
	}
	return -1
}

// isThisRef tells whether the cue at i follows "Об этом" / "This was" that points back at the
// sentence before ("Об этом заявил журналистам Дмитрий Песков.").
func isThisRef(s []token, i int) bool {
	f := firstWord(s)
	if f < 0 || i < f+2 || i-f > 8 || !s[f].inClass("ru_about") || !s[f+1].inClass("ru_this") {
		return false
	}
	for _, t := range s[f+2 : i] {
		if t.kind != tWord { // "Об этом в интервью ТАСС заявил ..."
			return false
		}
	}
	return true
}

// thisWasStated reads the English form of "Об этом говорится в заявлении МИД": "This was
// stated in a Foreign Ministry statement", "This was announced by the Pentagon"; the speaker is
// the document's institution.
func thisWasStated(s []token, i, after int) (mention, bool) {
	f := firstWord(s)
	if f < 0 || i != f+2 || !wordIn(s[f], "demonstratives") || !wordIn(s[f+1], "was_forms") ||
		after >= len(s) || !wordIn(s[after], "source_prepositions") {
		return mention{}, false
	}
	end := after + 1
	for end < len(s) && s[end].kind == tWord && end-after <= 8 {
		if s[end].documentWord() {
			end++
			break
		}
		end++
	}
	m := parseMention(s[after+1:end], nil)
	return m, m.valid() && m.pronoun == ""
}

func isClauseConj(w string) bool { return inClass("clause_conjunctions", w) }

// quoteEndsWithComma: American style puts the clause's comma inside the quotation marks.
// The closing mark may be two apostrophes, as The New York Times prints it.
func quoteEndsWithComma(t token) bool {
	inner := t.text[:len(t.text)-lastRuneLen(t.text)]
	if strings.HasSuffix(t.text, "''") {
		inner = strings.TrimSuffix(t.text, "''")
	}
	return strings.HasSuffix(strings.TrimRightFunc(inner, unicode.IsSpace), ",")
}

func lastRuneLen(s string) int {
	_, n := utf8.DecodeLastRuneInString(s)
	return n
}

// presentWithin tells whether a present-tense finite verb of stance or state stands within n
// tokens from k.
func presentWithin(s []token, k, n int) bool {
	for i := k; i < len(s) && i < k+n; i++ {
		if s[i].inClass("present_stance_verbs") {
			return s[i].kind == tWord
		}
	}
	return false
}

// opensClause tells whether t can be the subject's first word of a new clause: a determiner,
// a personal pronoun or a capitalised name (not "while maintaining ...").
func opensClause(t token) bool {
	return t.kind == tWord && (t.inClass("clause_openers") || t.cap())
}

// nextParticiple returns the first comma from i that opens a participle clause of the same
// speaker ("...," Ryabkov said in an interview published on Sunday, adding that ...), else len(s).
func nextParticiple(s []token, i int) int {
	for k := i; k < len(s); k++ {
		if participleAt(s, k) == k {
			return k + boolInt(s[k].kind == tQuote) // a title closed by the comma: "on “Morning Joe,” adding, “...”"
		}
		if s[k].is(",") && k+2 < len(s) && isCoordination(s[k+1]) && builtin().cues.match(s, k+2) > 0 && !s[k+2].cap() {
			return k // "“...,” she said, but added that ...": the same speaker's next statement
		}
		if s[k].kind == tQuote {
			break
		}
	}
	return len(s)
}

// participleAt returns i when s[i] is a comma opening a participle clause of the same speaker
// ("..., adding that ..."), else len(s).
func participleAt(s []token, i int) int {
	if i < len(s) && participleOpener(s[i]) && i+1 < len(s) && builtin().participles.match(s, i+1) > 0 {
		return i
	}
	return len(s)
}

// clauseStartBefore gives where the clause ending at token end begins: after the last colon or
// semicolon before it ("They hoped for luck: with the game on Sunday, they argued, there was
// little time"), else at the sentence start.
func clauseStartBefore(s []token, end int) int {
	for k := min(end, len(s)) - 1; k > 0; k-- {
		if s[k].isPunct(":;") {
			return k + 1
		}
	}
	return 0
}

// participleOpener tells whether t may open a participle clause of the sentence's subject: a
// comma ("..., adding that") or a preposition of time or means ("after telling", "before
// adding", "by saying", "upon saying").
func participleOpener(t token) bool {
	return t.is(",") || t.kind == tWord && t.in(cParticipleOpeners) || t.kind == tQuote && quoteEndsWithComma(t)
}

// tailOpensContent tells whether the words after a quotation's cue open a content of their own:
// "that" or a colon after circumstance, or a quotation after a comma ("“...,” he said in an
// interview, “...”"). A quotation or "that" further on is part of a circumstance ("he said of
// the claim during a call to ABC’s “This Week.”", "the governor said, before clarifying that").
func tailOpensContent(s []token, after int, cue string) bool {
	from := contentStart(s, after, cue)
	if from <= after || from >= len(s) {
		return false
	}
	p := s[from-1]
	return p.wordIn(cComplementizers) || p.is(":") || s[from].kind == tQuote && p.isPunct(",:")
}

// tailHasContent tells whether what follows a quotation's attribution carries words said:
// another quotation, a "that" clause or a colon.
func tailHasContent(s []token, i int) bool {
	for k := i; k < len(s); k++ {
		if s[k].kind == tQuote || s[k].wordIn(cComplementizers) || s[k].is(":") {
			return true
		}
		if participleAt(s, k) == k {
			return false
		}
	}
	return false
}

// sourceOf finds who is behind data named after "according to": "estimates by the Federation
// of American Scientists" gives the Federation, "SIPRI estimates" SIPRI.
func sourceOf(np []token) []token {
	l := builtin()
	for k, t := range np {
		if !l.nonSpeakers[t.low] {
			continue
		}
		for b := k + 1; b < len(np)-1 && b <= k+3; b++ {
			if np[b].is("by") || np[b].is("of") || np[b].is("from") {
				return np[b+1:] // "data published by the State Department"
			}
		}
		if k > 0 && k == len(np)-1 {
			return np[:k]
		}
	}
	return np
}

// withoutParens drops bracketed parts of a noun phrase ("Ракетными войсками (РВСН)").
func withoutParens(ts []token) []token {
	if !hasPunct(ts, "()") {
		return ts[:len(ts):len(ts)] // nothing to drop: no copy (capped, as a copy has no room to append into)
	}
	out := ts[:0:0]
	depth := 0
	for _, t := range ts {
		switch {
		case t.isPunct("("):
			depth++
		case t.isPunct(")"):
			depth--
		case depth == 0:
			out = append(out, t)
		}
	}
	return out
}

// hasPunct tells whether a token of ts is one of the punctuation runes of set.
func hasPunct(ts []token, set string) bool {
	for _, t := range ts {
		if t.isPunct(set) {
			return true
		}
	}
	return false
}

// placeAfterName cuts a speaker phrase s[from:to] before a place or channel that follows the
// name: "Дмитрий Медведев в своем Telegram-канале", "Ryabkov in an interview with Kommersant".
// A preposition followed by a two-word name ("постпред в Вене Михаил Ульянов") is still the role.
func placeAfterName(s []token, from, to int) int {
	for k := from + 1; k+1 < to; k++ {
		if !(isPlacePreposition(s[k]) || isTrailingCircum(s[k])) || !s[k-1].cap() {
			continue // "заявил Песков журналистам во вторник в связи с ... ДСНВ": not "ДСНВ"
		}
		name := false
		for j := k + 2; j < to; j++ {
			if s[j].cap() && s[j-1].cap() {
				name = true
				break
			}
		}
		if !name {
			return k
		}
	}
	return to
}

func isPlacePreposition(t token) bool {
	return t.kind == tWord && t.inClass("place_prepositions")
}

// isTrailingCircum tells whether a word ends a speaker phrase that follows its verb: "сказал
// ТАСС Рябков в пятницу", "said Peskov on Monday".
func isTrailingCircum(t token) bool {
	if t.cap() {
		return false
	}
	return t.inClass("trailing_circumstance")
}

// trailingAttribution tells whether s[k:] is a closing "speaker cue [circumstance]." with the
// speaker first: a noun phrase of a few words, no verb of its own, then a cue.
func trailingAttribution(s []token, k int, cues *phraseSet) bool {
	for c := k + 1; c < len(s) && c-k <= 10; c++ {
		if s[c].kind != tWord {
			return false
		}
		n := cues.match(s, c)
		if n == 0 || s[c].cap() {
			continue
		}
		if nounBefore(s[c-1]) || isPassiveAux(s[c-1].low) {
			return false
		}
		_, m := subjectBefore(s, c-1)
		return m.valid() && m.pronoun == "" && tailIsCircumstance(s, c+n, joinTokens(s[c:c+n])) && !tailHasContent(s, c+n)
	}
	return false
}

// trailingSpeaker tells whether the words from k to the sentence end name a speaker and
// nothing else ("заявил постпред РФ Михаил Ульянов.", "said Peskov.").
func trailingSpeaker(s []token, k int) bool {
	end := len(s)
	for end > k && s[end-1].kind == tPunct {
		end--
	}
	if end <= k || end-k > 14 {
		return false
	}
	for _, t := range s[k:end] {
		if t.kind == tQuote || t.wordIn(cComplementizers) {
			return false
		}
	}
	return parseMention(withoutParens(s[k:end]), nil).valid()
}

// clauseAllowed: cues that also take a plain object ("posted a new photo", "announced the
// suspension") report speech only before "that", a colon or a quotation.
func clauseAllowed(s []token, after, from int, cue string) bool {
	w, _, _ := strings.Cut(lower(cue), " ")
	if inClass("naming_verbs", w) && !strings.Contains(cue, " ") {
		// "called the move "a mistake"", "called it a provocation"; not "called the Queen
		// about ...", a telephone call
		return namedComplement(s, from)
	}
	afterThat := from > after && (s[from-1].is("that") || s[from-1].is(":"))
	if topicPhrase(s, after, w) {
		return false // "reported on the preparations", "spoke about the talks": a topic
	}
	if inClass("warning_verbs", w) && !afterThat && (topicOnly(s, from) || objectOnly(s, from)) {
		return false // "warned Washington about the consequences": a topic, not what was said
	}
	if !builtin().needsClause[w] || pronounClause(s, from) || from == after && subjectClause(s, from) {
		return true // "announced Sunday she will resign": a clause of its own, without "that"
	}
	if from < len(s) && s[from].kind == tQuote {
		return true
	}
	return from > after && (s[from-1].wordIn(cComplementizers) || s[from-1].is(":"))
}

// pronounClause tells whether the words at from open a clause with a personal pronoun subject
// and a finite verb ("she will resign", "they're leaving"), after an optional day word.
func pronounClause(s []token, from int) bool {
	k := from
	for k < len(s) && (isWeekday(s[k].low) || s[k].in(cTimeWords)) && s[k].kind == tWord {
		k++
	}
	if k >= len(s) || s[k].kind != tWord {
		return false
	}
	w := strings.ReplaceAll(s[k].low, "’", "'")
	if p, _, ok := strings.Cut(w, "'"); ok && (isSubjectPronoun(p) || inClass("first_person_subjects", p)) {
		return true // "she'll", "they're"
	}
	return (isSubjectPronoun(w) || inClass("first_person_subjects", w) || inClass("pronouns_it", w)) && !isCyrillic(w) && finiteSoon(s, k+1, 2)
}

// subjectClause tells whether the words at from open a clause with a noun-phrase subject: a
// determiner or a name, then a finite verb within a few words and no relative pronoun before it
// ("announced the talks would resume"; not "posted a photo that was ...").
func subjectClause(s []token, from int) bool {
	if from >= len(s) || s[from].kind != tWord || isCyrillic(s[from].low) || !(s[from].inClass("noun_markers") || s[from].cap()) {
		return false
	}
	for k := from + 1; k < len(s) && k-from <= 6; k++ {
		if s[k].kind != tWord || s[k].inClass("relative_who") || s[k].is("that") || s[k].is("which") {
			return false
		}
		if cFiniteMarkers.has(strings.ReplaceAll(s[k].low, "’", "'")) {
			return true
		}
	}
	return false
}

// topicPhrase tells whether a cue is followed by "on/about the ..." and no clause at all.
func topicPhrase(s []token, after int, cue string) bool {
	if inClass("plain_say_cues", cue) || after+1 >= len(s) ||
		!wordIn(s[after], "topic_prepositions") || !isDeterminer(s[after+1].low) {
		return false
	}
	for _, t := range s[after:] {
		if t.kind == tQuote || t.is("that") || t.is(":") || t.is(",") {
			return false
		}
	}
	return true
}

// objectOnly tells whether what follows a verb like "warned" is an object with no clause of
// its own ("had warned Washington many times").
func objectOnly(s []token, from int) bool {
	for _, t := range s[from:] {
		if t.kind == tQuote || wordIn(t, "object_enders") || t.is(":") || t.is(",") {
			return false
		}
	}
	return true
}

// topicOnly tells whether an object is followed by "about"/"of" before any clause of its own.
func topicOnly(s []token, from int) bool {
	for k := from; k < len(s) && k-from <= 5; k++ {
		switch {
		case s[k].kind == tQuote, wordIn(s[k], "clause_markers"), s[k].is(":"):
			return false
		case wordIn(s[k], "topic_markers"):
			return k > from
		}
	}
	return false
}

// namedComplement tells whether what follows a naming verb names something: a quotation, or
// an object followed by "a"/"an" ("called it a provocation").
func namedComplement(s []token, from int) bool {
	for k := from; k < len(s) && k-from <= 10; k++ {
		if s[k].kind == tQuote || k > from && wordIn(s[k], "indefinite_articles") {
			return true
		}
		if s[k].isPunct(";") {
			return false
		}
	}
	return false
}

func isPassiveAux(w string) bool { return inClass("passive_aux", w) }

func isDeterminer(w string) bool { return inClass("determiners", w) }

func isPassiveCue(w string) bool { return inClass("passive_cues", w) }

// meansSpeech tells whether s[i] is a participle of saying after a preposition of means and
// before "that" ("responded by saying that ...", "while arguing that ..."): the sentence
// subject's statement. Without "that" the participle is an act ("by calling out Trump").
func meansSpeech(s []token, i int) bool {
	if i == 0 || i >= len(s) || s[i-1].kind != tWord || !s[i-1].in(cMeansOpeners) || !s[i].in(cSpeechParticiples) {
		return false
	}
	n := builtin().participles.match(s, i)
	return n > 0 && i+n < len(s) && s[i+n].is("that")
}

// actSays tells whether s[i] is a participle of saying after a noun of the subject's own
// statement ("issued a statement saying it ..."). Naming participles ("a statement calling the
// test "a clear violation"") are left out: they describe, they do not report.
func actSays(s []token, i int) bool {
	return i > 0 && s[i-1].in(cSpeechActs) && s[i].in(cSpeechParticiples)
}

// frontedEnd ends the content [from, to) of a cue at i inside a fronted subordinate clause
// ("While one firm says the deal is fair, another says ...") at the comma closing that clause:
// the main clause after it is not what the clause's speaker said.
func frontedEnd(s []token, i, from, to int) int {
	f := firstWord(s)
	if f < 0 || from <= i || !s[f].inClass("fronted_subordinators") {
		return to
	}
	for k := f + 1; k < i; k++ {
		if s[k].isPunct(",;:" + dashes) {
			return to // "If elected, he said, ...": the cue is in the main clause
		}
	}
	for k := from; k < to; k++ {
		switch {
		case s[k].is(","):
			return k
		case s[k].kind == tQuote && quoteEndsWithComma(s[k]) && k > from:
			return k + 1
		}
	}
	return to
}

// participleClause tells whether what follows a participle of saying at i opens what was said:
// a reported clause, a noun phrase with its finite verb soon after ("claiming the quarantine
// violated ..."), or a quotation after a comma or colon.
func participleClause(s []token, i, after, from int) bool {
	if from >= len(s) {
		return false
	}
	if s[from].kind == tQuote {
		return from > after && s[from-1].isPunct(",:")
	}
	if opensReportedClause(s, i, after, from) {
		return true
	}
	w := s[from].low
	return from == after && (inClass("noun_markers", w) || s[from].cap()) && finiteSoon(s, from+1, 8)
}

// closingAside tells whether the words from k to end are a noun phrase that closes the sentence
// after "a"/"an" and a comma, with no comma, conjunction, verb or participle of its own: an apposition on the
// whole clause, not an item of a list ("tanks, a submarine and two jets").
func closingAside(s []token, k, end int) bool {
	for j := k; j < end; j++ {
		t := s[j]
		if t.isPunct(".!?") && j >= end-1 {
			break
		}
		if t.kind != tWord || t.is("and") || t.is("or") || t.in(cAux) || t.in(cFiniteMarkers) {
			return false
		}
		if j > k && strings.HasSuffix(t.low, "ed") && !isCyrillic(t.low) {
			return false // "..., a principle enshrined in the treaty": a qualified term that goes on with what was said
		}
	}
	return true
}

// subjectThenCue tells whether a subject of a few words and a cue of saying start at k ("one in
// four said", "the senator told"), with only words between them: a new statement's attribution.
func subjectThenCue(s []token, k int, cues *phraseSet) bool {
	for c := k + 1; c < len(s) && c-k <= 5; c++ {
		if s[c].kind != tWord {
			return false
		}
		if cues.match(s, c) == 0 || s[c].cap() || nounBefore(s[c-1]) {
			continue
		}
		if (isNumber(s[k].low) || s[k].inClass("number_words")) && (s[k+1].is("in") || s[k+1].is("of")) {
			return true // "one in four said", "two of them say"
		}
		from, m := subjectBefore(s, c-1)
		return from == k && m.valid()
	}
	return false
}

// placePreposition tells whether a lower-case word ties a place to the noun before it: "a
// salesman from Sumter, South Carolina", "an aide in Des Moines".
func placePreposition(t token) bool {
	return !t.cap() && (isPreposition(t.low) || t.is("from"))
}

// nameBeforePlace reads "<Name> of|from <Place>, <State>" when the state at from ends the
// phrase before the cue: the person is the speaker, the place tells where they are from.
func nameBeforePlace(s []token, from int) (int, mention, bool) {
	k := from - 1
	if k < 3 || !s[k].is(",") {
		return 0, mention{}, false
	}
	p := k - 1
	for p > 0 && k-p <= 3 && s[p].kind == tWord && s[p].cap() {
		p--
	}
	if p == k-1 || !(s[p].is("of") || s[p].is("from")) {
		return 0, mention{}, false
	}
	start := p - 1
	for start > 0 && p-start < 5 && (s[start-1].kind == tWord && s[start-1].cap() || titlePeriod(s, start-1)) {
		start--
	}
	if start < 0 || !s[start].cap() || !personName(s[start:p]) {
		return 0, mention{}, false
	}
	m := parseMention(s[start:p], nil)
	return start, m, m.kind == "person" && m.name != ""
}

// nameAfterDescription tells whether appos, after the comma at k, is a personal name that
// follows a description of a few words opening the sentence with a determiner ("Another
// delegate on the slate, Jim Poolman, said", "One Republican hopeful, Carly Fiorina, says"), or
// the quotation that opens it ("“...,” his wife, Ana Costa, wrote").
func nameAfterDescription(s []token, k int, appos []token) bool {
	first := descriptionStart(s)
	if first < 0 || !titledName(appos) || k-first > 8 || k-first < 2 {
		return false
	}
	for _, t := range s[first:k] {
		if t.kind != tWord {
			return false
		}
	}
	w := s[first].low
	return isDeterminer(w) || inClass("group_quantifiers", w) || inClass("description_openers", w)
}

// descriptionStart is where a speaker's description may open sentence s: its first word, or the
// first word after the quotation that opens it ("“...,” another aide, Jo Reyes, said"); -1 if
// neither.
func descriptionStart(s []token) int {
	if f := firstWord(s); f >= 0 {
		return f
	}
	for i, t := range s {
		if t.kind != tQuote {
			continue
		}
		if !quoteEndsWithComma(t) {
			if i+1 >= len(s) || !s[i+1].is(",") {
				return -1
			}
			i++ // "“...”, his wife said": the comma after the closing mark
		}
		if i+1 < len(s) && s[i+1].kind == tWord {
			return i + 1
		}
		return -1
	}
	return -1
}

// leadName reads the personal name that opens the sentence and is set off by a comma, when the
// phrases after it run on to a comma or dash just before the cue at j+1: the name is the subject
// and the rest its appositions, however long ("Jo Reyes, a former director of the party, whose
// roots are in the church, said", "Jo Reyes, also campaigning in Ohio, said").
func leadName(s []token, j int) (int, mention, bool) {
	f := descriptionStart(s)
	if f < 0 || j <= f || !s[j].isPunct(","+dashes) {
		return 0, mention{}, false
	}
	c := f
	for c < len(s) && (s[c].kind == tWord || s[c].isPunct(".")) {
		c++
	}
	if c >= j || !s[c].is(",") || !personName(s[f:c]) {
		return 0, mention{}, false
	}
	m := parseMention(s[f:c], nil)
	if m.kind != "person" || m.name == "" {
		return 0, mention{}, false
	}
	return f, m, true
}

// dottedAcronym tells whether w is an acronym written with periods, its last one cut off by the
// tokenizer ("F.B.I", "U.N", "N.R.A"): single capitals joined by periods.
func dottedAcronym(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) != 1 || p[0] < 'A' || p[0] > 'Z' {
			return false
		}
	}
	return true
}

// participleSubject reads the named subject of the clause that a participle cue at i hangs on
// ("Jo Reyes issued a statement saying ...", "In a speech on Tuesday night in Ohio, Reyes struck
// a measured tone, saying ..."): the phrase before the participle is its object or the end of
// the clause, not who spoke; after "as" the object is who spoke ("quoted Putin as saying").
// Nothing for other cues.
func participleSubject(s []token, i int) mention {
	if !strings.HasSuffix(s[i].low, "ing") || isCyrillic(s[i].low) {
		return mention{}
	}
	if i >= 2 && s[i-1].is("as") {
		_, m := subjectBefore(s, i-2) // "A Kremlin statement quoted Putin as saying": Putin
		return m
	}
	if m := subjectAtStart(s[:i]); m.name != "" {
		return m
	}
	// a long phrase of circumstance before the subject
	f := firstWord(s)
	if f < 0 || !s[f].in(cStopCaps) {
		return mention{}
	}
	c := indexPunct(s, f, ",")
	if c < 0 || c >= i-2 || c-f > 20 {
		return mention{}
	}
	return subjectAtStart(s[c+1 : i])
}

// wordIn tells whether t is a word (not a quotation) of the word class name, as t.is does for one
// word.
func wordIn(t token, name string) bool { return t.kind != tQuote && t.inClass(name) }

// phraseBack returns the number of words of a phrase of the word class name that ends at token
// j ("in turn", "at the time"), or 0.
func phraseBack(s []token, j int, name string) int {
	for _, ws := range builtin().classPhrases[name] {
		if j+1 < len(ws) {
			continue
		}
		ok := true
		for k, w := range ws {
			if !s[j-len(ws)+1+k].is(w) {
				ok = false
				break
			}
		}
		if ok {
			return len(ws)
		}
	}
	return 0
}
