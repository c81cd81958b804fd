package dates

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
)

func regexpQuote(s string) string { return regexp.QuoteMeta(s) }

func sortByLenDesc(s []string) {
	sort.Slice(s, func(i, j int) bool {
		if len(s[i]) != len(s[j]) {
			return len(s[i]) > len(s[j])
		}
		return s[i] < s[j]
	})
}

// alternations of words.txt, split by script: English month names must be capitalised ("May",
// "March" are also words), Russian ones are lowercase inside a sentence.
type alts struct {
	monEN, monENFull, monRU, dayEN, dayRU string
}

var wordAlts = sync.OnceValue(func() alts {
	en, enFull, ru := map[string]int{}, map[string]int{}, map[string]int{}
	for w, n := range words().month {
		if isCyrillic(w) {
			ru[w] = n
			continue
		}
		c := strings.ToUpper(w[:1]) + w[1:]
		en[c] = n
		if len(strings.TrimSuffix(w, ".")) > 4 || w == "may" || w == "june" || w == "july" {
			enFull[c] = n
		}
	}
	dEN, dRU := map[string]int{}, map[string]int{}
	for w, n := range words().weekday {
		if isCyrillic(w) {
			dRU[w] = n
		} else {
			dEN[strings.ToUpper(w[:1])+w[1:]] = n
		}
	}
	return alts{alternation(en), alternation(enFull), alternation(ru), alternation(dEN), alternation(dRU)}
})

func isCyrillic(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// rule is one shape of date mention: a pattern and the function that turns a match into items.
type rule struct {
	name string
	re   *regexp.Regexp
	make func(m match) (cand, bool)
}

// Pattern pieces. S is a space (ASCII or no-break), YEAR a plausible calendar year.
const (
	S    = `[ \x{00A0}]+`
	YEAR = `((?:19|20)\d\d)`
	DAY  = `([0-3]?\d)`
	ORD  = `(?:st|nd|rd|th)?`
)

var rules = sync.OnceValue(func() []rule {
	a := wordAlts()
	monEN, monFull, monRU := `(`+a.monEN+`)`, `(`+a.monENFull+`)`, `(`+a.monRU+`)`
	c := regexp.MustCompile
	rs := []rule{
		// English, absolute.
		{"mdy", c(monEN + S + DAY + ORD + `,?` + S + YEAR), absMDY},
		{"dmy", c(DAY + ORD + S + `(?:of` + S + `)?` + monEN + `,?` + S + YEAR), absDMY},
		{"iso", c(YEAR + `-(\d\d)-(\d\d)`), absISO},
		{"my", c(monEN + `,?` + S + YEAR), absMY},
		{"md", c(monEN + S + DAY + ORD), absMD},
		{"dm", c(DAY + ORD + S + `(?:of` + S + `)?` + monEN), absDM},
		{"in-month", c(`(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Tt]hrough|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd` + S + `of|[Bb]eginning` + S + `of)` + S + monFull), absMonth},
		{"month-range", c(`(?:[Ff]rom|[Bb]etween)` + S + monEN + `,?` + S + YEAR + S + `(?:to|and|until|till|through)` + S + monEN + `,?` + S + YEAR), absMonthRange},
		{"day-range", c(`(?:[Ff]rom|[Bb]etween)` + S + monEN + S + DAY + ORD + S + `(?:to|and|until|till|through|[–—-])` + S + `(?:` + monEN + S + `)?` + DAY + ORD + `(?:,?` + S + YEAR + `)?`), absDayRange},
		{"day-dash", c(DAY + `[–—-]` + DAY + S + monEN + `(?:,?` + S + YEAR + `)?`), absDayDash},
		{"rel-month", c(`([Ll]ast|[Nn]ext|[Tt]his)` + S + monFull), relMonth},
		{"month-rel-year", c(monFull + S + `(?:of` + S + `)?(last|next|this)` + S + `year`), relMonth},
		{"ru-month-rel-year", c(`[вВ]` + S + monRU + S + `(прошлого|этого|следующего|будущего|текущего)` + S + `года`), relMonth},
		{"part-of-year", c(`(?:[вВ]` + S + `(?:начале|конце|середине)` + S + `(?:этого` + S + `|текущего` + S + `)?года|[Aa]t` + S + `the` + S + `(?:beginning|start|end)` + S + `of` + S + `the` + S + `year|(?:[Ee]arlier|[Ll]ater)` + S + `in` + S + `the` + S + `year)`), relThisYear},
		{"year-range", c(`(?:[Ff]rom|[Bb]etween)` + S + YEAR + S + `(?:to|and|until|till|through)` + S + YEAR), absYearRange},
		{"year-dash", c(YEAR + `[ \x{00A0}]?[–—-][ \x{00A0}]?` + YEAR), absYearRange},
		{"year", c(YEAR), absYear},
		// Russian, absolute.
		{"ru-dmy", c(DAY + S + monRU + S + YEAR + `(?:` + S + `(?:года|г\.))?`), absDMY},
		{"ru-dm", c(DAY + S + monRU), absDM},
		{"ru-my", c(`(?:[вВ]` + S + `)?` + monRU + S + YEAR + `(?:` + S + `(?:года|г\.))?`), absMY},
		{"ru-month", c(`[вВ]` + S + monRU), absMonth},
		{"ru-year-range", c(`[сС]` + S + YEAR + S + `по` + S + YEAR + S + `(?:год|годы|годах|гг\.)`), absYearRange},
		{"ru-year-dash", c(YEAR + `[–—-]` + YEAR + S + `(?:годах|годы|годов|гг\.)`), absYearRange},
		{"ru-year", c(`(?:(?:[вВ]|[сС]о?|[дД]о|[кК]|[пП]о)` + S + `)?` + YEAR + S + `(?:году|года|год|г\.)`), absYear},
		// Relative.
		{"day-word", c(`(?i)(?:the` + S + `day` + S + `before` + S + `yesterday|the` + S + `day` + S + `after` + S + `tomorrow|today|yesterday|tomorrow|позавчера|послезавтра|сегодня|вчера|завтра)`), relDay},
		{"period", c(`(?i)(?:(earlier|later)` + S + `)?(last|next|this|past|coming)` + S + `(week|month|year)`), relPeriod},
		{"ru-week", c(`(?i)на` + S + `(прошлой|этой|следующей|будущей)` + S + `неделе`), relPeriod},
		{"ru-period", c(`(?i)в` + S + `(прошлом|этом|следующем|будущем|текущем)` + S + `(месяце|году)`), relPeriod},
		{"ago", c(`(?i)(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)` + S + `(days?|weeks?|months?|years?)` + S + `ago`), relAgo},
		{"ru-ago", c(`(?i)(\d{1,3}|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)?` + `[ \x{00A0}]*` + `(день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)` + S + `назад`), relAgo},
		{"weekday", c(`(?:([Ll]ast|[Nn]ext|[Tt]his|[Oo]n)` + S + `)?(` + a.dayEN + `)`), relWeekday},
		{"ru-weekday", c(`(?:[вВ]о?|[вВ]` + S + `ночь` + S + `на)` + S + `(?:(прошлый|прошлую|прошлое|следующий|следующую|следующее|этот|эту|это)` + S + `)?(` + a.dayRU + `)`), relWeekday},
	}
	return rs
})

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
