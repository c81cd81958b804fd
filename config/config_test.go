package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShippedConfigLoads(t *testing.T) {
	c, err := Load("../config.toml")
	if err != nil {
		t.Fatalf("the checked-in config.toml must load: %v", err)
	}
	if len(c.Sources) != 1 || c.Sources[0].Name != "tass" || c.Sources[0].Pattern == nil {
		t.Fatalf("unexpected sources: %+v", c.Sources)
	}
	if !c.Sources[0].Pattern.MatchString("https://tass.com/politics/1214611") || c.Sources[0].Pattern.MatchString("https://tass.com/politics") {
		t.Errorf("article_pattern does not separate articles from section pages")
	}
	if c.Crawl.Delay.Seconds() != 2 || c.Crawl.Timeout.Seconds() != 30 {
		t.Errorf("durations: %+v", c.Crawl)
	}
}

func TestErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct{ name, toml, want string }{
		{"unknown top key", "databse = \"x.db\"\n", "bad.toml:1: databse: unknown key"},
		{"unknown table key", "[crawl]\ndelay = \"1s\"\nparalelism = 2\n", "bad.toml:3: crawl.paralelism: unknown key"},
		{"unknown source key", "[[sources]]\nname = \"a\"\nfeed = [\"https://a.org/rss\"]\n", "bad.toml:3: sources.feed: unknown key"},
		{"bad duration", "[crawl]\ndelay = \"2 s\"\n", "bad.toml:2: crawl.delay: not a duration"},
		{"wrong type", "[crawl]\nparallelism = \"two\"\n", "bad.toml:2: crawl.parallelism: expected a whole number, got a TOML string"},
		{"zero parallelism", "[crawl]\nparallelism = 0\n", "bad.toml:2: crawl.parallelism: must be at least 1"},
		{"bad pattern", "[[sources]]\nname = \"a\"\nfeeds = [\"https://a.org/rss\"]\n\n[[sources]]\nname = \"b\"\nfeeds = [\"https://b.org/rss\"]\narticle_pattern = '(['\n", "bad.toml:8: sources[1].article_pattern: bad regular expression"},
		{"bad url", "[[sources]]\nname = \"a\"\nstart_urls = [\"tass.com\"]\n", "bad.toml:3: sources[0].start_urls: \"tass.com\" is not an http(s) URL"},
		{"duplicate source", "[[sources]]\nname = \"a\"\nfeeds = [\"https://a.org/rss\"]\n[[sources]]\nname = \"a\"\nfeeds = [\"https://a.org/rss\"]\n", "bad.toml:5: sources[1].name: source \"a\" is defined twice"},
		{"syntax", "[crawl\n", "bad.toml:1: expected ']'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.toml", []byte(c.toml))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("want a *config.Error, got %T %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %q\nwant prefix %q", err.Error(), c.want)
			}
		})
	}
}

func TestDefaultsAndAllowedHosts(t *testing.T) {
	c, err := Parse("ok.toml", []byte("[[sources]]\nname = \"s\"\nfeeds = [\"https://example.org/feed.xml\"]\nstart_urls = [\"https://www.example.org/news\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Crawl.Parallelism != 2 || c.Crawl.MaxBodyBytes != 10<<20 || c.Database != "armswatch.db" {
		t.Errorf("defaults not applied: %+v", c.Crawl)
	}
	if got := strings.Join(c.Sources[0].AllowedHosts, ","); got != "example.org,www.example.org" {
		t.Errorf("allowed hosts default to the URLs' hosts, got %q", got)
	}
}

func TestFindPrefersExplicitThenWorkingDir(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", dir+"/xdg")
	if got := Find(""); got != "" {
		t.Errorf("no config anywhere: got %q", got)
	}
	os.MkdirAll(dir+"/xdg/armswatch", 0o755)
	os.WriteFile(dir+"/xdg/armswatch/config.toml", nil, 0o644)
	if got := Find(""); got != dir+"/xdg/armswatch/config.toml" {
		t.Errorf("XDG config: got %q", got)
	}
	os.WriteFile("config.toml", nil, 0o644)
	if got := Find(""); got != "config.toml" {
		t.Errorf("working dir config: got %q", got)
	}
	if got := Find("x.toml"); got != "x.toml" {
		t.Errorf("explicit: got %q", got)
	}
}

func TestUserProfilesAreCompiledAtLoad(t *testing.T) {
	good := "[[profiles]]\nname = \"example\"\nhosts = [\"news.example.org\"]\ntitle = \"h1.headline\"\nbody = \"div.story p\"\n"
	c, err := Parse("p.toml", []byte(good))
	if err != nil || c.ProfileSet == nil {
		t.Fatalf("a valid profile must load into a set: %v", err)
	}
	_, err = Parse("p.toml", []byte("[[profiles]]\nname = \"x\"\nhosts = [\"a.org\"]\nbody = \"p[[\"\n"))
	if err == nil || !strings.Contains(err.Error(), "p.toml:1: profiles:") || !strings.Contains(err.Error(), "body") {
		t.Errorf("a bad selector must name the file, the table and the field: %v", err)
	}
	_, err = Parse("p.toml", []byte("[[profiles]]\nname = \"x\"\nbodyy = \"p\"\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "p.toml:3: profiles.bodyy: unknown key") {
		t.Errorf("unknown profile key: %v", err)
	}
}

func TestSourceProfileAndLanguageMustExist(t *testing.T) {
	_, err := Parse("s.toml", []byte("[[sources]]\nname = \"a\"\nprofile = \"nosuch\"\nfeeds = [\"https://a.org/rss\"]\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "s.toml:3: sources[0].profile: no site profile \"nosuch\"") || !strings.Contains(err.Error(), "tass") {
		t.Errorf("unknown profile: %v", err)
	}
	_, err = Parse("s.toml", []byte("[[sources]]\nname = \"a\"\nlanguage = \"english\"\nfeeds = [\"https://a.org/rss\"]\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "s.toml:3: sources[0].language:") {
		t.Errorf("bad language: %v", err)
	}
	_, err = Parse("s.toml", []byte("[[profiles]]\nname = \"mine\"\nhosts = [\"m.org\"]\nbody = \"p\"\n\n[[sources]]\nname = \"a\"\nprofile = \"mine\"\nfeeds = [\"https://m.org/rss\"]\n"))
	if err != nil {
		t.Errorf("a source may name a user profile: %v", err)
	}
}

func TestDatabaseIsRelativeToTheConfigFile(t *testing.T) {
	cases := []struct{ file, toml, want string }{
		{"etc/armswatch/config.toml", "database = \"news.db\"\n", filepath.Join("etc", "armswatch", "news.db")},
		{"/srv/aw/config.toml", "database = \"data/news.db\"\n", "/srv/aw/data/news.db"},
		{"/srv/aw/config.toml", "database = \"../news.db\"\n", "/srv/news.db"},
		{"/srv/aw/config.toml", "database = \"/var/lib/aw.db\"\n", "/var/lib/aw.db"},
		{"config.toml", "database = \"news.db\"\n", "news.db"},
		{"/srv/aw/config.toml", "", "armswatch.db"}, // no key: the default, in the working directory
	}
	for _, c := range cases {
		cfg, err := Parse(c.file, []byte(c.toml))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Database != c.want {
			t.Errorf("%s with %q: database %q, want %q", c.file, c.toml, cfg.Database, c.want)
		}
	}
}

func TestTestdataConfigsLoad(t *testing.T) {
	for _, p := range []string{"testdata/full.toml", "testdata/minimal.toml"} {
		if _, err := Load(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestDatabaseURLIsNotAPath: a PostgreSQL URL in database is kept as written, not joined to the
// config file's folder as a relative file path is.
func TestDatabaseURLIsNotAPath(t *testing.T) {
	for db, want := range map[string]string{
		"postgres://u@h/db":       "postgres://u@h/db",
		"postgresql://u:p@h:5/db": "postgresql://u:p@h:5/db",
		"armswatch.db":            "/srv/armswatch/armswatch.db",
		"data/postgres:/x.db":     "/srv/armswatch/data/postgres:/x.db",
	} {
		c, err := Parse("/srv/armswatch/config.toml", []byte("database = \""+db+"\"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if c.Database != want {
			t.Errorf("database %q read as %q, want %q", db, c.Database, want)
		}
	}
}
