package statements

import (
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/textutil"
)

// mention is a noun phrase that names, describes or points at a speaker.
type mention struct {
	name       string // proper name as written, without title or role ("Dmitry Peskov", "Kremlin")
	role       string // role or title given with it ("Kremlin Spokesman")
	kind       string // person, organization
	pronoun    string // he, she, it, they
	descriptor string // a role without a name ("kremlin spokesman"), lower-case
	indefinite bool   // "a senior official": nobody in particular
	unnamed    string // the head noun of an indefinite speaker ("official"), for a later "the official"
	plural     bool   // "officials", "experts"
	genitive   bool   // Russian name in the genitive ("по словам Рябкова")
	alias      string // an acronym given in brackets ("(Sipri)")
}

// orUnnamed gives m, or an unnamed source when m names nobody.
func (m mention) orUnnamed() mention {
	if m.valid() {
		return m
	}
	return mention{plural: true}
}

func (m mention) valid() bool {
	return m.name != "" || m.pronoun != "" || m.descriptor != "" || m.plural
}

// parseMention reads the tokens of a noun phrase; appos is an appositive ("the Kremlin
// spokesman" after "Dmitry Peskov,"), possibly empty.
func parseMention(np, appos []token) mention {
	var m mention
	np = trimPunct(np)
	if n := len(np); n >= 4 && np[n-1].isPunct(")") && np[n-3].isPunct("(") {
		m.alias = np[n-2].text // "the Stockholm International Peace Research Institute (Sipri)"
		np = np[:n-3]
	}
	np = withoutParens(np)
	if len(np) == 0 {
		return m
	}
	if p, ok := pronounOf(np); ok {
		return p
	}
	np = institutionBehindText(np)
	if len(np) == 1 && np[0].documentWord() {
		return mention{pronoun: "it", kind: "organization"} // "говорится в документе"
	}
	switch {
	case np[0].is("a") || np[0].is("an"):
		m.indefinite = true
		np = np[1:]
	case np[0].is("the") || len(np) > 1 && timePossessive(np[0]):
		np = np[1:] // "Friday's announcement": a day owns no statement
	}
	if len(np) == 0 {
		return m
	}
	if len(np) == 1 && np[0].documentWord() && !m.indefinite {
		return mention{pronoun: "it", kind: "organization"} // "the document said": its author
	}
	// "a Foreign Ministry statement": the institution behind the document speaks
	if len(np) > 1 && np[len(np)-1].documentWord() {
		np = np[:len(np)-1]
	}
	if len(np) >= 2 && strings.HasPrefix(np[0].low, "пресс-служб") && np[1].cap() {
		// "в пресс-службе Кремля": the office's owner speaks, named in the nominative
		return mention{kind: "organization", name: ruOrgNominative(cleanName(np[1:]))}
	}
	np = possessorOfOffice(np)
	if names, ok := groupOfPeople(np); ok {
		// "Jo Reyes and Sen. Ann Lee said": both speak; named together, each by the surname rule
		return mention{plural: true, kind: "person", name: names}
	}
	if a, ok := affiliatedRole(np, m); ok {
		return withAppositive(a, np, appos) // "The director of the centre, Ina Kirsch,"
	}
	var origin []token
	if k := placeSuffix(np); k > 0 {
		np, origin = np[:k], np[k:] // "Do Hung Viet of Vietnam"
	} else if k := affiliationSuffix(np); k > 0 {
		np, origin = np[:k], np[k:] // "Robert Antonacci of the New York delegation"
	}
	m = classify(np, m)
	if len(origin) > 0 && m.kind == "person" {
		m.role = strings.TrimSpace(m.role + " " + joinTokens(origin))
	}
	if m.kind == "organization" {
		m.name = withoutLowerLead(strings.TrimSuffix(strings.TrimSuffix(m.name, "'s"), "’s"))
	}
	m = withAppositive(m, np, appos) // "a spokeswoman, Anna White,": the name first
	if m.indefinite && m.name == "" {
		if m.descriptor != "" {
			m.unnamed = textutil.LastField(m.descriptor)
		}
		m.descriptor = ""
		m.plural = m.plural || m.kind == "person"
	}
	return m
}

// pronounOf reads a one-word pronoun phrase.
func pronounOf(np []token) (mention, bool) {
	l := builtin()
	if len(np) != 1 || !np[0].in(cPronouns) {
		return mention{}, false // (one bit for the four sets below)
	}
	switch w := np[0].low; {
	case l.he[w]:
		return mention{pronoun: "he", kind: "person"}, true
	case l.she[w]:
		return mention{pronoun: "she", kind: "person"}, true
	case l.it[w]:
		return mention{pronoun: "it", kind: "organization"}, true
	case l.they[w]:
		return mention{pronoun: "they"}, true
	}
	return mention{}, false
}

// institutionBehindText drops the document words before an institution: "в заявлении МИД
// РФ", "a statement from the alliance".
func institutionBehindText(np []token) []token {
	for len(np) > 1 && (np[0].low == "в" || np[0].low == "во" || np[0].low == "на" || np[0].documentWord() ||
		np[0].is("a") && np[1].documentWord() || np[0].is("from") || np[0].is("by") || np[0].is("of")) {
		np = np[1:]
	}
	return np
}

// groupOfPeople reads "Joe Biden and Russian President Vladimir Putin": two people, who speak
// together; it returns their names joined by "and".
func groupOfPeople(np []token) (string, bool) {
	for k, t := range np {
		if (t.is("and") || t.is("и")) && k > 0 && k+1 < len(np) && np[k-1].cap() && np[k+1].cap() {
			left, right := parseMention(np[:k], nil), parseMention(np[k+1:], nil)
			if left.kind == "person" && left.name != "" && right.kind == "person" && right.name != "" && !titleComplement(np[:k]) {
				return left.name + " " + t.text + " " + right.name, true
			}
			return "", false
		}
	}
	return "", false
}

// affiliatedRole reads a role tied to an institution by a preposition, with no name: "source in
// the Russian Foreign Ministry", "spokesman for the ministry".
func affiliatedRole(np []token, m mention) (mention, bool) {
	if nameStart(np) != len(np) {
		return m, false
	}
	for k := 1; k < len(np) && k <= 3; k++ {
		if !(isPreposition(np[k].low) || np[k].is("of") || np[k].is("from") || np[k].is("with")) {
			continue
		}
		if !np[k-1].roleWord() && !np[k-1].in(cGroups) || np[k-1].in(cOrgHeads) && np[k-1].cap() {
			return m, false // (not "the General Staff of the ...": "staff" of "chief of staff" heads an institution)
		}
		m.kind, m.role = "person", joinTokens(np)
		m.descriptor = lower(joinTokens(np[:k]))
		if np[k-1].in(cGroups) || m.indefinite {
			m.plural, m.descriptor = true, ""
		}
		return m, true
	}
	return m, false
}

// classify tells a person's name and title, an institution, or a role alone.
func classify(np []token, m mention) mention {
	last := np[len(np)-1]
	ns := nameStart(np)
	switch {
	case isPlace(np):
		m.kind, m.name = "organization", joinTokens(np) // "the United States"
	case len(np) == 1 && isCodeName(np[0].text):
		m.kind, m.name = "organization", np[0].text // "the E3", "the G7": a group of states
	case len(np) > 2 && np[0].roleWord() && np[1].is("of") && (ns == len(np) || isPlace(np[ns:])) && !np[0].in(cOrgHeads):
		// "the head of the Duma's international affairs committee", "the President of Russia":
		// a role and what it heads
		m.kind, m.descriptor, m.role = "person", lower(joinTokens(np)), joinTokens(np)
	case len(np)-ns == 1 && ns > 1 && isPreposition(np[ns-1].low) && !np[ns-1].cap() && hasRoleWordIn(np[:ns-1]):
		// "permanent representative to international organisations in Vienna": one word after
		// a preposition is the place of the office, not a name
		m.kind, m.descriptor, m.role = "person", lower(joinTokens(np)), joinTokens(np)
	case ns == len(np) && isCyrillic(np[0].low) && np[0].roleWord() && !hasOrgHead(np[:1]):
		// Russian puts the head first: "представитель Кремля", "замминистра"
		m.kind, m.descriptor, m.role = "person", lower(joinTokens(np)), joinTokens(np)
	case ns < len(np) && isPlace(np[ns:]):
		m.kind, m.name = "organization", joinTokens(np)
	case ns < len(np) && ns > 0 && len(np)-ns == 1 && hasOrgHead(np[:ns]) && !np[ns-1].roleWord() && !np[ns-1].in(cTitles):
		// "the Federation of American Scientists": one capitalised word after an institution's
		// words is part of its name
		m.kind, m.name = "organization", joinTokens(np)
	case ns == len(np)-1 && ns > 0 && isAcronym(np[ns].text) && hasLowerWord(np[:ns]):
		// "state media KCNA", "the Iranian news agency IRNA": an acronym after a description
		m.kind, m.name = "organization", np[ns].text
	case ns < len(np) && !hasOrgHead(np[afterOwner(np, ns):]) && !hasDigit(np[ns:]):
		ns = trimRoleComplement(np, ns)
		ns = afterOwner(np, ns)
		m.kind, m.name, m.role = "person", cleanName(np[ns:]), joinTokens(withoutTitles(np[:ns]))
	case orgOfName(np):
		// "Britain's Ministry of Defence", "the Department of Energy": the name ends in its field
		m.kind, m.name = "organization", joinTokens(np)
	case last.roleWord() && !last.in(cOrgHeads) && !(len(np) == 1 && isCyrillic(last.low) && hasOrgHead(np)):
		// (not "в Кремле" alone: "Кремля" of "представитель Кремля" is a title's word, yet names the Kremlin)
		m.kind, m.descriptor, m.role = "person", lower(joinTokens(np)), joinTokens(np)
	case ownedInstitution(np) > 0:
		// "China's foreign ministry", "South Korea's military", "the North's KCNA news agency":
		// the owner names the institution; an acronym in it is its name
		m.kind, m.name = "organization", joinTokens(np)
		if a := acronymIn(np[ownedInstitution(np):]); a != "" {
			m.name = a
		}
	case hasOrgHead(np) && (last.cap() || len(np) > 1 && np[len(np)-2].cap() || allCaps(np)):
		m.kind, m.name = "organization", ruOrgNominative(joinTokens(np)) // "в Кремле": the Kremlin
	case hasOrgHead(np):
		m.kind, m.descriptor = "organization", lower(joinTokens(np))
	case last.roleWord():
		m.kind, m.descriptor, m.role = "person", lower(joinTokens(np)), joinTokens(np)
	case last.in(cGroups):
		m.plural, m.kind, m.role = true, "person", joinTokens(np)
	}
	return m
}

// ownedInstitution finds a capitalised possessive owner ("China's", "South Korea's") followed
// by lower-case institution words ending in an institution head, and returns the index after
// the owner (0 if none).
func ownedInstitution(np []token) int {
	for k, t := range np {
		if t.kind != tWord || !t.cap() {
			return 0
		}
		if !strings.HasSuffix(t.low, "'s") && !strings.HasSuffix(t.low, "’s") {
			continue
		}
		rest := np[k+1:]
		if len(rest) == 0 || rest[0].cap() && !isAcronym(rest[0].text) {
			return 0
		}
		last := rest[len(rest)-1].low
		if builtin().orgHeads[last] || inClass("owned_institutions", last) {
			return k + 1
		}
		return 0
	}
	return 0
}

// acronymIn gives the first acronym of ts ("KCNA" of "KCNA news agency"), or "".
func acronymIn(ts []token) string {
	for _, t := range ts {
		if isAcronym(t.text) && !t.roleWord() {
			return t.text
		}
	}
	return ""
}

// withAppositive adds what an appositive says: the name to a role ("Sipri’s director, Dan
// Smith,") or the role to a name ("Dmitry Peskov, the Kremlin spokesman").
func withAppositive(m mention, np, appos []token) mention {
	a := trimPunct(appos)
	if len(a) == 0 {
		return m
	}
	if m.name == "" && m.descriptor != "" && nameStart(a) == 0 && a[0].cap() {
		m.role, m.name, m.descriptor, m.kind = joinTokens(np), cleanName(a), "", "person"
		return m
	}
	if m.role != "" || isRelative(a[0].low) {
		return m
	}
	if a[0].low == "the" || a[0].low == "a" || a[0].low == "an" {
		a = a[1:]
	}
	if len(a) > 0 && len(a) <= 12 {
		m.role = joinTokens(a)
	}
	return m
}

// ruOrgNominative gives a one-word Russian institution in the nominative of the lexicon's
// institution words ("Кремля" -> "Кремль"); other names stay as written.
func ruOrgNominative(name string) string {
	if strings.Contains(name, " ") || !isCyrillic(name) {
		return name
	}
	for _, h := range builtin().ruOrgs[ruKey(lower(name))] {
		if ruSame(h, lower(name)) && !strings.Contains(h, " ") {
			if name == strings.ToUpper(name) {
				return strings.ToUpper(h)
			}
			r, n := utf8.DecodeRuneInString(h)
			return string(unicode.ToUpper(r)) + h[n:]
		}
	}
	return name
}

// isAcronym: 2-6 capital Latin letters ("KCNA", "IRNA"), no vowel pattern of a name.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func hasLowerWord(ts []token) bool {
	for _, t := range ts {
		if t.kind == tWord && !t.cap() {
			return true
		}
	}
	return false
}

// orgOfName tells whether np is an institution named "<Head> of <Field>" in capitals.
func orgOfName(np []token) bool {
	for k := 1; k+1 < len(np); k++ {
		if !np[k].is("of") || !np[k-1].cap() || !np[k-1].in(cOrgHeads) {
			continue
		}
		for _, t := range np[k+1:] {
			if !t.cap() && !t.is("the") && !t.is("and") && !t.is("for") {
				return false
			}
		}
		return true
	}
	return false
}

// isCodeName tells whether w is a short capitals-and-digits group name (E3, G7, P5, G20).
func isCodeName(w string) bool {
	letters, digits := 0, 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
			digits++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0 && len(w) <= 4
}

// shortTitleCase tells whether t is a short word written "Un", "Mao": a name part, never the
// acronym an institution list holds in lower case.
func shortTitleCase(t token) bool {
	return utf8.RuneCountInString(t.low) <= 3 && t.cap() && t.text != strings.ToUpper(t.text)
}

func hasRoleWordIn(np []token) bool {
	for _, t := range np {
		if t.roleWord() {
			return true
		}
	}
	return false
}

// nameStart returns the index where the trailing proper name of np begins (len(np) if none):
// capitalised words that are no title, role, modifier or institution word.
func nameStart(np []token) int {
	i := len(np)
	for i > 0 {
		t := np[i-1]
		if t.in(cGroups) {
			break
		}
		if t.isPunct(".") && i >= 2 && np[i-2].cap() && (len([]rune(np[i-2].text)) == 1 || lang.DottedLetters(np[i-2].text) && !lang.Abbreviation(np[i-2].low)) {
			i-- // the period of an initial: "Antony J. Blinken"
			continue
		}
		if i >= 2 && isPreposition(np[i-2].low) && !np[i-2].cap() {
			if t.cap() && i < len(np) {
				break // "в Вене Михаил Ульянов": a place after a preposition ends the title
			}
		}
		if i == len(np) && i >= 2 && stopCapSurname(np[i-2], t) {
			i--
			continue
		}
		if t.kind != tWord || !(t.cap() || isNameParticle(t.low)) || t.in(cTitles) || t.in(cStopCaps) ||
			(t.roleWord() || t.in(cModifiers) || t.in(cOrgHeads)) && !shortTitleCase(t) {
			break
		}
		i--
	}
	for i < len(np) && isNameParticle(np[i].low) {
		i++
	}
	return i
}

func isNameParticle(w string) bool {
	switch w {
	case "bin", "al", "de", "van", "von", "der", "da", "di", "le", "la", "del", "dos":
		return true
	}
	return false
}

func isRelative(w string) bool {
	switch w {
	case "who", "which", "whose", "where", "когда", "который", "которая", "которые":
		return true
	}
	return false
}

func isDocumentWord(w string) bool { return cDocumentWords.has(w) || ruDocumentWord(w) }

// documentWord is t.documentWord(), with the document words asked of the token's entry.
func (t token) documentWord() bool { return t.in(cDocumentWords) || ruDocumentWord(t.low) }

// ruDocumentWord tells whether the Russian word w is a form of a document word.
func ruDocumentWord(w string) bool {
	if !isCyrillic(w) {
		return false // (asked once, not for each of the four words)
	}
	for _, d := range []string{"заявление", "сообщение", "документ", "публикация"} {
		if ruSame(d, w) {
			return true
		}
	}
	return false
}

// isRoleWord tells whether w is a word of a known title ("spokesman", "minister"), Russian
// inflected forms included.
func isRoleWord(w string) bool {
	return builtin().roleWords[w] || ruRoleWord(w)
}

// roleWord is isRoleWord(t.low), with the role words asked of the token's class entry.
func (t token) roleWord() bool { return t.in(cRoleWords) || ruRoleWord(t.low) }

// ruRoleWord tells whether the Russian word w is an inflected form of a role word.
func ruRoleWord(w string) bool {
	if isCyrillic(w) {
		for _, rw := range builtin().ruRoles[ruKey(w)] {
			if ruSame(rw, w) {
				return true
			}
		}
	}
	return false
}

// isPluralPerson tells whether w names people who speak together ("officials", "aides").
func isPluralPerson(w string) bool { return builtin().groups[w] }

func hasOrgHead(np []token) bool {
	l := builtin()
	for i, t := range np {
		if shortTitleCase(t) {
			continue // "Un" of "Kim Jong Un" is no "UN"
		}
		if t.in(cOrgHeads) || l.orgHeads[strings.TrimSuffix(strings.TrimSuffix(t.low, "'s"), "’s")] {
			return true
		}
		if i+1 < len(np) && l.orgHeads[t.low+" "+np[i+1].low] {
			return true
		}
		if isCyrillic(t.low) {
			for _, h := range l.ruOrgs[ruKey(t.low)] {
				if ruSame(h, t.low) {
					return true
				}
			}
		}
	}
	return false
}

func isPlace(np []token) bool {
	n := builtin().places.match(np, 0)
	return n > 0 && n == len(np)
}

func allCaps(np []token) bool {
	for _, t := range np {
		if t.kind == tWord && strings.ToUpper(t.text) != t.text {
			return false
		}
	}
	return true
}

// cleanName joins name tokens, spacing initials ("В.Путин" gives "В. Путин") and turning
// all-capital labels into title case ("MILLER" gives "Miller").
func cleanName(ts []token) string {
	parts := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.isPunct(".") && len(parts) > 0 {
			parts[len(parts)-1] += "."
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(t.text, "'s"), "’s")
		if i := strings.IndexByte(w, '.'); i > 0 && i < len(w)-1 && utf8.RuneCountInString(w[:i]) == 1 && !lang.DottedLetters(w) {
			parts = append(parts, w[:i+1], titleCase(w[i+1:]))
			continue
		}
		if lang.DottedLetters(w) {
			parts = append(parts, w) // "F.A.A", "G.K": no word to title-case
			continue
		}
		parts = append(parts, titleCase(w))
	}
	return strings.Join(parts, " ")
}

// titleCase lowers an all-capital word after its first letter; mixed-case words stay.
func titleCase(w string) string {
	if utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return w
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[n:])
}

func joinTokens(ts []token) string {
	var b strings.Builder
	n := 0
	for _, t := range ts {
		n += len(t.text) + 1
	}
	b.Grow(n) // one allocation, not one per doubling
	for i, t := range ts {
		if i > 0 && t.kind == tWord && ts[i-1].end < t.start {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

func trimPunct(ts []token) []token {
	for len(ts) > 0 && ts[0].kind == tPunct {
		ts = ts[1:]
	}
	for len(ts) > 0 && ts[len(ts)-1].kind == tPunct {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// ruSame tells whether two lower-case Russian words are forms of one word ("Рябкова" ~ "Рябков",
// "командующего" ~ "командующий"): a common stem of four letters or more, with endings of
// at most three letters on either side.
func ruSame(a, b string) bool {
	if a == b {
		return true
	}
	// the runes in place, not two []rune copies: role and surname tests ask it of every
	// capitalised Russian word against each candidate of the same first letters
	i, j, p := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, wx := utf8.DecodeRuneInString(a[i:])
		y, wy := utf8.DecodeRuneInString(b[j:])
		if x != y {
			break
		}
		i, j, p = i+wx, j+wy, p+1
	}
	return p >= 4 && utf8.RuneCountInString(a[i:]) <= 3 && utf8.RuneCountInString(b[j:]) <= 3
}

// nominative turns a Russian name in the genitive or dative back into the nominative, as far as
// the endings tell ("Сергея Рябкова" gives "Сергей Рябков", "Марии Захаровой" "Мария Захарова").
func nominative(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if !isCyrillic(w) || strings.HasSuffix(w, ".") {
			continue
		}
		ws[i] = nominativeWord(w)
	}
	return strings.Join(ws, " ")
}

func nominativeWord(w string) string {
	rules := [][2]string{
		{"овой", "ова"}, {"евой", "ева"}, {"иной", "ина"}, {"ской", "ская"}, {"ого", "ий"},
		{"ова", "ов"}, {"ева", "ев"}, {"ёва", "ёв"}, {"ина", "ин"}, {"ына", "ын"},
		{"ея", "ей"}, {"ия", "ий"}, {"ии", "ия"}, {"ьи", "ья"}, {"ы", "а"},
	}
	for _, r := range rules {
		if strings.HasSuffix(w, r[0]) && utf8.RuneCountInString(w) > utf8.RuneCountInString(r[0])+2 {
			return strings.TrimSuffix(w, r[0]) + r[1]
		}
	}
	rs := []rune(w)
	if n := len(rs); n > 3 && (rs[n-1] == 'а' || rs[n-1] == 'у') && !strings.ContainsRune("аеёиоуыэюяь", rs[n-2]) {
		return string(rs[:n-1])
	}
	return w
}

// female guesses from a name's endings whether its bearer is a woman; ok is false when unsure.
// Only Russian surname endings and first names in -a/-я are taken as signs; English first
// names tell too little.
func female(name string) (isFemale, ok bool) {
	ws := strings.Fields(name)
	if len(ws) == 0 {
		return false, false
	}
	last := lower(ws[len(ws)-1])
	n := utf8.RuneCountInString(last)
	for _, e := range []string{"ova", "eva", "ina", "aya", "skaya", "ова", "ева", "ина", "ая", "ская"} {
		if strings.HasSuffix(last, e) && n > 4 {
			return true, true
		}
	}
	for _, e := range []string{"ov", "ev", "in", "sky", "skiy", "ов", "ев", "ин", "ский"} {
		if strings.HasSuffix(last, e) && n > 3 {
			return false, true
		}
	}
	if len(ws) > 1 {
		first := lower(ws[0])
		switch first {
		case "nikita", "ilya", "foma", "kuzma", "никита", "илья":
			return false, true
		}
		if r, _ := utf8.DecodeLastRuneInString(first); (r == 'a' || r == 'а' || r == 'я') && utf8.RuneCountInString(first) > 2 {
			return true, true
		}
	}
	return false, false
}

func hasDigit(ts []token) bool {
	for _, t := range ts {
		for _, r := range t.text {
			if unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// trimRoleComplement moves the name start past the words that complete a title with "of" or
// "for" ("Special Presidential Envoy for Arms Control Marshall Billingslea"): a name keeps its
// last two words, or three with a middle initial.
func trimRoleComplement(np []token, ns int) int {
	hasOf := false
	for _, t := range np[:ns] {
		if t.is("of") || t.is("for") {
			hasOf = true
		}
	}
	var words []int
	for k := ns; k < len(np); k++ {
		if np[k].kind == tWord {
			words = append(words, k)
		}
	}
	if !hasOf || len(words) <= 2 {
		return ns
	}
	keep := 2
	if len(words) >= 3 && len([]rune(np[words[len(words)-2]].text)) == 1 {
		keep = 3
	}
	return words[len(words)-keep]
}

// placeSuffix finds "of Vietnam" / "from Germany" closing a named phrase and returns where it
// starts (0 if none).
func placeSuffix(np []token) int {
	for k := len(np) - 2; k >= 2; k-- {
		if !(np[k].is("of") || np[k].is("from")) {
			continue
		}
		base := np[:k]
		if !np[k-1].cap() || nameStart(base) >= k-1 || hasOrgHead(base) || len(np)-k-1 > 4 {
			return 0 // one name word ("the Federation of ...") is an institution's name, not a person's
		}
		for _, t := range np[k+1:] {
			if !t.cap() && !t.is("the") {
				return 0
			}
		}
		return k
	}
	return 0
}

// affiliationSuffix finds "of", "from" or "at" after a person's name, opening the institution or
// place the person belongs to ("Stephen Vladeck of the University of Texas", "Mr. Nevins of
// Showtime"), and returns its index (0 if none). The name must be two words or more, or a
// surname after an honorific, none an institution's word: "the Federation of American
// Scientists" and "Massachusetts Institute of Technology" stay whole.
func affiliationSuffix(np []token) int {
	for k := 1; k+1 < len(np); k++ {
		if !(np[k].is("of") || np[k].is("from") || np[k].is("at")) {
			continue
		}
		base := np[:k]
		ns := nameStart(base)
		if ns >= k || hasOrgHead(base[ns:]) || !(np[k+1].is("the") || np[k+1].cap()) {
			return 0
		}
		words := 0
		for _, t := range base[ns:] {
			if t.kind == tWord {
				words++
			}
		}
		honorific := ns >= 2 && base[ns-1].isPunct(".") && base[ns-2].in(cTitles) || ns >= 1 && base[ns-1].in(cTitles)
		if words >= 2 || words == 1 && honorific {
			return k
		}
		return 0
	}
	return 0
}

// afterOwner moves a name's start past a capitalised possessive owner ("CNN's Chris Moody",
// "Zionist Union Party's Nachman Shai"): the owner is the person's affiliation, not their name.
// The name after the owner must be two words or more, none an acronym ("the North's KCNA").
func afterOwner(np []token, ns int) int {
	for k := len(np) - 3; k >= ns; k-- {
		if np[k].kind != tWord || !strings.HasSuffix(np[k].low, "'s") && !strings.HasSuffix(np[k].low, "’s") {
			continue
		}
		for _, t := range np[k+1:] {
			if t.kind != tWord || isAcronym(t.text) {
				return ns
			}
		}
		return k + 1
	}
	return ns
}

func isPreposition(w string) bool {
	switch w {
	case "в", "во", "на", "при", "из", "у", "in", "at", "to", "for":
		return true
	}
	return false
}

// titleComplement tells whether a phrase is a title still running ("Under Secretary of Defense
// for Acquisition" before "and Sustainment"): it has "of" or "for" and no name before them.
func titleComplement(np []token) bool {
	for _, t := range np {
		if t.is("of") || t.is("for") {
			return true
		}
	}
	return false
}

// withoutTitles drops honorifics ("MR", "Dr.") from a role: they are no title of office.
func withoutTitles(ts []token) []token {
	out := ts[:0:0]
	for i, t := range ts {
		if t.kind == tWord && strings.HasPrefix(t.low, "m") && t.in(cTitles) && len(t.low) <= 3 ||
			t.isPunct(".") && i > 0 && ts[i-1].in(cTitles) && len(ts[i-1].low) <= 3 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// possessorOfOffice turns "NATO's press service" or "the ministry's website" into the
// institution that owns it.
func possessorOfOffice(np []token) []token {
	for k := 0; k+1 < len(np); k++ {
		w := np[k].low
		if !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") {
			continue
		}
		for _, t := range np[k+1:] {
			switch t.low {
			case "press", "service", "office", "website", "channel", "account", "statement", "communique":
			default:
				return np
			}
		}
		out := append([]token(nil), np[:k+1]...)
		last := &out[k]
		trim := len("'s")
		if strings.HasSuffix(w, "’s") {
			trim = len("’s")
		}
		last.text, last.low, last.end = last.text[:len(last.text)-trim], last.low[:len(last.low)-trim], last.end-trim
		last.cls = 0 // another word now: its class entry is looked up again
		return out
	}
	return np
}

// withoutLowerLead drops the lower-case words that open an institution's name ("nonpartisan
// Congressional Budget Office", "event organizer Alliance to ..."): they describe it and are no
// part of its name. A name with no capitalised word stays as it is.
func withoutLowerLead(name string) string {
	if f := strings.TrimLeftFunc(name, unicode.IsSpace); f == "" || !startsLower(f) {
		return name // no lower-case lead, the common case: nothing to cut, no words to make
	}
	ws := strings.Fields(name)
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			if i == 0 {
				return name
			}
			return strings.Join(ws[i:], " ")
		}
	}
	return name
}

// startsLower tells whether s opens with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// stopCapSurname tells whether t, a capitalised common word ("May", "Will") closing a phrase,
// is a surname after the first name prev: "Prime Minister Theresa May said".
func stopCapSurname(prev, t token) bool {
	if t.in(cSubordinators) || t.in(cClauseJoiners) || isRelative(t.low) {
		return false // "... Address Heroin Epidemic When asked": a clause opens
	}
	return t.in(cStopCaps) && t.kind == tWord && t.cap() && !allCaps([]token{t}) && prev.kind == tWord && prev.cap() &&
		!prev.in(cStopCaps) && !prev.roleWord() && !prev.in(cTitles) && prev.end < t.start
}

// timePossessive tells whether t is a day, month or "today" in the possessive ("Friday's",
// "yesterday’s"): it dates what follows rather than owning it.
func timePossessive(t token) bool {
	w := strings.TrimSuffix(strings.TrimSuffix(t.low, "'s"), "’s")
	return w != t.low && (isWeekday(w) || isMonth(w) || inClass("adverbs_of_time", w))
}
