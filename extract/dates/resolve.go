package dates

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/textutil"
)

// Absolute mentions.

func absMDY(m match) (cand, bool) {
	return dayDate(m, atoi(m.groups[2]), lang.Month(m.groups[0]), atoi(m.groups[1]))
}
func absDMY(m match) (cand, bool) {
	return dayDate(m, atoi(m.groups[2]), lang.Month(m.groups[1]), atoi(m.groups[0]))
}
func absISO(m match) (cand, bool) {
	return dayDate(m, atoi(m.groups[0]), atoi(m.groups[1]), atoi(m.groups[2]))
}
func absMD(m match) (cand, bool) { return yearlessDate(m, lang.Month(m.groups[0]), atoi(m.groups[1])) }
func absDM(m match) (cand, bool) { return yearlessDate(m, lang.Month(m.groups[1]), atoi(m.groups[0])) }

// yearlessDate is dayDate(m, 0, mo, d) whose year, and so value, is read only once pick keeps
// the candidate (see cand.resolve): whether there is one does not wait on the year, for a day
// every year has (not February 29) and a known reference (inferYear's condition).
func yearlessDate(m match, mo, d int) (cand, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 28 && mo == 2 || !m.ctx.hasRef {
		return dayDate(m, 0, mo, d)
	}
	if time.Date(2001, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return cand{}, false // "April 31" in any year
	}
	return cand{kind: KindAbsolute, gran: Day, resolve: func() string {
		y, _ := m.inferYear(mo, d)
		return format(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), Day)
	}}, true
}

// dayDate builds a day-precise absolute date; year 0 takes the reference's (see inferYear).
func dayDate(m match, y, mo, d int) (cand, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return cand{}, false
	}
	if y == 0 {
		var ok bool
		if y, ok = m.inferYear(mo, d); !ok {
			return cand{}, false
		}
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return cand{}, false
	}
	return cand{kind: KindAbsolute, value: format(t, Day), gran: Day}, true
}

func absMY(m match) (cand, bool) {
	mo := lang.Month(m.groups[0])
	if mo == 0 {
		return cand{}, false
	}
	return cand{kind: KindAbsolute, value: format(time.Date(atoi(m.groups[1]), time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Month), gran: Month}, true
}

// absMonth is a month named without a year ("in December", «в августе»).
func absMonth(m match) (cand, bool) {
	mo := lang.Month(m.groups[0])
	if m.rule == "in-month" && (len(m.groups[0]) < 5 && m.groups[0] != "May" && m.groups[0] != "June" && m.groups[0] != "July") {
		return cand{}, false // "in Jan" is too rare to risk "In Mar" of another tongue
	}
	if mo == 0 || !m.ctx.hasRef || followedByNumber(m.body[m.end:]) {
		return cand{}, false // "since October 2021" is the month-year rule's
	}
	return cand{kind: KindAbsolute, gran: Month, resolve: func() string {
		y, _ := m.inferYear(mo, 0)
		return format(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Month)
	}}, true
}

func absYearRange(m match) (cand, bool) {
	from, to := m.groups[0], m.groups[1]
	if len(to) == 2 {
		to = from[:2] + to
	}
	if to <= from {
		return cand{}, false
	}
	return cand{kind: KindAbsolute, value: from, valueEnd: &to, gran: Year}, true
}

// absYear is a year. In English a bare year naming a thing ("the 1987 treaty") or counting one
// ("2010 warheads", "$2010") is not a date; Russian «в 1987 году» always is.
func absYear(m match) (cand, bool) {
	if m.rule == "year" {
		before := strings.TrimRight(m.body[max(0, m.start-60):m.start], " \u00a0")
		after := m.body[m.end:]
		next := strings.ToLower(firstWord(after))
		if strings.HasSuffix(before, "$") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "£") ||
			strings.HasSuffix(before, "#") || strings.HasSuffix(before, "No.") || strings.HasPrefix(after, "%") {
			return cand{}, false
		}
		if quantityWords()[next] {
			return cand{}, false
		}
		if attributive(before, after) {
			return cand{}, false
		}
	}
	return cand{kind: KindAbsolute, value: m.groups[0], gran: Year}, true
}

// yearChain matches the start of a list of years after a determiner ("the 2015 and").
var yearChain = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:the|its|their)[ \x{00A0}]+(?:(?:19|20)\d\d[ \x{00A0}]*(?:,|and|or)[ \x{00A0}]*)+$`)
})

// endsLikeYearChain tells whether text ends as every yearChain match does: with a comma, "and" or
// "or" and spaces. The regexp, tried at every position of the text before each year, was a
// tenth of the date finder's time.
func endsLikeYearChain(text string) bool {
	t := strings.TrimRight(text, " \u00a0")
	n := len(t)
	return strings.HasSuffix(t, ",") || n >= 3 && strings.EqualFold(t[n-3:], "and") || n >= 2 && strings.EqualFold(t[n-2:], "or")
}

// attributive reports "the 1987 treaty" (a determiner before the year and a word right after it),
// also for the later years of a list ("the 2015 and 2022 conferences").
func attributive(before, after string) bool {
	if endsLikeYearChain(before) && yearChain().MatchString(before+" ") {
		before = "the"
	}
	w := strings.ToLower(textutil.LastField(before))
	switch w {
	case "the", "its", "this", "that", "a", "their", "his", "her":
	default:
		return false
	}
	if after == "" || (after[0] != ' ' && !strings.HasPrefix(after, "\u00a0")) {
		return false
	}
	r := firstRune(strings.TrimLeft(after, " \u00a0"))
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \u00a0")
	i := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if i < 0 {
		return s
	}
	return s[:i]
}

// pastReach is how far ahead of the reference a past-tense sentence may still point (it can
// announce talks a few weeks off, not a date months away).
const pastReach = 45

// inferYear gives a month (and day, 0 for a month alone) without a year the year that puts it
// nearest the reference; when the sentence speaks of the future, the nearest not before it; in the past tense, the nearest not
// beyond pastReach days after it.
func (m match) inferYear(mo, d int) (int, bool) {
	if !m.ctx.hasRef {
		return 0, false
	}
	ref := m.ctx.ref
	// The nearest year the tense allows; the years are tried nearest first (earlier first on a
	// tie) so that the tense, whose reading is most of the cost, is read only when it decides.
	type option struct {
		y   int
		t   time.Time
		gap time.Duration
	}
	var opts []option
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t := time.Date(y, time.Month(mo), max(d, 1), 0, 0, 0, 0, time.UTC)
		if d == 0 && y == ref.Year() && mo == int(ref.Month()) {
			t = ref // a month alone: its own month is the reference's
		}
		gap := t.Sub(ref)
		if gap < 0 {
			gap = -gap
		}
		opts = append(opts, option{y, t, gap})
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].gap < opts[j].gap })
	var future, past *bool
	read := func(v **bool, f func() bool) bool {
		if *v == nil {
			b := f()
			*v = &b
		}
		return **v
	}
	for _, o := range opts {
		if o.t.Before(ref) && read(&future, m.future) || o.t.After(ref.AddDate(0, 0, pastReach)) && read(&past, m.past) {
			continue
		}
		return o.y, true
	}
	return 0, true
}

// Relative mentions.

var dayWords = map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
	"the day after tomorrow": 2, "сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}

func relDay(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	key := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(m.body[m.start:m.end], "\u00a0", " ")), " "))
	off, ok := dayWords[key]
	if !ok {
		return cand{}, false
	}
	return cand{kind: KindRelative, value: format(m.ctx.ref.AddDate(0, 0, off), Day), gran: Day}, true
}

// relPeriod: "last week", "next month", "earlier this year", «на прошлой неделе», «в следующем году».
func relPeriod(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	var which, unit string
	switch m.rule {
	case "period":
		which, unit = strings.ToLower(m.groups[1]), strings.ToLower(m.groups[2])
	case "ru-week":
		which, unit = strings.ToLower(m.groups[0]), "week"
	default:
		which, unit = strings.ToLower(m.groups[0]), map[string]string{"месяце": "month", "году": "year"}[strings.ToLower(m.groups[1])]
	}
	step := 0
	switch {
	case which == "last" || strings.HasPrefix(which, "прошл"):
		step = -1
	case which == "next" || which == "coming" || strings.HasPrefix(which, "следующ") || strings.HasPrefix(which, "будущ"):
		step = 1
	case which == "this" || strings.HasPrefix(which, "эт") || strings.HasPrefix(which, "текущ"):
	default:
		return cand{}, false // "the past year" is a span ending now, not a date
	}
	return shift(m.ctx.ref, unit, step)
}

// shift moves ref by n units and renders the period it lands in.
func shift(ref time.Time, unit string, n int) (cand, bool) {
	switch unit {
	case "day":
		return cand{kind: KindRelative, value: format(ref.AddDate(0, 0, n), Day), gran: Day}, true
	case "week":
		monday := ref.AddDate(0, 0, -((int(ref.Weekday())+6)%7)+7*n)
		return cand{kind: KindRelative, value: format(monday, Day), gran: Week}, true
	case "month":
		first := time.Date(ref.Year(), ref.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
		return cand{kind: KindRelative, value: format(first, Month), gran: Month}, true
	case "year":
		return cand{kind: KindRelative, value: format(ref.AddDate(n, 0, 0), Year), gran: Year}, true
	}
	return cand{}, false
}

var ruUnits = map[string]string{"день": "day", "дня": "day", "дней": "day", "неделю": "week", "недели": "week",
	"недель": "week", "месяц": "month", "месяца": "month", "месяцев": "month", "год": "year", "года": "year", "лет": "year"}

// relAgo: "two years ago", "a week ago", «три года назад».
func relAgo(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	n := 1
	c := cand{}
	if m.groups[0] != "" {
		n = countOf(m.groups[0])
		if n == 0 && m.rule == "ru-ago" { // «почти год назад»: the word is no count
			n = 1
			c.start = m.start + strings.Index(m.body[m.start:m.end], m.groups[1])
			c.end = m.end
		}
	}
	unit := strings.TrimSuffix(strings.ToLower(m.groups[1]), "s")
	if u, ok := ruUnits[strings.ToLower(m.groups[1])]; ok {
		unit = u
	}
	if n <= 0 || n > 200 {
		return cand{}, false
	}
	r, ok := shift(m.ctx.ref, unit, -n)
	r.start, r.end = c.start, c.end
	return r, ok
}

// relWeekday resolves a weekday: the most recent such day on or before the reference, the next
// one on or after it when the tense says it is ahead (after it for "next"), a week back for
// "last".
func relWeekday(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	mod, day := strings.ToLower(m.groups[0]), strings.ToLower(m.groups[1])
	if festive()[strings.ToLower(textutil.LastField(m.body[max(0, m.start-40):m.start]))] {
		return cand{}, false
	}
	wd := lang.Weekday(day)
	if wd == 0 {
		return cand{}, false
	}
	return cand{kind: KindRelative, gran: Day, start: m.start + len(m.body[m.start:m.end]) - len(m.groups[1]), end: m.end,
		resolve: func() string { return format(weekdayDate(m, mod, wd), Day) }}, true
}

// weekdayDate is the day relWeekday resolves weekday wd (1 = Monday) to, mod its modifier.
func weekdayDate(m match, mod string, wd int) time.Time {
	ref := m.ctx.ref
	refWD := (int(ref.Weekday())+6)%7 + 1
	back := (refWD - wd + 7) % 7 // days back to the most recent such day, 0 = the reference day
	switch {
	case mod == "last" || strings.HasPrefix(mod, "прошл"):
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case mod == "next" || strings.HasPrefix(mod, "следующ"):
		ahead := (wd - refWD + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return ref.AddDate(0, 0, ahead)
	case m.future():
		return ref.AddDate(0, 0, (wd-refWD+7)%7) // "On Tuesday, X will ..." written on a Tuesday is that day
	}
	return ref.AddDate(0, 0, -back)
}

// followedByNumber reports whether s opens with a space (or a comma) and a digit.
func followedByNumber(s string) bool {
	s = strings.TrimLeft(s, ", \u00a0")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// absMonthRange: "from April 2009 to April 2010".
func absMonthRange(m match) (cand, bool) {
	a, b := lang.Month(m.groups[0]), lang.Month(m.groups[2])
	if a == 0 || b == 0 {
		return cand{}, false
	}
	from := time.Date(atoi(m.groups[1]), time.Month(a), 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(atoi(m.groups[3]), time.Month(b), 1, 0, 0, 0, 0, time.UTC)
	if !to.After(from) {
		return cand{}, false
	}
	end := format(to, Month)
	return cand{kind: KindAbsolute, value: format(from, Month), valueEnd: &end, gran: Month}, true
}

// absDayRange: "from October 13 to 24", "between March 3 and April 2, 2020".
func absDayRange(m match) (cand, bool) {
	mo1, d1, mo2, d2, y := lang.Month(m.groups[0]), atoi(m.groups[1]), m.groups[2], atoi(m.groups[3]), atoi(m.groups[4])
	mo2n := mo1
	if mo2 != "" {
		mo2n = lang.Month(mo2)
	}
	return dayRange(m, y, mo1, d1, mo2n, d2)
}

// absDayDash: "13-24 October 2025".
func absDayDash(m match) (cand, bool) {
	mo := lang.Month(m.groups[2])
	return dayRange(m, atoi(m.groups[3]), mo, atoi(m.groups[0]), mo, atoi(m.groups[1]))
}

func dayRange(m match, y, mo1, d1, mo2, d2 int) (cand, bool) {
	first, ok := dayDate(m, y, mo1, d1)
	if !ok {
		return cand{}, false
	}
	if y == 0 {
		y = atoi(first.value[:4])
	}
	last, ok := dayDate(m, y, mo2, d2)
	if !ok || last.value <= first.value {
		return cand{}, false
	}
	first.valueEnd = &last.value
	return first, true
}

// relMonth: a month placed by a relative year or word ("last September", «в сентябре прошлого
// года», "February next year").
func relMonth(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	var mon, which string
	if m.rule == "rel-month" {
		which, mon = strings.ToLower(m.groups[0]), m.groups[1]
	} else {
		mon, which = m.groups[0], strings.ToLower(m.groups[1])
	}
	mo := lang.Month(mon)
	if mo == 0 {
		return cand{}, false
	}
	ref := m.ctx.ref
	y := ref.Year()
	switch {
	case m.rule == "rel-month" && which == "last": // the most recent such month before this one
		if mo >= int(ref.Month()) {
			y--
		}
	case m.rule == "rel-month" && which == "next":
		if mo <= int(ref.Month()) {
			y++
		}
	case which == "last" || strings.HasPrefix(which, "прошл"):
		y--
	case which == "next" || strings.HasPrefix(which, "следующ") || strings.HasPrefix(which, "будущ"):
		y++
	}
	return cand{kind: KindRelative, value: format(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Month), gran: Month}, true
}

// relThisYear: a part of the reference's year ("earlier in the year", «в начале года»).
func relThisYear(m match) (cand, bool) {
	if !m.ctx.hasRef {
		return cand{}, false
	}
	return cand{kind: KindRelative, value: format(m.ctx.ref, Year), gran: Year}, true
}
