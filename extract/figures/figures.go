// Package figures finds the numbers arms control is argued over ("no more than 1,550 deployed
// warheads") with their comparator, unit, category and treaty. The words (units, comparators,
// cues, number words) are data: data/vocab.toml.
package figures

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/textutil"
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

	explicit bool // the comparator is written ("no more than"), not the default "="
	limitCue bool // the sentence speaks of limits
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
	var prev *Figure
	var mention unitDef // the counted thing the previous sentence of the paragraph spoke of
	para := -1
	lead := "" // the comparator of the list lead the paragraphs continue
	for _, s := range sentences(body) {
		if s.para != para {
			prev, mention, para = nil, unitDef{}, s.para
			if lead != "" && !v.listItem(body[s.start:]) {
				lead = ""
			}
		}
		figs, m, l := v.sentence(body[s.start:s.end], doc.blocked(s.start), prev, mention, lead)
		mention = m
		if l != "" {
			lead = l
		}
		for _, f := range figs {
			f.Start += s.start
			f.End += s.start
			f.Text = body[f.Start:f.End]
			f.Paragraph = s.para
			f.Treaty = doc.treaty(s, f.Start)
			doc.limits(lex, s, &f)
			out = append(out, f)
			prev = &out[len(out)-1]
		}
	}
	if len(doc.treaties) == 0 {
		if t := inferTreaty(lex, out); t != "" && v.speaksOfTreaty(body) {
			for i := range out {
				out[i].Treaty = t
				doc.limits(lex, span{}, &out[i])
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// inferTreaty names the treaty of an article that names none from the headline limits its
// figures repeat ("would range from 1,700 to 2,200" warheads is SORT's band; "1600 средств
// доставки" and "6000 боеголовок" are START I's): the treaty whose limits most figures repeat,
// when it repeats two of them at least and no other treaty ties with it. Periods and small numbers repeat too many limits to count.
func inferTreaty(lex *lexicon.Lexicon, figs []Figure) string {
	votes := map[string]int{}
	for _, f := range figs {
		if f.Category == "duration" || f.Value < 20 || f.Unit == "" {
			continue
		}
		seen := map[string]bool{}
		for _, l := range lex.Limits {
			if !seen[l.Treaty] && limitHas(l, f.Value, f.Unit) && (f.ValueMax == nil || limitHas(l, *f.ValueMax, f.Unit)) {
				seen[l.Treaty] = true
				votes[l.Treaty]++
				if f.ValueMax != nil {
					votes[l.Treaty]++ // a band repeated end to end ("from 1,700 to 2,200") is two limits
				}
			}
		}
	}
	best, tie := "", false
	for t, n := range votes {
		switch {
		case best == "" || n > votes[best]:
			best, tie = t, false
		case n == votes[best]:
			tie = true
		}
	}
	if tie || votes[best] < 2 {
		return "" // one number equal to one limit may be chance ("2,000 warheads")
	}
	return best
}

// speaksOfTreaty tells a text that speaks of a treaty without naming it ("a landmark nuclear
// reduction treaty", "Согласно Договору").
func (v *vocab) speaksOfTreaty(body string) bool {
	for _, m := range v.phrases.Find(body) {
		for _, k := range m.Keys {
			if k == kTreatyWord {
				return true
			}
		}
	}
	return false
}

// limitHas tells a limit stating value in unit's family.
func limitHas(l lexicon.Limit, value float64, unit string) bool {
	for i, v := range l.Values {
		if v == value && i < len(l.Units) && family(l.Units[i]) == family(unit) {
			return true
		}
	}
	return false
}

// listItem tells a paragraph that continues a list: it opens with a bullet or a number, or ends
// with a semicolon.
func (v *vocab) listItem(para string) bool {
	if i := strings.Index(para, "\n\n"); i >= 0 {
		para = para[:i]
	}
	para = strings.TrimSpace(para)
	for _, b := range v.bullets {
		if strings.HasPrefix(para, b) {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(para)
	return unicode.IsDigit(r) || strings.HasSuffix(para, ";")
}

// document holds what the figures of an article share: its treaty mentions and the spans of
// named weapons (whose designators, RS-24 or Tu-160, are not figures).
type document struct {
	treaties []lexicon.Match
	paras    []int // paragraph of each treaty mention
	weapons  []nameSpan
	main     string
	body     string
}

func newDocument(body string, lex *lexicon.Lexicon) *document {
	d := &document{body: body}
	count := map[string]int{}
	first := map[string]int{}
	paras := textutil.NewLocator(body)
	for _, m := range lex.Find(body, 0) {
		switch m.Class {
		case "treaty":
			d.treaties = append(d.treaties, m)
			d.paras = append(d.paras, paras.At(m.Start))
			if count[m.Entry.ID] == 0 {
				first[m.Entry.ID] = m.Start
			}
			count[m.Entry.ID]++
		case "weapon":
			d.weapons = append(d.weapons, nameSpan{m.Start, m.End, m.Entry.Kind})
		}
	}
	d.renamed()
	count, first = map[string]int{}, map[string]int{}
	for _, m := range d.treaties {
		if count[m.Entry.ID] == 0 {
			first[m.Entry.ID] = m.Start
		}
		count[m.Entry.ID]++
	}
	for id, n := range count {
		if d.main == "" || n > count[d.main] || n == count[d.main] && first[id] < first[d.main] {
			d.main = id
		}
	}
	return d
}

// renamed lets a treaty name followed by another treaty's alias in brackets stand for the
// bracketed one: the writer's abbreviation settles an ambiguous or mistaken full name
// ("Договор об ограничении стратегических наступательных вооружений (СНВ-1)").
func (d *document) renamed() {
	for i := 0; i+1 < len(d.treaties); i++ {
		a, b := d.treaties[i], d.treaties[i+1]
		if a.Entry.ID != b.Entry.ID && strings.TrimSpace(d.body[a.End:b.Start]) == "(" && strings.HasPrefix(d.body[b.End:], ")") {
			d.treaties[i].Entry = b.Entry
		}
	}
}

// blocked returns, relative to a sentence starting at base, the ranges where numbers belong to a
// name.
func (d *document) blocked(base int) []nameSpan {
	var out []nameSpan
	for _, w := range d.weapons {
		out = append(out, nameSpan{w.start - base, w.end - base, w.kind})
	}
	return out
}

// nameSpan is a named weapon in the text, with its type (icbm, slbm, bomber, ...).
type nameSpan struct {
	start, end int
	kind       string
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
	inPara := func(i int) bool { return d.paras[i] == s.para }
	if t := pick(inPara); t != "" {
		for i := range d.treaties {
			if inPara(i) && d.treaties[i].Entry.ID == d.main {
				return d.main // "the treaty" of a sentence that names none is the article's, when its paragraph names it
			}
		}
		return t
	}
	return d.main
}

// limits applies the treaties' headline limits (lexicon.md §1.1) to a figure that repeats one:
// a ceiling is "<=" even when the sentence does not say so ("the central limits of 1,550
// deployed warheads"), and the limit's category and unit hold where the words named no narrower
// one (New START's 700 "missiles and bombers" are delivery vehicles, the ABM Treaty's 100
// interceptors are launchers). A figure whose treaty was not named in its sentence goes to the
// article's treaty whose limit it repeats.
func (d *document) limits(lex *lexicon.Lexicon, s span, f *Figure) {
	find := func(treaty string) (lexicon.Limit, int, bool) {
		for _, l := range lex.Limits {
			if l.Treaty != treaty {
				continue
			}
			for i, v := range l.Values {
				if v == f.Value && f.ValueMax == nil && i < len(l.Units) && family(l.Units[i]) == family(f.Unit) && f.Unit != "" {
					return l, i, true
				}
			}
		}
		return lexicon.Limit{}, 0, false
	}
	l, i, ok := find(f.Treaty)
	if !ok && !d.namedIn(s, f.Treaty) {
		for _, m := range d.treaties {
			if l, i, ok = find(m.Entry.ID); ok {
				f.Treaty = m.Entry.ID
				break
			}
		}
	}
	if !ok || l.Category == "duration" {
		return
	}
	if !f.explicit && f.limitCue {
		f.Comparator = "<="
	}
	if generic[f.Category] || f.Unit != l.Units[i] {
		f.Category, f.Unit = l.Category, l.Units[i]
	}
}

// namedIn tells whether the treaty is named in the sentence.
func (d *document) namedIn(s span, treaty string) bool {
	for _, m := range d.treaties {
		if m.Entry.ID == treaty && m.Start >= s.start && m.End <= s.end {
			return true
		}
	}
	return false
}

// family groups units a limit may be stated in: carriers are counted as missiles, launchers or
// delivery vehicles by different writers.
func family(unit string) string {
	switch unit {
	case "delivery_vehicle", "icbm", "slbm", "bomber", "missile", "launcher":
		return "carrier"
	}
	return unit
}

// generic categories are the defaults of their units, which a treaty limit may narrow.
var generic = map[string]bool{"warheads_total": true, "missiles": true, "other": true}
