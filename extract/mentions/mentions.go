// Package mentions finds treaties, weapon systems, organisations, people and countries named in
// an article body.
package mentions

import "armswatch/extract/lexicon"

// Mention is one item of the contract's "mentions" list.
type Mention struct {
	Type      string `json:"type"` // treaty, weapon, organization, person, country
	ID        string `json:"id"`
	Name      string `json:"name"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

// Speaker is a speaker the statements analyzer resolved, so people outside the lexicon are
// mentioned under the same canonical name.
type Speaker struct {
	Name string
	Kind string // person, organization
}

// Options carry what the other analyzers already know.
type Options struct {
	Speakers []Speaker
	Skip     [][2]int // byte ranges not to search (the dateline)
}

// Extract returns the mentions of body.
func Extract(body string, lex *lexicon.Lexicon, opt Options) []Mention {
	return []Mention{}
}
