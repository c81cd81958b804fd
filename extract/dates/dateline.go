package dates

import (
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/textutil"
)

// sp is a space as news bodies write it: ASCII or NO-BREAK SPACE (RE2's \s misses U+00A0).
const sp = `[ \x{00A0}]`

// datelineStyle is one dateline pattern, compiled on first use (a one-shot extract of a TASS
// page compiles only TASS's), and the strings one of which a paragraph needs for it to match.
type datelineStyle struct {
	need [][]string
	re   func() *regexp.Regexp
}

// Dateline styles (../reference/news-sites.md). Each names place, month, day and agency; a style
// without a date leaves month and day out. Anchored at a paragraph start.
var datelineRes = sync.OnceValue(func() []datelineStyle {
	const (
		placeEN = `(?P<place>[A-Z][A-Z.'\-]*(?:` + sp + `[A-Z.'\-]+)*[A-Z.])`
		placeRU = `(?P<place>[А-ЯЁ][А-ЯЁ.\-]*(?:` + sp + `[А-ЯЁ.\-]+)*[А-ЯЁ.])`
		monEN   = `(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
		monRU   = `(?P<month>[а-яё]+)\.?`
		dash    = sp + `*[—–-]+` + sp + `*`
	)
	pats := []string{
		// TASS: MOSCOW, October 21. /TASS/.  IGORA /Leningrad Region/, December 26. /TASS/.
		`^` + placeEN + `(?:` + sp + `/[^/\n]+/)?,` + sp + monEN + sp + `(?P<day>\d{1,2})\.` + sp + `/(?P<agency>TASS)/\.`,
		// ТАСС: МОСКВА, 21 октября. /ТАСС/.  /Корр. ТАСС Михаил Тимофеев/.
		`^` + placeRU + `(?:` + sp + `/[^/\n]+/)?,` + sp + `(?P<day>\d{1,2})` + sp + monRU + sp + `/(?:Корр\.` + sp + `)?(?P<agency>ТАСС)(?:` + sp + `[^/\n]+)?/\.`,
		// RIA Novosti: МОСКВА, 21 окт — РИА Новости.  АЛЕППО (Сирия), 8 авг — РИА Новости, Иван Иванов.
		`^` + placeRU + `(?:` + sp + `\([^)\n]+\))?,` + sp + `(?P<day>\d{1,2})` + sp + monRU + dash + `(?P<agency>РИА` + sp + `Новости|Sputnik|Спутник)(?:,` + sp + `[^.\n]+)?\.`,
		// Interfax (ru): Москва. 21 октября. INTERFAX.RU -   (the city may be missing)
		`^(?:(?P<place>[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё]+)*)\.` + sp + `)?(?P<day>\d{1,2})` + sp + monRU + `\.` + sp + `(?P<agency>INTERFAX\.RU)`,
		// Reuters / Interfax (en) / AFP: MOSCOW, Oct 21 (Reuters) -   MOSCOW. Oct 21 (Interfax) -
		`^` + placeEN + `(?:,` + sp + `[A-Z][A-Za-z.]+(?:` + sp + `[A-Z][A-Za-z.]+)?)?[,.]` + sp + monEN + sp + `(?P<day>\d{1,2})` + sp + `\((?P<agency>[A-Z][A-Za-z .&/]{1,30})\)` + dash,
		// Reprints: MOSCOW (UrduPoint News / Sputnik - 20th October, 2020)
		`^` + placeEN + sp + `\((?P<agency>[A-Z][^()\n]{1,40}?)` + dash + `(?P<day>\d{1,2})(?:st|nd|rd|th)?` + sp + monEN + `,?` + sp + `(?P<year>(?:19|20)\d\d)\)`,
		// AP / Sputnik, no date: WASHINGTON (AP) —   MOSCOW (Sputnik) -
		`^` + placeEN + `(?:,` + sp + `[A-Z][A-Za-z.]+(?:` + sp + `[A-Z][A-Za-z.]+)?)?` + sp + `\((?P<agency>[A-Z][A-Za-z .&/]{1,30})\)` + dash,
	}
	needs := [][][]string{{{"/TASS/."}}, {{"ТАСС"}}, {{"РИА", "Sputnik", "Спутник"}}, {{"INTERFAX.RU"}}, {{"("}}, {{"("}}, {{"("}}}
	out := make([]datelineStyle, len(pats))
	for i, p := range pats {
		out[i] = datelineStyle{need: needs[i], re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(p) })}
	}
	return out
})

// datelineParas is how many leading paragraphs may hold the dateline (a headline or a byline
// sometimes comes first).
const datelineParas = 3

// FindDateline looks for an agency dateline at the start of body. published (zero when unknown)
// supplies the year the dateline leaves out.
func FindDateline(body string, published time.Time) *Dateline {
	for _, p := range textutil.FirstParagraphs(body, datelineParas) {
		for _, st := range datelineRes() {
			if !hasAll(p.Text, st.need) {
				continue
			}
			if dl := matchDateline(st.re(), p, published); dl != nil {
				return dl
			}
		}
	}
	return nil
}

func matchDateline(re *regexp.Regexp, p textutil.Paragraph, published time.Time) *Dateline {
	m := re.FindStringSubmatchIndex(p.Text)
	if m == nil {
		return nil
	}
	group := func(name string) (string, int, int) {
		i := re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return "", -1, -1
		}
		return p.Text[m[2*i]:m[2*i+1]], m[2*i], m[2*i+1]
	}
	// The separator dash of "MOSCOW, Oct 21 (Reuters) - " belongs to the dateline, as the
	// period of "/TASS/." does (news-sites.md writes the patterns that way); the space after it
	// is the story's.
	text := strings.TrimRight(p.Text[:m[1]], " \u00a0")
	place, _, _ := group("place")
	agency, _, _ := group("agency")
	dl := &Dateline{Text: text, Place: place, Agency: strings.ReplaceAll(agency, "\u00a0", " "), Start: p.Start, End: p.Start + len(text)}
	mon, ms, _ := group("month")
	day, _, de := group("day")
	if mon == "" || day == "" {
		return dl
	}
	month := lang.Month(mon)
	if month == 0 {
		return nil // a capitalised phrase that is no dateline after all
	}
	if y, _, _ := group("year"); y != "" {
		published = time.Date(atoi(y), 12, 31, 0, 0, 0, 0, time.UTC) // the dateline's own year
	}
	d, ok := datelineDate(month, atoi(day), published)
	if !ok {
		return dl
	}
	s := d.Format("2006-01-02")
	dl.Date = &s
	start, end := min(ms, m[2*re.SubexpIndex("day")]), max(de, ms+len(mon))
	if i := re.SubexpIndex("year"); i >= 0 && m[2*i] >= 0 {
		end = m[2*i+1]
	}
	dl.dateStart, dl.dateEnd = p.Start+start, p.Start+end
	return dl
}

// datelineDate gives a dateline's day its year: the publication's, or the one before when the
// month lies after the publication month (a December dateline published in January).
func datelineDate(month, day int, published time.Time) (time.Time, bool) {
	if published.IsZero() {
		return time.Time{}, false
	}
	y := published.Year()
	if month > int(published.Month()) {
		y--
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false
	}
	return t, true
}
