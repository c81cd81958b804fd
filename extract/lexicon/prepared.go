package lexicon

import (
	"slices"
	"strings"
)

//go:generate go test . -run ^TestGenerated$ -update

// The built-in tables come from generated.go, which `go generate ./extract/lexicon` writes from
// data/*.toml (the source people edit): a one-shot `armswatch extract` would otherwise spend a
// quarter of its CPU decoding the TOML and splitting every alias into trie keys. The phrases of
// figures' vocabulary (../figures/data/vocab.toml) are prepared there too. TestGenerated fails
// when generated.go is not what the data files and this code give.

// prepared is an alias as the trie keys it: what node.add computes from the alias's text.
type prepared struct {
	src   string // the alias as written in the data, markers included
	a     alias
	words []aword
	keys  []string
}

// prepare parses and splits one alias into its trie keys.
func prepare(s string) (prepared, error) {
	a, err := parseAlias(s)
	if err != nil {
		return prepared{}, err
	}
	p := prepared{src: s, a: a}
	toks := split(a.text) // the trie's keys come from norm, not from candidates
	for i, tok := range toks {
		key, w := tok.norm, aword{raw: tok.raw}
		if tok.cyr && !allCaps(tok.raw) {
			key, w = "~"+stem(tok.norm), aword{raw: stem(tok.raw), stemmed: true}
		}
		if i > 0 && strings.Contains(a.text[toks[i-1].end:tok.start], ",") {
			key = "," + key
		}
		p.words = append(p.words, w)
		p.keys = append(p.keys, key)
	}
	return p, nil
}

// lookup finds s among the prepared aliases (sorted by src).
func lookup(list []prepared, s string) (*prepared, bool) {
	i, ok := slices.BinarySearchFunc(list, s, func(p prepared, s string) int { return strings.Compare(p.src, s) })
	if !ok {
		return nil, false
	}
	return &list[i], true
}

// preparedAll is every alias and keyword term of t, and the phrases of more that are valid,
// prepared, sorted by src, without repeats.
func preparedAll(t *tables, more []string) ([]prepared, error) {
	var srcs []string
	for _, entries := range [][]Entry{t.Treaty, t.Weapon, t.Organization, t.Country, t.Person, t.Role} {
		for _, e := range entries {
			srcs = append(srcs, e.Aliases...)
		}
	}
	for _, k := range t.Keyword {
		srcs = append(srcs, k.Terms...)
	}
	for _, s := range more {
		if _, err := parseAlias(s); err == nil {
			srcs = append(srcs, s)
		}
	}
	slices.Sort(srcs)
	srcs = slices.Compact(srcs)
	out := make([]prepared, 0, len(srcs))
	for _, s := range srcs {
		p, err := prepare(s)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
