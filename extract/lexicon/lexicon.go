// Package lexicon is the arms-control vocabulary as data: treaties, weapons, organisations,
// countries, people, roles, figure categories and relevance keywords. The built-in tables are
// TOML files (data/, built from shared/reference/lexicon.md), compiled into generated.go;
// users extend them from config.toml. Find matches every table against a text at once.
package lexicon

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// Entry is one lexicon item: an id, its canonical name and the aliases that refer to it.
// Aliases may carry the markers described in data/treaties.toml (" (cs)", " ⚠", «...», ...).
type Entry struct {
	ID      string   `toml:"id" json:"id"`
	Name    string   `toml:"name" json:"name"`
	Aliases []string `toml:"aliases" json:"aliases"`
	Kind    string   `toml:"kind" json:"kind,omitempty"`       // treaty kind, weapon type, organisation type
	Country string   `toml:"country" json:"country,omitempty"` // ISO code(s), "; "-separated
}

// Extra is what a user adds from config.toml.
type Extra struct {
	Treaties       []Entry
	Weapons        []Entry
	Organizations  []Entry
	ReportingVerbs []string
	Keywords       []string
}

// Limit is a treaty's headline limit (lexicon.md §1.1): figures of that treaty with one of the
// values in one of the units take the category when their own words name none.
type Limit struct {
	Treaty   string    `toml:"treaty"`
	Category string    `toml:"category"`
	Values   []float64 `toml:"values"`
	Units    []string  `toml:"units"`
}

// Category is a figure category id of lexicon.md §2.
type Category struct {
	ID      string   `toml:"id"`
	Meaning string   `toml:"meaning"`
	Units   []string `toml:"units"`
	Cues    []string `toml:"cues"`
}

// Lexicon is the compiled vocabulary. Build it with Default or New; it is read-only after.
type Lexicon struct {
	Treaties      []Entry
	Weapons       []Entry
	Organizations []Entry
	Countries     []Entry
	People        []Entry
	Roles         []Entry
	Limits        []Limit
	Categories    []Category
	// ReportingVerbs are only the user's additions: the statements analyzer keeps the built-in
	// list in its own package.
	ReportingVerbs []string
	// Keywords are the user's relevance keywords, added to the built-in ones.
	Keywords []string

	keywords []keyword
	once     sync.Once
	m        *matcher
}

// New returns the built-in lexicon extended by extra. An extra entry whose id is a built-in one
// adds its aliases to it.
func New(extra Extra) (*Lexicon, error) {
	b := builtin()
	l := &Lexicon{
		Treaties: slices.Clone(b.Treaty), Weapons: slices.Clone(b.Weapon),
		Organizations: slices.Clone(b.Organization), Countries: b.Country, People: b.Person,
		Roles: b.Role, Limits: b.Limit, Categories: b.Category, keywords: b.Keyword,
	}
	for _, add := range []struct {
		table string
		dst   *[]Entry
		src   []Entry
	}{{"treaty", &l.Treaties, extra.Treaties}, {"weapon", &l.Weapons, extra.Weapons}, {"organization", &l.Organizations, extra.Organizations}} {
		if err := merge(add.table, add.dst, add.src); err != nil {
			return nil, err
		}
	}
	l.ReportingVerbs = slices.Clip(slices.Clone(extra.ReportingVerbs))
	l.Keywords = slices.Clip(slices.Clone(extra.Keywords))
	for _, k := range extra.Keywords {
		if _, err := parseAlias(k); err != nil {
			return nil, fmt.Errorf("keyword %q: %w", k, err)
		}
	}
	return l, nil
}

// merge validates the user's entries and adds them to dst, extending a built-in entry of the
// same id.
func merge(table string, dst *[]Entry, src []Entry) error {
	for i, e := range src {
		where := fmt.Sprintf("lexicon.%s[%d] (id %q)", table, i, e.ID)
		if e.ID == "" || e.Name == "" {
			return fmt.Errorf("%s: id and name are required", where)
		}
		for _, a := range e.Aliases {
			if _, err := parseAlias(a); err != nil {
				return fmt.Errorf("%s: alias %q: %w", where, a, err)
			}
		}
		if j := slices.IndexFunc(*dst, func(x Entry) bool { return x.ID == e.ID }); j >= 0 {
			old := (*dst)[j]
			old.Aliases = append(slices.Clip(old.Aliases), e.Aliases...)
			(*dst)[j] = old
			continue
		}
		*dst = append(*dst, e)
	}
	return nil
}

// Default returns the built-in lexicon, built once on first use. The embedded data is checked by
// the package tests, so an error here is a build defect.
var Default = sync.OnceValue(func() *Lexicon {
	l, err := New(Extra{})
	if err != nil {
		panic(fmt.Sprintf("lexicon: built-in data: %v", err))
	}
	return l
})

// Relevance scores 0..1 how much body is about arms control: the weighted lexicon hits (treaties
// weigh most, then weapons, arms-control bodies and keywords) against the length of the text.
func (l *Lexicon) Relevance(body string) float64 {
	r := l.Read(body)
	defer r.Release()
	return r.Relevance()
}

// Reading is what the lexicon finds in one text in one pass: the entities Find(text, 0) returns,
// the roles FindRoles returns and the weights of the cues (roles, keywords) Relevance adds to
// the entities'. The analyzers of one body share it rather than each tokenizing and matching the
// body again.
type Reading struct {
	text string
	found
	// toks are the text's tokens when it was read in one chunk (most bodies), kept for
	// Phrases.AppendFindIn: the figures analyzer matches its phrases in every sentence, and
	// tokenizing each sentence again was a third of what the phrases cost. nil after Release.
	toks *tokenBuf
}

// Read reads text once for Find(text, 0), FindRoles(text) and Relevance. Release gives its
// tokens back when the analyzers are done with it.
func (l *Lexicon) Read(text string) *Reading {
	r := &Reading{text: text}
	if text != "" {
		r.found = l.findChunked(text, findOptions{weights: true, roles: true, keep: &r.toks}, chunkBytes)
	}
	return r
}

// Release returns the reading's tokens to the buffers matching recycles; what Find, FindRoles
// and Relevance give stays valid, and AppendFindIn tokenizes its texts again.
func (r *Reading) Release() {
	if r.toks != nil {
		r.toks.put()
		r.toks = nil
	}
}

// FindRoles returns what FindRoles(r.Text()) returns, in the reading's own slice: the caller
// must not change it (the analyzers that share the reading only read it).
func (r *Reading) FindRoles() []Match { return r.roles }

// Text is the text read.
func (r *Reading) Text() string { return r.text }

// Find returns what Find(r.Text(), 0) returns, in the reading's own slice: the caller must not
// change it.
func (r *Reading) Find() []Match { return r.entities }

// Relevance is the lexicon's Relevance of the text read.
func (r *Reading) Relevance() float64 {
	if r.text == "" {
		return 0
	}
	score := 0.0
	for _, m := range r.entities {
		score += m.weight
	}
	for _, w := range r.cueWeights { // after the entities, as the sum always ran
		score += w
	}
	words := float64(len(r.text)) / 6
	x := 1 - math.Exp(-score/(4+words/120))
	return math.Round(x*100) / 100
}
