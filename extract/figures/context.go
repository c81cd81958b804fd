package figures

import (
	"strconv"
	"strings"
)

// bare gives a number without a counted thing the unit it repeats: a unit just before it
// ("caps deployed strategic warheads at 1,550 per side"), else the matching figure of a
// "respectively" list, else the last figure before it in the paragraph ("Israel is thought to
// hold about 90"). Only a number that ends its phrase qualifies.
func (p *parser) bare(n number) (unitDef, bool) {
	if !n.digits && !(n.first == 0 && n.value >= 2) || n.value < 2 || n.ordinal || n.article {
		return unitDef{}, false
	}
	if n.first > 1 && p.items[n.first-1].word == "," && capitalized(p.items[n.first-2].word) &&
		n.last+1 < len(p.items) && p.items[n.last+1].word == "," {
		return unitDef{}, false // "Putin, 71, said": an age
	}
	j := n.last + 1
	for j < len(p.items) && j < n.last+4 && (p.items[j].is(kMod) || modifierLike(p.items[j]) || p.compound(j) || p.items[j].word == "-") &&
		!p.items[j].is(kBare) && !p.items[j].is(kJoin) {
		j++ // "an estimated 2,000 non-strategic ones"
	}
	if j < len(p.items) {
		it := p.items[j]
		if !(it.punct && strings.Contains(",.;)!?", it.word) || it.is(kBare) || it.is(kJoin) || it.is(kRangeAnd) || hasKey(it, kCmp) ||
			it.is(kRangeTo)) {
			return unitDef{}, false
		}
	}
	if p.respectively(j) && p.bareSeq < len(p.figs)-p.bareSeq {
		f := p.figs[p.bareSeq]
		return unitDef{id: f.Unit, category: f.Category, keep: true, bare: true}, true
	}
	for k := n.first - 1; k >= 0 && k >= n.first-8; k-- {
		it := p.items[k]
		if it.word == "," && k+1 < len(p.items) && including[strings.ToLower(p.items[k+1].word)] {
			continue // "all Russian nuclear warheads, including an estimated 2,000 non-strategic ones"
		}
		if it.digits && k > 0 && p.items[k-1].is(kOpen) {
			k-- // "warheads fell from 1,600 to 1,550"
			continue
		}
		if it.digits || it.punct && strings.Contains(",;:()", it.word) || it.is(kJoin) {
			break
		}
		if u, ok := p.unitAt(k); ok && !timeLike(p.v.units[u].category) {
			if p.vehicleListBefore(k) {
				return unitDef{id: "delivery_vehicle", category: "deployed_delivery_vehicles"}, true
			}
			def := p.v.units[u]
			for c := k - 1; c >= 0 && c >= k-3; c-- {
				for _, key := range p.items[c].keys {
					if q, ok := cueIndex(key); ok &&
						!p.v.cues[q].sentence && p.v.cues[q].units[def.id] {
						def.category, def.keep = p.v.cues[q].category, true // "deployed warheads fell from 1,600 to 1,550"
					}
				}
			}
			return def, true // "caps deployed strategic warheads at 1,550 per side"
		}
	}
	prev := p.prev
	if len(p.figs) > 0 {
		prev = &p.figs[0] // "the US had 675 deployed ICBMs, SLBMs and heavy bombers — ... — while Russia had 510"
	}
	// an earlier figure lends its unit only to a whole number that can count the same arms
	// ("Israel is thought to hold about 90"), not to any small number nearby
	if prev == nil || !countable[prev.Category] || n.value != float64(int64(n.value)) || n.digits && n.value < 10 {
		return unitDef{}, false
	}
	return unitDef{id: prev.Unit, category: prev.Category, bare: true}, true
}

// respectively tells a "respectively" after the run of bare numbers that item j continues.
func (p *parser) respectively(j int) bool {
	for k := j; k < len(p.items) && k < j+8; k++ {
		if strings.EqualFold(p.items[k].word, "respectively") || p.items[k].word == "соответственно" {
			return true
		}
		if p.items[k].punct && strings.Contains(".;", p.items[k].word) {
			return false
		}
	}
	return false
}

// including opens an apposition whose numbers count the noun before it.
var including = map[string]bool{"including": true, "among": true, "of": true, "в": true, "включая": true, "из": true}

// countable are the categories whose figures elliptical numbers may repeat.
var countable = map[string]bool{"warheads_total": true, "deployed_warheads": true, "warheads_per_missile": true,
	"deployed_delivery_vehicles": true, "launchers": true, "missiles": true, "stockpile": true, "parties_count": true,
	"test_count": true, "inspections": true}

func timeLike(category string) bool { return category == "duration" }

// rangeEnd reads the upper end of a range after number n (and its unit, when it has one).
func (p *parser) rangeEnd(n number, uEnd int) (number, bool) {
	j := n.last + 1
	if uEnd >= 0 && uEnd+1 < len(p.items) {
		if k := uEnd + 1; k < len(p.items) && p.joinsRange(n, k) {
			j = uEnd + 1
		}
	}
	if j >= len(p.items) || !p.joinsRange(n, j) {
		return number{}, false
	}
	k := j + 1
	if k < len(p.items) && p.items[k].punct && p.v.symbols[p.items[k].word] != "" {
		k++ // "between $161 billion and $542 billion"
	}
	if k >= len(p.items) {
		return number{}, false
	}
	m, ok := p.number(k)
	if !ok || m.value <= n.value || m.ordinal || m.article || m.frac {
		return number{}, false
	}
	return m, true
}

// joinsRange tells whether item j links a range: "to", "-", or "and" after "between".
func (p *parser) joinsRange(n number, j int) bool {
	it := p.items[j]
	o := n.first - 1
	if o >= 0 && p.items[o].punct && p.v.symbols[p.items[o].word] != "" {
		o--
	}
	open := o >= 0 && p.items[o].is(kOpen)
	switch {
	case it.word == "-" || it.word == "–" || it.word == "—":
		return true
	case it.is(kRangeTo):
		return !open || !p.changeBefore(o)
	case it.is(kRangeAnd):
		return open
	}
	return false
}

// changeBefore tells a change ("cut from 1,550 to 1,000") rather than a range.
func (p *parser) changeBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if p.items[j].is(kChange) {
			return true
		}
	}
	return false
}

// comparatorBefore reads "no more than", "about", ... before the number, across fillers ("no
// more than a total of 700").
func (p *parser) comparatorBefore(first int) (string, int, bool) {
	j := first - 1
	if j >= 0 && p.items[j].punct {
		if _, ok := p.v.symbols[p.items[j].word]; ok {
			j--
		}
	}
	for j >= 0 && p.items[j].is(kFill) {
		j--
	}
	if j < 0 {
		return "", 0, false
	}
	for _, k := range p.items[j].keys {
		if strings.HasPrefix(k, kCmp) {
			c, _ := strconv.Atoi(k[len(kCmp):])
			if !p.v.cmps[c].suffix {
				return p.v.cmps[c].op, p.items[j].start, true
			}
		}
	}
	return "", 0, false
}

// comparatorAfter reads "or more", "and less" after a figure.
func (p *parser) comparatorAfter(j int) (string, int, bool) {
	if j >= len(p.items) {
		return "", 0, false
	}
	for _, k := range p.items[j].keys {
		if strings.HasPrefix(k, kCmp) {
			c, _ := strconv.Atoi(k[len(kCmp):])
			if p.v.cmps[c].suffix {
				return p.v.cmps[c].op, j, true
			}
		}
	}
	return "", 0, false
}

// inherited gives a listed number the limit of the list's first figure: in "no more than 700
// ..., 1,550 ..., and a total of 800 ..." the ceiling distributes over the list.
func (p *parser) inherited(first int) (string, bool) {
	if len(p.figs) == 0 {
		return "", false
	}
	prev := p.figs[len(p.figs)-1]
	if prev.Comparator != "<=" && prev.Comparator != ">=" {
		return "", false // only limits distribute over a list
	}
	j := first - 1
	for j >= 0 && p.items[j].is(kFill) {
		j--
	}
	if j < 0 || j <= p.ends[len(p.ends)-1] {
		return "", false
	}
	if it := p.items[j]; it.word == "," || it.word == ";" || it.is(kJoin) || it.is(kRangeAnd) {
		return prev.Comparator, true
	}
	return "", false
}

// afterDate tells "ago", "old" and the like after a figure.
func (p *parser) afterDate(j int) bool {
	if j+1 < len(p.items) && p.items[j].word == "-" {
		j++ // "a 17-year-old"
	}
	return j < len(p.items) && p.items[j].is(kAfter)
}

// cueCategory narrows the unit's category by the words around the figure (lexicon.md §2 cues):
// "deployed", "per missile", "stockpile". The window runs from the previous figure (at most six
// items back) to six items after the unit, stopping at clause punctuation.
func (p *parser) cueCategory(f Figure, first, unitAt int) string {
	lo := first - 6
	if len(p.ends) > 0 && p.ends[len(p.ends)-1] >= lo {
		lo = p.ends[len(p.ends)-1] + 1
	}
	if lo < 0 {
		lo = 0
	}
	hi := unitAt + 6
	if unitAt < 0 {
		hi = first + 6
	}
	best, dist := f.Category, 1<<30
	for _, it := range p.items {
		for _, k := range it.keys {
			if c, ok := cueIndex(k); ok &&
				p.v.cues[c].sentence && p.v.cues[c].units[f.Unit] {
				return p.v.cues[c].category // "all 44 states listed in its Annex 2 have ratified it"
			}
		}
	}
	after := unitAt
	if after < first {
		after = first
	}
	for j := lo; j <= hi && j < len(p.items); j++ {
		it := p.items[j]
		if j > after && (it.word == ";" || it.word == "," || it.word == ":") {
			break
		}
		if _, ok := p.number(j); ok && j > after {
			break
		}
		for _, k := range it.keys {
			if !strings.HasPrefix(k, kCue) {
				continue
			}
			c, _ := strconv.Atoi(k[len(kCue):])
			cue := p.v.cues[c]
			if cue.sentence {
				continue
			}
			d := j - first
			if d < 0 {
				d = -d
			}
			if cue.units[f.Unit] && d < dist {
				best, dist = cue.category, d
			}
		}
	}
	return best
}
