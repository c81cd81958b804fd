package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Watch is one [[watch]]: a saved search whose new matches are sent to its notifiers
// (docs/watches.md). Filters of different keys must all match; the values of one key are
// alternatives. speaker, treaty, source, kind and figure_category take a string or a list.
type Watch struct {
	Name           string   `toml:"name"`
	Speaker        any      `toml:"speaker"`         // the speaker's name contains this (any case)
	Treaty         any      `toml:"treaty"`          // lexicon id: new_start, inf, ctbt ...
	Source         any      `toml:"source"`          // the configured source name
	Kind           any      `toml:"kind"`            // statement kind: direct, reported, transcript
	FigureCategory any      `toml:"figure_category"` // figures only: deployed_warheads ...
	MinValue       *float64 `toml:"min_value"`       // figures only
	MaxValue       *float64 `toml:"max_value"`       // figures only
	Query          string   `toml:"query"`           // FTS5 query over statements (text and speaker)
	Notify         []string `toml:"notify"`          // webhook, email, feed

	// The string-or-list keys as lists, lower-cased where matching ignores case.
	Speakers, Treaties, Sources, Kinds, FigureCategories []string `toml:"-"`
}

// Figures says whether the watch matches treaty figures (figure_category, min_value or
// max_value given, or only treaty and source).
func (w *Watch) Figures() bool {
	return w.figureOnly() || !w.statementOnly()
}

// Statements says whether the watch matches statements (anything but figure keys given).
func (w *Watch) Statements() bool { return !w.figureOnly() }

func (w *Watch) figureOnly() bool {
	return len(w.FigureCategories) > 0 || w.MinValue != nil || w.MaxValue != nil
}

func (w *Watch) statementOnly() bool { return len(w.Kinds) > 0 || w.Query != "" }

// Notify holds where watches send their matches: [notify.webhook], [notify.email], [notify.feed].
type Notify struct {
	Webhook *Webhook `toml:"webhook"`
	Email   *Email   `toml:"email"`
	Feed    *Feed    `toml:"feed"`
}

// Webhook is a JSON POST per watch and run.
type Webhook struct {
	URL       string   `toml:"url"`
	Secret    string   `toml:"secret"`     // HMAC-SHA256 key; secret_env is better (config files get shared)
	SecretEnv string   `toml:"secret_env"` // environment variable holding the key
	Topic     string   `toml:"topic"`      // ntfy: the topic, when url is the server's root
	Timeout   Duration `toml:"timeout"`    // per attempt; default 10s
	Retries   *int     `toml:"retries"`    // attempts after the first; default 3
	Backoff   Duration `toml:"backoff"`    // wait before the first retry, doubled each time; default 1s
}

// Email is one message per watch and run over SMTP.
type Email struct {
	SMTP        string   `toml:"smtp"` // host:port, e.g. smtp.example.org:587
	From        string   `toml:"from"`
	To          []string `toml:"to"`
	User        string   `toml:"user"`
	PasswordEnv string   `toml:"password_env"`
	RequireTLS  *bool    `toml:"require_tls"` // default true: refuse to send when STARTTLS is not offered
	Timeout     Duration `toml:"timeout"`     // the whole exchange; default 30s
}

// Feed writes an Atom file per watch.
type Feed struct {
	Dir     string `toml:"dir"`     // DIR/NAME.atom; relative to the config file's folder
	Entries int    `toml:"entries"` // newest entries kept in each file; default 50
}

// Notifier channel names, as watches list them in notify.
const (
	ChannelWebhook = "webhook"
	ChannelEmail   = "email"
	ChannelFeed    = "feed"
)

// statementKinds are the values of statements.kind.
var statementKinds = []string{"direct", "reported", "transcript"}

// watchName keeps names usable as file names (the feed is NAME.atom) and in URLs.
var watchName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// checkWatches validates [[watch]] and [notify.*] and fills their defaults.
func (c *Config) checkWatches(name string, data []byte) error {
	bad := func(table string, index int, key, format string, a ...any) error {
		return &Error{File: name, Line: lineOf(data, table, index, key), Key: qualified(table, index, key), Msg: fmt.Sprintf(format, a...)}
	}
	if err := c.checkNotify(name, data, bad); err != nil {
		return err
	}
	seen := map[string]bool{}
	for i := range c.Watches {
		w := &c.Watches[i]
		if !watchName.MatchString(w.Name) {
			return bad("watch", i, "name", "every [[watch]] needs a name of letters, digits, '.', '_' or '-' (it names the feed file), got %q", w.Name)
		}
		if seen[w.Name] {
			return bad("watch", i, "name", "watch %q is defined twice", w.Name)
		}
		seen[w.Name] = true
		if err := w.normalize(func(key, format string, a ...any) error { return bad("watch", i, key, format, a...) }); err != nil {
			return err
		}
		if len(w.Notify) == 0 {
			return bad("watch", i, "notify", "watch %q sends nowhere: give notify = [\"webhook\", \"email\", \"feed\"] (any of them)", w.Name)
		}
		configured := map[string]bool{ChannelWebhook: c.Notify.Webhook != nil, ChannelEmail: c.Notify.Email != nil, ChannelFeed: c.Notify.Feed != nil}
		for _, ch := range w.Notify {
			ok, known := configured[ch]
			if !known {
				return bad("watch", i, "notify", "%q is not a notifier (webhook, email or feed)", ch)
			}
			if !ok {
				return bad("watch", i, "notify", "%q needs a [notify.%s] table", ch, ch)
			}
		}
		if len(uniq(w.Notify)) != len(w.Notify) {
			return bad("watch", i, "notify", "a notifier is listed twice")
		}
	}
	return nil
}

func uniq(s []string) []string { return slices.Compact(slices.Sorted(slices.Values(s))) }

// normalize turns the string-or-list keys into lists and checks the filters.
func (w *Watch) normalize(bad func(key, format string, a ...any) error) error {
	var err error
	for _, k := range []struct {
		key   string
		value any
		out   *[]string
		lower bool
	}{
		{"speaker", w.Speaker, &w.Speakers, true}, {"treaty", w.Treaty, &w.Treaties, true},
		{"source", w.Source, &w.Sources, false}, {"kind", w.Kind, &w.Kinds, true},
		{"figure_category", w.FigureCategory, &w.FigureCategories, true},
	} {
		if *k.out, err = stringOrList(k.value, k.lower); err != nil {
			return bad(k.key, "%v", err)
		}
	}
	for _, k := range w.Kinds {
		if !slices.Contains(statementKinds, k) {
			return bad("kind", "%q is not a statement kind (%s)", k, strings.Join(statementKinds, ", "))
		}
	}
	w.Query = strings.TrimSpace(w.Query)
	if w.figureOnly() && w.statementOnly() {
		return bad("query", "figure_category, min_value and max_value select figures; kind and query select statements: a watch cannot have both (make two watches)")
	}
	if w.MinValue != nil && w.MaxValue != nil && *w.MinValue > *w.MaxValue {
		return bad("max_value", "max_value %v is less than min_value %v", *w.MaxValue, *w.MinValue)
	}
	if len(w.Speakers)+len(w.Treaties)+len(w.Sources)+len(w.Kinds)+len(w.FigureCategories) == 0 &&
		w.MinValue == nil && w.MaxValue == nil && w.Query == "" {
		return bad("name", "watch %q has no filter: give at least one of speaker, treaty, source, kind, query, figure_category, min_value, max_value", w.Name)
	}
	return nil
}

// stringOrList reads a key written as "a" or ["a", "b"].
func stringOrList(v any, lower bool) ([]string, error) {
	var out []string
	add := func(x any) error {
		s, ok := x.(string)
		if !ok {
			return fmt.Errorf("expected a string or a list of strings, got %v", x)
		}
		if s = strings.TrimSpace(s); s == "" {
			return fmt.Errorf("empty value")
		}
		if lower {
			s = strings.ToLower(s)
		}
		out = append(out, s)
		return nil
	}
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		if len(x) == 0 {
			return nil, fmt.Errorf("empty list")
		}
		for _, e := range x {
			if err := add(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	default:
		return out, add(x)
	}
}

// checkNotify validates the notifier tables and fills their defaults.
func (c *Config) checkNotify(name string, data []byte, bad func(string, int, string, string, ...any) error) error {
	if h := c.Notify.Webhook; h != nil {
		if p, err := url.Parse(h.URL); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return bad("notify.webhook", -1, "url", "%q is not an http(s) URL", h.URL)
		}
		if h.Secret != "" && h.SecretEnv != "" {
			return bad("notify.webhook", -1, "secret", "give secret or secret_env, not both")
		}
		if h.SecretEnv != "" && !isEnvName(h.SecretEnv) {
			return bad("notify.webhook", -1, "secret_env", "%q is not an environment variable name (the secret itself goes in that variable)", h.SecretEnv)
		}
		if h.Timeout.Duration == 0 {
			h.Timeout.Duration = 10 * time.Second
		}
		if h.Retries == nil {
			h.Retries = new(int)
			*h.Retries = 3
		}
		if *h.Retries < 0 || *h.Retries > 10 {
			return bad("notify.webhook", -1, "retries", "must be from 0 to 10, got %d", *h.Retries)
		}
		if h.Backoff.Duration == 0 {
			h.Backoff.Duration = time.Second
		}
	}
	if m := c.Notify.Email; m != nil {
		if host, port, err := net.SplitHostPort(m.SMTP); err != nil || host == "" || port == "" {
			return bad("notify.email", -1, "smtp", "%q is not host:port (e.g. smtp.example.org:587)", m.SMTP)
		}
		if _, err := mail.ParseAddress(m.From); err != nil {
			return bad("notify.email", -1, "from", "%q is not an e-mail address", m.From)
		}
		if len(m.To) == 0 {
			return bad("notify.email", -1, "to", "give at least one address")
		}
		for _, to := range m.To {
			if _, err := mail.ParseAddress(to); err != nil {
				return bad("notify.email", -1, "to", "%q is not an e-mail address", to)
			}
		}
		if (m.User == "") != (m.PasswordEnv == "") {
			return bad("notify.email", -1, "user", "give user and password_env together (or neither, for a relay that needs no login)")
		}
		if m.PasswordEnv != "" && !isEnvName(m.PasswordEnv) {
			return bad("notify.email", -1, "password_env", "%q is not an environment variable name (the password itself goes in that variable)", m.PasswordEnv)
		}
		if m.RequireTLS == nil {
			m.RequireTLS = new(bool)
			*m.RequireTLS = true
		}
		if m.Timeout.Duration == 0 {
			m.Timeout.Duration = 30 * time.Second
		}
	}
	if f := c.Notify.Feed; f != nil {
		if strings.TrimSpace(f.Dir) == "" {
			return bad("notify.feed", -1, "dir", "give the folder the NAME.atom files go in")
		}
		if !filepath.IsAbs(f.Dir) && name != "" {
			f.Dir = filepath.Join(filepath.Dir(name), f.Dir)
		}
		if f.Entries == 0 {
			f.Entries = 50
		}
		if f.Entries < 1 || f.Entries > 10000 {
			return bad("notify.feed", -1, "entries", "must be from 1 to 10000, got %d", f.Entries)
		}
	}
	return nil
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func isEnvName(s string) bool { return envName.MatchString(s) }
