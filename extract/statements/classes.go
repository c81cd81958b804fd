package statements

import (
	"sort"
	"sync"
	"sync/atomic"
)

// classIndex answers inClass without Go map lookups: the attribution rules ask dozens of word
// classes about each token, and the two string-keyed lookups of classes[name][w] were a fifth of
// the statement finder's time. A class name finds its bit through a perfect hash of its length
// and end bytes; a word finds the set of its classes in an open-addressed table (most words are
// in no class and stop at the first empty slot).
type classIndex struct {
	names []string          // class names by bit
	slot  [classSlots]uint8 // hash slot -> 1 + bit, 0 for none
	seed  uint64            // the multiplier that spreads the names over the slots
	words []classWord       // every word of a class, with its classes
	table []uint16          // wordHash slot -> 1 + index into words, 0 for none; linear probing
}

type classWord struct {
	word string
	bits classBits
}

// maxClasses bounds the sections of lists.txt the index holds; more fall back to the maps.
const maxClasses = 255

const classSlots = 4096

// classBits is a set of classes, one bit each.
type classBits [(maxClasses + 63) / 64]uint64

func newClassIndex(classes map[string]map[string]bool) classIndex {
	var ix classIndex
	for name := range classes {
		ix.names = append(ix.names, name)
	}
	sort.Strings(ix.names) // the same bits on every run
	if len(ix.names) > maxClasses {
		ix.names = nil
		return ix
	}
	if !ix.spread() {
		ix.names = nil
		return ix
	}
	at := map[string]int{}
	for k, name := range ix.names {
		ws := make([]string, 0, len(classes[name]))
		for w := range classes[name] {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		for _, w := range ws {
			i, ok := at[w]
			if !ok {
				i = len(ix.words)
				at[w] = i
				ix.words = append(ix.words, classWord{word: w})
			}
			ix.words[i].bits[k/64] |= 1 << (k % 64)
		}
	}
	if len(ix.words) >= 1<<16-1 {
		ix.names = nil // more words than the table's indexes hold: the maps answer
		return ix
	}
	size := 16
	for size < 4*len(ix.words) {
		size *= 2
	}
	ix.table = make([]uint16, size)
	for i, cw := range ix.words {
		h := wordHash(cw.word) & uint64(size-1)
		for ix.table[h] != 0 {
			h = (h + 1) & uint64(size-1)
		}
		ix.table[h] = uint16(i + 1)
	}
	return ix
}

// spread finds a seed under which the names fall into distinct slots.
func (ix *classIndex) spread() bool {
	for seed := uint64(0x9e3779b97f4a7c15); seed != 0x9e3779b97f4a7c15+4096*2; seed += 2 {
		ix.seed, ix.slot = seed, [classSlots]uint8{}
		ok := true
		for k, name := range ix.names {
			h := ix.hash(name)
			if ix.slot[h] != 0 {
				ok = false
				break
			}
			ix.slot[h] = uint8(k + 1)
		}
		if ok {
			return true
		}
	}
	return false
}

// hash mixes a name's length and its first and last eight bytes into a slot.
func (ix *classIndex) hash(name string) uint32 {
	n := len(name)
	var head, tail uint64
	if n >= 8 {
		head, tail = le64(name), le64(name[n-8:])
	} else {
		for i := 0; i < n; i++ {
			head |= uint64(name[i]) << (8 * i)
		}
	}
	h := (head ^ tail*0x9e3779b97f4a7c15 ^ uint64(n)) * ix.seed
	return uint32(h >> (64 - 12)) // 12 bits: classSlots
}

// le64 reads the first eight bytes of s (the compiler makes it one load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 reads the first four bytes of s.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// class returns the bit of class name; ok is false when the index does not hold it.
func (ix *classIndex) class(name string) (int, bool) {
	if ix.names == nil {
		return 0, false
	}
	s := ix.slot[ix.hash(name)]
	if s == 0 || ix.names[s-1] != name {
		return 0, false
	}
	return int(s - 1), true
}

// has tells whether word w is in class k.
func (ix *classIndex) has(w string, k int) bool {
	return ix.entryHas(ix.entry(w), k)
}

// entry returns 1 + the index of word w in ix.words, or 0 when w is in no class (or the index
// is off): what a token keeps of its word, so that its classes are looked up once.
func (ix *classIndex) entry(w string) uint16 {
	if len(ix.table) == 0 {
		return 0
	}
	mask := uint64(len(ix.table) - 1)
	for h := wordHash(w) & mask; ; h = (h + 1) & mask {
		i := ix.table[h]
		if i == 0 || ix.words[i-1].word == w {
			return i
		}
	}
}

// entryHas tells whether the word of entry e (from entry) is in class k.
func (ix *classIndex) entryHas(e uint16, k int) bool {
	return e != 0 && ix.words[e-1].bits[k/64]&(1<<(k%64)) != 0
}

// wordHash mixes a word's length and its first and last eight bytes (four for a word of four
// to seven bytes, all three of a shorter one): every token is looked up once, and a loop over
// the bytes of a short word cost as much as the rest of the lookup.
func wordHash(w string) uint64 {
	n := len(w)
	var head, tail uint64
	switch {
	case n >= 8:
		head, tail = le64(w), le64(w[n-8:])
	case n >= 4:
		head = uint64(le32(w)) | uint64(le32(w[n-4:]))<<32
	case n > 0:
		head = uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16
	}
	h := (head ^ tail*0x9e3779b97f4a7c15 ^ uint64(n)) * 0xff51afd7ed558ccd
	return h ^ h>>29
}

// wordClass is a word class that the rules ask about for nearly every token: its bit in the
// class index is found once, on first use, instead of from a hash of its name at every question.
type wordClass struct {
	name  string
	once  sync.Once
	ready atomic.Bool // ix and k are set: the check of every question, short enough to inline
	fast  atomic.Bool // ready, and the index holds the class: w and mask are its bit
	ix    *classIndex
	k     int // the class's bit in ix; -1 when the index does not hold it
	w     int
	mask  uint64
}

// The word classes asked about most (per token, in the attribution rules' first checks).
var (
	cParticipleOpeners    = &wordClass{name: "participle_openers"}
	cMeansOpeners         = &wordClass{name: "means_openers"}
	cSpeechParticiples    = &wordClass{name: "speech_participles"}
	cSpeechActs           = &wordClass{name: "speech_acts"}
	cProgressiveAux       = &wordClass{name: "progressive_aux"}
	cArticles             = &wordClass{name: "articles"}
	cContrastConjunctions = &wordClass{name: "contrast_conjunctions"}
	cDocumentWords        = &wordClass{name: "document_words"}
	cSubordinators        = &wordClass{name: "subordinators"}
	cClauseJoiners        = &wordClass{name: "clause_joiners"}
	cComplementizers      = &wordClass{name: "complementizers"}
	cFiniteMarkers        = &wordClass{name: "finite_markers"}
	cVerbForms            = &wordClass{name: "verb_forms"}
	cStopCaps             = &wordClass{name: "stop_caps"} // lists.stopCaps
	cModifiers            = &wordClass{name: "modifiers"} // lists.modifiers
	cTitles               = &wordClass{name: "titles"}    // lists.titles
	cTimeWords            = &wordClass{name: "time_words"}
	cAux                  = &wordClass{name: "aux"}
	cGroups               = &wordClass{name: "person_groups"} // lists.groups (isPluralPerson)
	cRoleWords            = &wordClass{name: roleWordsClass}
	cOrgHeads             = &wordClass{name: orgHeadsClass}
	cPronouns             = &wordClass{name: pronounsClass}
	cMonths               = &wordClass{name: monthsClass}
)

func (c *wordClass) bit() int {
	if !c.ready.Load() {
		c.resolve()
	}
	return c.k
}

func (c *wordClass) resolve() {
	c.once.Do(func() {
		c.ix, c.k = &builtin().wordClasses, -1
		if k, ok := c.ix.class(c.name); ok {
			c.k, c.w, c.mask = k, k/64, 1<<(k%64)
			c.fast.Store(true)
		}
		c.ready.Store(true)
	})
}

// has tells whether the lower-case word w is in class c: inClass(c.name, w).
func (c *wordClass) has(w string) bool {
	k := c.bit()
	if k < 0 {
		return inClass(c.name, w)
	}
	return c.ix.has(w, k)
}

// in tells whether token t is in class c: t.inClass(c.name), from the entry tokenize looked up.
// (It hands holds the two fields it reads: a method of the whole token, 72 bytes, was called
// with a copy of it.)
func (t token) in(c *wordClass) bool { return c.holds(t.low, t.cls) }

// holds tells whether the word w, whose class entry is cls (see token.cls), is in class c.
func (c *wordClass) holds(w string, cls uint16) bool {
	if cls != 0 && c.fast.Load() {
		// the common case first: cls 1 is a word of no class
		return cls > 1 && c.ix.words[cls-2].bits[c.w]&c.mask != 0
	}
	switch k := c.bit(); {
	case k < 0:
		return classOf(c.name, w, cls)
	case cls == 0:
		return c.ix.has(w, k)
	default:
		return c.ix.entryHas(cls-1, k)
	}
}

// wordIn is wordIn(t, c.name).
func (t token) wordIn(c *wordClass) bool { return t.kind != tQuote && t.in(c) }
