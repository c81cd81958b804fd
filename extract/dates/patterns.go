package dates

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/armswatch/armswatch/extract/lang"
)

// rule is one shape of date mention: a pattern and the function that turns a match into items.
type rule struct {
	name string
	pat  *pattern
	make func(m match) (cand, bool)
	need [][]string // the rule runs only when the text holds one string of every group
}

// pattern is a rule's regexp, compiled on first use: a page needs few of the rules (see need).
type pattern struct {
	re   func() *regexp.Regexp
	year func() bool // every match holds a YEAR: the rule runs only in text with a year-like number
	// win: the words around a digit or literal that every match holds, so the regexp reads only
	// those (windows.go).
	win func() window
	// inWindow: the groups of its rule's need one string of which every match the rule accepts
	// holds itself (a month word; a digit where the pattern demands one), so that a window
	// holding none of a group's strings is not read either
	inWindow [][]string
	// starts: where a match can start (starts.go); nil: the regexp reads every position
	starts func() *starts
}

// maxStartsText bounds the texts searched start by start: each try clears the backtracker's
// record of the rest of the text (the pattern's length times the text's), so on a long text
// (merged windows of a table of figures) the tries would cost more than one plain search.
const maxStartsText = 512

// findAll is re().FindAllStringSubmatchIndex(text, -1), tried only where a match can start in
// a text of at most maxStartsText bytes.
func (p *pattern) findAll(text string) [][]int {
	if s := p.starts(); s != nil && len(text) <= maxStartsText {
		return s.findAll(text)
	}
	return p.re().FindAllStringSubmatchIndex(text, -1)
}

// Pattern pieces. S is a space (ASCII or no-break), YEAR a plausible calendar year.
const (
	S    = `[ \x{00A0}]+`
	YEAR = `((?:19|20)\d\d)`
	DAY  = `([0-3]?\d)`
	ORD  = `(?:st|nd|rd|th)?`
)

var rules = sync.OnceValue(func() []rule {
	// Month and weekday names are matched as any word of their shape and checked against
	// words.txt by the rule's function: small patterns keep the scan cheap.
	const (
		monEN = `(\p{Lu}[a-z]{2,8}\.?)`
		monRU = `([а-яё]{3,9}\.?)`
		dayEN = `(\p{Lu}[a-z]{2,6}day)`
		dayRU = `([а-яё]{4,11})`
	)
	c := func(p string) *pattern {
		return &pattern{
			re:     sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(p) }),
			year:   sync.OnceValue(func() bool { return needsYear(p) }),
			win:    sync.OnceValue(func() window { return windowing(p) }),
			starts: sync.OnceValue(func() *starts { return startsOf(p) }),
		}
	}
	var (
		ruLetter         = []string{"\xd0", "\xd1"} // any Cyrillic letter
		digit            = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
		enMonth, ruMonth = monthScreens()
		ruWeekday        = ruWeekdayScreens()
		num              = [][]string{digit}
		enDate           = [][]string{digit, enMonth}
		ruDate           = [][]string{digit, ruMonth}
		dash             = []string{"-", "–", "—"} // the [–—-] that joins two numbers
		digitDash        = [][]string{digit, dash}
		dayGap           = dayGaps() // a day (DAY ORD) and the space after it
		enDayFirst       = [][]string{digit, enMonth, dayGap}
		lits             = func(w ...string) [][]string { return [][]string{w} }
	)
	rs := []rule{
		// English, absolute.
		{"mdy", c(monEN + S + DAY + ORD + `,?` + S + YEAR), absMDY, enDate},
		{"dmy", c(DAY + ORD + S + `(?:of` + S + `)?` + monEN + `,?` + S + YEAR), absDMY, enDayFirst},
		{"iso", c(YEAR + `-(\d\d)-(\d\d)`), absISO, num},
		{"my", c(monEN + `,?` + S + YEAR), absMY, enDate},
		{"md", c(monEN + S + DAY + ORD), absMD, enDate},
		{"dm", c(DAY + ORD + S + `(?:of` + S + `)?` + monEN), absDM, enDayFirst},
		{"in-month", c(`(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Tt]hrough|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd` + S + `of|[Bb]eginning` + S + `of)` + S + monEN), absMonth, [][]string{enMonth}},
		{"month-range", c(`(?:[Ff]rom|[Bb]etween)` + S + monEN + `,?` + S + YEAR + S + `(?:to|and|until|till|through)` + S + monEN + `,?` + S + YEAR), absMonthRange, enDate},
		{"day-range", c(`(?:[Ff]rom|[Bb]etween)` + S + monEN + S + DAY + ORD + S + `(?:to|and|until|till|through|[–—-])` + S + `(?:` + monEN + S + `)?` + DAY + ORD + `(?:,?` + S + YEAR + `)?`), absDayRange, enDayFirst},
		{"day-dash", c(DAY + `[–—-]` + DAY + S + monEN + `(?:,?` + S + YEAR + `)?`), absDayDash, [][]string{digit, enMonth, dash}},
		{"rel-month", c(`([Ll]ast|[Nn]ext|[Tt]his)` + S + monEN), relMonth, [][]string{enMonth}},
		{"month-rel-year", c(monEN + S + `(?:of` + S + `)?(last|next|this)` + S + `year`), relMonth, [][]string{enMonth, {"year"}}},
		{"ru-month-rel-year", c(`[вВ]` + S + monRU + S + `(прошлого|этого|следующего|будущего|текущего)` + S + `года`), relMonth, [][]string{ruMonth, {"года"}}},
		{"part-of-year", c(`(?:[вВ]` + S + `(?:начале|конце|середине)` + S + `(?:этого` + S + `|текущего` + S + `)?года|[Aa]t` + S + `the` + S + `(?:beginning|start|end)` + S + `of` + S + `the` + S + `year|(?:[Ee]arlier|[Ll]ater)` + S + `in` + S + `the` + S + `year)`), relThisYear, lits("year", "года")},
		{"year-range", c(`(?:[Ff]rom|[Bb]etween)` + S + YEAR + S + `(?:to|and|until|till|through)` + S + YEAR), absYearRange, num},
		{"year-dash", c(YEAR + `[ \x{00A0}]?[–—-][ \x{00A0}]?` + YEAR), absYearRange, digitDash},
		{"year", c(YEAR), absYear, num},
		// Russian, absolute.
		{"ru-dmy", c(DAY + S + monRU + S + YEAR + `(?:` + S + `(?:года|г\.))?`), absDMY, ruDate},
		{"ru-dm", c(DAY + S + monRU), absDM, ruDate},
		{"ru-my", c(`(?:[вВ]` + S + `)?` + monRU + S + YEAR + `(?:` + S + `(?:года|г\.))?`), absMY, ruDate},
		{"ru-month", c(`[вВ]` + S + monRU), absMonth, [][]string{ruMonth}},
		{"ru-year-range", c(`[сС]` + S + YEAR + S + `по` + S + YEAR + S + `(?:год|годы|годах|гг\.)`), absYearRange, [][]string{digit, ruLetter}},
		{"ru-year-dash", c(YEAR + `[–—-]` + YEAR + S + `(?:годах|годы|годов|гг\.)`), absYearRange, [][]string{digit, ruLetter, dash}},
		{"ru-year", c(`(?:(?:[вВ]|[сС]о?|[дД]о|[кК]|[пП]о)` + S + `)?` + YEAR + S + `(?:году|года|год|г\.)`), absYear, [][]string{digit, ruLetter}},
		// Relative.
		{"day-word", c(`(?:[Tt]he` + S + `day` + S + `before` + S + `yesterday|[Tt]he` + S + `day` + S + `after` + S + `tomorrow|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Пп]озавчера|[Пп]ослезавтра|[Сс]егодня|[Вв]чера|[Зз]автра)`), relDay, lits("oday", "esterday", "omorrow", "годня", "чера", "автра")},
		{"period", c(`(?:([Ee]arlier|[Ll]ater)` + S + `)?([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)` + S + `(week|month|year)`), relPeriod, lits("week", "month", "year")},
		{"ru-week", c(`[Нн]а` + S + `(прошлой|этой|следующей|будущей)` + S + `неделе`), relPeriod, lits("неделе")},
		{"ru-period", c(`[Вв]` + S + `(прошлом|этом|следующем|будущем|текущем)` + S + `(месяце|году)`), relPeriod, lits("месяце", "году")},
		{"ago", c(`(\d{1,3}|\p{L}+)` + S + `(days?|weeks?|months?|years?)` + S + `ago`), relAgo, lits(" ago")},
		{"ru-ago", c(`(?:(\d{1,3}|\p{L}+)` + S + `)?(день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)` + S + `назад`), relAgo, lits("назад")},
		{"weekday", c(`(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n)` + S + `)?` + dayEN), relWeekday, lits("day")},
		{"ru-weekday", c(`(?:[вВ]` + S + `ночь` + S + `на|[вВ]о?)` + S + `(?:(прошлый|прошлую|прошлое|следующий|следующую|следующее|этот|эту|это)` + S + `)?` + dayRU), relWeekday, [][]string{ruLetter, ruWeekday}},
	}
	for i := range rs {
		rs[i].pat.inWindow = matchNeeds(rs[i], digit, enMonth, ruMonth, ruWeekday, dash, dayGap)
	}
	return rs
})

// matchNeeds returns the groups of r.need that every match r accepts holds: the month screens
// (every month rule rejects a word lang.Month does not know, and each known form starts with
// one of its screens), the Russian weekday screens (relWeekday likewise rejects a word
// lang.Weekday does not know), the dashes of the rules whose pattern joins two numbers with one, the day
// and space of those whose pattern puts a space after a day, and the digits when the pattern
// cannot match without one. Other groups (" ago" of "ago" after a no-break space) hold for the
// paragraph only.
func matchNeeds(r rule, digit, enMonth, ruMonth, ruWeekday, dash, dayGap []string) [][]string {
	var out [][]string
	for _, g := range r.need {
		switch {
		case len(g) == 0:
		case &g[0] == &enMonth[0], &g[0] == &ruMonth[0], &g[0] == &ruWeekday[0], &g[0] == &dash[0], &g[0] == &dayGap[0]:
			out = append(out, g)
		case &g[0] == &digit[0] && r.pat.win().digit:
			out = append(out, g)
		}
	}
	return out
}

// ruWeekdayScreens returns the first three letters of every Russian weekday form ("пят" of
// "пятницу"): a Russian weekday rule's match names a weekday only if it holds one (the pattern
// takes any lower-case word of its length and relWeekday looks it up). The forms are lower
// case, as the pattern's word is.
func ruWeekdayScreens() []string {
	var out []string
	for _, f := range lang.WeekdayForms() {
		if rs := []rune(f); unicode.Is(unicode.Cyrillic, rs[0]) {
			if p := string(rs[:min(3, len(rs))]); !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// dayGaps are the strings one of which every DAY ORD S holds: a digit or an ordinal suffix, then
// a space or a no-break space ("5 May", "5th of May"; "May 5, 2020" has none).
func dayGaps() []string {
	var out []string
	for _, end := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "st", "nd", "rd", "th"} {
		out = append(out, end+" ", end+"\u00a0")
	}
	return out
}

// needsYear tells whether every match of the pattern holds a YEAR (outside any optional part).
func needsYear(pattern string) bool {
	t, err := syntax.Parse(pattern, syntax.Perl)
	y, err2 := syntax.Parse(YEAR, syntax.Perl)
	if err != nil || err2 != nil {
		return false
	}
	return requires(t, y.Sub[0].String())
}

// requires tells whether every match of t matches a capture group whose body prints as want.
func requires(t *syntax.Regexp, want string) bool {
	switch t.Op {
	case syntax.OpCapture:
		return t.Sub[0].String() == want || requires(t.Sub[0], want)
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if requires(s, want) {
				return true
			}
		}
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !requires(s, want) {
				return false
			}
		}
		return len(t.Sub) > 0
	case syntax.OpPlus:
		return requires(t.Sub[0], want)
	case syntax.OpRepeat:
		return t.Min > 0 && requires(t.Sub[0], want)
	}
	return false
}

// hasYearLike tells whether text holds what YEAR matches: 19 or 20 and two more digits.
func hasYearLike(text string) bool {
	for i := 0; i+3 < len(text); i++ {
		if (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') && isDigit(text[i+2]) && isDigit(text[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// match is one regexp match inside body.
type match struct {
	rule       string
	body       string
	start, end int
	groups     []string // submatches (index 1..)
	ctx        *context
}

// bounded reports whether body[start:end] stands as its own words (no letter or digit glued on
// either side); RE2's \b knows ASCII only.
func bounded(body string, start, end int) bool {
	if start > 0 {
		r := lastRune(body[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(body) {
		r := firstRune(body[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func lastRune(s string) rune {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r := []rune(s[i:])
			if len(r) > 0 {
				return r[0]
			}
		}
	}
	return 0
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// monthScreens returns the strings one of which a text must hold to name a month: the first three
// letters of every month form of the shared word classes, capitalised in English ("Sep" of
// "September" and "Sept."), as written in Russian ("мая", "янв" of "января").
func monthScreens() (en, ru []string) {
	seen := map[string]bool{}
	for _, f := range lang.MonthForms() {
		rs := []rune(strings.TrimSuffix(f, "."))
		p := string(rs[:min(3, len(rs))])
		cyr := unicode.Is(unicode.Cyrillic, rs[0])
		if !cyr {
			p = strings.ToUpper(p[:1]) + p[1:]
		}
		if seen[p] {
			continue
		}
		seen[p] = true
		if cyr {
			ru = append(ru, p)
		} else {
			en = append(en, p)
		}
	}
	sort.Strings(en)
	sort.Strings(ru)
	return en, ru
}
