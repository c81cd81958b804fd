// Package figures finds the numbers arms control is argued over ("no more than 1,550 deployed
// warheads") with their comparator, unit, category and treaty. The words (units, comparators,
// cues, number words) are data: data/vocab.toml.
package figures

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/lexicon"
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
	borrowed bool // the unit is an earlier figure's: the number stands without its noun
	limitCue bool // the sentence speaks of limits
}

// Extract returns the figures of body.
func Extract(body string, lex *lexicon.Lexicon) []Figure {
	return ExtractRead(body, lex, nil)
}

// ExtractRead is Extract with the lexicon's reading of body (lex.Read(body)) that the other
// analyzers of the page share; nil reads it here.
func ExtractRead(body string, lex *lexicon.Lexicon, read *lexicon.Reading) []Figure {
	out := []Figure{}
	if body == "" {
		return out
	}
	if lex == nil {
		lex = lexicon.Default()
	}
	v := mustVocab()
	buf := scratches.Get().(*scratch)
	defer buf.release()
	var found []lexicon.Match
	if read != nil && read.Text() == body {
		found = read.Find()
		buf.read = read
	} else {
		found = lex.Find(body, 0)
	}
	buf.latin = !lang.HasCyrillic(body)
	doc := newDocument(body, found)
	var prev *Figure
	var mention unitDef // the counted thing the previous sentence of the paragraph spoke of
	para := -1
	lead := "" // the comparator of the list lead the paragraphs continue
	for _, s := range lang.Sentences(body) {
		if s.Para != para {
			prev, mention, para = nil, unitDef{}, s.Para
			if lead != "" && !v.listItem(body[s.Start:]) {
				lead = ""
			}
		}
		sc := doc.scope(s)
		buf.at = s.Start
		figs, m, l := v.sentence(body[s.Start:s.End], buf, doc.blocked(s), prev, mention, lead)
		mention = m
		if l != "" {
			lead = l
		}
		for k, f := range figs {
			f.Start += s.Start
			f.End += s.Start
			f.Text = body[f.Start:f.End]
			f.Paragraph = s.Para
			next := s.End
			if k+1 < len(figs) {
				next = figs[k+1].Start + s.Start
			}
			f.Treaty = doc.treaty(sc, f.Start, next)
			doc.limits(lex, sc, &f)
			v.treatyUnit(&f)
			out = append(out, f)
			prev = &out[len(out)-1]
		}
	}
	if len(doc.treaties) == 0 {
		if t := inferTreaty(lex, out); t != "" && v.speaksOfTreaty(body) {
			for i := range out {
				out[i].Treaty = t
				doc.limits(lex, scope{}, &out[i])
				v.treatyUnit(&out[i])
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// treatyUnit gives a figure whose words named no narrower category the category its unit has
// under its treaty (Open Skies flights are observation flights).
func (v *vocab) treatyUnit(f *Figure) {
	if c, ok := v.treatyUnits[f.Treaty][f.Unit]; ok && generic[f.Category] {
		f.Category = c
	}
}

// inferTreaty names the treaty of an article that names none from the headline limits its
// figures repeat ("would range from 1,700 to 2,200" warheads is SORT's band; "1600 средств
// доставки" and "6000 боеголовок" are START I's): the treaty whose limits most figures repeat,
// when it repeats two of them at least and no other treaty ties with it. Periods and small whole
// numbers repeat too many limits to count; a limit with decimals (3.67 percent) is repeated by no
// chance and counts twice.
func inferTreaty(lex *lexicon.Lexicon, figs []Figure) string {
	votes := map[string]int{}
	for _, f := range figs {
		whole := f.Value == float64(int64(f.Value))
		if f.Category == "duration" || f.Value < 20 && whole || f.Unit == "" {
			continue
		}
		seen := map[string]bool{}
		for _, l := range lex.Limits {
			if !seen[l.Treaty] && limitHas(l, f.Value, f.Unit) && (f.ValueMax == nil || limitHas(l, *f.ValueMax, f.Unit)) {
				seen[l.Treaty] = true
				votes[l.Treaty]++
				if !whole {
					votes[l.Treaty]++
				}
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
