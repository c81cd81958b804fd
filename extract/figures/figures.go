// Package figures finds the numbers arms control is argued over ("no more than 1,550 deployed
// warheads") with their comparator, unit, category and treaty.
package figures

import "armswatch/extract/lexicon"

// Figure is one item of the contract's "figures" list.
type Figure struct {
	Text       string   `json:"text"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"value_max"`
	Comparator string   `json:"comparator"`
	Unit       string   `json:"unit"`
	Category   string   `json:"category"`
	Treaty     string   `json:"treaty"`
	Paragraph  int      `json:"paragraph"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
}

// Extract returns the figures of body.
func Extract(body string, lex *lexicon.Lexicon) []Figure {
	return []Figure{}
}
