package figures

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

// unitAt returns the unit entry of item i when it names one (and stands after numbers).
func (p *parser) unitAt(i int) (int, bool) {
	if i < 0 || i >= len(p.items) {
		return 0, false
	}
	it := p.items[i]
	if it.punct {
		if it.word != "%" {
			return 0, false
		}
		if u, ok := p.v.symbols[it.word]; ok {
			return p.unitIndex(u), true
		}
		return 0, false
	}
	if len(it.keys) == 0 {
		return 0, false // a word of no phrase names no unit (most words: no checks below)
	}
	if it.word == "s" && !p.secondsMark(i) {
		return 0, false // "Russia's", "the 1990s"
	}
	if i > 0 && !p.inLabel && !p.titled && capitalized(firstWord(it.word)) && !strings.HasPrefix(it.word, "М") && it.word != "Mt" {
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

// secondsMark tells an "s" written onto a number that counts seconds ("4,135s"), not a decade
// ("the 80s").
func (p *parser) secondsMark(i int) bool {
	if i == 0 {
		return false
	}
	n := p.items[i-1]
	return n.digits && n.end == p.items[i].start && !(n.plainInt && int64(n.value)%10 == 0)
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
				if c, ok := cueIndex(key); ok &&
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

// unitAfter finds the counted thing after a number, across modifiers ("1,550 deployed strategic
// warheads", "a five-year extension"). It returns the unit entry and its item, or -1.
func (p *parser) unitAfter(i int) (int, int) {
	named, sawOf, names := "", false, false
	for j, skipped := i, 0; j < len(p.items) && skipped <= 5 && j < i+12; j++ {
		if j == i && (p.items[j].is(kJoin) || p.items[j].is(kRangeAnd)) && p.numberAhead(j+1) {
			return -1, -1 // "to 700 and deployed and non-deployed launchers to 800": the list's next item
		}
		if u, ok := p.unitAt(j); ok {
			if j > i+1 && p.items[j-1].word == "-" && !p.items[j-2].digits && !p.items[j-2].punct && p.items[j-2].end == p.items[j-1].start {
				return -1, -1 // "2.8 gigawatt-hours": the unit is another compound's tail
			}
			if k := p.unitIndex(named); k >= 0 && p.v.units[u].id == "missile" {
				return k, j // "400 Sentinel missiles" are ICBMs
			}
			for j+1 < len(p.items) && (j == 0 || p.items[j-1].word != "-") && p.items[j+1].start > p.items[j].end {
				u2, ok := p.unitAt(j + 1)
				if !ok || !p.compoundHead(u, u2) {
					break
				}
				u, j = u2, j+1 // "16 ICBM tests", "4,900 ballistic missile warheads": the compound's head is counted
			}
			return u, j
		}
		it := p.items[j]
		if j == i && j+1 < len(p.items) && !p.numberAt(j+1) {
			if _, _, ok := p.comparatorAfter(j); ok {
				continue // "ten or more warheads": the comparator stands before the counted thing
			}
		}
		if it.is(kOn) {
			return -1, -1 // "no more than 2,160 on deployed SLBMs": carried on them (carriedOn), not them
		}
		if strings.HasPrefix(strings.ToLower(it.word), "of") && (it.is(kMod) || it.is(kFill)) {
			sawOf = true
		}
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
		case it.word == "-" || it.word == "‑" || it.is(kMod) || hasKey(it, kCue) || it.is(kFill) && j == i || p.v.modifierLike(it):
		case it.word == "," && j > i && j+1 < len(p.items) && capitalized(p.items[j-1].word) && capitalized(p.items[j+1].word) &&
			len(p.items[j-1].keys) == 0:
			// "30 European, Central Asian and North American countries": a list of names before the counted thing
			names = true
			continue
		case p.compound(j) || capitalized(it.word) && !it.punct && (len(it.keys) == 0 || hasKey(it, kNum) && j > i || it.is(kLabel)):
			// "Type One inspections"
			// "short-notice", "North Korea's": compounds and names before the counted thing
			if names {
				continue
			}
		case (it.word == "'" || it.word == "’") && j+1 < len(p.items) && p.items[j+1].word == "s":
			j++
		case lang.AllCaps(it.word) && j+1 < len(p.items) && p.items[j+1].word == "-" && p.items[j+1].start == it.end,
			it.digits && j > i && p.items[j-1].word == "-" && p.items[j-1].end == it.start:
			// "1,044 IR-6 centrifuges": a designator before the counted thing
		case it.digits && j > i && p.items[j-1].is(kLabel):
			// "the 44 Annex 2 countries"
		case it.digits && j > i && sawOf:
			// "nine of the 44 countries": the counted thing is the partitive's, and 44 is read too
			if p.partitive < 0 {
				p.partitive = j
			}
		case sawOf && hasKey(it, kCmp):
			// "32 of the system's more than 300 monitoring facilities"
		case sawOf && !it.punct && !hasKey(it, kUnit) && j+2 < len(p.items) && (p.items[j+1].word == "'" || p.items[j+1].word == "’") &&
			p.items[j+2].word == "s":
			j += 2 // "the system's"
		default:
			return -1, -1
		}
		skipped++
	}
	return -1, -1
}

// numberAhead tells a number in digits within the next few items of the clause.
func (p *parser) numberAhead(j int) bool {
	for k := j; k < len(p.items) && k < j+8; k++ {
		if p.items[k].digits {
			return true
		}
		if p.items[k].punct && strings.Contains(",;:.", p.items[k].word) {
			return false
		}
	}
	return false
}

// compoundHead tells a unit word that, right after another, is the head of their compound: tests
// and inspections of anything; warheads, launchers and sites of carriers ("missile warheads",
// "ICBM silos", "bomber bases").
func (p *parser) compoundHead(u, u2 int) bool {
	a, b := p.v.units[u], p.v.units[u2]
	if a.category == b.category || a.id == b.id {
		return false
	}
	if b.category == "test_count" || b.category == "inspections" {
		return true
	}
	return carrier(a.id) && (b.id == "warhead" || b.id == "launcher" || b.id == "site")
}

func carrier(id string) bool {
	return id == "icbm" || id == "slbm" || id == "bomber" || id == "missile" || id == "launcher"
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
func (v *vocab) modifierLike(it item) bool {
	w := strings.ToLower(it.word)
	if it.punct || len(it.keys) > 0 || w == "" || it.digits {
		return false
	}
	if lang.HasCyrillic(w) {
		for _, e := range v.words.adjectiveEndsRU {
			if strings.HasSuffix(w, e) {
				return true
			}
		}
		return false
	}
	for _, e := range v.words.adjectiveEnds {
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
		if it.word == "," || it.is(kJoin) || it.is(kRangeAnd) || it.is(kMod) || hasKey(it, kCue) || p.v.modifierLike(it) || it.word == "(" || it.word == ")" || lang.AllCaps(it.word) {
			continue
		}
		break
	}
	return len(kinds) >= 2
}
