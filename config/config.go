// Package config loads armswatch's config.toml (spec/cli.md). Unknown keys and bad values are
// errors that name the file, line and key, because a cron job that silently ignores a typo runs
// wrong for months.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/extract/content"
	"github.com/armswatch/armswatch/extract/lexicon"

	toml "github.com/pelletier/go-toml/v2"
)

// Config is the whole file.
type Config struct {
	Database  string            `toml:"database"`
	UserAgent string            `toml:"user_agent"`
	Crawl     Crawl             `toml:"crawl"`
	Analysis  Analysis          `toml:"analysis"`
	Sources   []Source          `toml:"sources"`
	Lexicon   Lexicon           `toml:"lexicon"`
	Profiles  []content.Profile `toml:"profiles"`
	Watches   []Watch           `toml:"watch"`
	Notify    Notify            `toml:"notify"`

	// Path is the file the config came from ("" for the built-in defaults).
	Path string `toml:"-"`
	// ProfileSet is the built-in site profiles with Profiles added; nil when there are none.
	ProfileSet *content.ProfileSet `toml:"-"`
}

// Crawl holds the crawler's politeness and limits.
type Crawl struct {
	Parallelism           int      `toml:"parallelism"`
	Delay                 Duration `toml:"delay"`
	RandomDelay           Duration `toml:"random_delay"`
	Timeout               Duration `toml:"timeout"`
	MaxBodyBytes          int      `toml:"max_body_bytes"`
	MaxPagesPerRun        int      `toml:"max_pages_per_run"`
	MaxPagesPerHost       int      `toml:"max_pages_per_host"`
	AllowPrivateAddresses bool     `toml:"allow_private_addresses"`
	AnalysisTimeout       Duration `toml:"analysis_timeout"` // per page: extract.HTMLContext's deadline
}

// Analysis holds the user's additions to the analyzer's built-in data.
type Analysis struct {
	ReportingVerbs []string `toml:"reporting_verbs"`
	Keywords       []string `toml:"keywords"`
}

// Source is one site to crawl.
type Source struct {
	Name           string   `toml:"name"`
	Profile        string   `toml:"profile"`
	Language       string   `toml:"language"`
	Feeds          []string `toml:"feeds"`
	Sitemaps       []string `toml:"sitemaps"`
	StartURLs      []string `toml:"start_urls"`
	ArticlePattern string   `toml:"article_pattern"`
	AllowedHosts   []string `toml:"allowed_hosts"`
	Keywords       []string `toml:"keywords"`

	// Pattern is ArticlePattern compiled.
	Pattern *regexp.Regexp `toml:"-"`
}

// Lexicon holds the user's treaties, weapons and organisations.
type Lexicon struct {
	Treaty       []lexicon.Entry `toml:"treaty"`
	Weapon       []lexicon.Entry `toml:"weapon"`
	Organization []lexicon.Entry `toml:"organization"`
}

// Duration is a time.Duration written as a string ("2s", "1m30s").
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("not a duration (write it like \"2s\" or \"1m30s\"): %q", b)
	}
	if v < 0 {
		return fmt.Errorf("negative duration %q", b)
	}
	d.Duration = v
	return nil
}

// Default returns the settings used when a key is absent.
func Default() *Config {
	c := crawler.Defaults()
	return &Config{
		Database:  "armswatch.db",
		UserAgent: c.UserAgent,
		Crawl: Crawl{
			Parallelism: c.Parallelism, Delay: Duration{2 * time.Second}, RandomDelay: Duration{time.Second},
			Timeout: Duration{c.Timeout}, MaxBodyBytes: c.MaxBodyBytes,
			MaxPagesPerRun: 500, MaxPagesPerHost: 200, AnalysisTimeout: Duration{30 * time.Second},
		},
	}
}

// Error is a configuration error at a place in a file.
type Error struct {
	File string
	Line int // 0 when unknown
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// Find returns the config file to use: explicit, else ./config.toml, else
// $XDG_CONFIG_HOME/armswatch/config.toml; "" when there is none and none was asked for.
func Find(explicit string) string {
	if explicit != "" {
		return explicit
	}
	if _, err := os.Stat("config.toml"); err == nil {
		return "config.toml"
	}
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = filepath.Join(home, ".config")
		}
	}
	if dir != "" {
		p := filepath.Join(dir, "armswatch", "config.toml")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// Load reads and checks the file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and checks config data; name is the file's path, used in error messages and
// to resolve a relative database.
func Parse(name string, data []byte) (*Config, error) {
	c := Default()
	c.Path = name
	c.Database = ""
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, decodeError(name, err)
	}
	c.Database = databasePath(name, c.Database)
	if err := c.check(name, data); err != nil {
		return nil, err
	}
	if err := c.checkWatches(name, data); err != nil {
		return nil, err
	}
	return c, nil
}

// databasePath resolves the file's database key: a relative path is relative to the config
// file's folder, so that `armswatch crawl --config /srv/armswatch/config.toml` from anywhere
// (cron, another shell) finds the same database. Without the key, the default armswatch.db is
// in the working directory as when there is no config at all (--db flags too are relative to
// the working directory, as flags are).
func databasePath(configPath, db string) string {
	if db == "" {
		return Default().Database
	}
	if filepath.IsAbs(db) || isURL(db) {
		return db
	}
	return filepath.Join(filepath.Dir(configPath), db)
}

// isURL tells a database URL (postgres://user@host/db) from a file path: it is not resolved
// against the config file's folder.
func isURL(db string) bool {
	scheme, _, ok := strings.Cut(db, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`)
}

// typeMismatch matches go-toml's message for a value of the wrong type, which names Go struct
// fields a user never sees.
var typeMismatch = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)$`)

func goTypeWord(t string) string {
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "float"):
		return "a number"
	}
	return "a value of another type"
}

func decodeError(name string, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		switch msg {
		case "unknown field":
			msg = "unknown key"
		case "missing table":
			msg = "unknown table"
		}
		if m := typeMismatch.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("expected %s, got a TOML %s", goTypeWord(m[2]), m[1])
		}
		return &Error{File: name, Line: row, Key: strings.Join(de.Key(), "."), Msg: msg}
	}
	var se *toml.StrictMissingError
	if errors.As(err, &se) && len(se.Errors) > 0 {
		e := se.Errors[0]
		row, _ := e.Position()
		return &Error{File: name, Line: row, Key: strings.Join(e.Key(), "."), Msg: "unknown key"}
	}
	return &Error{File: name, Msg: err.Error()}
}
