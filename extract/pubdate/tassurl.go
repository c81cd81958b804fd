package pubdate

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// msk is Moscow time (UTC+3 all year since 2014), the offset TASS pages are written in.
var msk = time.FixedZone("MSK", 3*3600)

// tassTime reads TASS's <dateformat time="UNIX seconds">; related-news lists carry their own, so
// the header's wins and a lone page-wide one is taken only when there is exactly one.
func tassTime(x *index, add func(cand)) {
	n := x.tassHeader
	if n == nil {
		if len(x.dateformats) != 1 {
			return
		}
		n = x.dateformats[0]
	}
	v := strings.TrimSpace(attr(n, "time"))
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil || sec <= 0 {
		return
	}
	if st, ok := checked(Stamp{Time: time.Unix(sec, 0).In(msk)}); ok {
		add(cand{st: st, kind: kindPublished, src: srcTASS, raw: "dateformat=" + v})
	}
}

var (
	reURLDate = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)([/_.-])(0?[1-9]|1[0-2])([/_.-])(0?[1-9]|[12]\d|3[01])(/|\.html?|$|[_.-])`)
	})
	reURLMonth = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/`)
	})
	reURLCompact = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|$)`)
	})
)

// urlDate reads a full date from the URL path: /2020/10/21/, /2020-10-21-slug, /20201021/.
func urlDate(pageURL string, add func(cand)) {
	u, err := url.Parse(pageURL)
	if err != nil || u.Path == "" {
		return
	}
	path := u.Path
	if i := strings.Index(path, "/web/"); strings.Contains(u.Host, "archive.org") && i >= 0 {
		return // the Wayback Machine's capture stamp is not the page's date
	}
	var y, m, d string
	if x := reURLDate().FindStringSubmatch(path); x != nil && x[2] == x[4] && (x[2] != "/" || x[6] == "/" || x[6] == "" || strings.HasPrefix(x[6], ".h")) {
		y, m, d = x[1], x[3], x[5]
	} else if x := reURLCompact().FindStringSubmatch(path); x != nil {
		y, m, d = x[1], x[2], x[3]
	} else {
		return
	}
	if st, ok := build(y, m, d, "", "", "", "", ""); ok {
		add(cand{st: st, kind: kindPublished, src: srcURL, raw: "url=" + path})
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
