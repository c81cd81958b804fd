package pubdate

import (
	_ "embed"
	"net/url"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone rules without relying on the host's zoneinfo
)

//go:embed zones.txt
var zonesData string

var tldZones = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(zonesData, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			m[f[0]] = f[1]
		}
	}
	return m
})

// homeZone guesses the publisher's zone, to show a UTC timestamp in the local calendar: first a
// wall-clock time written beside the same instant in UTC (the difference is the offset), then
// any offset the page writes, then the country of the host.
func (p *page) homeZone() *time.Location {
	for _, w := range p.cands {
		if w.wall.IsZero() {
			continue
		}
		for _, u := range p.cands {
			if u.st.DateOnly || !isUTC(u.st.Time) {
				continue
			}
			d := w.wall.Sub(time.Date(u.st.Time.Year(), u.st.Time.Month(), u.st.Time.Day(), u.st.Time.Hour(), u.st.Time.Minute(), u.st.Time.Second(), 0, time.UTC))
			if d != 0 && d%(15*time.Minute) == 0 && d <= 14*time.Hour && d >= -12*time.Hour {
				return time.FixedZone("", int(d/time.Second))
			}
		}
	}
	for _, c := range p.cands {
		if !c.st.DateOnly && !isUTC(c.st.Time) && c.src != srcFallback {
			return c.st.Time.Location()
		}
	}
	u, err := url.Parse(p.url)
	if err != nil {
		return nil
	}
	if p.usEnglish() {
		if loc, err := time.LoadLocation("America/New_York"); err == nil {
			return loc // most American newsrooms write Eastern time; any US zone shares its evening
		}
	}
	host := u.Hostname()
	tld := host[strings.LastIndexByte(host, '.')+1:]
	if name, ok := tldZones()[tld]; ok {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return nil
}

func isUTC(t time.Time) bool {
	_, off := t.Zone()
	return off == 0
}

// usEnglish reports a page that declares itself American English (lang="en-US", og:locale
// en_US) on a generic host (.com, .org, .net, .us).
func (p *page) usEnglish() bool {
	if !p.idx.americanEnglish() {
		return false
	}
	u, err := url.Parse(p.url)
	if err != nil {
		return false
	}
	h := u.Hostname()
	for _, tld := range []string{".com", ".org", ".net", ".us"} {
		if strings.HasSuffix(h, tld) {
			return true
		}
	}
	return false
}
