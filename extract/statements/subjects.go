package statements

import "strings"

// Subjects the speaker rules do not name: the functions here find who speaks when the subject
// of a cue is a noun phrase with no name or known role in it, or stands apart from the cue.

// coordinatedUnnamed reads a cue of saying joined by "and" to an earlier verb whose subject
// names nobody the rules know ("The affidavit cited interviews and said that ...", "Some seek
// to be removed, fearing the exposure, and argue that ..."): the clause after the cue is what
// was said all the same, by someone unnamed, as unnamedSubject reads it without the first verb.
func (e *engine) coordinatedUnnamed(s []token, j, after int, a attribution) (attribution, int, int, int, bool) {
	i := after - 1
	if j == 0 || !s[i].inClass("say_verbs") {
		return a, 0, 0, 0, false
	}
	from := contentStart(s, after, a.cue)
	if from >= len(s) || !clauseAllowed(s, after, from, a.cue) || !opensReportedClause(s, i, after, from) {
		return a, 0, 0, 0, false
	}
	a.m = firstVerbSubject(s, j).orUnnamed()
	return a, from, contentEnd(s, from, e.cues), from, true
}

// firstVerbSubject finds the subject of the first verb before j whose subject phrase opens the
// sentence or follows a comma ("There, the district GOP chairman Chuck Williams declined to
// name ... but said", "In a speech from Wyoming, Sanders claimed momentum and argued"): a past
// form or an auxiliary marks the verb. It returns no mention when none is found.
func firstVerbSubject(s []token, j int) mention {
	for v := 1; v < j; v++ {
		t := s[v]
		if t.kind != tWord || t.cap() || !(pastForm(t.low) || finiteMarker(t.low)) {
			continue
		}
		k := skipAuxBack(s, v-1)
		if k < 0 || k >= v || s[k].kind != tWord {
			continue
		}
		from, m := subjectBefore(s, k)
		if m.valid() && (from == firstWord(s) || from > 0 && (s[from-1].isPunct(","+dashes) || s[from-1].inClass("sentence_openers"))) {
			return m
		}
	}
	return mention{}
}

// compoundSubject widens a cue's subject without a name that starts at npFrom back over "X and"
// when X, a pronoun or a speaker phrase, opens the clause ("..., he and another reporter said",
// "She and a colleague said"): both speak, together, unnamed. Names joined by "and" are one
// phrase already ("Trump and Pence said"); a named second subject after anything but a pronoun
// keeps speaking alone ("..., he and Mr. Allen said" is the pair).
func compoundSubject(s []token, npFrom int, m mention) (int, mention) {
	g := npFrom
	if g > 0 && wordIn(s[g-1], "modifier_openers") {
		g-- // "she and another reporter said": the second phrase's determiner
	}
	if g < 2 || !s[g-1].is("and") || s[g-2].kind != tWord {
		return npFrom, m
	}
	k := g - 2
	f := k
	if _, ok := pronounOf(s[k : k+1]); !ok {
		if m.name != "" {
			return npFrom, m // "Clinton and the State Department have asserted": the name speaks, as before
		}
		if f = npStart(s, k); f > k || !parseMention(s[f:k+1], nil).valid() {
			return npFrom, m
		}
	}
	if f != firstWord(s) && !(f > 0 && (s[f-1].isPunct(","+dashes) || s[f-1].kind == tQuote)) {
		return npFrom, m // "... met Ryan and Pence said": the first may be an object
	}
	return f, mention{plural: true}
}

// asSubjectUnnamed tells whether "As <subject> <cue>," (first at "as", the cue at i, its comma
// at comma) has a noun phrase for a subject that the rules do not know ("As the paper noted,",
// "As another Pew study from 2011 noted,"): a determiner or a capital opens it, the cue ends
// the clause, and no word in it is a verb form, so "As the crowd grew louder, X said" is no
// such clause.
func asSubjectUnnamed(s []token, first, i, after, comma int) bool {
	if comma != after || i-first < 2 || i-first > 8 {
		return false
	}
	np := s[first+1 : i]
	if !(isDeterminer(np[0].low) || wordIn(np[0], "modifier_openers") || np[0].cap()) {
		return false
	}
	for _, t := range np {
		if t.kind != tWord || t.in(cAux) || t.in(cFiniteMarkers) || isRelative(t.low) {
			return false
		}
	}
	return true
}

// presentPredicate tells whether the noun phrase at from has a verb in the present soon after
// it, which finiteSoon does not see: a verb adverb before a lower-case word ("officers still
// scrutinize"), or a lower-case word in -s after a singular noun of a phrase that a determiner
// opens ("the nation needs", "the “sharing economy” reflects"). Quotation marks are skipped.
func presentPredicate(s []token, from int) bool {
	if from >= len(s) || s[from].kind != tWord {
		return false
	}
	det := s[from].inClass("noun_markers")
	prev := s[from]
	for j := from + 1; j < len(s) && j < from+7; j++ {
		t := s[j]
		if t.kind == tQuote {
			continue
		}
		if t.kind != tWord {
			return false
		}
		if t.inClass("verb_adverbs") && !t.cap() {
			return j+1 < len(s) && s[j+1].kind == tWord && !s[j+1].cap() && !isPreposition(s[j+1].low)
		}
		if det && presentThirdPerson(t) && singularNoun(prev) {
			return true
		}
		if isPreposition(t.low) || isRelative(t.low) || t.is("that") || t.is("and") || t.is("or") {
			return false
		}
		prev = t
	}
	return false
}

// presentThirdPerson tells whether a lower-case word may be a verb in -s ("needs", "reflects";
// not "business", "status", the possessive "nation's").
func presentThirdPerson(t token) bool {
	w := t.low
	return !t.cap() && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !hasApostrophe(w)
}

// singularNoun tells whether t may be a singular noun heading a phrase: a lower-case word, no
// function word, not in -s.
func singularNoun(t token) bool {
	return t.kind == tWord && modifierWord(t) && !isDeterminer(t.low) && !strings.HasSuffix(t.low, "s")
}

// groupBeforeChain reads a subject that is a group of people qualified by a chain of
// prepositional phrases ending at j ("officials in both cities insist", "People with direct
// knowledge of Gates' work said"), which subjectBefore does not reach: the group speaks,
// unnamed. The chain holds words only (a slash or an apostrophe inside a name), no verb form,
// conjunction or relative, and the group's phrase opens the sentence or follows a comma, a
// dash or a quotation. It returns from and m as they were when there is no such group.
func groupBeforeChain(s []token, j, from int, m mention) (int, mention) {
	head := -1
	for k := j; k >= 1 && j-k <= 12; k-- {
		t := s[k]
		if t.kind != tWord {
			if t.isPunct("/'’-") {
				continue
			}
			break
		}
		if t.is("and") || t.is("or") || t.is("that") || isRelative(t.low) || t.in(cFiniteMarkers) || t.in(cAux) {
			break
		}
		if !t.cap() && (len(t.low) > 4 && strings.HasSuffix(t.low, "ed") || t.in(cVerbForms)) {
			break
		}
		if k < j && wordIn(t, "chain_prepositions") && s[k-1].kind == tWord && s[k-1].in(cGroups) {
			head = k - 1
		}
	}
	if head < 0 {
		return from, m
	}
	f := modifiersBack(s, head, head)
	if f != firstWord(s) && !(f > 0 && (s[f-1].isPunct(","+dashes) || s[f-1].kind == tQuote)) {
		return from, m
	}
	return f, mention{plural: true, role: joinTokens(s[f : j+1])}
}

// nextSpeakerCue finds, from i in the tail of an attribution whose content came before it, a
// comma and a conjunction that open a next cue, of the same speaker or of a subject named
// after the conjunction (", but he said he ...", ", though he added that ...", ", but added
// that ...", ", after CNBC's Becky Quick said the ..."). It returns the comma's index, or
// len(s): the attribution must stop there, so that the loop reads the next cue.
func nextSpeakerCue(s []token, i int, cues *phraseSet) int {
	for k := i; k+2 < len(s); k++ {
		if s[k].kind == tQuote {
			break
		}
		if !s[k].is(",") || !wordIn(s[k+1], "second_cue_conjunctions") {
			continue
		}
		if cueAfterConjunction(s, k+2, cues) {
			return k
		}
	}
	return len(s)
}

// cueAfterConjunction tells whether a cue follows at c, after an optional adverb ("but later
// said"), or after its own subject phrase that starts at c ("he said", "Becky Quick said").
func cueAfterConjunction(s []token, c int, cues *phraseSet) bool {
	for k := c; k < len(s) && k-c <= 8; k++ {
		if s[k].kind != tWord && !s[k].isPunct(".") {
			return false
		}
		if s[k].kind != tWord || s[k].cap() || cues.match(s, k) == 0 {
			continue
		}
		if k == c {
			return true // ", but added that ..."
		}
		j := k - 1
		if s[j].inClass("verb_adverbs") || strings.HasSuffix(s[j].low, "ly") {
			if j == c {
				return true // ", but later said"
			}
			j--
		}
		from, m := subjectBefore(s, j)
		return m.valid() && from == c
	}
	return false
}

// subjectThenAmbiguousCue tells whether a cue that is also a plural noun ("claims", "reports")
// at i is the verb of a subject before it and a clause after it: a subject pronoun ("And he
// claims his boss is ..."), a group of people or a role ("many lawmakers claim it will ...")
// or a name that opens the sentence ("Trump claims he's worth ...",
// "The Washington Times reports Beck will ..."), then a clause with its own subject and finite
// verb. Not "Trump's claims were ...", "the reports that ...".
func subjectThenAmbiguousCue(s []token, i int) bool {
	if i < 1 || i+1 >= len(s) || s[i-1].kind != tWord {
		return false
	}
	if !(pronounClause(s, i+1) || subjectClause(s, i+1)) {
		return false
	}
	p := s[i-1]
	if isSubjectPronoun(p.low) || speakerHead(p) {
		return true // "And he claims ...", "many Democratic lawmakers claim it will ..."
	}
	if !p.cap() || strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") {
		return false
	}
	from, m := subjectBefore(s, i-1)
	f := firstWord(s)
	for f >= 0 && f < from && s[f].inClass("sentence_openers") {
		f++ // "And Trump claims ..."
	}
	return m.valid() && m.name != "" && from == f
}

// relativeAside tells whether the tokens between the dashes at k and j are a relative clause
// about the subject before them ("Joyce — who is listed as an attorney in Illinois but doesn't
// practice law — told"), which may be longer than an apposition: "who" opens it, after a
// capitalised name or a speaker word, and no quotation is inside.
func relativeAside(s []token, k, j int) bool {
	if k < 1 || k+1 >= j || !s[k+1].inClass("relative_who") || !(s[k-1].cap() || speakerHead(s[k-1])) {
		return false
	}
	for _, t := range s[k+1 : j] {
		if t.kind == tQuote {
			return false
		}
	}
	return true
}

// speakerHead tells whether a lower-case word can end a subject that speaks, as a capitalised
// name does: a role ("the spokesman") or a group of people ("Democratic economists").
func speakerHead(t token) bool {
	return t.kind == tWord && (t.roleWord() || t.in(cGroups))
}

// withPartner tells whether the words after a cue at k name a partner of the talk ("argued
// with Ms. Brainard", "sparred with him over ..."), a name or an object pronoun after "with",
// and no "that" follows within a few words ("joked with Trump that ..." reports a clause).
func withPartner(s []token, k int) bool {
	if k+1 >= len(s) || !wordIn(s[k], "partner_prepositions") || s[k+1].kind != tWord {
		return false
	}
	if !s[k+1].cap() && !s[k+1].inClass("object_pronouns") {
		return false
	}
	return !wordWithin(s, k+2, 6, "that")
}

// finiteInPhrase tells whether a phrase read after a cue as an inverted speaker holds a finite
// verb after its first word ("..., for instance, said the problem was not requiring a photo
// ID"): a clause, what was said, not a speaker.
func finiteInPhrase(np []token) bool {
	for k := 1; k < len(np); k++ {
		if np[k].kind == tWord && !np[k].cap() && np[k].in(cFiniteMarkers) {
			return true
		}
	}
	return false
}

// evidenceSubject tells whether the cue at i is a verb of inference after a noun of
// measurement ("exit polls suggested that ...", "the data suggest ..."): evidence, not words.
func evidenceSubject(s []token, i int) bool {
	if !s[i].inClass("inference_cues") {
		return false
	}
	j := skipAuxBack(s, i-1)
	return j >= 0 && wordIn(s[j], "evidence_subjects")
}

// idiomaticSay tells whether the cue at i ends an idiom of the writer's ("it's safe to say",
// "needless to say", "suffice it to say"): no one is reported.
func idiomaticSay(s []token, i int) bool {
	return i >= 2 && s[i-1].is("to") && (wordIn(s[i-2], "say_idioms") || i >= 3 && s[i-2].is("it") && wordIn(s[i-3], "say_idioms"))
}
