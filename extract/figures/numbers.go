package figures

import (
	"strings"

	"github.com/armswatch/armswatch/extract/lang"
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
	unitItem    int  // the item of a unit the number is written with ("на год", "a mile and a half"), or 0
	times       bool // "twice", "once": how often
}

// hyphenLong tells "month-long", "year-long" at item i.
func (p *parser) hyphenLong(i int) bool {
	return i+2 < len(p.items) && p.items[i+1].word == "-" && strings.EqualFold(p.items[i+2].word, "long")
}

// number composes the number starting at item i, if any.
func (p *parser) number(i int) (number, bool) {
	it := p.items[i]
	switch {
	case it.digits:
		n := number{first: i, last: i, value: it.value, digits: true, plainInt: it.plainInt}
		if i+1 < len(p.items) && p.items[i+1].start == it.end && p.v.words.ordinalSuffix[strings.ToLower(p.items[i+1].word)] && it.plainInt {
			n.last, n.ordinal, n.plainInt = i+1, true, false // "the 34th such test"
			return n, true
		}
		if i+2 < len(p.items) && p.items[i+1].word == "-" && p.items[i+1].start == it.end && p.items[i+2].start == p.items[i+1].end &&
			p.v.words.ordinalRU[strings.ToLower(p.items[i+2].word)] && it.plainInt {
			n.last, n.ordinal, n.plainInt = i+2, true, false // "50-й сессией"
			return n, true
		}
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
		if n, ok := p.articleUnit(i); ok {
			return n, true
		}
		if u, ok := p.unitAt(i + 1); ok && p.v.units[u].category == "duration" &&
			(i > 0 && (p.items[i-1].is(kTrig) || hasKey(p.items[i-1], kCmp)) || p.hyphenLong(i+1)) {
			return number{first: i, last: i, value: 1, article: true}, true // "for a year", "a month-long"
		}
	case it.is(kTrig) && lang.HasCyrillic(it.word) && i+1 < len(p.items):
		// "на год", "в течение года": a Russian time unit in the singular after its preposition
		if u, ok := p.unitAt(i + 1); ok && p.v.units[u].category == "duration" && p.v.words.singularRU[strings.ToLower(p.items[i+1].word)] {
			return number{first: i + 1, last: i + 1, value: 1, article: true, unitItem: i + 1}, true
		}
	case hasKey(it, kFrac) && !hasKey(it, kOrd):
		f, _ := it.float(kFrac)
		return number{first: i, last: i, value: 1 / f, frac: true}, true
	case hasKey(it, kTimes):
		x, _ := it.float(kTimes)
		return number{first: i, last: i, value: x, times: true}, true
	case hasKey(it, kOrd):
		o, _ := it.float(kOrd)
		return number{first: i, last: i, value: o, ordinal: true}, true
	}
	return number{}, false
}

// articleUnit reads an article that counts one of the unit after it: "a mile and a half" (1.5),
// "less than a ton" (1, after a comparator of more than one word: "under a treaty" counts
// nothing).
func (p *parser) articleUnit(i int) (number, bool) {
	u, ok := p.unitAt(i + 1)
	if !ok {
		return number{}, false
	}
	if i+2 < len(p.items) {
		if h, ok := p.items[i+2].float(kNum); ok && h == 0.5 {
			return number{first: i, last: i + 2, value: 1.5, unitItem: i + 1}, true
		}
	}
	if i > 0 && hasKey(p.items[i-1], kCmp) && strings.Contains(p.items[i-1].word, " ") && p.v.units[u].category != "duration" {
		return number{first: i, last: i + 1, value: 1, unitItem: i + 1}, true
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
		} else if (it.word == "-" && tens(cur) || it.is(kRangeAnd) && j > i && hasKey(p.items[j-1], kScale) && j+1 < len(p.items) && hasKey(p.items[j+1], kNum)) &&
			j+1 < len(p.items) && (hasKey(p.items[j+1], kNum) || hasKey(p.items[j+1], kFrac)) {
			// "twenty-five", "two hundred and fifty"; but "between six and twelve" and "двух-трёх" are ranges
			continue
		} else if it.word == "-" && j+1 < len(p.items) && hasKey(p.items[j+1], kFrac) {
			continue // "two-thirds"
		} else {
			break
		}
	}
	n.value = total + cur
	return n
}

// tens tells a number word that a unit may follow with a hyphen: "twenty-", "ninety-".
func tens(v float64) bool {
	return v >= 20 && v < 100 && int(v)%10 == 0
}

func hasKey(it item, kind string) bool {
	_, ok := it.get(kind)
	return ok
}
