package figures

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// number is a number composed of one or more items: "1.5 million", "seven hundred",
// "twenty-five", "a year" (an article before a time unit), "sixth" (an ordinal).
type number struct {
	first, last int // item indexes
	value       float64
	digits      bool
	plainInt    bool
	article     bool
	ordinal     bool
	frac        bool
	unitOnly    bool // the number is the unit word itself ("на год")
}

// singularRU are Russian time units that mean "one" on their own after a preposition.
var singularRU = map[string]bool{"год": true, "года": true, "месяц": true, "месяца": true, "неделю": true, "недели": true,
	"день": true, "дня": true, "сутки": true, "суток": true}

// hyphenLong tells "month-long", "year-long" at item i.
func (p *parser) hyphenLong(i int) bool {
	return i+2 < len(p.items) && p.items[i+1].word == "-" && strings.EqualFold(p.items[i+2].word, "long")
}

// parser reads the figures of one sentence.
type parser struct {
	v       *vocab
	text    string
	items   []item
	blocked []nameSpan
	figs    []Figure
	ends    []int   // last item index of each figure (for lists and windows)
	prev    *Figure // the last figure of the paragraph's earlier sentences
	bareSeq int     // bare numbers read since the last full figure ("540 and 1,549, respectively")
	// limitCue: the sentence speaks of limits, so a treaty's headline number in it is a ceiling
	limitCue bool
	// partitive is the inner number of "nine of the 44 countries", read after the outer one
	partitive int
	inLabel   bool // reading a table label, whose words are capitalised ("Deployed Heavy Bombers: 651")
}

func (v *vocab) sentence(text string, blocked []nameSpan, prev *Figure) []Figure {
	p := &parser{v: v, text: text, items: v.items(text), blocked: blocked, prev: prev}
	for _, it := range p.items {
		if it.is(kLimit) {
			p.limitCue = true
		}
	}
	for i := 0; i < len(p.items); {
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
	return p.figs
}

// number composes the number starting at item i, if any.
func (p *parser) number(i int) (number, bool) {
	it := p.items[i]
	switch {
	case it.digits:
		n := number{first: i, last: i, value: it.value, digits: true, plainInt: it.plainInt}
		if i+1 < len(p.items) {
			if s, ok := p.items[i+1].float(kScale); ok {
				n.value *= s
				n.last, n.plainInt = i+1, false
				if i+2 < len(p.items) && p.items[i+2].word == "." && len(p.items[i+1].word) <= 6 {
					n.last = i + 2 // "1,5 тыс.", "5 bn."
				}
			}
		}
		return n, true
	case hasKey(it, kNum):
		return p.words(i), true
	case it.is(kArt) && i+1 < len(p.items):
		next := p.items[i+1]
		if s, ok := next.float(kScale); ok {
			return number{first: i, last: i + 1, value: s}, true
		}
		if u, ok := p.unitAt(i + 1); ok && p.v.units[u].category == "duration" &&
			(i > 0 && (p.items[i-1].is(kTrig) || hasKey(p.items[i-1], kCmp)) || p.hyphenLong(i+1)) {
			return number{first: i, last: i, value: 1, article: true}, true // "for a year", "a month-long"
		}
	case it.is(kTrig) && hasCyrillic(it.word) && i+1 < len(p.items):
		// "на год", "в течение года": a Russian time unit in the singular after its preposition
		if u, ok := p.unitAt(i + 1); ok && p.v.units[u].category == "duration" && singularRU[strings.ToLower(p.items[i+1].word)] {
			return number{first: i + 1, last: i + 1, value: 1, article: true, unitOnly: true}, true
		}
	case hasKey(it, kFrac) && !hasKey(it, kOrd):
		f, _ := it.float(kFrac)
		return number{first: i, last: i, value: 1 / f, frac: true}, true
	case hasKey(it, kOrd):
		o, _ := it.float(kOrd)
		return number{first: i, last: i, value: o, ordinal: true}, true
	}
	return number{}, false
}

// words composes number words: "seven", "twenty-five", "seven hundred", "two and a half
// thousand", "two-thirds", "полторы тысячи".
func (p *parser) words(i int) number {
	total, cur := 0.0, 0.0
	n := number{first: i, last: i}
	for j := i; j < len(p.items); j++ {
		it := p.items[j]
		if v, ok := it.float(kNum); ok {
			cur += v
			n.last = j
		} else if s, ok := it.float(kScale); ok {
			if cur == 0 {
				cur = 1
			}
			if s == 100 {
				cur *= s
			} else {
				total += cur * s
				cur = 0
			}
			n.last = j
		} else if f, ok := it.float(kFrac); ok && j > i {
			cur /= f
			n.last, n.frac = j, true
			break
		} else if (it.word == "-" || it.is(kRangeAnd) && j+1 < len(p.items) && hasKey(p.items[j+1], kNum)) && j+1 < len(p.items) &&
			(hasKey(p.items[j+1], kNum) || hasKey(p.items[j+1], kFrac)) {
			continue
		} else {
			break
		}
	}
	n.value = total + cur
	return n
}

func hasKey(it item, kind string) bool {
	_, ok := it.get(kind)
	return ok
}

// unitAt returns the unit entry of item i when it names one (and stands after numbers).
func (p *parser) unitAt(i int) (int, bool) {
	if i < 0 || i >= len(p.items) {
		return 0, false
	}
	it := p.items[i]
	if it.punct {
		if u, ok := p.v.symbols[it.word]; ok && it.word == "%" {
			return p.unitIndex(u), true
		}
		return 0, false
	}
	if i > 0 && !p.inLabel && capitalized(firstWord(it.word)) && !strings.HasPrefix(it.word, "М") && it.word != "Mt" {
		return 0, false // "United States", "Ballistic Missile Launch Notification Agreement": names
	}
	for _, k := range it.keys {
		if strings.HasPrefix(k, kUnit) {
			u, _ := strconv.Atoi(k[len(kUnit):])
			if !p.v.units[u].before {
				return u, true
			}
		}
	}
	return 0, false
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

func (p *parser) unitIndex(id string) int {
	for i, u := range p.v.units {
		if u.id == id {
			return i
		}
	}
	return -1
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
	f := Figure{Value: n.value, Comparator: "="}
	start, end := p.items[n.first].start, p.items[n.last].end
	unit, uEnd := p.unitAfter(n.last + 1)
	if n.unitOnly {
		unit, _ = p.unitAt(n.first)
		uEnd = n.first
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
	if u, ok := p.symbolBefore(n.first); ok && unit < 0 {
		unit, uEnd = u, last
		start = p.items[n.first-1].start
	}
	if n.year(p) && (unit < 0 || p.v.units[unit].category == "duration") {
		return last + 1
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
		d, ok := p.bare(n)
		if !ok {
			return last + 1
		}
		def = d
	}
	if uEnd > last {
		last = uEnd
	}
	if n.ordinal && def.category != "test_count" || n.article && def.category != "duration" {
		return last + 1
	}
	if !n.digits && (def.id == "state" || def.id == "person") && (n.first > 0 && p.items[n.first-1].is(kDet) || n.value == 1) {
		return last + 1 // "our two countries", "one Western diplomat": referring phrases
	}
	if p.afterDate(last + 1) {
		return last + 1 // "two years ago": a date
	}
	f.Unit, f.Category = def.id, def.category
	if listEnd, ok := p.vehicleList(unit, uEnd); ok {
		f.Unit, f.Category = "delivery_vehicle", "deployed_delivery_vehicles"
		last = listEnd
	}
	end = p.items[last].end
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
	} else if op, ok := p.inherited(n.first); ok {
		f.Comparator, f.explicit = op, true
	}
	if !n.ordinal && !n.article && !def.keep {
		f.Category = p.cueCategory(f, n.first, uEnd)
	}
	f.Start, f.End, f.limitCue = start, end, p.limitCue
	if def.bare {
		p.bareSeq++
	} else {
		p.bareSeq = 0
	}
	p.figs = append(p.figs, f)
	p.ends = append(p.ends, last)
	return last + 1
}

// label reads the counted thing of a table row "Deployed ICBMs, Deployed SLBMs, and Deployed Heavy
// Bombers: 651" from the words before the colon; it returns the unit and the label's first item.
func (p *parser) label(colon int) (unitDef, int, bool) {
	p.inLabel = true
	defer func() { p.inLabel = false }()
	start := colon
	for start > 0 && !(p.items[start-1].punct && strings.Contains(".;:", p.items[start-1].word)) {
		start--
	}
	for k := start; k < colon; k++ {
		u, ok := p.unitAt(k)
		if !ok {
			continue
		}
		def := p.v.units[u]
		if _, list := p.vehicleList(u, k); list {
			return unitDef{id: "delivery_vehicle", category: "deployed_delivery_vehicles", keep: true}, start, true
		}
		for j := start; j < colon; j++ {
			for _, key := range p.items[j].keys {
				if c, err := strconv.Atoi(strings.TrimPrefix(key, kCue)); err == nil && strings.HasPrefix(key, kCue) &&
					!p.v.cues[c].sentence && p.v.cues[c].units[def.id] {
					def.category = p.v.cues[c].category
				}
			}
		}
		def.keep = true
		return def, start, true
	}
	return unitDef{}, 0, false
}

// bare gives a number without a counted thing the unit it repeats: a unit just before it
// ("caps deployed strategic warheads at 1,550 per side"), else the matching figure of a
// "respectively" list, else the last figure before it in the paragraph ("Israel is thought to
// hold about 90"). Only a number that ends its phrase qualifies.
func (p *parser) bare(n number) (unitDef, bool) {
	if !n.digits && !(n.first == 0 && n.value >= 2) || n.value < 2 || n.ordinal || n.article {
		return unitDef{}, false
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
					if q, err := strconv.Atoi(strings.TrimPrefix(key, kCue)); err == nil && strings.HasPrefix(key, kCue) &&
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

// year tells a number written like a year (1900..2100, no separators).
func (n number) year(p *parser) bool {
	return n.digits && n.plainInt && n.value >= 1900 && n.value <= 2100
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

// unitAfter finds the counted thing after a number, across modifiers ("1,550 deployed strategic
// warheads", "a five-year extension"). It returns the unit entry and its item, or -1.
func (p *parser) unitAfter(i int) (int, int) {
	named := ""
	for j, skipped := i, 0; j < len(p.items) && skipped <= 5; j++ {
		if u, ok := p.unitAt(j); ok {
			if j > i+1 && p.items[j-1].word == "-" && !p.items[j-2].digits && !p.items[j-2].punct && p.items[j-2].end == p.items[j-1].start {
				return -1, -1 // "2.8 gigawatt-hours": the unit is another compound's tail
			}
			if k := p.unitIndex(named); k >= 0 && p.v.units[u].id == "missile" {
				return k, j // "400 Sentinel missiles" are ICBMs
			}
			return u, j
		}
		it := p.items[j]
		kind, inName := p.inName(it)
		if named != "" && it.is(kCounter) {
			return p.unitForKind(named), j // "44 Avangard units"
		}
		switch {
		case inName || it.word == "-":
			// "400 Minuteman III ICBMs", "60 B-52 and B-2 heavy bombers": a weapon's name
			if inName {
				named = kind
			}
			continue
		case it.word == "-" || it.word == "‑" || it.is(kMod) || hasKey(it, kCue) || it.is(kFill) && j == i || modifierLike(it):
		case p.compound(j) || capitalized(it.word) && !it.punct && (len(it.keys) == 0 || hasKey(it, kNum) && j > i || it.is(kLabel)):
			// "Type One inspections"
			// "short-notice", "North Korea's": compounds and names before the counted thing
		case (it.word == "'" || it.word == "’") && j+1 < len(p.items) && p.items[j+1].word == "s":
			j++
		case it.digits && j > i && strings.HasPrefix(strings.ToLower(p.items[j-1].word), "of"):
			// "nine of the 44 countries": the counted thing is the partitive's, and 44 is read too
			p.partitive = j
		default:
			return -1, -1
		}
		skipped++
	}
	return -1, -1
}

// unitForKind maps a weapon type (lexicon.md §3) to a unit: carriers keep theirs, bombs count
// as warheads, the rest as missiles.
func (p *parser) unitForKind(kind string) int {
	switch kind {
	case "icbm", "slbm", "bomber":
		return p.unitIndex(kind)
	case "bomb", "warhead":
		return p.unitIndex("warhead")
	case "ssbn", "submarine":
		return p.unitIndex("item")
	}
	return p.unitIndex("missile")
}

// inName tells an item inside a lexicon weapon name, and the weapon's type.
func (p *parser) inName(it item) (string, bool) {
	for _, b := range p.blocked {
		if it.start >= b.start && it.end <= b.end {
			return b.kind, true
		}
	}
	return "", false
}

// compound tells a word joined to its neighbour by a hyphen ("short-notice").
func (p *parser) compound(j int) bool {
	it := p.items[j]
	if it.punct || len(it.keys) > 0 || it.digits {
		return false
	}
	return j+1 < len(p.items) && p.items[j+1].word == "-" && p.items[j+1].start == it.end ||
		j > 0 && p.items[j-1].word == "-" && p.items[j-1].end == it.start
}

// capitalized tells a word written with a capital and then lower-case letters (a name).
func capitalized(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) {
		return false
	}
	rest := w[size:]
	return strings.ToLower(rest) == rest
}

// modifierLike guesses an adjective or participle outside the modifier list: English -ed, -al,
// -ic, -ive, -ar, -ary endings and compounds; Russian adjective endings.
func modifierLike(it item) bool {
	w := strings.ToLower(it.word)
	if it.punct || len(it.keys) > 0 || w == "" || it.digits {
		return false
	}
	if hasCyrillic(w) {
		for _, e := range []string{"ых", "их", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "ого", "его", "ым", "им", "ыми", "ими", "ому", "ему"} {
			if strings.HasSuffix(w, e) {
				return true
			}
		}
		return false
	}
	for _, e := range []string{"ed", "al", "ic", "ive", "ar", "ary", "ous", "ful", "less"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	return false
}

// symbolBefore reads a currency sign or a unit written before the number ("$1.5 billion",
// "Mach 10").
func (p *parser) symbolBefore(first int) (int, bool) {
	if first == 0 {
		return 0, false
	}
	it := p.items[first-1]
	if it.punct {
		if u, ok := p.v.symbols[it.word]; ok && it.word != "%" {
			if i := p.unitIndex(u); i >= 0 {
				return i, true
			}
		}
		return 0, false
	}
	for _, k := range it.keys {
		if strings.HasPrefix(k, kUnit) {
			u, _ := strconv.Atoi(k[len(kUnit):])
			if p.v.units[u].before {
				return u, true
			}
		}
	}
	return 0, false
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

// vehicleList extends a missile or bomber unit over a list of strategic carriers ("700 deployed
// ICBMs, SLBMs and heavy bombers"): two kinds or more make the unit delivery_vehicle.
func (p *parser) vehicleList(unit, at int) (int, bool) {
	kinds := map[string]bool{}
	if unit < 0 {
		return 0, false
	}
	id := p.v.units[unit].id
	if id != "icbm" && id != "slbm" && id != "bomber" && id != "missile" {
		return 0, false
	}
	kinds[id] = true
	end := at
	for j := at + 1; j < len(p.items); {
		if p.items[j].word == "(" { // "(ICBM)"
			k := j
			for k < len(p.items) && p.items[k].word != ")" && k-j < 5 {
				k++
			}
			if k < len(p.items) && p.items[k].word == ")" {
				j = k + 1
				continue
			}
			break
		}
		if !(p.items[j].word == "," || p.items[j].is(kJoin) || p.items[j].is(kRangeAnd)) {
			break
		}
		for j < len(p.items) && (p.items[j].word == "," || p.items[j].is(kJoin) || p.items[j].is(kRangeAnd)) {
			j++
		}
		u, e := p.unitAfter(j)
		if u < 0 {
			break
		}
		uid := p.v.units[u].id
		if uid != "icbm" && uid != "slbm" && uid != "bomber" && uid != "missile" {
			break
		}
		kinds[uid] = true
		end, j = e, e+1
	}
	n := 0
	for _, k := range []string{"icbm", "slbm", "bomber", "missile"} {
		if kinds[k] {
			n++
		}
	}
	return end, n >= 2
}

// vehicleListBefore tells a list of two carrier kinds or more ending at item k: "МБР, БРПЛ и
// тяжелых бомбардировщиков — 700 единицами".
func (p *parser) vehicleListBefore(k int) bool {
	kinds := map[string]bool{}
	for j := k; j >= 0 && j > k-14; j-- {
		it := p.items[j]
		if u, ok := p.unitAt(j); ok {
			id := p.v.units[u].id
			if id != "icbm" && id != "slbm" && id != "bomber" && id != "missile" {
				break
			}
			kinds[id] = true
			continue
		}
		if it.word == "," || it.is(kJoin) || it.is(kRangeAnd) || it.is(kMod) || hasKey(it, kCue) || modifierLike(it) || it.word == "(" || it.word == ")" || allCapsWord(it.word) {
			continue
		}
		break
	}
	return len(kinds) >= 2
}

func allCapsWord(w string) bool {
	return w != "" && strings.ToUpper(w) == w && strings.ToLower(w) != w
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
	if prev.Comparator == "=" || prev.Comparator == "~" {
		return "", false
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
			if c, err := strconv.Atoi(strings.TrimPrefix(k, kCue)); err == nil && strings.HasPrefix(k, kCue) &&
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
