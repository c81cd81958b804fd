package figures

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

// parser reads the figures of one sentence.
type parser struct {
	v       *vocab
	text    string
	items   []item
	blocked []nameSpan
	figs    []Figure
	ends    []int   // last item index of each figure (for lists and windows)
	prev    *Figure // the last figure of the paragraph's earlier sentences
	mention unitDef // the counted thing the previous sentence named, figure or not
	bareSeq int     // bare numbers read since the last full figure ("540 and 1,549, respectively")
	// limitCue: the sentence speaks of limits, so a treaty's headline number in it is a ceiling
	limitCue bool
	// partitive is the inner number of "nine of the 44 countries", read after the outer one
	partitive int
	inLabel   bool // reading a table label, whose words are capitalised ("Deployed Heavy Bombers: 651")
	titled    bool // the sentence is a headline in title case: a capital does not make a name
	// sentenceCues are the cues of the sentence that name a category for all its figures, in
	// order (sentenceCuesRead once read): each figure asked, and a sentence of thousands of
	// numbers read its items again for each
	sentenceCues     []int
	sentenceCuesRead bool
}

// sentence reads the figures of one sentence. lead is the comparator a list's lead gives the
// sentence's numbers (the sentence is an item of that list), or "". It returns the figures, the
// counted thing it last named, and the comparator of a lead that ends the sentence (for the list
// items that follow).
func (v *vocab) sentence(text string, sc *scratch, blocked []nameSpan, prev *Figure, mention unitDef, lead string) ([]Figure, unitDef, string) {
	p := &parser{v: v, text: text, items: v.items(text, sc), blocked: blocked, prev: prev, mention: mention}
	p.titled = titleCase(p.items)
	for _, it := range p.items {
		if it.is(kLimit) {
			p.limitCue = true
		}
	}
	colon, op := -1, ""
	for i := 0; i < len(p.items); {
		if p.items[i].word == ":" {
			if o, ok := p.leadAt(i); ok {
				colon, op = i, o
			}
		}
		n, ok := p.number(i)
		if !ok {
			i++
			continue
		}
		next := p.figure(n)
		if next <= n.last {
			next = n.last + 1
		}
		i = next
	}
	for k := range p.figs {
		switch {
		case colon >= 0 && p.figs[k].Start > p.items[colon].start:
			p.governed(&p.figs[k], op)
		case colon < 0 && lead != "":
			p.governed(&p.figs[k], lead)
		}
	}
	out := ""
	if colon >= 0 && colon == len(p.items)-1 {
		out = op
	}
	return p.figs, p.lastMention(), out
}

// governed gives a figure of a list the comparator of its lead, unless the figure says its own
// or is a period (a list of limits may state the time to meet them).
func (p *parser) governed(f *Figure, op string) {
	if f.explicit || f.Category == "duration" {
		return
	}
	f.Comparator, f.explicit = op, true
}

// leadAt tells a colon that ends the lead of a list of limits: the clause before it names limits
// ("Central limits include:", "LIMITED:", "не должны превышать таких лимитов:") or ends in a
// comparator without its number ("каждая из сторон не может иметь более чем:"). It returns the
// comparator the list's numbers take.
func (p *parser) leadAt(colon int) (string, bool) {
	op, found := "", false
	for k := colon - 1; k >= 0; k-- {
		it := p.items[k]
		if it.digits || it.punct && strings.Contains(".;:", it.word) {
			break
		}
		if !found {
			if o, ok := p.cmpAt(k); ok {
				op, found = o, true
				continue
			}
		}
		if it.is(kLimit) && !found {
			op, found = "<=", true
		}
	}
	return op, found
}

// cmpAt reads a comparator (before-the-number kind) at item k, turned by a negation before it.
func (p *parser) cmpAt(k int) (string, bool) {
	for _, key := range p.items[k].keys {
		if c, ok := strings.CutPrefix(key, kCmp); ok {
			i, _ := strconv.Atoi(c)
			if !p.v.cmps[i].suffix {
				return p.negate(p.v.cmps[i].op, k), true
			}
		}
	}
	return "", false
}

// negate turns the comparator at item k when a negation stands a few words before it in its
// clause: "cannot have more than" and "not enrich uranium over" are ceilings. A comma may stand
// just before the comparator (a Russian participle: "не развертывать в количестве, превышающем").
func (p *parser) negate(op string, k int) string {
	if op != ">" && op != "<" {
		return op
	}
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		it := p.items[j]
		if it.digits || it.punct && (strings.Contains(".;:!?", it.word) || it.word == "," && j != k-1) {
			break
		}
		if it.is(kNeg) {
			if op == ">" {
				return "<="
			}
			return ">="
		}
	}
	return op
}

// lastMention is the last counted thing of arms the sentence names ("the size of Russia's
// warhead inventory"): the next sentence's bare number may count it.
func (p *parser) lastMention() unitDef {
	for k := len(p.items) - 1; k >= 0; k-- {
		if d, ok := p.impliedAt(k); ok {
			return d
		}
		if u, ok := p.unitAt(k); ok && countable[p.v.units[u].category] {
			return p.v.units[u]
		}
	}
	return p.mention
}

// figure reads the figure around number n and records it; it returns the item index to go on
// from.
func (p *parser) figure(n number) int {
	p.partitive = -1
	next := p.read(n)
	if p.partitive > n.last && p.partitive < next {
		return p.partitive
	}
	return next
}

// read reads the figure around number n and records it; it returns the item index after it.
func (p *parser) read(n number) int {
	if p.notFigure(n) {
		return n.last + 1
	}
	if end, ok := p.ratio(n); ok && n.times && n.value >= 2 { // "once the treaty enters into force" is no multiple
		p.record(n, end, Figure{Value: n.value, Comparator: "=", Category: "other"}) // "twice as many"
		return end + 1
	}
	if end, ok := p.frequency(n); ok || n.times {
		if ok {
			p.record(n, end, Figure{Value: n.value, Comparator: "=", Category: "other"})
		}
		return end + 1
	}
	f := Figure{Value: n.value, Comparator: "="}
	start := p.items[n.first].start
	unit, uEnd := p.unitAfter(n.last + 1)
	if unit >= 0 && !plausible(p.v.units[unit].id, n.value) {
		unit, uEnd = -1, -1 // "the Duma's 450 members" are not states
	}
	if n.unitItem > 0 {
		unit, _ = p.unitAt(n.unitItem)
		uEnd = n.unitItem
	}
	last := n.last
	// a range: "500 to 5,500 km", "between 500 and 5,500 kilometers", "3,000-3,500 warheads"
	if m, ok := p.rangeEnd(n, uEnd); ok {
		u2, e2 := p.unitAfter(m.last + 1)
		_, sym1 := p.symbolBefore(n.first)
		_, sym2 := p.symbolBefore(m.first)
		// both ends count the same thing: "17.6 percent to $2.7 billion" is no range
		if (unit < 0 || u2 < 0 || p.v.units[u2].id == p.v.units[unit].id) && sym1 == sym2 {
			f.ValueMax = &m.value
			last = m.last
			if u2 >= 0 {
				unit, uEnd = u2, e2
			}
		}
	}
	if u, e, ok := p.fractionOf(n); ok && unit < 0 {
		unit, uEnd = u, e // "one quarter of a megaton"
	}
	if u, ok := p.symbolBefore(n.first); ok && unit < 0 {
		unit, uEnd = u, last
		start = p.items[n.first-1].start
	}
	if n.year(p) && (unit < 0 || p.v.units[unit].category == "duration") {
		return last + 1
	}
	if end, ok := p.ratio(n); ok && unit < 0 {
		p.record(n, end, Figure{Value: n.value, Comparator: "=", Category: "other"})
		return end + 1
	}
	var def unitDef
	labelStart := -1
	if unit < 0 && n.digits && n.first > 1 && p.items[n.first-1].word == ":" && !p.items[n.first-2].digits &&
		p.items[n.first-1].end < p.items[n.first].start && (n.last+1 == len(p.items) || strings.Contains(".;", p.items[n.last+1].word)) {
		if d, s, ok := p.label(n.first - 1); ok {
			def, labelStart = d, s
		}
	}
	switch {
	case labelStart >= 0:
		start = p.items[labelStart].start
	case unit >= 0:
		def = p.v.units[unit]
	case n.frac && (n.last > n.first || n.last+1 < len(p.items) && strings.EqualFold(p.items[n.last+1].word, "of")):
		def = unitDef{category: "other"} // "nearly two-thirds", "a third of"
	default:
		if d, ok := p.sharedUnit(n); ok {
			def = d // "120 и 280 единиц", "1,000 and 2,000 warheads": the noun after the second counts both
			break
		}
		if d, e, ok := p.carriedOn(n); ok {
			def, uEnd = d, e
			break
		}
		d, ok := p.bare(n)
		if !ok {
			return last + 1
		}
		def = d
	}
	if uEnd > last {
		last = uEnd
	}
	if n.ordinal && (def.category != "test_count" || n.value < 2) || // "the first flight test" names, "the sixth test" counts
		n.article && def.category != "duration" {
		return last + 1
	}
	if !n.digits && (def.id == "state" || def.id == "person") && (n.first > 0 && p.items[n.first-1].is(kDet) || n.value == 1) {
		return last + 1 // "our two countries", "one Western diplomat": referring phrases
	}
	if !n.digits && n.value == 1 && unit >= 0 && def.category == "other" && !p.quantityBefore(n.first) {
		return last + 1 // "one renewable-energy plant": a referring phrase, not a count
	}
	if p.afterDate(last+1) && !(n.first > 0 && p.items[n.first-1].is(kLength)) {
		return last + 1 // "two years ago": a date
	}
	f.Unit, f.Category = def.id, def.category
	if listEnd, ok := p.vehicleList(unit, uEnd); ok {
		f.Unit, f.Category = "delivery_vehicle", "deployed_delivery_vehicles"
		last = listEnd
	}
	end := p.items[last].end
	if op, s, ok := p.comparatorBefore(n.first); ok {
		f.Comparator, f.explicit = op, true
		if op == ">" && def.category == "duration" && strings.EqualFold(p.items[n.first-1].word, "over") {
			f.Comparator = "=" // "over 20 years": during, not more than
		}
		if s < start {
			start = s
		}
	} else if op, e, ok := p.comparatorAfter(last + 1); ok {
		f.Comparator, f.explicit, last, end = op, true, e, p.items[e].end
	} else if op, _, ok := p.comparatorAfter(n.last + 1); ok && unit >= 0 && uEnd > n.last+1 {
		f.Comparator, f.explicit = op, true // "ten or more warheads"
	} else if op, ok := p.inherited(n.first); ok {
		f.Comparator, f.explicit = op, true
	}
	if !n.ordinal && !n.article && !def.keep {
		f.Category = p.cueCategory(f, n.first, uEnd)
		p.compared(&f, n.first)
	}
	if p.referring(f, n, last+1) {
		return last + 1
	}
	if f.Category == "launchers" && family(f.Unit) == "carrier" {
		f.Unit = "launcher" // "848 deployed and non-deployed delivery systems" count launchers
	}
	f.Start, f.End, f.limitCue, f.borrowed = start, end, p.limitCue, def.bare
	if def.bare {
		p.bareSeq++
	} else {
		p.bareSeq = 0
	}
	p.figs = append(p.figs, f)
	p.ends = append(p.ends, last)
	return last + 1
}

// sharedUnit reads the counted thing of a pair of numbers that share the noun after the second:
// "120 и 280 единиц", "between 20 or 30 missiles" (a range was read before). The second number
// is read on its own.
func (p *parser) sharedUnit(n number) (unitDef, bool) {
	j := n.last + 1
	if j+1 >= len(p.items) || !(p.items[j].is(kRangeAnd) || p.items[j].is(kJoin)) || p.items[j].word == "," {
		return unitDef{}, false
	}
	m, ok := p.number(j + 1)
	if !ok || !p.items[j+1].digits || !n.digits || m.ordinal {
		return unitDef{}, false
	}
	if p.elliptic(m) {
		return p.countedBefore(n) // "120 и 280 единиц": units of what the sentence counts
	}
	u, _ := p.unitAfter(m.last + 1)
	if u < 0 || timeLike(p.v.units[u].category) {
		return unitDef{}, false
	}
	return p.v.units[u], true
}

// referring tells a count of states that refers to them rather than counting: "2 nations meet",
// the two sides of a bilateral treaty, or a number the names after it list ("the nine
// nuclear-armed states—the United States, Russia, ...", "девять ядерных государств — США, ...").
// A count the words tie to a treaty (parties_count) or bound by a comparator still counts.
func (p *parser) referring(f Figure, n number, j int) bool {
	if f.Unit != "state" || f.Category != "other" || f.explicit {
		return false
	}
	return n.value == 2 || p.namesFollow(j)
}

// namesFollow tells a list of names set off at item j by a dash or bracket: a capitalised
// word, then a comma within a few words.
func (p *parser) namesFollow(j int) bool {
	if j+1 >= len(p.items) || !(isDash(p.items[j].word) || p.items[j].word == "(") {
		// (after a colon the list spells out a count: "recognizes five nuclear-weapon states: ...")
		return false
	}
	k := j + 1
	if p.items[k].is(kDet) && k+1 < len(p.items) {
		k++
	}
	if r, _ := utf8.DecodeRuneInString(p.items[k].word); !unicode.IsUpper(r) {
		return false
	}
	for ; k < len(p.items) && k <= j+6; k++ {
		if p.items[k].word == "," {
			return true
		}
	}
	return false
}

// fractionOf reads the unit of a fraction of one: "a quarter of a megaton", "half a mile". It
// returns the unit and its item.
func (p *parser) fractionOf(n number) (int, int, bool) {
	if !n.frac {
		return 0, 0, false
	}
	j := n.last + 1
	if j < len(p.items) && strings.EqualFold(p.items[j].word, "of") {
		j++
	}
	if j < len(p.items) && p.items[j].is(kArt) {
		j++
	}
	if j == n.last+1 {
		return 0, 0, false
	}
	u, ok := p.unitAt(j)
	return u, j, ok
}

// titleCase tells a headline written in title case: most words of four letters or more begin
// with a capital.
func titleCase(items []item) bool {
	words, caps := 0, 0
	for _, it := range items {
		if it.punct || it.digits || utf8.RuneCountInString(it.word) < 4 {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(it.word); unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*4 >= words*3
}

// carriedOn reads a number without its noun that stands on carriers: "no more than 2,160 on
// deployed SLBMs", "1540 развернутых на 154 тяжелых МБР" count warheads, deployed when a deployed
// cue is among the words. It returns the unit and the carrier's item.
func (p *parser) carriedOn(n number) (unitDef, int, bool) {
	if n.ordinal || n.article || n.frac || n.value < 2 {
		return unitDef{}, 0, false
	}
	j := n.last + 1
	for ; j < len(p.items) && j <= n.last+3 && !p.items[j].is(kOn); j++ {
		if it := p.items[j]; !(it.is(kMod) || it.is(kBare) || hasKey(it, kCue) || p.v.modifierLike(it)) {
			return unitDef{}, 0, false
		}
	}
	if j >= len(p.items) || !p.items[j].is(kOn) {
		return unitDef{}, 0, false
	}
	for k := j + 1; k < len(p.items) && k <= j+4; k++ {
		if it := p.items[k]; it.punct || it.digits && k > j+1 {
			break
		}
		u, ok := p.unitAt(k)
		if !ok {
			continue
		}
		if !carrier(p.v.units[u].id) {
			break
		}
		w := p.unitIndex("warhead")
		def := p.v.units[w]
		for i := n.last + 1; i <= j; i++ {
			for _, key := range p.items[i].keys {
				if c, ok := cueIndex(key); ok && p.v.cues[c].units["warhead"] && !p.v.cues[c].sentence {
					def.category = p.v.cues[c].category
				}
			}
		}
		def.keep = true
		if p.items[j+1].digits {
			return def, j, true // "1540 развернутых на 154 тяжелых МБР": the carriers are a figure of their own
		}
		return def, k, true
	}
	return unitDef{}, 0, false
}

// frequency reads "twice a year", "three times a month", "once annually": how often something is
// done is a figure (without a unit). It returns the period's last item.
func (p *parser) frequency(n number) (int, bool) {
	k := n.last + 1
	if !n.times {
		if n.ordinal || n.frac || n.article || k >= len(p.items) || !strings.EqualFold(p.items[k].word, "times") {
			return n.last, false
		}
		k++
	}
	if k >= len(p.items) {
		return n.last, false
	}
	it := p.items[k]
	if p.v.words.periodic[strings.ToLower(it.word)] {
		return k, true
	}
	if (it.is(kArt) || p.v.words.per[strings.ToLower(it.word)]) && k+1 < len(p.items) {
		if u, ok := p.unitAt(k + 1); ok && p.v.units[u].category == "duration" {
			return k + 1, true
		}
	}
	return n.last, false
}

// ratio reads a multiple: "23 times the deal's cap", "three times as many flights", "в три
// раза больше", "twice as many". It returns the ratio word's item.
func (p *parser) ratio(n number) (int, bool) {
	if n.ordinal || n.frac || n.article {
		return 0, false
	}
	k := n.last + 1
	if !n.times {
		if k >= len(p.items) || !p.items[k].is(kRatio) {
			return 0, false
		}
		if n.first > 0 && p.items[n.first-1].is(kRatioLead) {
			return k, true // "в 23 раза"
		}
		k++
	}
	if k < len(p.items) && p.items[k].is(kRatioNext) {
		return k - 1, true
	}
	return 0, false
}

// record adds a figure read without a unit search (a frequency), with the comparator before it.
func (p *parser) record(n number, last int, f Figure) {
	f.Start, f.End = p.items[n.first].start, p.items[last].end
	if op, s, ok := p.comparatorBefore(n.first); ok {
		f.Comparator, f.explicit, f.Start = op, true, s
	}
	f.limitCue = p.limitCue
	p.figs = append(p.figs, f)
	p.ends = append(p.ends, last)
	p.bareSeq = 0
}

// year tells a number written like a year (1900..2100, no separators).
func (n number) year(p *parser) bool {
	return n.digits && n.plainInt && n.value >= 1900 && n.value <= 2100
}

// designatorWord tells an all-capitals word without vocabulary meaning (not ICBM, not US) just
// before a number: the two are a model name.
func designatorWord(w, num item) bool {
	return !w.punct && len(w.keys) == 0 && utf8.RuneCountInString(w.word) >= 2 && lang.AllCaps(w.word) &&
		num.start-w.end == 1
}

// notFigure rules out dates, designators, labels and times.
func (p *parser) notFigure(n number) bool {
	it := p.items[n.first]
	for _, b := range p.blocked {
		if it.start < b.end && b.start < it.end {
			return true
		}
	}
	if n.first > 0 && (p.items[n.first-1].is(kMonth) || p.items[n.first-1].is(kLabel)) {
		return true
	}
	if n.first > 1 && p.items[n.first-1].word == "." && p.items[n.first-2].is(kMonth) {
		return true // "Sept. 23, 1992"
	}
	if n.last+1 < len(p.items) && p.items[n.last+1].is(kMonth) {
		return true
	}
	if !n.digits {
		return false
	}
	if n.year(p) {
		// a year is a date unless a counted thing follows at once ("2000 warheads"), not a name
		// ("the 1988 Ballistic Missile Launch Notification Agreement")
		u, ok := p.unitAt(n.last + 1)
		return !ok || p.v.units[u].category == "duration" || capitalized(p.items[n.last+1].word)
	}
	if attached := n.last+1 < len(p.items) && p.items[n.last+1].start == p.items[n.last].end; n.first > 0 && n.plainInt && !attached &&
		designatorWord(p.items[n.first-1], it) {
		return true // "RTX 3070", "DF 41": a model's number
	}
	before, _ := utf8.DecodeLastRuneInString(p.text[:it.start])
	if unicode.IsLetter(before) || before == '/' || before == '№' || before == '#' {
		return true
	}
	if strings.ContainsRune("-‐‑", before) && it.start > 1 {
		r2, _ := utf8.DecodeLastRuneInString(p.text[:it.start-utf8.RuneLen(before)])
		if unicode.IsLetter(r2) {
			return true // RS-24, Tu-160, COVID-19
		}
	}
	rest := p.text[p.items[n.last].end:]
	if after, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(after) {
		if _, ok := p.unitAt(n.last + 1); !ok {
			return true // 9M729, 5th: designators and ordinals
		}
	}
	if strings.HasPrefix(rest, ":") && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' {
		return true // 13:05
	}
	return false
}
