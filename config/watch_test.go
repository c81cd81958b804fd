package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const notifyTables = `
[notify.webhook]
url = "https://hooks.example.org/armswatch"
secret_env = "ARMSWATCH_WEBHOOK_SECRET"
[notify.email]
smtp = "smtp.example.org:587"
from = "armswatch@example.org"
to = ["desk@example.org"]
user = "armswatch"
password_env = "ARMSWATCH_SMTP_PASSWORD"
[notify.feed]
dir = "feeds"
`

func TestWatchesLoad(t *testing.T) {
	src := `[[watch]]
name = "ryabkov-new-start"
speaker = "Sergei Ryabkov"
treaty = "new_start"
notify = ["webhook", "email", "feed"]

[[watch]]
name = "warhead-numbers"
figure_category = ["deployed_warheads", "warheads_total"]
min_value = 1000
notify = ["feed"]
` + notifyTables
	c, err := Parse(filepath.Join("srv", "config.toml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Watches) != 2 {
		t.Fatalf("watches: %+v", c.Watches)
	}
	w := c.Watches[0]
	if strings.Join(w.Speakers, "|") != "sergei ryabkov" || strings.Join(w.Treaties, "|") != "new_start" || !w.Statements() || !w.Figures() {
		t.Errorf("first watch: %+v", w)
	}
	w = c.Watches[1]
	if len(w.FigureCategories) != 2 || w.MinValue == nil || *w.MinValue != 1000 || w.Statements() || !w.Figures() {
		t.Errorf("second watch: %+v", w)
	}
	if c.Notify.Feed.Dir != filepath.Join("srv", "feeds") || c.Notify.Feed.Entries != 50 {
		t.Errorf("feed defaults: %+v", c.Notify.Feed)
	}
	if h := c.Notify.Webhook; *h.Retries != 3 || h.Timeout.Seconds() != 10 || h.Backoff.Seconds() != 1 {
		t.Errorf("webhook defaults: %+v", h)
	}
	if !*c.Notify.Email.RequireTLS {
		t.Errorf("require_tls should default to true")
	}
}

func TestWatchErrorsNameFileLineAndKey(t *testing.T) {
	cases := []struct{ name, toml, want string }{
		{"no notifier table", "[[watch]]\nname = \"a\"\ntreaty = \"inf\"\nnotify = [\"email\"]\n",
			"bad.toml:4: watch[0].notify: \"email\" needs a [notify.email] table"},
		{"unknown notifier", "[[watch]]\nname = \"a\"\ntreaty = \"inf\"\nnotify = [\"sms\"]\n" + notifyTables,
			"bad.toml:4: watch[0].notify: \"sms\" is not a notifier"},
		{"no filter", "[[watch]]\nname = \"a\"\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:2: watch[0].name: watch \"a\" has no filter"},
		{"duplicate", "[[watch]]\nname = \"a\"\ntreaty = \"inf\"\nnotify = [\"feed\"]\n[[watch]]\nname = \"a\"\ntreaty = \"inf\"\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:6: watch[1].name: watch \"a\" is defined twice"},
		{"bad name", "[[watch]]\nname = \"../x\"\ntreaty = \"inf\"\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:2: watch[0].name: every [[watch]] needs a name"},
		{"bad kind", "[[watch]]\nname = \"a\"\nkind = \"quoted\"\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:3: watch[0].kind: \"quoted\" is not a statement kind"},
		{"number for speaker", "[[watch]]\nname = \"a\"\nspeaker = [\"Lavrov\", 3]\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:3: watch[0].speaker: expected a string or a list of strings"},
		{"figures and query", "[[watch]]\nname = \"a\"\nmin_value = 5\nquery = \"warheads\"\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:4: watch[0].query: figure_category, min_value and max_value select figures"},
		{"min over max", "[[watch]]\nname = \"a\"\nmin_value = 5\nmax_value = 1\nnotify = [\"feed\"]\n" + notifyTables,
			"bad.toml:4: watch[0].max_value: max_value 1 is less than min_value 5"},
		{"unknown watch key", "[[watch]]\nname = \"a\"\nspeakers = \"x\"\n", "bad.toml:3: watch.speakers: unknown key"},
		{"unknown notifier table", "[notify.slack]\nurl = \"https://x.org\"\n", "bad.toml:1: notify.slack: unknown table"},
		{"webhook url", "[notify.webhook]\nsecret_env = \"S\"\nurl = \"hooks.example.org\"\n", "bad.toml:3: notify.webhook.url: \"hooks.example.org\" is not an http(s) URL"},
		{"secret in env key", "[notify.webhook]\nurl = \"https://h.org/x\"\nsecret_env = \"s3cr3t value\"\n", "bad.toml:3: notify.webhook.secret_env: \"s3cr3t value\" is not an environment variable name"},
		{"smtp", "[notify.email]\nfrom = \"a@b.org\"\nsmtp = \"smtp.example.org\"\nto = [\"c@d.org\"]\n", "bad.toml:3: notify.email.smtp: \"smtp.example.org\" is not host:port"},
		{"to", "[notify.email]\nsmtp = \"h:25\"\nfrom = \"a@b.org\"\nto = [\"desk\"]\n", "bad.toml:4: notify.email.to: \"desk\" is not an e-mail address"},
		{"user without password", "[notify.email]\nsmtp = \"h:25\"\nfrom = \"a@b.org\"\nto = [\"c@d.org\"]\nuser = \"u\"\n", "bad.toml:5: notify.email.user: give user and password_env together"},
		{"feed dir", "[notify.feed]\nentries = 5\n", "bad.toml:1: notify.feed.dir: give the folder"},
		{"min_value type", "[[watch]]\nname = \"a\"\nmin_value = \"many\"\n", "bad.toml:3: watch.min_value: expected a number, got a TOML string"},
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

// TestShippedWatchExamplesLoad uncomments config.toml's [[watch]] and [notify.*] examples and
// loads them, so the documented keys stay true.
func TestShippedWatchExamplesLoad(t *testing.T) {
	data, err := os.ReadFile("../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "# [[watch]]")
	if i < 0 {
		t.Fatal("config.toml has no commented [[watch]] example")
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, line := range strings.Split(s[i:], "\n") {
		body, ok := strings.CutPrefix(line, "# ")
		if ok && (strings.HasPrefix(body, "[") || strings.Contains(strings.SplitN(body, "#", 2)[0], "=")) {
			b.WriteString(body + "\n")
		}
	}
	c, err := Parse("config.toml", []byte(b.String()))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String()[i:])
	}
	if len(c.Watches) != 2 || c.Notify.Webhook == nil || c.Notify.Email == nil || c.Notify.Feed == nil {
		t.Fatalf("examples: %+v %+v", c.Watches, c.Notify)
	}
}
