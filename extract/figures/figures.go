// Package figures finds the numbers arms control is argued over ("no more than 1,550 deployed
// warheads") with their comparator, unit, category and treaty. The words (units, comparators,
// cues, number words) are data: data/vocab.toml.
package figures

import (
	"sort"

	"armswatch/extract/lexicon"
	"armswatch/extract/textutil"
)

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
	out := []Figure{}
	if body == "" {
		return out
	}
	if lex == nil {
		lex = lexicon.Default()
	}
	v := mustVocab()
	doc := newDocument(body, lex)
	for _, s := range sentences(body) {
		for _, f := range v.sentence(body[s.start:s.end], doc.blocked(s.start)) {
			f.Start += s.start
			f.End += s.start
			f.Text = body[f.Start:f.End]
			f.Paragraph = s.para
			f.Treaty = doc.treaty(s, f.Start)
			f.Category = limitCategory(lex, f)
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// document holds what the figures of an article share: its treaty mentions and the spans of
// named weapons (whose designators, RS-24 or Tu-160, are not figures).
type document struct {
	treaties []lexicon.Match
	paras    []int // paragraph of each treaty mention
	weapons  [][2]int
	main     string
	body     string
}

func newDocument(body string, lex *lexicon.Lexicon) *document {
	d := &document{body: body}
	count := map[string]int{}
	first := map[string]int{}
	for _, m := range lex.Find(body, 0) {
		switch m.Class {
		case "treaty":
			d.treaties = append(d.treaties, m)
			d.paras = append(d.paras, textutil.ParagraphAt(body, m.Start))
			if count[m.Entry.ID] == 0 {
				first[m.Entry.ID] = m.Start
			}
			count[m.Entry.ID]++
		case "weapon":
			d.weapons = append(d.weapons, [2]int{m.Start, m.End})
		}
	}
	for id, n := range count {
		if d.main == "" || n > count[d.main] || n == count[d.main] && first[id] < first[d.main] {
			d.main = id
		}
	}
	return d
}

// blocked returns, relative to a sentence starting at base, the ranges where numbers belong to a
// name.
func (d *document) blocked(base int) [][2]int {
	var out [][2]int
	for _, w := range d.weapons {
		out = append(out, [2]int{w[0] - base, w[1] - base})
	}
	return out
}

// treaty is the treaty a figure belongs to: the one named in its sentence (the nearest before
// it, else the first after), else in its paragraph, else the article's main treaty.
func (d *document) treaty(s span, at int) string {
	pick := func(in func(i int) bool) string {
		best := ""
		for i, m := range d.treaties {
			if !in(i) {
				continue
			}
			if m.Start <= at || best == "" {
				best = m.Entry.ID
			}
			if m.Start > at {
				break
			}
		}
		return best
	}
	if t := pick(func(i int) bool { return d.treaties[i].Start >= s.start && d.treaties[i].End <= s.end }); t != "" {
		return t
	}
	if t := pick(func(i int) bool { return d.paras[i] == s.para }); t != "" {
		return t
	}
	return d.main
}

// limitCategory gives a figure the category of its treaty's headline limit (lexicon.md §1.1)
// when its words named no narrower one: "no more than 1,550 warheads" of New START are deployed.
func limitCategory(lex *lexicon.Lexicon, f Figure) string {
	if f.Treaty == "" || !generic[f.Category] {
		return f.Category
	}
	for _, l := range lex.Limits {
		if l.Treaty != f.Treaty {
			continue
		}
		for i, v := range l.Values {
			if v == f.Value && i < len(l.Units) && l.Units[i] == f.Unit {
				return l.Category
			}
		}
	}
	return f.Category
}

// generic categories are the defaults of their units, which a treaty limit may narrow.
var generic = map[string]bool{"warheads_total": true, "missiles": true, "other": true}
