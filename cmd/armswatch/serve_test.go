package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	t.Setenv("ARMSWATCH_TOKEN", "")
	db := realisticDB(t)
	for _, args := range [][]string{
		{"serve", "--db", db, "--addr", "0.0.0.0:0"},
		{"serve", "--db", db, "--addr", ":8080"},
		{"serve", "--db", db, "--addr", "nonsense"},
		{"serve", "--db", db, "extra"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != exitUsage || !strings.HasPrefix(stderr, "armswatch: serve: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, "", "serve", "--db", t.TempDir()+"/none.db"); code != exitUsage {
		t.Errorf("missing database: exit %d, %q", code, stderr)
	}
}

// TestServeServesUntilCancelled runs the command on a loopback port, reads a page and its JSON
// twin through real HTTP, and stops it as SIGINT would.
func TestServeServesUntilCancelled(t *testing.T) {
	base, stop := startServe(t, realisticDB(t))
	for path, want := range map[string]string{"treaty/new_start": "<svg", "treaty/new_start.json": `"timeline"`} {
		status, body, csp := getPage(t, base+path)
		if status != 200 || !strings.Contains(body, want) || csp == "" {
			t.Errorf("%s: %d, has %q: %v", path, status, want, strings.Contains(body, want))
		}
	}
	stop()
}

// startServe runs `armswatch serve --db database` on a loopback port and returns its address
// and a function that stops it as SIGINT would and checks that it exited cleanly.
func startServe(t *testing.T, database string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"serve", "--db", database, "--addr", "127.0.0.1:0"})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		base = addr.FindString(out.String())
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited with %d: %q %q", code, out.String(), errb.String())
		default:
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no address printed: %q %q", out.String(), errb.String())
	}
	return base, func() {
		t.Helper()
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("exit %d: %s", code, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop when its context ended")
		}
	}
}

// getPage reads a page: its status, body and Content-Security-Policy header.
func getPage(t *testing.T, url string) (status int, body, csp string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header.Get("Content-Security-Policy")
}
