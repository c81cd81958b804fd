package statements

import "sort"

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
	mask := uint64(len(ix.table) - 1)
	for h := wordHash(w) & mask; ; h = (h + 1) & mask {
		i := ix.table[h]
		if i == 0 {
			return false
		}
		if cw := &ix.words[i-1]; cw.word == w {
			return cw.bits[k/64]&(1<<(k%64)) != 0
		}
	}
}

// wordHash mixes a word's length and its first and last eight bytes.
func wordHash(w string) uint64 {
	n := len(w)
	var head, tail uint64
	if n >= 8 {
		head, tail = le64(w), le64(w[n-8:])
	} else {
		for i := 0; i < n; i++ {
			head |= uint64(w[i]) << (8 * i)
		}
	}
	h := (head ^ tail*0x9e3779b97f4a7c15 ^ uint64(n)) * 0xff51afd7ed558ccd
	return h ^ h>>29
}
