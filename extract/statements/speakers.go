package statements

import (
	"strings"
	"sync"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/textutil"
)

// entity is one speaker of an article: a person or an institution, named by the fullest form
// the article gives.
type entity struct {
	name    string
	role    string
	kind    string   // person, organization
	country string   // from the role's nationality or the people list, if known
	known   []string // what the people list says the person is
	alias   string   // an acronym the article gives ("Sipri")
	gender  byte     // 'f', 'm' or 0 when unknown
	group   bool     // two people named together ("Grassley and Leahy"): never one of them later
	// words is strings.Fields(wordsOf), kept for nameWords: the registry compares every new
	// mention with the words of every entity's name
	words   []string
	wordsOf string
	sexMemo sexMemo // sex() of the role and name it was read from: pronouns ask it of every speaker
}

type sexMemo struct {
	role, name string
	sex        byte
	ok         bool
}

// nameWords returns strings.Fields(e.name), cut again only when the name changed. The caller
// must not change the slice.
func (e *entity) nameWords() []string {
	if e.words == nil || e.wordsOf != e.name {
		e.words, e.wordsOf = strings.Fields(e.name), e.name
	}
	return e.words
}

// sex tells the entity's gender from its title ("spokeswoman") or name, 0 if unknown.
func (e *entity) sex() byte {
	if e.gender != 0 {
		return e.gender
	}
	if m := e.sexMemo; !m.ok || m.role != e.role || m.name != e.name {
		e.sexMemo = sexMemo{role: e.role, name: e.name, sex: e.readSex(), ok: true}
	}
	return e.sexMemo.sex
}

// readSex reads the gender of sex from the role and the name.
func (e *entity) readSex() byte {
	for w := range strings.FieldsSeq(lower(e.role)) {
		switch w {
		case "spokeswoman", "chairwoman", "congresswoman", "mrs", "mrs.", "ms", "ms.", "madam":
			return 'f'
		case "spokesman", "chairman", "congressman", "mr", "mr.":
			return 'm'
		}
	}
	if f, ok := female(e.name); ok {
		if f {
			return 'f'
		}
		return 'm'
	}
	return 0
}

// know fills what the people list says about e.
func (e *entity) know() {
	ws := strings.Fields(e.name)
	l := builtin()
	for _, pi := range l.bySurname[surnameIndexKey(ws[len(ws)-1])] {
		p := l.people[pi]
		for _, n := range p.names {
			nw := strings.Fields(n)
			if sameSurname(nw[len(nw)-1], ws[len(ws)-1]) && firstNamesAgree(nw, ws) {
				e.country, e.known = p.country, p.roles
				return
			}
		}
	}
}

// countryOf finds the country a role or descriptor names ("Russian", "U.S."), or "".
func countryOf(s string) string {
	if s == "" {
		return "" // most speakers have no role
	}
	nat := builtin().nationality
	s = lower(s)
	for w := range strings.FieldsSeq(s) {
		if c := nat[w]; c != "" {
			return c
		}
	}
	if strings.Contains(s, "united states") {
		return "US"
	}
	return ""
}

// registry holds the speakers met so far, in order of introduction, and the last speakers for
// pronouns.
type registry struct {
	ents            []*entity
	lastPerson      *entity
	lastOrg         *entity
	last            *entity
	lastHe, lastShe *entity
	// unnamed holds the head nouns of the indefinite speakers met ("a senior official"): a later
	// "the official" is that unnamed person, not a named one whose title merely fits.
	unnamed map[string]bool
}

// resolve maps a mention to a speaker entity; nil means the speaker cannot be told.
// register is false for mentions that may only point at known speakers.
func (r *registry) resolve(m mention) *entity {
	if m.unnamed != "" {
		if r.unnamed == nil {
			r.unnamed = map[string]bool{}
		}
		r.unnamed[m.unnamed] = true
	}
	switch {
	case m.pronoun != "":
		return r.pronoun(m.pronoun)
	case m.name != "" && m.kind == "organization":
		e := r.org(m.name)
		if m.alias != "" && e.alias == "" {
			e.alias = m.alias
		}
		return e
	case m.name != "" && m.plural:
		// "Mr. Grassley and Mr. Leahy said": both, kept out of the speakers a later "Mr.
		// Grassley" or "he" may point at
		return &entity{name: m.name, kind: "person", group: true}
	case m.name != "":
		name := m.name
		if m.genitive {
			name = nominative(name)
		}
		return r.person(name, m.role)
	case m.descriptor != "" && m.kind == "organization":
		return r.orgByHead(m.descriptor)
	case m.descriptor != "":
		if e := r.byRole(m.descriptor); e != nil && !r.unnamedHolder(m.descriptor, e) {
			return e
		}
	}
	return nil
}

// unnamedHolder tells whether a descriptor ("the official") points back at an indefinite speaker
// with its head noun ("a senior U.S. defense official said") rather than at e, a person whose
// own title does not use that noun ("Pentagon Press Secretary John Kirby").
func (r *registry) unnamedHolder(desc string, e *entity) bool {
	head := textutil.LastField(desc)
	return r.unnamed[head] && !containsWords(lower(e.role), head)
}

// spoke records e as the speaker of the latest statement, for later pronouns.
func (r *registry) spoke(e *entity) {
	if e == nil || e.group {
		return
	}
	r.last = e
	// most recent speaker last: a role alone ("the diplomat") prefers who spoke last
	for i, x := range r.ents {
		if x == e {
			copy(r.ents[i:], r.ents[i+1:])
			r.ents[len(r.ents)-1] = e
			break
		}
	}
	if e.kind == "organization" {
		r.lastOrg = e
		return
	}
	r.lastPerson = e
	switch e.sex() {
	case 'f':
		r.lastShe = e
	case 'm':
		r.lastHe = e
	}
}

func (r *registry) pronoun(p string) *entity {
	switch p {
	case "he", "she":
		e := r.lastPerson
		if e == nil {
			return r.lastIntroduced("person")
		}
		if g := e.sex(); g != 0 && (g == 'f') != (p == "she") {
			// the last speaker is of the other gender: the last one of this gender, if any
			if p == "she" {
				return r.lastShe
			}
			return r.lastHe
		}
		return e
	case "it":
		if r.lastOrg != nil {
			return r.lastOrg
		}
		return r.lastIntroduced("organization")
	case "they":
		if r.last != nil && r.last.kind == "organization" {
			return r.last
		}
	}
	return nil
}

func (r *registry) lastIntroduced(kind string) *entity {
	for i := len(r.ents) - 1; i >= 0; i-- {
		if r.ents[i].kind == kind {
			return r.ents[i]
		}
	}
	return nil
}

// person finds the person by surname (and compatible first name) or adds them. A fuller name
// replaces a shorter one, so the canonical name is the fullest the article gives.
func (r *registry) person(name, role string) *entity {
	ws := strings.Fields(name)
	sur := ws[len(ws)-1]
	for i := len(r.ents) - 1; i >= 0; i-- {
		e := r.ents[i]
		if e.kind != "person" || e.name == "" {
			continue
		}
		ew := e.nameWords()
		if !sameSurname(ew[len(ew)-1], sur) || !firstNamesAgree(ew, ws) {
			continue
		}
		if len(ws) > len(ew) && !strings.HasSuffix(ws[0], ".") {
			e.name = name
		}
		if e.role == "" {
			e.role = role
			if c := countryOf(role); c != "" && e.country == "" {
				e.country = c
			}
		}
		return e
	}
	if len(ws) == 1 {
		if e := r.byFamilyNameFirst(sur); e != nil {
			return e // "Fu" after "Fu Cong": Chinese and Korean names put the family name first
		}
	}
	e := &entity{name: name, role: role, kind: "person"}
	e.know()
	if c := countryOf(role); c != "" {
		e.country = c
	}
	r.ents = append(r.ents, e)
	return e
}

// byFamilyNameFirst finds the one known person whose name opens with w ("Fu Cong", "Cho
// Tae-yul"): a single word that is nobody's surname is then the family name written first.
// Two candidates leave it unresolved.
func (r *registry) byFamilyNameFirst(w string) *entity {
	var found *entity
	for _, e := range r.ents {
		ew := e.nameWords()
		if e.kind != "person" || len(ew) < 2 || len(ew) > 3 || ew[0] != w {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// sameSurname compares surnames, Russian ones in any case ("Рябкова" = "Рябков").
func sameSurname(a, b string) bool {
	a = strings.TrimSuffix(strings.TrimSuffix(a, "'s"), "’s")
	b = strings.TrimSuffix(strings.TrimSuffix(b, "'s"), "’s")
	if eq, ok := equalLowerASCII(a, b); ok {
		return eq // (no Cyrillic in ASCII: what a == b says below, without two lowered copies)
	}
	a, b = lower(a), lower(b)
	if isCyrillic(a) && isCyrillic(b) {
		return ruSame(a, b)
	}
	return a == b
}

// equalLowerASCII tells whether lower(a) == lower(b) when both are ASCII (ok false otherwise),
// where strings.EqualFold is that comparison without lowering copies.
func equalLowerASCII(a, b string) (eq, ok bool) {
	if ascii, _ := lang.ASCIICase(a); !ascii {
		return false, false
	}
	if ascii, _ := lang.ASCIICase(b); !ascii {
		return false, false
	}
	return strings.EqualFold(a, b), true
}

// firstNamesAgree: both give a first name (or initial) only if they agree; Sergey = Sergei.
func firstNamesAgree(a, b []string) bool {
	if len(a) < 2 || len(b) < 2 {
		return true
	}
	x, y := lower(a[0]), lower(b[0])
	if strings.HasSuffix(x, ".") || strings.HasSuffix(y, ".") {
		return x[:1] == y[:1] || strings.HasPrefix(y, strings.TrimSuffix(x, ".")) || strings.HasPrefix(x, strings.TrimSuffix(y, "."))
	}
	if x == y {
		return true
	}
	// transliteration variants share a long prefix (Sergey/Sergei, Dmitry/Dmitri, Yury/Yuri)
	n := min(len(x), len(y))
	return n >= 4 && x[:n-1] == y[:n-1] || isCyrillic(x) && ruSame(x, y)
}

// org finds an institution by name ("Foreign Ministry" is the "Russian Foreign Ministry" met
// before) or adds it.
func (r *registry) org(name string) *entity {
	key := orgKey(name)
	for i := len(r.ents) - 1; i >= 0; i-- {
		e := r.ents[i]
		if e.kind != "organization" {
			continue
		}
		ek := orgKey(e.name)
		if ek == key || containsWords(ek, key) || e.alias != "" && lower(e.alias) == key {
			return e
		}
		if containsWords(key, ek) {
			e.name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
			return e
		}
	}
	e := &entity{name: strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "), kind: "organization"}
	r.ents = append(r.ents, e)
	return e
}

func orgKey(s string) string {
	s = lower(s)
	s = strings.TrimPrefix(s, "the ")
	return s
}

// containsWords tells whether the words of small appear in big as a whole-word run.
func containsWords(big, small string) bool {
	if small == "" {
		return false
	}
	// strings.Contains(" "+big+" ", " "+small+" ") without building either
	for i := 0; i+len(small) <= len(big); {
		k := strings.Index(big[i:], small)
		if k < 0 {
			return false
		}
		i += k
		if (i == 0 || big[i-1] == ' ') && (i+len(small) == len(big) || big[i+len(small)] == ' ') {
			return true
		}
		i++
	}
	return false
}

// orgByHead resolves "the ministry" to the last institution with that head word.
func (r *registry) orgByHead(desc string) *entity {
	ws := strings.Fields(desc)
	head := ws[len(ws)-1]
	for i := len(r.ents) - 1; i >= 0; i-- {
		e := r.ents[i]
		if e.kind == "organization" && (containsWords(orgKey(e.name), desc) || containsWords(orgKey(e.name), head)) {
			return e
		}
	}
	// "the U.N. nuclear watchdog", "the body": a descriptor of the institution that spoke last
	if r.lastOrg != nil && isDescriptorHead(head) && !isPlaceName(r.lastOrg.name) {
		return r.lastOrg
	}
	// "the ministry", "в министерстве", "the department": the institution that spoke last
	for _, w := range ws {
		if isGenericInstitution(w) && r.lastOrg != nil && isGovernmentBody(r.lastOrg.name) {
			return r.lastOrg
		}
	}
	return nil
}

// byRole resolves a role used alone ("the Kremlin spokesman", "the senior diplomat") to the
// last person whose title fits it; nil when nobody fits.
func (r *registry) byRole(desc string) *entity {
	d := stripModifiers(desc)
	c := countryOf(desc)
	for i := len(r.ents) - 1; i >= 0; i-- {
		e := r.ents[i]
		if e.kind != "person" || c != "" && e.country != "" && e.country != c {
			continue
		}
		if e.role != "" && roleFits(lower(e.role), desc, d) {
			return e
		}
		for _, k := range e.known {
			if k == desc || k == d || roleFits(k, desc, d) {
				return e
			}
		}
	}
	return nil
}

// roleFits tells whether a descriptor (desc, and d without its modifiers) fits a title, or
// the title's head fits the descriptor's head ("Chairman of the State Duma Committee on
// International Affairs" is "the head of the Duma's international affairs committee" and "the
// lawmaker"; "President of Russia" is "president").
func roleFits(title, desc, d string) bool {
	if roleFitsWhole(title, desc, d) {
		return true
	}
	th, tc := titleHead(title)
	dh, dc := titleHead(desc)
	if th == title && dh == desc {
		return false
	}
	if dc == "" && isLegislator(dh) && isLegislature(tc) {
		return true
	}
	if dc != "" && tc != "" && !shareWord(tc, dc) || dc != "" && countryOf(dc) == "" && !shareWord(tc, dc) {
		return false // "head of the delegation" is not the head of a committee
	}
	return th != "" && dh != "" && roleFitsWhole(th, dh, stripModifiers(dh))
}

// titleHead cuts a title at its complement: "chairman of the state duma committee" gives
// "chairman" and "the state duma committee".
func titleHead(t string) (head, complement string) {
	ws := strings.Fields(t)
	for i, w := range ws {
		switch w {
		case "of", "for", "on", "to", "at":
			if i > 0 {
				return strings.Join(ws[:i], " "), strings.Join(ws[i+1:], " ")
			}
		}
	}
	return t, ""
}

func isLegislator(w string) bool {
	switch stripModifiers(w) {
	case "lawmaker", "legislator", "parliamentarian", "mp", "deputy", "senator", "congressman", "congresswoman", "депутат", "сенатор", "парламентарий":
		return true
	}
	return false
}

// isLegislature tells whether a title's complement names a parliament or one of its committees.
func isLegislature(c string) bool {
	for w := range strings.FieldsSeq(c) {
		switch strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s") {
		case "duma", "parliament", "senate", "congress", "house", "bundestag", "rada", "assembly", "committee", "думы", "думе", "совета", "федерации":
			return true
		}
	}
	return false
}

// shareWord tells whether two complements share a content word ("duma", "committee").
func shareWord(a, b string) bool {
	set := map[string]bool{}
	for w := range strings.FieldsSeq(a) {
		set[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")] = true
	}
	for w := range strings.FieldsSeq(b) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if len(w) > 3 && set[w] {
			return true
		}
	}
	return false
}

func roleFitsWhole(title, desc, d string) bool {
	tw := strings.Fields(title)
	descCyr := isCyrillic(desc)
	if descCyr {
		// Russian titles put the head first and inflect: compare the heads' stems
		w := strings.Fields(desc)
		if len(tw) > 0 && len(w) > 0 && ruSame(tw[0], w[0]) &&
			(len(w) == 1 || roleStemEqual(strings.Join(tw[:min(len(tw), len(w))], " "), desc) ||
				len(tw) == 1 && countryOf(strings.Join(w[1:], " ")) != "") {
			// "президент России" is the president: the country was compared by byRole
			return true
		}
	}
	if containsWords(title, desc) || d != "" && containsWords(title, d) {
		return true
	}
	if len(tw) == 0 {
		return false // no role's words end or start it
	}
	td := stripModifiers(title)
	ix := roleIndex()
	nDesc := -1 // words of desc, counted when a Russian class needs them
	fits := func(cands []int) bool {
		for _, k := range cands {
			ro := &ix.forms[k]
			// English titles end with their head ("Russian Deputy Foreign Minister"), Russian ones
			// start with it ("директор департамента по вопросам ...")
			if !endsWithWords(title, ro.joined) && !endsWithWords(td, ro.joined) &&
				!(ro.cyr && (stemEqualWords(tw, ro.words) || stemEqualWords(tw[:min(len(tw), len(ro.words))], ro.words))) {
				continue
			}
			for i, c := range ro.classes {
				if c == desc || c == d {
					return true
				}
				if descCyr {
					if nDesc < 0 {
						nDesc = len(strings.Fields(desc))
					}
					if ro.classWords[i] == nDesc && roleStemEqual(c, desc) {
						return true
					}
				}
			}
		}
		return false
	}
	return fits(ix.byLast[tw[len(tw)-1]]) || fits(ix.byLast[textutil.LastField(td)]) ||
		fits(ix.cyrByLast[stemKey(tw[len(tw)-1])]) || fits(ix.cyrByFirst[stemKey(tw[0])])
}

// roleForm is a built-in role as roleFitsWhole compares a title with it.
type roleForm struct {
	joined     string   // the words joined by spaces
	words      []string // lower-case, as the data gives them
	cyr        bool     // the words are Russian: compared by stems
	classes    []string
	classWords []int // the number of words of each class
}

// roleIndexes lists the built-in roles by the keys a title must share with a role to fit it:
// ending with the role's words shares its last word; the Russian stem comparisons (ruSame,
// which needs equal words or four equal first letters) share the stem key of its last or first
// word. A title is compared with the few roles its keys list instead of every role, each joined
// and split again (that was most of resolving a speaker by role).
type roleIndexes struct {
	forms                         []roleForm
	byLast, cyrByLast, cyrByFirst map[string][]int
}

var roleIndex = sync.OnceValue(func() *roleIndexes {
	ix := &roleIndexes{byLast: map[string][]int{}, cyrByLast: map[string][]int{}, cyrByFirst: map[string][]int{}}
	for k, ro := range builtin().roles {
		f := roleForm{joined: strings.Join(ro.words, " "), classes: ro.classes}
		f.words = strings.Fields(f.joined)
		f.cyr = isCyrillic(f.joined)
		for _, c := range ro.classes {
			f.classWords = append(f.classWords, len(strings.Fields(c)))
		}
		ix.forms = append(ix.forms, f)
		if len(f.words) == 0 {
			continue // fits no title: it neither ends one nor has a stem
		}
		ix.byLast[f.words[len(f.words)-1]] = append(ix.byLast[f.words[len(f.words)-1]], k)
		if f.cyr {
			ix.cyrByLast[stemKey(f.words[len(f.words)-1])] = append(ix.cyrByLast[stemKey(f.words[len(f.words)-1])], k)
			ix.cyrByFirst[stemKey(f.words[0])] = append(ix.cyrByFirst[stemKey(f.words[0])], k)
		}
	}
	return ix
})

// stemKey is the first four letters of w (all of a shorter w): two words ruSame takes as one
// have the same key.
func stemKey(w string) string {
	rs := []rune(w)
	return string(rs[:min(4, len(rs))])
}

// endsWithWords tells whether s ends with the words w: strings.HasSuffix(" "+s, " "+w).
func endsWithWords(s, w string) bool {
	return s == w || len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && s[len(s)-len(w):] == w
}

func roleStemEqual(title, rw string) bool {
	return isCyrillic(rw) && stemEqualWords(strings.Fields(title), strings.Fields(rw))
}

// stemEqualWords tells whether the last words of a are those of b, compared by stems.
func stemEqualWords(a, b []string) bool {
	if len(b) > len(a) {
		return false
	}
	a = a[len(a)-len(b):]
	for i := range b {
		if !ruSame(a[i], b[i]) {
			return false
		}
	}
	return true
}

// stripModifiers drops nationality and rank adjectives that any holder of a title may get.
func stripModifiers(s string) string {
	var keep []string
	for w := range strings.FieldsSeq(s) {
		switch w {
		case "russian", "russia's", "american", "u.s.", "u.s", "us", "the", "country's", "top", "senior", "российский":
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

// isDescriptorHead: nouns that describe an institution rather than name it.
func isDescriptorHead(w string) bool {
	switch w {
	case "watchdog", "regulator":
		return true
	}
	return false
}

func isPlaceName(name string) bool {
	ts := tokenize(name, 0, len(name), nil)
	return len(ts) > 0 && isPlace(ts)
}

func isGenericInstitution(w string) bool {
	switch w {
	case "ministry", "department", "agency", "office", "government", "administration", "service":
		return true
	}
	for _, d := range []string{"министерство", "ведомство", "правительство", "администрация"} {
		if isCyrillic(w) && ruSame(d, w) {
			return true
		}
	}
	return false
}

// known returns the person of that name if the article or the people list knows them.
func (r *registry) known(name string) *entity {
	ws := strings.Fields(name)
	for i := len(r.ents) - 1; i >= 0; i-- {
		e := r.ents[i]
		if e.kind == "person" && sameSurname(textutil.LastField(e.name), ws[len(ws)-1]) && firstNamesAgree(e.nameWords(), ws) {
			return e
		}
	}
	e := &entity{name: name, kind: "person"}
	if e.know(); e.known == nil {
		return nil
	}
	r.ents = append(r.ents, e)
	return e
}

// isGovernmentBody tells whether an institution's name is a ministry or office that "the
// ministry" / "в министерстве" may stand for (not an alliance or a country).
func isGovernmentBody(name string) bool {
	for w := range strings.FieldsSeq(lower(name)) {
		switch w {
		case "мид", "минобороны", "госдеп", "госдепартамент", "kremlin", "кремль", "pentagon", "mfa", "mod":
			return true
		}
		if isGenericInstitution(w) {
			return true
		}
	}
	return false
}
