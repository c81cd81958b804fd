package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// ESC and BEL in a page's title and body would drive the terminal of whoever prints them; they
// are stripped before offsets are taken, so offsets still index the body.
func TestControlCharactersStripped(t *testing.T) {
	page := "<html><head><title>Talks\x1b]0;pwned\x07 resume\x1b[2J</title></head><body><article><h1>Talks resume</h1>" +
		"<p>\"We are ready\x1b[31m to talk,\" Sergey Ryabkov said\x07 on Monday.\u009b</p>" +
		"<p>The New START treaty limits each side to 1,550 deployed warheads.</p>" +
		"<p>The treaty, signed in Prague in 2010, expires in February, and Moscow has said it will keep to its limits for a year if Washington does the same.</p></article></body></html>"
	a, err := HTML([]byte(page), Options{URL: "https://example.org/news/1"})
	if err != nil {
		t.Fatal(err)
	}
	text := Text("\"We are ready\x1b[31m to talk,\" Sergey Ryabkov said\x07 on Monday.\r\n\r\nMore\x00 text.", Options{})
	for _, an := range []*Analysis{a, text} {
		for _, s := range []string{an.Title, an.Body} {
			if strings.ContainsAny(s, "\x1b\x07\x00\r\u009b") {
				t.Errorf("control characters kept: %q", s)
			}
		}
		checkOffsets(t, an)
		if len(an.Statements) == 0 || an.Statements[0].Speaker == "" {
			t.Errorf("statements %+v: the cleaned text must still be analyzed", an.Statements)
		}
	}
}

// A deadline stops the analysis between analyzers: what was found is kept, with a warning, and
// the error says why.
func TestDeadlineStopsAnalysis(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a, err := HTMLContext(ctx, hugePage(20), Options{URL: "https://example.org/news/1"})
	if !errors.Is(err, ErrStopped) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want ErrStopped", err)
	}
	if a == nil || a.Body == "" || len(a.Statements) != 0 || len(a.Warnings) == 0 || !strings.Contains(a.Warnings[len(a.Warnings)-1], "analysis stopped after") {
		t.Fatalf("analysis %+v: want the body, no statements, a warning", a)
	}

	// A deadline that passes during the analysis of a long page stops it early.
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	a, err = TextContext(ctx, hugeText(3000), Options{})
	if !errors.Is(err, ErrStopped) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want a deadline stop", err)
	}
	checkOffsets(t, a)
	if _, err := TextContext(context.Background(), hugeText(3), Options{}); err != nil {
		t.Errorf("no deadline: %v", err)
	}
}

// A PDF, a gzip file or an image is never analyzed as an article.
func TestNotText(t *testing.T) {
	for _, c := range [][2]string{{"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf"}, {"\x1f\x8b\x08\x00\x00\x00", "application/x-gzip"}, {"GIF89a\x01\x00", "image/gif"}} {
		a, err := HTML([]byte(c[0]), Options{})
		if a != nil || !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), "skipped: "+c[1]) {
			t.Errorf("%q: %v, want skipped: %s", c[0], err, c[1])
		}
		if _, err := TextContext(context.Background(), c[0], Options{}); !errors.Is(err, ErrNotText) {
			t.Errorf("text %q: %v, want ErrNotText", c[0], err)
		}
	}
}

// checkOffsets asserts the contract's offsets: in range, on UTF-8 boundaries, the text they give.
func checkOffsets(t *testing.T, a *Analysis) {
	t.Helper()
	body := a.Body
	ok := func(what string, start, end int, text string) {
		if start < 0 || end > len(body) || start > end || !utf8Boundary(body, start) || !utf8Boundary(body, end) {
			t.Fatalf("%s [%d,%d) out of body of %d bytes or off a rune boundary", what, start, end, len(body))
		}
		if text != "" && body[start:end] != text {
			t.Fatalf("%s body[%d:%d] = %q, text %q", what, start, end, body[start:end], text)
		}
	}
	for _, s := range a.Statements {
		ok("statement", s.Start, s.End, "")
	}
	for _, d := range a.Dates {
		ok("date", d.Start, d.End, d.Text)
	}
	for _, f := range a.Figures {
		ok("figure", f.Start, f.End, f.Text)
	}
	for _, m := range a.Mentions {
		ok("mention", m.Start, m.End, m.Text)
	}
	if a.Dateline != nil {
		ok("dateline", a.Dateline.Start, a.Dateline.End, "")
	}
}

func utf8Boundary(s string, i int) bool {
	return i == len(s) || i == 0 || s[i]&0xC0 != 0x80
}
