package lexicon

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Match is one occurrence of a lexicon entry in a text.
type Match struct {
	Class      string // treaty, weapon, organization, country, person, role
	Entry      *Entry
	Start, End int // byte offsets into the text
	Text       string
	Place      bool // the alias is a capital city ("Moscow")
	Bare       bool // the alias is a generic name ("Foreign Ministry") that a qualifier may override
	weight     float64
	weakAlias  bool
	alts       []*target // every entry the same words name ("Security Council": Russia's or the UN's)
}

// target is what a trie path accepts: an alias of an entry (or a relevance keyword).
type target struct {
	class  string
	entry  *Entry
	a      alias
	words  []aword
	weight float64
	// classes is []string{class} with a capacity of one, for a phrase match to share (Phrases)
	classes []string
}

// aword is one alias token as the trie keys it and as case-sensitive matching compares it.
type aword struct {
	raw     string
	stemmed bool
}

// node is a trie node. Its children sit in an open-addressing table keyed by the token key and
// its keyHash, which a token's keys carry from tokenizing: the walks look each token up in
// several tries (entities, cues, the figures' phrases), and hashing the key for a Go map at each
// lookup was most of the walks' time.
type node struct {
	kids []child // nil for a leaf; a power of two long, at most half full
	n    int     // children in kids
	acc  []*target
}

type child struct {
	hash uint32
	key  string
	node *node // nil: an empty slot
}

// keyHash is the hash the trie tables use: FNV-1a.
func keyHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// next returns the child under key (whose keyHash is h), nil when there is none.
func (n *node) next(key string, h uint32) *node {
	if n.kids == nil {
		return nil
	}
	mask := uint32(len(n.kids) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		c := &n.kids[i]
		if c.node == nil || c.hash == h && c.key == key {
			return c.node
		}
	}
}

// put adds c as the child under its key (not yet there), growing the table to stay half empty.
func (n *node) put(c child) {
	if 2*(n.n+1) > len(n.kids) {
		old := n.kids
		n.kids, n.n = make([]child, max(4, 2*len(old))), 0
		for _, o := range old {
			if o.node != nil {
				n.put(o)
			}
		}
	}
	mask := uint32(len(n.kids) - 1)
	i := c.hash & mask
	for n.kids[i].node != nil {
		i = (i + 1) & mask
	}
	n.kids[i] = c
	n.n++
}

// matcher holds the two tries: named entities, and the cues (roles, keywords) that must not
// shadow them ("Kremlin Spokesman" is both the Kremlin and a role).
type matcher struct {
	entities, cues *node
}

// classWeight is what one hit adds to Relevance.
var classWeight = map[string]float64{"treaty": 3, "weapon": 2, "organization": 0.5, "person": 0.5, "country": 0.2}

func (l *Lexicon) compiled() *matcher {
	l.once.Do(func() {
		var sl slab
		m := &matcher{entities: sl.node(), cues: sl.node()}
		for _, t := range []struct {
			class   string
			entries []Entry
		}{{"treaty", l.Treaties}, {"weapon", l.Weapons}, {"organization", l.Organizations},
			{"country", l.Countries}, {"person", l.People}} {
			for i := range t.entries {
				for _, a := range t.entries[i].Aliases {
					m.entities.add(&sl, a, target{class: t.class, entry: &t.entries[i], weight: classWeight[t.class]})
				}
			}
		}
		for i := range l.Roles {
			for _, a := range l.Roles[i].Aliases {
				m.cues.add(&sl, a, target{class: "role", entry: &l.Roles[i]})
			}
		}
		for _, k := range l.keywords {
			for _, a := range k.Terms {
				m.cues.add(&sl, a, target{class: "keyword", weight: k.Weight})
			}
		}
		for _, a := range l.Keywords {
			m.cues.add(&sl, a, target{class: "keyword", weight: 1})
		}
		l.m = m
	})
	return l.m
}

// add puts one alias into the trie: prepared ahead (generated.go) when it is a built-in one.
// Aliases were validated when the lexicon was built.
func (n *node) add(sl *slab, s string, t target) {
	if p, ok := lookup(builtinPrepared, s); ok {
		n.insert(sl, p, t)
		return
	}
	p, err := prepare(s)
	if err != nil {
		return
	}
	n.insert(sl, &p, t)
}

// insert puts the prepared alias p into the trie, accepted as t.
func (n *node) insert(sl *slab, p *prepared, t target) {
	t.a, t.words = p.a, p.words
	for _, key := range p.keys {
		h := keyHash(key)
		c := n.next(key, h)
		if c == nil {
			c = sl.node()
			n.put(child{h, key, c})
		}
		n = c
	}
	n.acc = append(n.acc, sl.target(t))
}

// slab hands out a trie's nodes and targets from blocks: a lexicon has thousands of each, and
// one allocation a block instead of one an item is much of what building the trie costs.
type slab struct {
	nodes   []node
	targets []target
}

const slabBlock = 512

func (s *slab) node() *node {
	if len(s.nodes) == 0 {
		s.nodes = make([]node, slabBlock)
	}
	n := &s.nodes[0]
	s.nodes = s.nodes[1:]
	return n
}

func (s *slab) target(t target) *target {
	if len(s.targets) == 0 {
		s.targets = make([]target, slabBlock)
	}
	p := &s.targets[0]
	*p = t
	s.targets = s.targets[1:]
	return p
}

// Find returns the lexicon entities named in text, longest match first, left to right, without
// overlaps. year is the time the text is about (0: the latest year the text names, else now); it
// decides aliases marked (since YEAR) / (before YEAR). Weak aliases count only when their entry is
// also named plainly.
func (l *Lexicon) Find(text string, year int) []Match {
	return l.find(text, findOptions{year: year}).entities
}

// FindCountries returns only the countries named in text, also inside longer names
// ("Министерство обороны РФ" names РФ).
func (l *Lexicon) FindCountries(text string) []Match {
	return scanChunked(text, l.compiled().entities, func(t *target) bool { return t.class == "country" }, chunkBytes)
}

// FindRoles returns the role titles (lexicon.md §5) named in text.
func (l *Lexicon) FindRoles(text string) []Match {
	return l.findRoles(text, chunkBytes)
}

func (l *Lexicon) findRoles(text string, size int) []Match {
	return scanChunked(text, l.compiled().cues, isRole, size)
}

// scanChunked is scan of the whole text (no era: year 0) chunk by chunk, as find does, so that a
// long body's tokens are not all in memory at once.
func scanChunked(text string, root *node, keep func(*target) bool, size int) []Match {
	var out []Match
	for _, c := range chunksOf(text, size) {
		part := text[c[0]:c[1]]
		withTokens(part, func(toks []token) {
			out = joined(out, shifted(scan(part, toks, root, 0, keep), c[0], text))
		})
	}
	return out
}

type findOptions struct {
	year     int
	keywords bool // also find the relevance keywords and roles (for Relevance)
	weights  bool // keep only the weights of those cues, in text order
	roles    bool // also find the roles as FindRoles does
	// keep, when set, receives the tokens of a text read in one chunk (Reading), which the
	// caller then puts back; a text of several chunks keeps none
	keep **tokenBuf
}

// found is what find finds: the entities (Find), the cues (keywords and roles, with
// opt.keywords, or only their weights with opt.weights) and the roles alone (FindRoles, with
// opt.roles).
type found struct {
	entities, cues, roles []Match
	cueWeights            []float64
}

func (l *Lexicon) find(text string, opt findOptions) found {
	return l.findChunked(text, opt, chunkBytes)
}

func (l *Lexicon) findChunked(text string, opt findOptions, size int) found {
	m := l.compiled()
	chunks := chunksOf(text, size)
	year := opt.year
	if year == 0 && len(chunks) > 1 {
		year = textYear(text, chunks)
	}
	// Chunk by chunk, so that a long text's tokens are not all in memory at once (a 10 MiB page
	// has 1.6 million); no alias spans a chunk boundary (see chunksOf), so the matches are those
	// of the whole text.
	var out, cues, roles []Match
	var weights []float64
	for _, c := range chunks {
		part := text[c[0]:c[1]]
		each := withTokens
		if opt.keep != nil && len(chunks) == 1 {
			each = func(s string, f func([]token)) { *opt.keep = keptTokens(s, f) }
		}
		each(part, func(toks []token) {
			if year == 0 {
				year = latestYear(toks) // one chunk: the whole text
			}
			out = joined(out, shifted(scan(part, toks, m.entities, year, nil), c[0], text))
			if opt.keywords {
				cues = joined(cues, shifted(scan(part, toks, m.cues, year, nil), c[0], text))
			}
			switch {
			case opt.weights && opt.roles: // Read: one walk of the cues for both
				cs, rs := scanBoth(part, toks, m.cues, year, isRole)
				weights = appendWeights(weights, cs)
				roles = joined(roles, shifted(rs, c[0], text))
			case opt.weights:
				weights = appendWeights(weights, scan(part, toks, m.cues, year, nil))
			case opt.roles: // as scanChunked: no era
				roles = joined(roles, shifted(scan(part, toks, m.cues, 0, isRole), c[0], text))
			}
		})
	}
	if !needsChoice(out) {
		return found{out, cues, roles, weights} // the common case, a short name above all: no map
	}
	strong := map[*Entry]bool{}
	for _, x := range out {
		if !x.weak() {
			strong[x.Entry] = true
		}
	}
	for k, x := range out {
		out[k] = x.choose(strong)
	}
	kept := out[:0]
	for _, x := range out {
		if !x.weak() || strong[x.Entry] {
			kept = append(kept, x)
		}
	}
	return found{kept, cues, roles, weights}
}

func isRole(t *target) bool { return t.class == "role" }

// needsChoice tells whether a match is weak or names several entries: only then does the choice
// between entries (choose, and dropping weak matches of entries not named plainly) change
// anything.
func needsChoice(ms []Match) bool {
	for _, x := range ms {
		if x.weak() || len(x.alts) >= 2 {
			return true
		}
	}
	return false
}

// chunkBytes is the size past which find splits a text into chunks.
const chunkBytes = 64 << 10

// chunksOf splits text into spans of about size bytes, cut only at a paragraph break across which
// no alias can match: separators between words hold no line break, and a bracketed acronym
// (which find skips, trimming the space around it) neither ends the paragraph before the cut
// nor opens the one after.
func chunksOf(text string, size int) [][2]int {
	var out [][2]int
	start := 0
	for len(text)-start > size {
		cut := -1
		for from := start + size; from < len(text); {
			i := strings.Index(text[from:], "\n\n")
			if i < 0 {
				break
			}
			i += from
			before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
			after := strings.TrimLeftFunc(text[i:], unicode.IsSpace)
			if !strings.HasSuffix(before, ")") && !strings.HasPrefix(after, "(") && len(before) > start && len(after) > 0 {
				cut = i
				break
			}
			from = i + 2
		}
		if cut < 0 {
			break
		}
		out = append(out, [2]int{start, cut})
		start = cut
	}
	return append(out, [2]int{start, len(text)})
}

// textYear is latestYear of the whole text, chunk by chunk.
func textYear(text string, chunks [][2]int) int {
	best := 0
	for _, c := range chunks {
		best = max(best, yearIn(split(text[c[0]:c[1]])))
	}
	if best == 0 {
		return time.Now().Year()
	}
	return best
}

// joined appends the matches of a chunk to those of the chunks before; the first chunk's (most
// texts have one) are kept as they are, not copied.
func joined(out, chunk []Match) []Match {
	if out == nil {
		return chunk
	}
	return append(out, chunk...)
}

// shifted moves matches found in the chunk of text at offset off to offsets into text.
func shifted(ms []Match, off int, text string) []Match {
	if off == 0 {
		return ms
	}
	for i := range ms {
		ms[i].Start += off
		ms[i].End += off
		ms[i].Text = text[ms[i].Start:ms[i].End]
	}
	return ms
}

// choose picks, among the entries the same words name, a weak one named plainly elsewhere in the
// text ("the Security Council" after "the UN Security Council"), else the first plain one.
func (m Match) choose(strong map[*Entry]bool) Match {
	if len(m.alts) < 2 {
		return m
	}
	pick := m.alts[0]
	for _, t := range m.alts {
		if t.a.weak && strong[t.entry] {
			pick = t
			break
		}
	}
	if pick == m.alts[0] {
		for _, t := range m.alts {
			if !t.a.weak {
				pick = t
				break
			}
		}
	}
	m.Class, m.Entry, m.Place, m.Bare, m.weight, m.weakAlias = pick.class, pick.entry, pick.a.place, pick.a.bare, pick.weight, pick.a.weak
	return m
}

// weak reports a match through a weak alias.
func (m Match) weak() bool { return m.weakAlias }

// scan walks the tokens: at each one it takes the longest alias that fits (separators, case,
// quotes, era), then goes on after it.
func scan(text string, toks []token, root *node, year int, keep func(*target) bool) []Match {
	var out []Match
	path := make([]int, 0, 16) // walk's path, reused: no alias is that long, so appends stay in it
	var st scanState           // the candidates of the current token, reused
	for i := 0; i < len(toks); {
		st.reset()
		walk(text, toks, root, i, i, path, func(end int, t *target, path []int) {
			if keep != nil && !keep(t) || !t.valid(text, toks, path, year) {
				return
			}
			st.found(end, t)
		})
		out, i = st.take(out, text, toks, i)
	}
	return out
}

// appendWeights appends the weights of the cues found (a long text's cues are not all held at
// once: one float each).
func appendWeights(weights []float64, cues []Match) []float64 {
	for _, x := range cues {
		weights = append(weights, x.weight)
	}
	return weights
}

// scanBoth returns scan(text, toks, root, year, nil) and scan(text, toks, root, 0, keepB) from
// one walk at each token where both scans start one (most tokens, as few start a match): Read
// wants the cues for the relevance and the roles among them, and walking the cue trie twice was
// a fifth of its time.
func scanBoth(text string, toks []token, root *node, year int, keepB func(*target) bool) (a, b []Match) {
	path := make([]int, 0, 16)
	var sa, sb scanState
	for ia, ib := 0, 0; ia < len(toks) || ib < len(toks); {
		i := min(ia, ib)
		wantA, wantB := ia == i, ib == i
		sa.reset()
		sb.reset()
		walk(text, toks, root, i, i, path, func(end int, t *target, path []int) {
			if wantA && t.valid(text, toks, path, year) {
				sa.found(end, t)
			}
			if wantB && keepB(t) && t.valid(text, toks, path, 0) {
				sb.found(end, t)
			}
		})
		if wantA {
			a, ia = sa.take(a, text, toks, i)
		}
		if wantB {
			b, ib = sb.take(b, text, toks, i)
		}
	}
	return a, b
}

// scanState is what scan keeps of the aliases ending at the tokens from one start: the longest
// and the others as long.
type scanState struct {
	bestEnd int
	best    *target
	alts    []*target // reused
}

func (s *scanState) reset() {
	s.bestEnd, s.best, s.alts = -1, nil, s.alts[:0]
}

func (s *scanState) found(end int, t *target) {
	if end > s.bestEnd {
		s.bestEnd, s.best, s.alts = end, t, s.alts[:0]
	}
	if end == s.bestEnd {
		s.alts = append(s.alts, t)
	}
}

// take appends the match found from token i, if any, and returns the token to go on from.
func (s *scanState) take(out []Match, text string, toks []token, i int) ([]Match, int) {
	if s.best == nil {
		return out, i + 1
	}
	best := s.best
	st, e := toks[i].start, toks[s.bestEnd].end
	m := Match{Class: best.class, Entry: best.entry, Start: st, End: e, Text: text[st:e],
		Place: best.a.place, Bare: best.a.bare, weight: best.weight, weakAlias: best.a.weak}
	if len(s.alts) > 1 { // choose needs them; one is best itself
		m.alts = slices.Clone(s.alts)
	}
	return append(out, m), s.bestEnd + 1
}

// walk follows the trie from token j, calling found for every alias that ends at a token with
// the tokens it consumed (path). A bracketed acronym inside a name is skipped: "Anti-Ballistic
// Missile (ABM) Treaty" is the ABM Treaty.
func walk(text string, toks []token, n *node, i, j int, path []int, found func(end int, t *target, path []int)) {
	if j >= len(toks) {
		return
	}
	comma := ""
	if len(path) > 0 {
		prev := path[len(path)-1]
		if j > prev+1 {
			// after a skipped acronym: the separators around it were checked
		} else {
			if parenAcronym(text, toks, j) {
				walk(text, toks, n, i, j+1, path, found)
			}
			ok, c := separator(text[toks[prev].end:toks[j].start])
			if !ok {
				return
			}
			if c {
				comma = ","
			}
		}
	}
	for k, key := range toks[j].cands {
		h := toks[j].hashes[k]
		if comma != "" {
			key = comma + key // rare: the concatenation alone was 2% of an analysis
			h = keyHash(key)
		}
		c := n.next(key, h)
		if c == nil {
			continue
		}
		// path's spare capacity is reused: a sibling overwrites the slot of the one before,
		// whose walk is done, and found does not keep the path
		p := append(path, j)
		for _, t := range c.acc {
			found(j, t, p)
		}
		if c.kids != nil {
			walk(text, toks, c, i, j+1, p, found)
		}
	}
}

// parenAcronym tells a token written in capitals between brackets: " (ABM) ".
func parenAcronym(text string, toks []token, j int) bool {
	if j == 0 || j+1 >= len(toks) || !allCaps(toks[j].raw) || toks[j].digit {
		return false
	}
	before := strings.TrimSpace(text[toks[j-1].end:toks[j].start])
	after := strings.TrimSpace(text[toks[j].end:toks[j+1].start])
	return before == "(" && after == ")"
}

// separator tells whether sep may stand between two words of one name, and whether it holds a
// comma (which the alias must have too). A period counts only inside an initialism (U.S.).
func separator(sep string) (ok, comma bool) {
	if utf8.RuneCountInString(sep) > 3 {
		return false, false
	}
	space, dot := false, false
	for _, r := range sep {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009':
			space = true
		case '.':
			dot = true
		case ',':
			comma = true
		case '-', '‐', '‑', '–', '/', '\'', '’':
		default:
			return false, false
		}
	}
	return !(dot && space), comma
}

// candidates appends to out the trie keys a text token may take: itself, its Russian stems, its
// English singular.
func candidates(out []string, t token) []string {
	out = append(out, t.norm)
	if t.digit {
		return out
	}
	if t.cyr {
		for _, s := range stems(t.norm) {
			out = append(out, "~"+s)
		}
	} else if len(t.norm) >= 4 && strings.HasSuffix(t.norm, "ies") {
		out = append(out, strings.TrimSuffix(t.norm, "ies")+"y") // facilities
	} else if len(t.norm) >= 4 && strings.HasSuffix(t.norm, "s") {
		out = append(out, strings.TrimSuffix(t.norm, "s"))
	}
	return out
}

// valid checks what the trie cannot: case, quotation marks and era. path holds the indexes of
// the alias's tokens in toks.
func (t *target) valid(text string, toks []token, path []int, year int) bool {
	if len(path) != len(t.words) {
		return false
	}
	if t.a.cs {
		for k, w := range t.words {
			raw := toks[path[k]].raw
			if toks[path[k]].digit {
				continue // digits have no case; Roman numerals were normalised
			}
			if w.stemmed {
				if !strings.HasPrefix(raw, w.raw) {
					return false
				}
			} else if raw != w.raw && raw != w.raw+"s" {
				return false
			}
		}
	}
	if t.a.quoted && !(quoteBefore(text, toks[path[0]].start) && quoteAfter(text, toks[path[len(path)-1]].end)) {
		return false
	}
	if t.a.since != 0 && year < t.a.since || t.a.before != 0 && year >= t.a.before {
		return false
	}
	return true
}

const quoteRunes = "«»\"“”„‘’'"

func quoteBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return strings.ContainsRune(quoteRunes, r)
}

func quoteAfter(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return strings.ContainsRune(quoteRunes, r)
}

// latestYear is the latest plausible year (1945..next year) the text names, else this year: the
// era of the text for (since YEAR) aliases.
func latestYear(toks []token) int {
	if best := yearIn(toks); best != 0 {
		return best
	}
	return time.Now().Year()
}

// yearIn is the latest plausible year (1945..next year) among toks, 0 if none.
func yearIn(toks []token) int {
	now := time.Now().Year()
	best := 0
	for _, t := range toks {
		if t.digit && len(t.raw) == 4 {
			if y, err := strconv.Atoi(t.raw); err == nil && y >= 1945 && y <= now+1 && y > best {
				best = y
			}
		}
	}
	return best
}
