package content

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The remove selectors are run inside the profile's root and on the root's ancestors only: every
// profiled page, and pages where a removed element holds the root, sits inside it or outside it,
// give the result the walk of the whole page gave.
func TestRemovedInsideScope(t *testing.T) {
	type page struct {
		url, profile string
		html         []byte
		set          *ProfileSet
	}
	var pages []page
	labels, _ := filepath.Glob("../../testdata/profiles/*.golden.json")
	demo, _ := filepath.Glob("../../demo/site/articles/*.gold.json")
	for _, l := range append(labels, demo...) {
		raw, err := os.ReadFile(l)
		if err != nil {
			t.Fatal(err)
		}
		var d struct{ URL string }
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		html, err := os.ReadFile(strings.TrimSuffix(strings.TrimSuffix(l, ".gold.json"), ".golden.json") + ".html")
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, page{url: d.URL, html: html})
	}
	if len(pages) < 20 {
		t.Fatalf("only %d profiled pages", len(pages))
	}
	set, err := NewProfileSet([]Profile{{Name: "scoped", Hosts: []string{"scoped.example"}, Root: "div.article",
		Title: "h1", Body: "p", Authors: "span.author", Remove: []string{"div.promo", "section.gone", "aside"}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		`<div class="article"><h1>T</h1><p>kept</p><div class="promo"><p>promo inside</p><span class="author">Ann Lee</span></div><p>also kept</p></div><aside><p>outside</p></aside>`,
		`<section class="gone"><div class="article"><h1>T</h1><p>under a removed ancestor</p></div></section>`,
		`<div class="promo article"><h1>T</h1><p>the root itself removed</p></div>`,
		`<aside><p>no root</p></aside><p>body without root</p><div class="promo"><p>x</p></div>`,
	} {
		pages = append(pages, page{url: "https://scoped.example/a", profile: "scoped", html: []byte("<html><body>" + body + "</body></html>"), set: set})
	}
	for _, p := range pages {
		in := Input{HTML: p.html, URL: p.url, Profile: p.profile, Profiles: p.set}
		got, err := Extract(in)
		if err != nil {
			t.Fatal(err)
		}
		removeWholePage = true
		want, err := Extract(in)
		removeWholePage = false
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: inside the root %+v, whole page %+v", p.url, got, want)
		}
	}
}
