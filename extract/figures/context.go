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
	elliptic := p.elliptic(n)
	if !elliptic && (!n.digits && !(n.first == 0 && n.value >= 2) || n.value < 2) || n.value < 1 || n.ordinal || n.article || n.frac {
		return unitDef{}, false
	}
	if n.first > 1 && p.items[n.first-1].word == "," && capitalized(p.items[n.first-2].word) &&
		n.last+1 < len(p.items) && p.items[n.last+1].word == "," {
		return unitDef{}, false // "Putin, 71, said": an age
	}
	j := n.last + 1
	for j < len(p.items) && j < n.last+4 && (p.items[j].is(kMod) || p.v.modifierLike(p.items[j]) || p.compound(j) || p.items[j].word == "-") &&
		!p.items[j].is(kBare) && !p.items[j].is(kJoin) {
		j++ // "an estimated 2,000 non-strategic ones"
	}
	if j < len(p.items) {
		it := p.items[j]
		if !(it.punct && strings.Contains(",.;)!?", it.word) || p.dashAside(n, j) || it.is(kBare) || it.is(kJoin) || it.is(kRangeAnd) || hasKey(it, kCmp) ||
			it.is(kRangeTo) || it.is(kCirc) && p.quantityBefore(n.first)) {
			return unitDef{}, false
		}
	}
	if d, ok := p.changeTarget(j); ok {
		return d, true // "reduced from 450 to 400 missiles": both count missiles
	}
	if p.respectively(j) && p.bareSeq < len(p.figs)-p.bareSeq {
		f := p.figs[p.bareSeq]
		return unitDef{id: f.Unit, category: f.Category, keep: true, bare: true}, true
	}
	for k := n.first - 1; k >= 0 && k >= n.first-8; k-- {
		it := p.items[k]
		if it.word == "," && k+1 < len(p.items) && p.v.words.including[strings.ToLower(p.items[k+1].word)] {
			continue // "all Russian nuclear warheads, including an estimated 2,000 non-strategic ones"
		}
		if it.word == "," && k+1 < len(p.items) && hasKey(p.items[k+1], kCmp) && p.wordBefore(n.first) == k+1 &&
			(len(p.ends) == 0 || p.ends[len(p.ends)-1] < k-1) {
			// (not "200 warheads, upwards of 300": the words before the comma are a figure's)
			continue // "не развертывать КРМБ в количестве, превышающем 880 единиц": a participle's comparator
		}
		if it.digits && k > 0 && p.items[k-1].is(kOpen) {
			k-- // "warheads fell from 1,600 to 1,550"
			continue
		}
		if it.digits || it.punct && strings.Contains(",;:()", it.word) || it.is(kJoin) {
			break
		}
		if d, ok := p.impliedAt(k); ok {
			return d, true // "the total inventory was estimated at 5,800"
		}
		if u, ok := p.unitAt(k); ok && !timeLike(p.v.units[u].category) && plausible(p.v.units[u].id, n.value) {
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
	if elliptic && (len(p.figs) == 0 || timeLike(p.figs[len(p.figs)-1].Category)) {
		// (an earlier figure of the sentence, not a period, lends its category too, below)
		if d, ok := p.countedBefore(n); ok {
			return d, true // "сократить ядерные арсеналы ..., чтобы осталось не более 6 тысяч единиц"
		}
	}
	prev := p.prev
	if prev == nil && len(p.figs) == 0 && p.mention.id != "" && p.quantityBefore(n.first) {
		prev = &Figure{Unit: p.mention.id, Category: p.mention.category} // "... warhead inventory. It was estimated at 5,800"
	}
	if len(p.figs) > 0 {
		prev = &p.figs[0] // "the US had 675 deployed ICBMs, SLBMs and heavy bombers — ... — while Russia had 510"
	}
	// an earlier figure lends its unit only to a whole number that can count the same arms
	// ("Israel is thought to hold about 90"), not to any small number nearby
	if elliptic && prev != nil && prev.Unit != "" {
		return unitDef{id: prev.Unit, category: prev.Category, bare: true}, true // "two power units, and two more units"
	}
	if prev == nil || !countable[prev.Category] || n.value != float64(int64(n.value)) || n.digits && n.value < 10 {
		return unitDef{}, false
	}
	return unitDef{id: prev.Unit, category: prev.Category, bare: true}, true
}

// dashAside tells a number set off by dashes, the dash at item j closing the aside: "a small
// number—perhaps 24—are deployed".
func (p *parser) dashAside(n number, j int) bool {
	if !isDash(p.items[j].word) {
		return false
	}
	for k := n.first - 1; k >= 0 && k >= n.first-3; k-- {
		if isDash(p.items[k].word) {
			return true
		}
	}
	return false
}

func isDash(w string) bool { return w == "—" || w == "–" }

// countedBefore is the counted thing an elliptic number repeats ("120 и 280 единиц", "two more
// units"): the nearest arms the sentence counts or names before it (not a period, not the
// countries that hold them: "у двух стран ... 150 и 290 единиц").
func (p *parser) countedBefore(n number) (unitDef, bool) {
	for k := n.first - 1; k >= 0; k-- {
		if d, ok := p.impliedAt(k); ok {
			return d, true
		}
		if u, ok := p.unitAt(k); ok && countable[p.v.units[u].category] && p.v.units[u].id != "state" {
			d := p.v.units[u]
			d.bare = true
			return d, true
		}
	}
	return unitDef{}, false
}

// changeTarget reads the counted thing of a change's end when item j is its "to": "from 450 to
// 400 missiles".
func (p *parser) changeTarget(j int) (unitDef, bool) {
	if j+1 >= len(p.items) || !p.items[j].is(kRangeTo) {
		return unitDef{}, false
	}
	m, ok := p.number(j + 1)
	if !ok || m.ordinal || m.article || m.times {
		return unitDef{}, false
	}
	u, _ := p.unitAfter(m.last + 1)
	if u < 0 || timeLike(p.v.units[u].category) {
		return unitDef{}, false
	}
	return p.v.units[u], true
}

// elliptic tells a number that says it repeats the counted thing of an earlier one: "two more
// units", "three more", "two additional ones".
func (p *parser) elliptic(n number) bool {
	j := n.last + 1
	more := j < len(p.items) && p.v.words.more[strings.ToLower(p.items[j].word)]
	if more {
		j++
	}
	if j < len(p.items) && p.v.words.counters[strings.ToLower(p.items[j].word)] {
		return j+1 >= len(p.items) || !strings.EqualFold(p.items[j+1].word, "of") // not "600 units of hardware"
	}
	return more && (j == len(p.items) || p.items[j].punct || p.items[j].is(kCirc) || p.items[j].is(kBare))
}

// wordBefore is the index of the last item before first that is not a currency or percent
// symbol right before it nor a filler ("a total of"): where a comparator or verb would stand.
func (p *parser) wordBefore(first int) int {
	j := first - 1
	if j >= 0 && p.items[j].punct {
		if _, ok := p.v.symbols[p.items[j].word]; ok {
			j--
		}
	}
	for j >= 0 && p.items[j].is(kFill) {
		j--
	}
	return j
}

// quantityBefore tells a number that is the object of a verb of quantity or a comparator
// ("reached 1,550", "surpassed 600", "estimated at 5,800", "up from 6,375").
func (p *parser) quantityBefore(first int) bool {
	j := p.wordBefore(first)
	if j < 0 {
		return false
	}
	if p.items[j].is(kQVerb) {
		return true
	}
	_, _, ok := p.comparatorBefore(first)
	return ok
}

// impliedAt returns the counted thing a noun implies ("arsenal", "inventory": warheads).
func (p *parser) impliedAt(k int) (unitDef, bool) {
	if i, ok := p.items[k].float(kImplied); ok {
		return p.v.implied[int(i)], true
	}
	return unitDef{}, false
}

// compared gives a number compared with the previous figure ("up from 121.5 kg", "than 400")
// that figure's category when they count in the same unit.
func (p *parser) compared(f *Figure, first int) {
	if len(p.figs) == 0 || first == 0 {
		return
	}
	j := first - 1
	if _, ok := p.v.symbols[p.items[j].word]; ok && p.items[j].punct && j > 0 {
		j--
	}
	for j > 0 && (p.items[j].is(kFill) || hasKey(p.items[j], kCmp) && !p.items[j].is(kCompared)) {
		j--
	}
	if !p.items[j].is(kCompared) {
		return
	}
	for k := len(p.figs) - 1; k >= 0; k-- {
		if p.figs[k].Unit == f.Unit && j > p.ends[k] {
			f.Category = p.figs[k].Category
			return
		}
	}
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

// countable are the categories whose figures elliptical numbers may repeat.
var countable = map[string]bool{"warheads_total": true, "deployed_warheads": true, "warheads_per_missile": true,
	"deployed_delivery_vehicles": true, "launchers": true, "missiles": true, "stockpile": true, "parties_count": true,
	"test_count": true, "inspections": true}

func timeLike(category string) bool { return category == "duration" }

// maxCount bounds what a unit can count: there are fewer than 200 states, so "warheads held by
// each country would range from 1,700 to 2,200" counts the warheads, not the countries.
var maxCount = map[string]float64{"state": 200}

// plausible tells whether a number can count the unit's things.
func plausible(unit string, value float64) bool {
	m, ok := maxCount[unit]
	return !ok || value <= m
}

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
		if !open {
			return !p.changeBefore(n.first) // "grew by 32.3 kg to 274.8 kg" is a change
		}
		return !p.changeBefore(o)
	case it.is(kRangeAnd):
		return open
	}
	return false
}

// hedgedNoun reads an estimate that qualifies the noun whose "of" introduces the number: "an
// estimated baseline of $96 billion", "the United States' estimated stockpile of 3,700". j is the
// word before the number across fillers; it returns the hedge's start.
func (p *parser) hedgedNoun(j, first int) (string, int, bool) {
	if j+1 >= first || !strings.EqualFold(p.items[j+1].word, "of") || len(p.items[j].keys) > 0 && !hasKey(p.items[j], kCue) && !p.items[j].is(kLimit) {
		return "", 0, false
	}
	for k := j - 1; k >= 0 && k >= j-2; k-- {
		if op, ok := p.cmpAt(k); ok && op == "~" {
			return op, p.items[k].start, true
		}
	}
	return "", 0, false
}

// changeWithin tells a verb of change earlier in the sentence, before item j and not across a
// semicolon or colon: its "to" may govern an elliptic clause ("увеличила до 1674, США - до 1770").
func (p *parser) changeWithin(j int) bool {
	for k := j - 1; k >= 0 && k >= j-20; k-- {
		it := p.items[k]
		if it.punct && strings.Contains(";:", it.word) {
			return false
		}
		if it.is(kChange) {
			return true
		}
	}
	return false
}

// changeBefore tells a change ("cut from 1,550 to 1,000") rather than a range. The verb may stand
// before its object ("increased its number of deployed strategic warheads from 1,367 to 1,411"),
// within the clause.
func (p *parser) changeBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-10; j-- {
		it := p.items[j]
		if it.digits || it.punct && strings.Contains(",;:.()", it.word) {
			return false
		}
		if it.is(kChange) {
			return true
		}
	}
	return false
}

// comparatorBefore reads "no more than", "about", ... before the number, across fillers ("no
// more than a total of 700").
func (p *parser) comparatorBefore(first int) (string, int, bool) {
	j := p.wordBefore(first)
	if j < 0 {
		return "", 0, false
	}
	if op, s, ok := p.hedgedNoun(j, first); ok {
		return op, s, true
	}
	if op, ok := p.cmpAt(j); ok {
		if op == "<=" && p.items[j].is(kRangeTo) && p.changeWithin(j) {
			op = "=" // "увеличила ... до 1674": after a verb of change "до" is "to", not "up to"
		}
		return op, p.items[j].start, true
	}
	for _, k := range p.items[j].keys {
		if c, err := strconv.Atoi(strings.TrimPrefix(k, kCmp)); err == nil && strings.HasPrefix(k, kCmp) &&
			conjunctionLed(p.items[j].word) {
			// "и более 700", "and more 700": a suffix phrase read as "and more than"
			switch p.v.cmps[c].op {
			case ">=":
				return ">", p.items[j].start, true
			case "<=":
				return "<", p.items[j].start, true
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
			if p.v.cmps[c].suffix && !p.numberAt(j+1) {
				return p.v.cmps[c].op, j, true // not "боезарядами и более 700": that one opens the next figure
			}
		}
	}
	return "", 0, false
}

// conjunctionLed tells a phrase opened by "and", "or", "и", "или".
func conjunctionLed(w string) bool {
	i := strings.IndexByte(w, ' ')
	if i < 0 {
		return false
	}
	switch strings.ToLower(w[:i]) {
	case "and", "or", "и", "или":
		return true
	}
	return false
}

// numberAt tells a number (after an optional currency sign) at item j.
func (p *parser) numberAt(j int) bool {
	if j < len(p.items) && p.items[j].punct && p.v.symbols[p.items[j].word] != "" {
		j++
	}
	if j >= len(p.items) {
		return false
	}
	_, ok := p.number(j)
	return ok
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
		j++ // "a 17-year-old": describes a person; "more than 40 years old" is an age, a figure
		if strings.EqualFold(p.items[j].word, "old") {
			return true
		}
	}
	return j < len(p.items) && p.items[j].is(kAfter)
}

// sentenceCueList is the sentence's cues that name a category for all its figures, in order.
func (p *parser) sentenceCueList() []int {
	if !p.sentenceCuesRead {
		p.sentenceCuesRead = true
		for _, it := range p.items {
			for _, k := range it.keys {
				if c, ok := cueIndex(k); ok && p.v.cues[c].sentence {
					p.sentenceCues = append(p.sentenceCues, c)
				}
			}
		}
	}
	return p.sentenceCues
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
	for k := first - 1; k >= lo; k-- {
		if w := p.items[k].word; w == ";" || w == "," {
			lo = k + 1 // "of which 1,710 are deployed, while the US has 5,044": another clause's cue
			break
		}
	}
	hi := unitAt + 6
	if unitAt < 0 {
		hi = first + 6
	}
	best, dist := f.Category, 1<<30
	for _, c := range p.sentenceCueList() {
		if p.v.cues[c].units[f.Unit] {
			return p.v.cues[c].category // "all 44 states listed in its Annex 2 have ratified it"
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
