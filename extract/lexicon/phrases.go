package lexicon

import (
	"fmt"
	"slices"
)

// Phrases is a set of phrases, each under a key, matched the way aliases are (case-insensitive
// unless written in capitals or marked " (cs)", Russian endings, English plurals, hyphen = space).
// The figures analyzer keeps its units, comparators and cues as Phrases.
type Phrases struct {
	root *node
}

// PhraseMatch is one phrase found in a text, with every key it is listed under.
type PhraseMatch struct {
	Keys       []string
	Start, End int
}

// NewPhrases compiles phrases by key. Errors name the key and phrase.
func NewPhrases(byKey map[string][]string) (*Phrases, error) {
	var sl slab
	p := &Phrases{root: sl.node()}
	for k, list := range byKey {
		for _, s := range list {
			if _, err := parseAlias(s); err != nil {
				return nil, fmt.Errorf("%s: %q: %w", k, s, err)
			}
			p.root.add(&sl, s, target{class: k, classes: []string{k}})
		}
	}
	return p, nil
}

// Find returns the longest phrases in text, left to right, without overlaps.
func (p *Phrases) Find(text string) []PhraseMatch {
	return p.AppendFind(nil, text)
}

// AppendFind is Find appending to dst: a caller reading many texts reuses one slice.
func (p *Phrases) AppendFind(dst []PhraseMatch, text string) []PhraseMatch {
	withTokens(text, func(toks []token) { dst = p.find(dst, text, toks) })
	return dst
}

// AppendFindIn is AppendFind of r.Text()[start:end] (offsets relative to start), matched in the
// tokens the reading kept where they are those of that text (see tokensIn).
func (p *Phrases) AppendFindIn(dst []PhraseMatch, r *Reading, start, end int) []PhraseMatch {
	text := r.text[start:end]
	if r.toks == nil {
		return p.AppendFind(dst, text)
	}
	buf := tokenBufs.Get().(*tokenBuf)
	toks, ok := tokensIn(buf.toks[:0], r.text, r.toks.toks, start, end)
	if ok {
		dst = p.find(dst, text, toks)
	}
	buf.toks = toks
	buf.put()
	if !ok {
		return p.AppendFind(dst, text)
	}
	return dst
}

func (p *Phrases) find(out []PhraseMatch, text string, toks []token) []PhraseMatch {
	path := make([]int, 0, 16) // walk's path, reused (see scan)
	for i := 0; i < len(toks); {
		best, keys := -1, []string(nil)
		walk(text, toks, p.root, i, i, path, func(end int, t *target, path []int) {
			if !t.valid(text, toks, path, 0) {
				return
			}
			if end > best {
				best, keys = end, t.classes // shared: its capacity of one makes an append copy it
				return
			}
			if end == best && !slices.Contains(keys, t.class) {
				keys = append(keys, t.class)
			}
		})
		if best < 0 {
			i++
			continue
		}
		out = append(out, PhraseMatch{Keys: keys, Start: toks[i].start, End: toks[best].end})
		i = best + 1
	}
	return out
}
