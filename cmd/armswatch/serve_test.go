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
	db := realisticDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"})
	}()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		base = addr.FindString(out.String())
	}
	if base == "" {
		t.Fatalf("no address printed: %q %q", out.String(), errb.String())
	}
	for path, want := range map[string]string{"treaty/new_start": "<svg", "treaty/new_start.json": `"timeline"`} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: %d, has %q: %v", path, resp.StatusCode, want, strings.Contains(string(body), want))
		}
	}
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
