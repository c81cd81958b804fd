package config

import (
	"fmt"

	"github.com/armswatch/armswatch/extract/content"
	"net/url"
	"regexp"
	"strings"
)

// check validates values the decoder cannot: ranges, URLs, patterns, unique names.
func (c *Config) check(name string, data []byte) error {
	bad := func(table string, index int, key, format string, a ...any) error {
		return &Error{File: name, Line: lineOf(data, table, index, key), Key: qualified(table, index, key), Msg: fmt.Sprintf(format, a...)}
	}
	if c.Crawl.Parallelism < 1 {
		return bad("crawl", -1, "parallelism", "must be at least 1, got %d", c.Crawl.Parallelism)
	}
	for key, v := range map[string]int{"max_body_bytes": c.Crawl.MaxBodyBytes, "max_pages_per_run": c.Crawl.MaxPagesPerRun, "max_pages_per_host": c.Crawl.MaxPagesPerHost} {
		if v < 1 {
			return bad("crawl", -1, key, "must be a positive number, got %d", v)
		}
	}
	if c.Crawl.Timeout.Duration == 0 {
		return bad("crawl", -1, "timeout", "must be more than 0")
	}
	if c.Crawl.AnalysisTimeout.Duration <= 0 {
		return bad("crawl", -1, "analysis_timeout", "must be more than 0")
	}
	if len(c.Profiles) > 0 {
		set, err := content.NewProfileSet(c.Profiles, name)
		if err != nil {
			return &Error{File: name, Line: lineOf(data, "profiles", 0, ""), Key: "profiles", Msg: err.Error()}
		}
		c.ProfileSet = set
	}
	seen := map[string]bool{}
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.Name == "" {
			return bad("sources", i, "name", "every [[sources]] needs a name")
		}
		if seen[s.Name] {
			return bad("sources", i, "name", "source %q is defined twice", s.Name)
		}
		seen[s.Name] = true
		if len(s.Feeds)+len(s.Sitemaps)+len(s.StartURLs) == 0 {
			return bad("sources", i, "name", "source %q has no feeds, sitemaps or start_urls", s.Name)
		}
		for key, list := range map[string][]string{"feeds": s.Feeds, "sitemaps": s.Sitemaps, "start_urls": s.StartURLs} {
			for _, u := range list {
				if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
					return bad("sources", i, key, "%q is not an http(s) URL", u)
				}
			}
		}
		if s.Profile != "" && !c.hasProfile(s.Profile) {
			return bad("sources", i, "profile", "no site profile %q (built in: %s; add one in [[profiles]])", s.Profile, strings.Join(c.profileNames(), ", "))
		}
		if s.Language != "" && !isLanguageCode(s.Language) {
			return bad("sources", i, "language", "%q is not an ISO 639-1 code such as \"en\" or \"ru\"", s.Language)
		}
		if s.ArticlePattern != "" {
			re, err := regexp.Compile(s.ArticlePattern)
			if err != nil {
				return bad("sources", i, "article_pattern", "bad regular expression: %v", err)
			}
			s.Pattern = re
		}
		if len(s.AllowedHosts) == 0 {
			s.AllowedHosts = hostsOf(s)
		}
	}
	for _, group := range []struct {
		table   string
		entries int
		id      func(int) (string, string)
	}{
		{"lexicon.treaty", len(c.Lexicon.Treaty), func(i int) (string, string) { return c.Lexicon.Treaty[i].ID, c.Lexicon.Treaty[i].Name }},
		{"lexicon.weapon", len(c.Lexicon.Weapon), func(i int) (string, string) { return c.Lexicon.Weapon[i].ID, c.Lexicon.Weapon[i].Name }},
		{"lexicon.organization", len(c.Lexicon.Organization), func(i int) (string, string) {
			return c.Lexicon.Organization[i].ID, c.Lexicon.Organization[i].Name
		}},
	} {
		for i := 0; i < group.entries; i++ {
			id, nm := group.id(i)
			if id == "" || nm == "" {
				return bad(group.table, i, "id", "every [[%s]] needs an id and a name", group.table)
			}
		}
	}
	return nil
}

// hostsOf lists the hosts of a source's URLs: the default for allowed_hosts.
func hostsOf(s *Source) []string {
	var hosts []string
	seen := map[string]bool{}
	for _, list := range [][]string{s.Feeds, s.Sitemaps, s.StartURLs} {
		for _, u := range list {
			if p, err := url.Parse(u); err == nil && !seen[p.Host] {
				seen[p.Host] = true
				hosts = append(hosts, p.Hostname())
			}
		}
	}
	return hosts
}

func qualified(table string, index int, key string) string {
	if index >= 0 {
		return fmt.Sprintf("%s[%d].%s", table, index, key)
	}
	return table + "." + key
}

// lineOf finds the line of key in table (the index-th [[table]] when index >= 0), or of the
// table header when the key is absent; 0 when not found. The decoder gives positions only for
// syntax and type errors, so value checks locate their key themselves.
func lineOf(data []byte, table string, index int, key string) int {
	current, count, header := "", -1, 0
	for n, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "[["):
			current = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			if current == table {
				count++
				if count == index {
					header = n + 1
				}
			}
		case strings.HasPrefix(t, "["):
			current = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			if current == table && index < 0 {
				header = n + 1
			}
		default:
			inPlace := current == table && (index < 0 || count == index)
			if inPlace && strings.HasPrefix(t, key) && strings.HasPrefix(strings.TrimSpace(t[len(key):]), "=") {
				return n + 1
			}
		}
	}
	return header
}

// profileNames lists the site profiles a source may name: the built-in ones and the user's.
func (c *Config) profileNames() []string {
	set := c.ProfileSet
	if set == nil {
		var err error
		if set, err = content.BuiltinProfiles(); err != nil {
			return nil
		}
	}
	return set.Names()
}

func (c *Config) hasProfile(name string) bool {
	for _, n := range c.profileNames() {
		if n == name {
			return true
		}
	}
	return false
}

func isLanguageCode(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
