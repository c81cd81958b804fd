package figures

import (
	"sort"
	"strings"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/textutil"
)

// document holds what the figures of an article share: its treaty mentions and the spans of
// named weapons (whose designators, RS-24 or Tu-160, are not figures). Both lists are in text
// order and do not overlap (the lexicon takes the longest match and moves past it), so their
// starts and ends both grow: a sentence or a paragraph finds its own by binary search, and the
// cost of a page grows with its length, not with figures times mentions.
type document struct {
	treaties  []lexicon.Match
	paras     []int    // paragraph of each treaty mention
	order     []string // the treaties named, in the order of their first mention
	mainParas map[int]bool
	weapons   []nameSpan
	main      string
	body      string
}

// newDocument gathers the treaty and weapon names of found, the lexicon's matches in body
// (Find(body, 0)).
func newDocument(body string, found []lexicon.Match) *document {
	d := &document{body: body}
	paras := textutil.NewLocator(body)
	for _, m := range found {
		switch m.Class {
		case "treaty":
			d.treaties = append(d.treaties, m)
			d.paras = append(d.paras, paras.At(m.Start))
		case "weapon":
			d.weapons = append(d.weapons, nameSpan{m.Start, m.End, m.Entry.Kind})
		}
	}
	d.renamed()
	count, first := map[string]int{}, map[string]int{}
	for _, m := range d.treaties {
		if count[m.Entry.ID] == 0 {
			first[m.Entry.ID] = m.Start
			d.order = append(d.order, m.Entry.ID)
		}
		count[m.Entry.ID]++
	}
	for _, id := range d.order {
		if n := count[id]; d.main == "" || n > count[d.main] || n == count[d.main] && first[id] < first[d.main] {
			d.main = id
		}
	}
	d.mainParas = map[int]bool{}
	for i, m := range d.treaties {
		if m.Entry.ID == d.main {
			d.mainParas[d.paras[i]] = true
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

// scope is what a sentence sees of the document's treaty mentions: those inside it
// (treaties[sentLo:sentHi]), those of its paragraph (treaties[paraLo:paraHi]) and the treaties
// it names. The zero scope sees none.
type scope struct {
	para                           int
	sentLo, sentHi, paraLo, paraHi int
	named                          []string
}

func (d *document) scope(s lang.Span) scope {
	n := len(d.treaties)
	lo := sort.Search(n, func(i int) bool { return d.treaties[i].Start >= s.Start })
	hi := max(lo, sort.Search(n, func(i int) bool { return d.treaties[i].End > s.End }))
	sc := scope{para: s.Para, sentLo: lo, sentHi: hi}
	sc.paraLo = sort.Search(n, func(i int) bool { return d.paras[i] >= s.Para })
	sc.paraHi = sort.Search(n, func(i int) bool { return d.paras[i] > s.Para })
	for _, m := range d.treaties[lo:hi] {
		if !sc.names(m.Entry.ID) {
			sc.named = append(sc.named, m.Entry.ID)
		}
	}
	return sc
}

// names tells whether the treaty is named in the sentence.
func (sc scope) names(treaty string) bool {
	for _, id := range sc.named {
		if id == treaty {
			return true
		}
	}
	return false
}

// blocked returns, relative to the sentence, the ranges where numbers belong to a name: the
// weapon names that overlap it.
func (d *document) blocked(s lang.Span) []nameSpan {
	var out []nameSpan
	i := sort.Search(len(d.weapons), func(i int) bool { return d.weapons[i].end > s.Start })
	for ; i < len(d.weapons) && d.weapons[i].start < s.End; i++ {
		w := d.weapons[i]
		out = append(out, nameSpan{w.start - s.Start, w.end - s.Start, w.kind})
	}
	return out
}

// nameSpan is a named weapon in the text, with its type (icbm, slbm, bomber, ...).
type nameSpan struct {
	start, end int
	kind       string
}

// treaty is the treaty a figure belongs to: the one named in its sentence (the nearest before
// it, else the first after, unless another figure stands between: "reduced by 5,000 warheads in
// addition to the 9,000 being reduced under START I"), else in its paragraph, else the article's
// main treaty. next is where the sentence's next figure starts.
func (d *document) treaty(sc scope, at, next int) string {
	if t := d.nearest(sc.sentLo, sc.sentHi, at); t != "" && (d.before(sc.sentLo, at) || d.treaties[sc.sentLo].Start < next) {
		return t
	}
	if t := d.nearest(sc.paraLo, sc.paraHi, at); t != "" {
		if d.mainParas[sc.para] {
			return d.main // "the treaty" of a sentence that names none is the article's, when its paragraph names it
		}
		return t
	}
	return d.main
}

// before tells a mention of treaties[lo:] that starts at or before at.
func (d *document) before(lo, at int) bool {
	return lo < len(d.treaties) && d.treaties[lo].Start <= at
}

// nearest is the treaty of the last mention of treaties[lo:hi] that starts at or before at,
// else of the first one.
func (d *document) nearest(lo, hi, at int) string {
	if lo >= hi {
		return ""
	}
	k := lo + sort.Search(hi-lo, func(i int) bool { return d.treaties[lo+i].Start > at })
	if k > lo {
		return d.treaties[k-1].Entry.ID
	}
	return d.treaties[lo].Entry.ID
}

// limits applies the treaties' headline limits (lexicon.md §1.1) to a figure that repeats one:
// a ceiling is "<=" even when the sentence does not say so ("the central limits of 1,550
// deployed warheads"), and the limit's category and unit hold where the words named no narrower
// one (New START's 700 "missiles and bombers" are delivery vehicles, the ABM Treaty's 100
// interceptors are launchers). A figure whose treaty was not named in its sentence goes to the
// article's first-named treaty whose limit it repeats.
//
// A number that borrowed an earlier figure's unit ("the number of vehicles ... 1,136 ..., well
// below the treaty ceilings of 1,600 and 6,000") takes the unit of its treaty's limit it repeats:
// the limit says what it counts better than the figure before it.
func (d *document) limits(lex *lexicon.Lexicon, sc scope, f *Figure) {
	find := func(treaty string) (lexicon.Limit, int, bool) {
		for _, l := range lex.Limits {
			if l.Treaty != treaty {
				continue
			}
			for i, v := range l.Values {
				if v == f.Value && i < len(l.Units) && family(l.Units[i]) == family(f.Unit) && f.Unit != "" &&
					(f.ValueMax == nil || limitHas(l, *f.ValueMax, f.Unit)) {
					return l, i, true // a band repeats the limit end to end ("from 1,700 to 2,200")
				}
			}
		}
		return lexicon.Limit{}, 0, false
	}
	l, i, ok := find(f.Treaty)
	if !ok && f.borrowed {
		l, i, ok = borrowedLimit(lex, f)
	}
	if !ok && !sc.names(f.Treaty) {
		for _, id := range d.order {
			if l, i, ok = find(id); ok {
				f.Treaty = id
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

// borrowedLimit finds the limit of f's treaty that a number with a borrowed unit repeats, in any
// unit. Small numbers and periods repeat too many limits by chance.
func borrowedLimit(lex *lexicon.Lexicon, f *Figure) (lexicon.Limit, int, bool) {
	if f.Value < 100 || f.ValueMax != nil || f.Treaty == "" {
		return lexicon.Limit{}, 0, false
	}
	for _, l := range lex.Limits {
		if l.Treaty != f.Treaty || l.Category == "duration" {
			continue
		}
		for i, v := range l.Values {
			if v == f.Value && i < len(l.Units) {
				return l, i, true
			}
		}
	}
	return lexicon.Limit{}, 0, false
}
