package content

import (
	"errors"
	"strings"
	"testing"
)

// A UTF-8 page is UTF-8 whatever its header says, and the overruled declaration is reported.
func TestUTF8OverrulesDeclaration(t *testing.T) {
	for _, ct := range []string{"text/html; charset=windows-1251", "text/html; charset=koi8-r"} {
		r, err := Extract(Input{HTML: []byte(page("", ruTitle, ruBody)), URL: "https://example.ru/a", ContentType: ct})
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != ruTitle || !strings.Contains(strings.Join(r.Paragraphs, " "), "Сергей Рябков") {
			t.Errorf("%s: title %q body %q: mojibake", ct, r.Title, r.Paragraphs)
		}
		if !hasWarning(r.Warnings, "but the bytes are UTF-8") {
			t.Errorf("%s: warnings %q, want the overruled declaration", ct, r.Warnings)
		}
	}
}

// One stray byte does not make a UTF-8 page KOI8-R: it becomes U+FFFD, the rest reads right.
func TestStrayByteInUTF8(t *testing.T) {
	p := []byte(page("", ruTitle, ruBody+" \xff"))
	for _, ct := range []string{"", "text/html; charset=utf-8"} {
		r, err := Extract(Input{HTML: p, URL: "https://example.ru/a", ContentType: ct})
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != ruTitle || !strings.Contains(strings.Join(r.Paragraphs, " "), "Сергей Рябков") {
			t.Errorf("header %q: title %q body %q", ct, r.Title, r.Paragraphs)
		}
		if !hasWarning(r.Warnings, "invalid UTF-8") {
			t.Errorf("header %q: warnings %q, want the replaced byte reported", ct, r.Warnings)
		}
	}
}

func hasWarning(warnings []string, part string) bool {
	for _, w := range warnings {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

// Six hundred unclosed <span>s (past the parser's nesting limit of 512) cost the page its deep
// markup, not its article.
func TestDeepNestingDegrades(t *testing.T) {
	html := "<html><head><title>Arms talks resume</title></head><body>" + strings.Repeat("<span>", 600) +
		"</body></html>"
	html = strings.Replace(html, "<body>", "<body><article><h1>Arms talks resume</h1><p>"+deBody+"</p><p>"+plBody+"</p></article>", 1)
	r, err := Extract(Input{HTML: []byte(html), URL: "https://example.org/a"})
	if err != nil {
		t.Fatalf("a page with deep nesting failed: %v", err)
	}
	if body := strings.Join(r.Paragraphs, " "); !strings.Contains(body, "Außenministerin Müller") {
		t.Errorf("body %q: the article was lost", body)
	}
	if !hasWarning(r.Warnings, "nests elements too deeply") {
		t.Errorf("warnings %q, want the dropped tags reported", r.Warnings)
	}

	// Nesting before the article too: the article's text survives as text.
	html = "<html><body>" + strings.Repeat("<div>", 700) + "<p>" + deBody + "</p><p>" + plBody + "</p>" + strings.Repeat("</div>", 700) + "</body></html>"
	r, err = Extract(Input{HTML: []byte(html), URL: "https://example.org/a"})
	if err != nil {
		t.Fatalf("a page with deep nesting failed: %v", err)
	}
	if body := strings.Join(r.Paragraphs, " "); !strings.Contains(body, "Außenministerin Müller") {
		t.Errorf("body %q: the article was lost", body)
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // "" = accepted
	}{
		{"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"},
		{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "application/x-gzip"},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"},
		{"PK\x03\x04\x14\x00\x00\x00", "application/zip"},
		{"\x00\x01\x02\x03\x04binary", "application/octet-stream"},
		{"<html><head><title>\x07\x1b]0;pwned\x07</title></head><body><p>text</p></body></html>", ""},
		{"Plain text, a transcript.\n\nQUESTION: Yes?", ""},
		{"", ""},
		{"\xef\xbb\xbf<!doctype html><p>BOM</p>", ""},
	} {
		err := Sniff([]byte(c.in))
		if c.want == "" {
			if err != nil {
				t.Errorf("%q: %v, want accepted", c.in, err)
			}
			continue
		}
		var nt *NotTextError
		if !errors.As(err, &nt) || nt.Type != c.want || !errors.Is(err, ErrNotText) || !strings.HasPrefix(err.Error(), "skipped: "+c.want) {
			t.Errorf("%q: %v, want skipped: %s", c.in, err, c.want)
		}
	}
}
