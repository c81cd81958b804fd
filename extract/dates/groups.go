package dates

import (
	"strings"
	"sync"
)

// groupIndex tells, in one pass over a paragraph, which of the rules' need groups it holds. The
// rules share a few dozen groups of a few hundred strings (digits, month screens, day gaps,
// "oday"/"esterday"/...); looking for each string with strings.Contains read the paragraph once
// a string, and common first bytes ('o', 't', a Cyrillic lead byte) made those reads slow.
type groupIndex struct {
	single [256]uint64 // groups holding this one-byte string
	// pair[b0<<8|b1] indexes lists: the strings of two or more bytes that start with b0 b1
	pair  []uint16
	lists [][]needle
	empty uint64 // groups holding the empty string, held by every text
	all   uint64 // every group: once all are found, the rest of the text is not read
}

type needle struct {
	s   string
	bit uint64
}

// maxGroups: a group is one bit of a uint64; never is the bit of an empty group (no string).
const (
	maxGroups = 63
	never     = uint64(1) << 63
)

func newGroupIndex(groups [][]string) *groupIndex {
	x := &groupIndex{pair: make([]uint16, 1<<16), lists: [][]needle{nil}}
	for i, g := range groups {
		bit := uint64(1) << i
		x.all |= bit
		for _, s := range g {
			switch len(s) {
			case 0:
				x.empty |= bit
			case 1:
				x.single[s[0]] |= bit
			default:
				k := int(s[0])<<8 | int(s[1])
				if x.pair[k] == 0 {
					x.pair[k] = uint16(len(x.lists))
					x.lists = append(x.lists, nil)
				}
				x.lists[x.pair[k]] = append(x.lists[x.pair[k]], needle{s, bit})
			}
		}
	}
	return x
}

// held returns the bits of the groups text holds a string of: hasAll(text, {g}) for each g.
func (x *groupIndex) held(text string) uint64 {
	found := x.empty
	for i := 0; i < len(text) && found != x.all; i++ {
		b := text[i]
		found |= x.single[b]
		if i+1 == len(text) {
			break
		}
		if l := x.pair[int(b)<<8|int(text[i+1])]; l != 0 {
			for _, n := range x.lists[l] {
				if found&n.bit == 0 && strings.HasPrefix(text[i:], n.s) {
					found |= n.bit
				}
			}
		}
	}
	return found
}

// needs is the index of the rules' need groups and each rule's mask: rule i runs in a paragraph
// only when held(text)&masks[i] == masks[i].
type needs struct {
	index *groupIndex
	masks []uint64
}

var ruleNeeds = sync.OnceValue(func() needs {
	groups, masks := needBits(rules())
	return needs{newGroupIndex(groups), masks}
})

// needBits gives each distinct group of the rules' needs (rules share the slices) a bit, and
// returns the groups in bit order and each rule's mask; an empty group, which no text holds, is
// never. The groups are a fixed few dozen: more than the bits is a mistake in the rules.
func needBits(rs []rule) (groups [][]string, masks []uint64) {
	type key struct {
		first *string
		n     int
	}
	bits := map[key]uint64{}
	masks = make([]uint64, len(rs))
	for i, r := range rs {
		for _, g := range r.need {
			if len(g) == 0 {
				masks[i] |= never
				continue
			}
			k := key{&g[0], len(g)}
			bit, known := bits[k]
			if !known {
				if len(groups) == maxGroups {
					panic("dates: more need groups than a mask has bits")
				}
				bit = uint64(1) << len(groups)
				bits[k] = bit
				groups = append(groups, g)
			}
			masks[i] |= bit
		}
	}
	return groups, masks
}
