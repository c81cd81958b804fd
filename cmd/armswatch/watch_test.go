package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const watchTables = `
[[watch]]
name = "ryabkov-new-start"
speaker = "Sergei Ryabkov"
treaty = "new_start"
notify = ["webhook", "feed"]

[notify.webhook]
url = "%s/hook"
retries = 0

[notify.feed]
dir = "feeds"
`

func TestWatchesAfterCrawlRetryAndStatus(t *testing.T) { testWatchesAfterCrawl(t, "") }

// testWatchesAfterCrawl follows a watch through a crawl, a failed delivery, its retry, list,
// test and a dry run, on the SQLite file the config names or, given pg, on PostgreSQL
// (ARMSWATCH_DATABASE, as a deployment sets it).
func testWatchesAfterCrawl(t *testing.T, pg string) {
	site := newDemoSite(t)
	var failing atomic.Bool
	var posts, items atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if failing.Load() {
			http.Error(w, "down", http.StatusBadGateway)
			return
		}
		posts.Add(1)
		items.Add(int32(strings.Count(string(body), `"type":"statement"`)))
	}))
	defer hook.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	appendFile(t, cfg, strings.Replace(watchTables, "%s", hook.URL, 1))
	dbFile := filepath.Join(dir, "armswatch.db")
	if pg != "" {
		t.Setenv(databaseEnv, pg)
		dbFile = pg
	}

	// The watch's first run, on an empty database, marks the start: what the crawl brings is new.
	if code, out, errs := runCLI(t, "", "watch", "run", "--config", cfg); code != 0 || out != "" || errs != "" {
		t.Fatalf("first watch run: exit %d %q %q", code, out, errs)
	}
	failing.Store(true)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("a failed delivery must not fail the crawl: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "armswatch: watch ryabkov-new-start: webhook: POST "+hook.URL+": answered 502 Bad Gateway") {
		t.Errorf("crawl stderr lacks the delivery error:\n%s", errs)
	}
	if !strings.Contains(out, "watch ryabkov-new-start: ") || !strings.Contains(out, "sent: feed ") {
		t.Errorf("crawl stdout lacks the watch line:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "feeds", "ryabkov-new-start.atom")); err != nil {
		t.Errorf("the feed was not written though the webhook failed: %v", err)
	}
	code, out, _ = runCLI(t, "", "status", "--db", dbFile)
	if code != 0 || !strings.Contains(out, "Watches") || !strings.Contains(out, "502 Bad Gateway") {
		t.Fatalf("status does not show the delivery error: exit %d\n%s", code, out)
	}

	failing.Store(false)
	code, out, errs = runCLI(t, "", "watch", "run", "--config", cfg)
	if code != 0 || posts.Load() != 1 || items.Load() < 5 || !regexp.MustCompile(`: 0 new matches; sent: webhook \d+\n`).MatchString(out) {
		t.Fatalf("retry: exit %d, %d posts with %d statements\n%s%s", code, posts.Load(), items.Load(), out, errs)
	}
	sent := items.Load()
	if code, _, _ := runCLI(t, "", "watch", "run", "--config", cfg); code != 0 || posts.Load() != 1 {
		t.Fatalf("a run with nothing new posted again")
	}
	code, out, _ = runCLI(t, "", "watch", "list", "--config", cfg)
	if code != 0 || !strings.Contains(out, "speaker=sergei ryabkov treaty=new_start") || !strings.Contains(out, "webhook,feed") {
		t.Errorf("watch list:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "watch", "test", "ryabkov-new-start", "--config", cfg, "--limit", "2")
	if code != 0 || !strings.Contains(out, "Sergei Ryabkov: ") || strings.Count(out, "Sergei Ryabkov: ") != 2 {
		t.Errorf("watch test:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "watch", "run", "--dry-run", "--backfill", "--config", cfg)
	if code != 0 || !strings.Contains(out, "ryabkov-new-start: nothing new") {
		t.Errorf("dry run:\n%s", out)
	}
	if items.Load() != sent {
		t.Errorf("the dry run sent")
	}
	if _, err := os.Stat(filepath.Join(dir, "armswatch.db")); pg != "" && err == nil {
		t.Errorf("a command wrote the config's SQLite file, not PostgreSQL")
	}
}

func TestWatchUsageAndConfigErrors(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "http://127.0.0.1:1")
	appendFile(t, cfg, "\n[[watch]]\nname = \"w\"\ntreaty = \"inf\"\nnotify = [\"email\"]\n")
	code, _, errs := runCLI(t, "", "watch", "run", "--config", cfg)
	if code != exitUsage || !strings.Contains(errs, "config.toml:22: watch[0].notify: \"email\" needs a [notify.email] table") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "watch"); code != exitUsage || !strings.Contains(errs, "give list, test NAME or run") {
		t.Errorf("exit %d: %s", code, errs)
	}
	cfg = writeConfig(t, t.TempDir(), "http://127.0.0.1:1")
	if code, _, errs := runCLI(t, "", "watch", "run", "--config", cfg); code != exitUsage || !strings.Contains(errs, "has no [[watch]]") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// TestSIGKILLAfterWebhookPostSendsNothingTwice kills a `watch run` process the moment its POST
// arrives, before it can record the delivery; the next run must not post the items again.
func TestSIGKILLAfterWebhookPostSendsNothingTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	var child atomic.Pointer[os.Process] // set once the child runs
	var killing atomic.Bool
	var posts atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		posts.Add(1)
		if !killing.Load() {
			return
		}
		for deadline := time.Now().Add(10 * time.Second); child.Load() == nil && time.Now().Before(deadline); {
			time.Sleep(time.Millisecond)
		}
		if p := child.Load(); p != nil {
			p.Signal(syscall.SIGKILL) // the sender dies with the POST delivered, unrecorded
		}
	}))
	defer hook.Close()
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	if code, _, errs := runCLI(t, "", "crawl", "--config", cfg); code != 0 {
		t.Fatal(errs)
	}
	appendFile(t, cfg, strings.Replace(strings.Replace(watchTables, "%s", hook.URL, 1), `"webhook", "feed"`, `"webhook"`, 1))

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ARMSWATCH_TEST_CLI="+strings.Join([]string{"watch", "run", "--backfill", "--config", cfg}, "\x1f"))
	killing.Store(true)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	child.Store(cmd.Process)
	err := cmd.Wait()
	killing.Store(false)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || posts.Load() != 1 {
		t.Fatalf("the child was not killed at its POST: %v, %d posts", err, posts.Load())
	}

	code, out, errs := runCLI(t, "", "watch", "run", "--config", cfg)
	if code != 0 || posts.Load() != 1 {
		t.Fatalf("the run after the kill: exit %d, %d posts in all\n%s%s", code, posts.Load(), out, errs)
	}
	code, out, _ = runCLI(t, "", "status", "--db", filepath.Join(dir, "armswatch.db"))
	if code != 0 || !regexp.MustCompile(`ryabkov-new-start\s+\S+ \S+\s+0\s+0\s+0\s+[1-9]\d*\s`).MatchString(out) {
		t.Errorf("status should count the killed run's items as interrupted:\n%s", out)
	}
	code, _, _ = runCLI(t, "", "watch", "run", "--resend-interrupted", "--config", cfg)
	if code != 0 || posts.Load() != 2 {
		t.Errorf("--resend-interrupted: exit %d, %d posts in all", code, posts.Load())
	}
}
