package statements

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/armswatch/armswatch/extract/lang"
)

//go:embed data/lists.txt
var listsFile string

// role is one title or role noun with the descriptor classes a later mention may use for it.
type role struct {
	words   []string // lower-case words of the title
	classes []string // lower-case descriptor phrases that also fit a holder of the title
}

// lists is the parsed word data: parsed once, read-only after.
type lists struct {
	cues          *phraseSet // reporting verbs and phrases
	participles   *phraseSet // "adding", "noting": a second statement by the same speaker
	according     *phraseSet // "according to", "по словам"
	citing        *phraseSet // "со ссылкой на", "citing": the source a medium quotes
	asCues        map[string]bool
	ambiguous     map[string]bool // cues that are also nouns: need "that" or ":" after them
	needsClause   map[string]bool // cues that also take a plain object: need that, ":" or a quote
	singleVoice   map[string]bool // document kinds that are their author's words as a whole
	roles         []role
	roleWords     map[string]bool // every word of every title
	titles        map[string]bool
	modifiers     map[string]bool
	orgHeads      map[string]bool
	places        *phraseSet
	he, she, it   map[string]bool
	they          map[string]bool
	aux           map[string]bool
	stopCaps      map[string]bool
	timeWords     map[string]bool
	recipients    *phraseSet
	nonSpeakers   map[string]bool
	groups        map[string]bool // plural nouns of people who speak together
	asides        *phraseSet      // "however", "in contrast": set off between a subject and its verb
	questionLabel map[string]bool
	labelStop     map[string]bool
	genPronoun    map[string]string // "его" -> "he"
	people        []person
	nationality   map[string]string          // "russian" -> "RU"
	ruRoles       map[string][]string        // Russian role words by their first four letters
	ruOrgs        map[string][]string        // Russian institution words by their first four letters
	bySurname     map[string][]int           // people by lower-case surname (Russian: its first four letters)
	classes       map[string]map[string]bool // every section as a word set, for small word classes
	classPhrases  map[string][][]string      // every section's entries cut into words (phraseBack)
	wordClasses   classIndex                 // the same sets as one lookup per word (inClass)
}

// inClass tells whether the lower-case word w is in the word class (section) name of lists.txt.
func inClass(name, w string) bool { return classOf(name, w, 0) }

// classOf is inClass for a word whose class index entry may be known already: cls is 1 + its
// wordClasses.entry, or 0 when not looked up (see token.cls).
func classOf(name, w string, cls uint16) bool {
	l := builtin()
	k, ok := l.wordClasses.class(name)
	switch {
	case !ok:
		return l.classes[name][w] // a name that is no section: none holds w
	case cls == 0:
		return l.wordClasses.has(w, k)
	}
	return l.wordClasses.entryHas(cls-1, k)
}

// surnameIndexKey is the key of a surname in lists.bySurname.
func surnameIndexKey(w string) string {
	w = lower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
	if isCyrillic(w) {
		return ruKey(w)
	}
	return w
}

// ruKey is the index key of a Russian word for ruSame lookups: its first four letters.
func ruKey(w string) string {
	n := 0
	for i := range w {
		if n == 4 {
			return w[:i]
		}
		n++
	}
	return w
}

func indexRussian(words map[string]bool) map[string][]string {
	m := map[string][]string{}
	for w := range words {
		if isCyrillic(w) {
			m[ruKey(w)] = append(m[ruKey(w)], w)
		}
	}
	return m
}

// person is a well-known speaker: the names the article may use, the country and what the
// person is, so that a role alone can point at them.
type person struct {
	names   []string
	country string
	roles   []string
}

// builtin returns the parsed word lists. The rules ask for them hundreds of thousands of times a
// second, so the common case is an atomic load the compiler inlines (a sync.OnceValue is a call
// through a closure); the first call parses them once.
func builtin() *lists {
	if l := builtinLists.Load(); l != nil {
		return l
	}
	return parseBuiltin()
}

var (
	builtinLists atomic.Pointer[lists]
	builtinOnce  sync.Once
)

func parseBuiltin() *lists {
	builtinOnce.Do(func() { builtinLists.Store(parseLists(listsFile)) })
	return builtinLists.Load()
}

// parseLists reads the sectioned list file.
func parseLists(src string) *lists {
	sec := lang.Sections(src) // the language layer's reader of word-list files
	l := &lists{
		cues:          newPhraseSet(expandRussian(sec["cues"])),
		participles:   newPhraseSet(sec["participles"]),
		according:     newPhraseSet(sec["according"]),
		citing:        newPhraseSet(sec["citing"]),
		asCues:        wordSet(sec["as_cues"]),
		ambiguous:     wordSet(sec["ambiguous_cues"]),
		needsClause:   wordSet(sec["needs_clause"]),
		singleVoice:   wordSet(sec["single_voice"]),
		titles:        wordSet(sec["titles"]),
		modifiers:     wordSet(sec["modifiers"]),
		orgHeads:      wordSet(append(sec["org_heads"], sec["armed_heads"]...)),
		places:        newPhraseSet(sec["places"]),
		he:            wordSet(sec["pronouns_he"]),
		she:           wordSet(sec["pronouns_she"]),
		it:            wordSet(sec["pronouns_it"]),
		they:          wordSet(sec["pronouns_they"]),
		aux:           wordSet(sec["aux"]),
		stopCaps:      wordSet(sec["stop_caps"]),
		timeWords:     wordSet(sec["time_words"]),
		recipients:    newPhraseSet(sec["recipients"]),
		nonSpeakers:   wordSet(sec["non_speakers"]),
		groups:        wordSet(sec["person_groups"]),
		asides:        newPhraseSet(sec["asides"]),
		questionLabel: wordSet(sec["question_labels"]),
		labelStop:     wordSet(sec["label_stop"]),
		classes:       map[string]map[string]bool{},
		roleWords:     map[string]bool{},
		genPronoun:    map[string]string{},
		nationality:   map[string]string{},
	}
	l.classPhrases = map[string][][]string{}
	for name, words := range sec {
		l.classes[name] = wordSet(words)
		l.classPhrases[name] = phrasesOf(l.classes[name])
	}
	defer func() {
		l.ruRoles = indexRussian(l.roleWords)
		l.ruOrgs = indexRussian(l.orgHeads)
		l.indexClasses()
	}()
	for _, line := range sec["pronouns_genitive"] {
		w, p, _ := strings.Cut(line, "|")
		l.genPronoun[strings.TrimSpace(lower(w))] = strings.TrimSpace(p)
	}
	for _, line := range sec["nationality"] {
		w, c, _ := strings.Cut(line, "|")
		l.nationality[strings.TrimSpace(lower(w))] = strings.TrimSpace(c)
	}
	for _, line := range sec["people"] {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			continue
		}
		p := person{country: strings.TrimSpace(f[1])}
		for _, n := range strings.Split(f[0], ";") {
			p.names = append(p.names, strings.TrimSpace(n))
		}
		for _, r := range strings.Split(f[2], ";") {
			p.roles = append(p.roles, strings.TrimSpace(lower(r)))
		}
		l.people = append(l.people, p)
	}
	l.bySurname = map[string][]int{}
	for i, p := range l.people {
		for _, n := range p.names {
			ws := strings.Fields(n)
			k := surnameIndexKey(ws[len(ws)-1])
			l.bySurname[k] = append(l.bySurname[k], i)
		}
	}
	// a common noun for one person is a role whose holder it names
	for _, line := range append(sec["roles"], sec["person_nouns"]...) {
		name, classes, _ := strings.Cut(line, "|")
		r := role{words: strings.Fields(lower(name))}
		for _, c := range strings.Split(classes, ";") {
			if c = strings.TrimSpace(lower(c)); c != "" {
				r.classes = append(r.classes, c)
			}
		}
		l.roles = append(l.roles, r)
		for _, w := range r.words {
			if w != "of" && w != "the" {
				l.roleWords[w] = true
			}
		}
	}
	return l
}

// Derived word sets, indexed with the sections (their names are no section's): the rules ask
// about them for nearly every token.
const (
	roleWordsClass = "=role words"     // lists.roleWords
	orgHeadsClass  = "=org heads"      // lists.orgHeads: org_heads and armed_heads
	pronounsClass  = "=he she it they" // lists.he, she, it and they
	monthsClass    = "=month forms"    // lang.MonthForms, for token.month
)

// indexClasses builds the class index of the sections and the derived sets, and gives each
// phrase set the class of its first words.
func (l *lists) indexClasses() {
	l.classes[roleWordsClass] = l.roleWords
	l.classes[orgHeadsClass] = l.orgHeads
	pronouns := map[string]bool{}
	for _, set := range []map[string]bool{l.he, l.she, l.it, l.they} {
		for w := range set {
			pronouns[w] = true
		}
	}
	l.classes[pronounsClass] = pronouns
	months := map[string]bool{}
	for _, f := range lang.MonthForms() {
		months[f] = true
	}
	l.classes[monthsClass] = months
	sets := map[string]*phraseSet{"cues": l.cues, "participles": l.participles, "according": l.according,
		"citing": l.citing, "places": l.places, "recipients": l.recipients, "asides": l.asides}
	for name, p := range sets {
		first := map[string]bool{}
		for w := range p.byFirst {
			first[w] = true
		}
		l.classes["=first words of "+name] = first
	}
	l.wordClasses = newClassIndex(l.classes)
	for name, p := range sets {
		if k, ok := l.wordClasses.class("=first words of " + name); ok {
			p.ix, p.first = &l.wordClasses, k
		}
	}
}

// expandRussian adds the feminine, plural and neuter past forms of Russian verbs in -л
// ("заявил" gives "заявила", "заявили", "заявило"), also when the verb starts a phrase.
func expandRussian(cues []string) []string {
	out := append([]string(nil), cues...)
	for _, c := range cues {
		first, rest, _ := strings.Cut(c, " ")
		if !strings.HasSuffix(first, "л") || !isCyrillic(first) {
			continue
		}
		if rest != "" {
			rest = " " + rest
		}
		for _, end := range []string{"а", "и", "о"} {
			out = append(out, first+end+rest)
		}
	}
	return out
}

// phrasesOf cuts the entries of a word set into words, longest first and otherwise in text
// order: a fixed order for phraseBack, which takes the first phrase that matches (no two phrases
// of a section it reads end alike, which a test checks).
func phrasesOf(set map[string]bool) [][]string {
	var out [][]string
	for p := range set {
		out = append(out, strings.Fields(p))
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a]) != len(out[b]) {
			return len(out[a]) > len(out[b])
		}
		return strings.Join(out[a], " ") < strings.Join(out[b], " ")
	})
	return out
}

func wordSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[lower(w)] = true
	}
	return m
}

// phraseSet matches phrases of one or more words against a token sequence.
type phraseSet struct {
	byFirst map[string][][]string // first word -> phrases, longest first
	// ix, when set, is the class index of the built-in lists (whose entries tokens keep) and
	// first the bit of the set's first words: a token that opens no phrase, most of them, is
	// turned away without a map lookup. A set extended by user verbs has none.
	ix    *classIndex
	first int
}

func newPhraseSet(phrases []string) *phraseSet {
	p := &phraseSet{byFirst: map[string][][]string{}}
	p.add(phrases)
	return p
}

func (p *phraseSet) add(phrases []string) {
	for _, ph := range phrases {
		ws := strings.Fields(lower(ph))
		if len(ws) == 0 {
			continue
		}
		list := append(p.byFirst[ws[0]], ws)
		// keep the longest first so the first hit is the longest match
		for i := len(list) - 1; i > 0 && len(list[i]) > len(list[i-1]); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		p.byFirst[ws[0]] = list
	}
}

// match returns how many words of toks, starting at i, form a phrase of the set (0 if none).
// Only word tokens take part; a phrase never spans punctuation.
func (p *phraseSet) match(toks []token, i int) int {
	if i >= len(toks) || toks[i].kind != tWord {
		return 0
	}
	if t := &toks[i]; p.ix != nil && t.cls != 0 && !p.ix.entryHas(t.cls-1, p.first) {
		return 0
	}
	for _, ph := range p.byFirst[toks[i].low] {
		if i+len(ph) > len(toks) {
			continue
		}
		ok := true
		for k, w := range ph {
			t := toks[i+k]
			if t.kind != tWord || t.low != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

// cueSet returns the cue set extended by user verbs; the built-in set is shared, not changed.
var userCues sync.Map // strings.Join(extra, "\n") -> *phraseSet: config verbs rarely change

func cueSet(extra []string) *phraseSet {
	base := builtin().cues
	if len(extra) == 0 {
		return base
	}
	key := strings.Join(extra, "\n")
	if p, ok := userCues.Load(key); ok {
		return p.(*phraseSet)
	}
	p := mergeCues(base, extra)
	userCues.Store(key, p)
	return p
}

// mergeCues returns base extended by extra; base is shared and stays unchanged.
func mergeCues(base *phraseSet, extra []string) *phraseSet {
	p := &phraseSet{byFirst: make(map[string][][]string, len(base.byFirst))}
	for k, v := range base.byFirst {
		p.byFirst[k] = v[:len(v):len(v)] // capped: add must not write into the shared array
	}
	var fresh []string
	for _, v := range extra {
		ws := strings.Fields(lower(v))
		if len(ws) > 0 && !p.has(ws) {
			fresh = append(fresh, v)
		}
	}
	p.add(expandRussian(fresh))
	return p
}

func (p *phraseSet) has(ws []string) bool {
	for _, ph := range p.byFirst[ws[0]] {
		if strings.Join(ph, " ") == strings.Join(ws, " ") {
			return true
		}
	}
	return false
}

func lower(s string) string { return strings.ToLower(s) }
