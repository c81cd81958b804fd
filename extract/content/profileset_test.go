package content

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

func TestProfileSetErrorsNameFileAndField(t *testing.T) {
	cases := []struct {
		p    Profile
		want string
	}{
		{Profile{Name: "x", Body: "p["}, "field body"},
		{Profile{Name: "x", Body: "p", Title: "h1[", Hosts: []string{"x.org"}}, "field title"},
		{Profile{Name: "x", Body: "p", Remove: []string{"div", "::bad"}}, "field remove[1]"},
		{Profile{Name: "x"}, "field body: missing"},
		{Profile{Name: "x", Body: "p", Time: "time", TimeFormat: "2006-31-01"}, "field time_format"},
		{Profile{Name: "x", Body: "p", Time: "time", TimeFormat: "unix", TimeZone: "Mars/Olympus"}, "field time_zone"},
		{Profile{Name: "x", Body: "p", AuthorRe: "(("}, "field author_strip"},
		{Profile{Name: "x", Body: "p", Language: "english"}, "field language"},
		{Profile{Body: "p"}, "field name: missing"},
	}
	for _, c := range cases {
		_, err := NewProfileSet([]Profile{c.p}, "config.toml")
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "config.toml") {
			t.Errorf("%+v: error %v, want one naming config.toml and %q", c.p, err, c.want)
		}
	}
}

// A user's [[profiles]] table, decoded as config does, adds a site and overrides a built-in field.
func TestProfileSetFromConfig(t *testing.T) {
	var cfg struct {
		Profiles []Profile `toml:"profiles"`
	}
	src := `
[[profiles]]
name = "example"
hosts = ["news.example.org"]
language = "en"
title = "h1.headline"
body = "div.story > p"
remove = ["p.promo"]
time = "span.when"
time_format = "2 January 2006 15:04"
time_zone = "+02:00"

[[profiles]]
name = "tass"
remove = ["div.news-media", "div.text-block p.note"]
`
	if err := toml.Unmarshal([]byte(src), &cfg); err != nil {
		t.Fatal(err)
	}
	set, err := NewProfileSet(cfg.Profiles, "config.toml")
	if err != nil {
		t.Fatal(err)
	}
	if p := set.get("tass"); p == nil || p.Body == "" || len(p.Remove) != 2 {
		t.Fatalf("tass override lost the built-in fields or the new ones: %+v", p)
	}
	page := `<html><body><h1 class="headline">Talks resume</h1><span class="when">5 February 2021 10:30</span>
<div class="story"><p>GENEVA - Talks on strategic stability resumed on Friday.</p><p class="promo">Subscribe now</p><p>Both delegations met for three hours.</p></div></body></html>`
	r, err := Extract(Input{HTML: []byte(page), URL: "https://news.example.org/a/1", Profiles: set})
	if err != nil {
		t.Fatal(err)
	}
	if r.Profile != "example" || r.Title != "Talks resume" || len(r.Paragraphs) != 2 ||
		r.Paragraphs[1] != "Both delegations met for three hours." || r.Published.String() != "2021-02-05T10:30:00+02:00" {
		t.Errorf("got profile %q title %q paragraphs %q published %s", r.Profile, r.Title, r.Paragraphs, r.Published.String())
	}
	forced, _ := Extract(Input{HTML: []byte(page), URL: "https://news.example.org/a/1", Profiles: set, Profile: "generic"})
	if forced.Profile != "generic" {
		t.Errorf("profile %q forced to generic gave %q", "generic", forced.Profile)
	}
}

func TestBuiltinProfilesDetectByHost(t *testing.T) {
	set, err := BuiltinProfiles()
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]string{
		"tass.com": "tass", "www.tass.com": "tass", "en.kremlin.ru": "kremlin-en", "kremlin.ru": "kremlin",
		"www.state.gov": "state", "2021-2025.state.gov": "state", "sputnikglobe.com": "sputnik",
		"ria.ru": "ria", "www.interfax.ru": "interfax", "www.armscontrol.org": "armscontrol", "example.org": "",
	} {
		got := ""
		if p := set.forHost(host); p != nil {
			got = p.Name
		}
		if got != want {
			t.Errorf("host %s: profile %q, want %q", host, got, want)
		}
	}
}
