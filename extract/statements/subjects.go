package statements

// Subjects the speaker rules do not name: the functions here find who speaks when the subject
// of a cue is a noun phrase with no name or known role in it, or stands apart from the cue.

// coordinatedUnnamed reads a cue of saying joined by "and" to an earlier verb whose subject
// names nobody the rules know ("The affidavit cited interviews and said that ...", "Some seek
// to be removed, fearing the exposure, and argue that ..."): the clause after the cue is what
// was said all the same, by someone unnamed, as unnamedSubject reads it without the first verb.
func (e *engine) coordinatedUnnamed(s []token, j, after int, a attribution) (attribution, int, int, int, bool) {
	i := after - 1
	if j == 0 || !inClass("say_verbs", s[i].low) {
		return a, 0, 0, 0, false
	}
	from := contentStart(s, after, a.cue)
	if from >= len(s) || !clauseAllowed(s, after, from, a.cue) || !opensReportedClause(s, i, after, from) {
		return a, 0, 0, 0, false
	}
	a.m = mention{plural: true}
	return a, from, contentEnd(s, from, e.cues), from, true
}
