package content

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/cascadia"
	"github.com/pelletier/go-toml/v2"
)

// Profile describes how to read one site's article pages. The embedded files in profiles/ and the
// user's config.toml [[profiles]] tables have these fields. Selectors are CSS (cascadia); every
// selector but root is looked up inside root when root is set.
type Profile struct {
	Name     string   `toml:"name"`     // profile id, e.g. "tass"
	Source   string   `toml:"source"`   // source name reported for its pages; default Name
	Hosts    []string `toml:"hosts"`    // hosts whose pages use it; subdomains match too
	Language string   `toml:"language"` // ISO 639-1 code of the site's texts, "" to detect
	Dateline string   `toml:"dateline"` // documentation only: datelines are found by pattern

	Root     string   `toml:"root"`         // the article container
	Title    string   `toml:"title"`        // headline
	Lead     string   `toml:"lead"`         // standfirst, reported as subtitle
	Body     string   `toml:"body"`         // the body's paragraph elements, in reading order
	Remove   []string `toml:"remove"`       // elements whose text is never part of any field
	Authors  string   `toml:"authors"`      // one element per author
	AuthorRe string   `toml:"author_strip"` // regexp cut from each author text ("^By ", ",.*$")
	Section  string   `toml:"section"`      // section / rubric name

	Time       string `toml:"time"`        // publication time element
	TimeAttr   string `toml:"time_attr"`   // attribute holding it; "" = the element's text
	TimeFormat string `toml:"time_format"` // "unix", "unix_ms", "rfc3339" or a Go layout
	TimeZone   string `toml:"time_zone"`   // zone for layouts without one: "+03:00", "Europe/Moscow"
}

// profile is a Profile compiled and checked.
type profile struct {
	Profile
	origin                                         string
	root, title, lead, body, authors, section, tim cascadia.Selector
	remove                                         []cascadia.Selector
	removeGate                                     *elementGate
	authorStrip                                    *regexp.Regexp
	parseTime                                      func(string) (stamp, error)
}

// ProfileSet is a set of compiled profiles, looked up by name or by page host.
type ProfileSet struct {
	byName map[string]*profile
}

//go:embed profiles/*.toml
var profileFiles embed.FS

// builtin compiles the embedded profiles once, on first use.
var builtin = sync.OnceValues(func() (*ProfileSet, error) {
	return loadSet(nil, "")
})

// BuiltinProfiles returns the embedded profiles.
func BuiltinProfiles() (*ProfileSet, error) { return builtin() }

// NewProfileSet returns the embedded profiles with extra ones added. An extra profile whose name
// is a built-in one overrides it field by field: the fields it sets replace the built-in values.
// origin names where the extras come from (a config file) for error messages.
func NewProfileSet(extra []Profile, origin string) (*ProfileSet, error) {
	return loadSet(extra, origin)
}

func loadSet(extra []Profile, origin string) (*ProfileSet, error) {
	raw, err := embeddedProfiles()
	if err != nil {
		return nil, err
	}
	for i, p := range extra {
		where := fmt.Sprintf("%s: [[profiles]] #%d", origin, i+1)
		if p.Name == "" {
			return nil, fmt.Errorf("profile %s: field name: missing", where)
		}
		if base, ok := raw[p.Name]; ok {
			p = merge(base.Profile, p)
		}
		raw[p.Name] = rawProfile{p, where}
	}
	set := &ProfileSet{byName: map[string]*profile{}}
	for name, r := range raw {
		c, err := compile(r.Profile, r.origin)
		if err != nil {
			return nil, err
		}
		set.byName[name] = c
	}
	return set, nil
}

type rawProfile struct {
	Profile
	origin string
}

func embeddedProfiles() (map[string]rawProfile, error) {
	entries, err := profileFiles.ReadDir("profiles")
	if err != nil {
		return nil, fmt.Errorf("profiles: %w", err)
	}
	out := map[string]rawProfile{}
	for _, e := range entries {
		file := path.Join("profiles", e.Name())
		data, err := profileFiles.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("profile %s: %w", file, err)
		}
		var p Profile
		dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("profile %s: %w", file, err)
		}
		if p.Name == "" {
			p.Name = strings.TrimSuffix(e.Name(), ".toml")
		}
		if _, dup := out[p.Name]; dup {
			return nil, fmt.Errorf("profile %s: field name: %q used twice", file, p.Name)
		}
		out[p.Name] = rawProfile{p, file}
	}
	return out, nil
}

// merge overlays the fields that o sets on base.
func merge(base, o Profile) Profile {
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	str(&base.Source, o.Source)
	str(&base.Language, o.Language)
	str(&base.Dateline, o.Dateline)
	str(&base.Root, o.Root)
	str(&base.Title, o.Title)
	str(&base.Lead, o.Lead)
	str(&base.Body, o.Body)
	str(&base.Authors, o.Authors)
	str(&base.AuthorRe, o.AuthorRe)
	str(&base.Section, o.Section)
	str(&base.Time, o.Time)
	str(&base.TimeAttr, o.TimeAttr)
	str(&base.TimeFormat, o.TimeFormat)
	str(&base.TimeZone, o.TimeZone)
	if o.Hosts != nil {
		base.Hosts = o.Hosts
	}
	if o.Remove != nil {
		base.Remove = o.Remove
	}
	return base
}

// compile checks a profile and compiles its selectors, naming the file and field on error.
func compile(p Profile, origin string) (*profile, error) {
	c := &profile{Profile: p, origin: origin}
	if c.Source == "" {
		c.Source = c.Name
	}
	fail := func(field string, err error) error {
		return fmt.Errorf("profile %s (%s): field %s: %w", origin, p.Name, field, err)
	}
	if p.Body == "" {
		return nil, fail("body", fmt.Errorf("missing"))
	}
	if p.Language != "" && !validLang(p.Language) {
		return nil, fail("language", fmt.Errorf("%q is not an ISO 639-1 code", p.Language))
	}
	sels := []struct {
		field, sel string
		dst        *cascadia.Selector
	}{
		{"root", p.Root, &c.root}, {"title", p.Title, &c.title}, {"lead", p.Lead, &c.lead},
		{"body", p.Body, &c.body}, {"authors", p.Authors, &c.authors},
		{"section", p.Section, &c.section}, {"time", p.Time, &c.tim},
	}
	for _, s := range sels {
		if s.sel == "" {
			continue
		}
		g, err := cascadia.Compile(s.sel)
		if err != nil {
			return nil, fail(s.field, err)
		}
		*s.dst = g
	}
	for i, r := range p.Remove {
		g, err := cascadia.Compile(r)
		if err != nil {
			return nil, fail(fmt.Sprintf("remove[%d]", i), err)
		}
		c.remove = append(c.remove, g)
	}
	c.removeGate = gateOf(p.Remove)
	if p.AuthorRe != "" {
		re, err := regexp.Compile(p.AuthorRe)
		if err != nil {
			return nil, fail("author_strip", err)
		}
		c.authorStrip = re
	}
	if p.Time != "" {
		parse, err := timeParser(p.TimeFormat, p.TimeZone)
		if err != nil {
			return nil, fail(timeField(err), err)
		}
		c.parseTime = parse
	}
	return c, nil
}

func validLang(l string) bool {
	return len(l) == 2 && l[0] >= 'a' && l[0] <= 'z' && l[1] >= 'a' && l[1] <= 'z'
}

// Get returns the profile called name.
func (s *ProfileSet) get(name string) *profile { return s.byName[name] }

// Names lists the profiles of the set, sorted.
func (s *ProfileSet) Names() []string {
	out := make([]string, 0, len(s.byName))
	for n := range s.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Has reports whether the set has a profile called name.
func (s *ProfileSet) Has(name string) bool { return s.byName[name] != nil }

// forHost picks the profile whose host is the longest suffix of host on a label boundary, so that
// "en.kremlin.ru" prefers a profile for "en.kremlin.ru" to one for "kremlin.ru".
func (s *ProfileSet) forHost(host string) *profile {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	var best *profile
	bestLen := 0
	for _, p := range s.byName {
		for _, h := range p.Hosts {
			h = strings.TrimPrefix(strings.ToLower(h), "www.")
			if (host == h || strings.HasSuffix(host, "."+h)) && len(h) > bestLen {
				best, bestLen = p, len(h)
			}
		}
	}
	return best
}

// location reads a time_zone value: a fixed offset like "+03:00" or an IANA name.
func location(zone string) (*time.Location, error) {
	if zone == "" || zone == "UTC" {
		return time.UTC, nil
	}
	if t, err := time.Parse("-07:00", zone); err == nil {
		_, off := t.Zone()
		return time.FixedZone(zone, off), nil
	}
	return time.LoadLocation(zone)
}
