package serve

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests load the pages in a real headless Chromium (Debian's chromium package;
// .ci/run installs it) through github.com/chromedp/chromedp: no console error (a CSP violation
// is one), charts drawn, search finding a stored quote, the article page marking the seed's
// statements, and the hostile article's markup staying text. Each page's screenshot goes to
// serve/screenshots/ (git-ignored; ARMSWATCH_SCREENSHOTS names another folder) to look at.

// browserPath finds Chromium, or skips the test saying how to get it.
func browserPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH: the browser tests need it (apt-get install chromium; .ci/run installs it)")
	return ""
}

// browser starts a headless Chromium and collects the console errors, log errors and dialogs
// of the pages it loads.
type browser struct {
	ctx    context.Context
	mu     sync.Mutex
	errors []string
}

func newBrowser(t *testing.T) *browser {
	exe := browserPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	b := &browser{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				b.errors = append(b.errors, fmt.Sprintf("console.error %v", e.Args))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				b.errors = append(b.errors, fmt.Sprintf("%s: %s (%s)", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		case *page.EventJavascriptDialogOpening:
			b.errors = append(b.errors, "a dialog opened: "+e.Message)
		}
	})
	if err == nil {
		_, err = chromedp.Call(ctx, log.Enable, cdp.Empty{})
	}
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

// takeErrors returns and clears the errors seen so far.
func (b *browser) takeErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := b.errors
	b.errors = nil
	return out
}

func screenshotDir(t *testing.T) string {
	dir := os.Getenv("ARMSWATCH_SCREENSHOTS")
	if dir == "" {
		dir = "screenshots"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	s, db := newServer(t, Options{})
	srv := httptest.NewServer(s)
	defer srv.Close()
	shots := screenshotDir(t)
	seed := articleID(t, db, "1215477")
	hostile := articleID(t, db, "javascript:")
	d, err := db.Article(context.Background(), seed)
	if err != nil {
		t.Fatal(err)
	}
	quote := strings.Join(strings.Fields(d.Statements[0].Text)[:4], " ")

	// load opens a page at a viewport size, runs check on it, saves its screenshot and reports
	// the errors the browser logged.
	load := func(name, path string, width, height int64, check func(ctx context.Context) error) {
		t.Helper()
		err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate(srv.URL+path),
			chromedp.WaitReady(chromedp.CSS("footer")))
		if err == nil && check != nil {
			err = check(b.ctx)
		}
		if err != nil {
			t.Errorf("%s (%s): %v", name, path, err)
			return
		}
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Errorf("%s: screenshot: %v", name, err)
		} else if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Error(err)
		}
		for _, e := range b.takeErrors() {
			t.Errorf("%s (%s): %s", name, path, e)
		}
	}
	count := func(ctx context.Context, sel string) (int, error) {
		nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
		return len(nodes), err
	}

	load("today", "/", 1280, 900, nil)
	load("treaties", "/treaties", 1280, 900, nil)
	load("treaty", "/treaty/new_start", 1280, 900, func(ctx context.Context) error {
		bars, err := count(ctx, "svg rect.c0")
		if err != nil {
			return err
		}
		dots, err := count(ctx, "svg circle.dot")
		if err != nil {
			return err
		}
		fill, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("svg rect.c0")).fill`))
		if err != nil {
			return err
		}
		if bars == 0 || dots == 0 || !strings.HasPrefix(fill, "rgb(") {
			t.Errorf("treaty page: %d bars, %d figure points drawn; bar fill %q (from the stylesheet)", bars, dots, fill)
		}
		return nil
	})
	load("speaker", "/speaker/Dmitry%20Peskov", 1280, 900, nil)
	load("search", "/search?q="+strings.ReplaceAll(quote, " ", "+"), 1280, 900, func(ctx context.Context) error {
		marks, err := count(ctx, "mark")
		if err != nil {
			return err
		}
		hit, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ol.hits li")))
		if err != nil {
			return err
		}
		if marks == 0 || !strings.Contains(hit, strings.Fields(quote)[1]) {
			t.Errorf("search for %q: %d marks, first hit %q", quote, marks, hit)
		}
		return nil
	})
	load("article", fmt.Sprintf("/article/%d", seed), 1280, 900, func(ctx context.Context) error {
		n, err := count(ctx, ".body span.st")
		if n < len(d.Statements) {
			t.Errorf("article page marks %d statement pieces, the seed has %d statements", n, len(d.Statements))
		}
		return err
	})
	load("article-phone", fmt.Sprintf("/article/%d", seed), 390, 844, nil)
	var h1 string
	var imgs, scripts int
	load("hostile", fmt.Sprintf("/article/%d", hostile), 1280, 900, func(ctx context.Context) error {
		var err error
		if h1, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1"))); err != nil {
			return err
		}
		if imgs, err = count(ctx, "main img"); err != nil {
			return err
		}
		scripts, err = count(ctx, "script")
		return err
	})
	if !strings.Contains(h1, "<script>alert('title')</script>") || imgs != 0 || scripts != 0 {
		t.Errorf("hostile article: heading %q, %d img and %d script elements", h1, imgs, scripts)
	}
	load("hostile-speaker", "/speaker/"+url.PathEscape(hostileSpeaker), 1280, 900, func(ctx context.Context) error {
		n, err := count(ctx, "main b")
		if n != 0 {
			t.Errorf("hostile speaker page: %d <b> elements from the speaker's name", n)
		}
		return err
	})
}
