package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedPage = "../../../shared/seed/tass-new-start-2020-10-21.html"

// runCLI runs one command line in-process and returns its status, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func needSeed(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(seedPage); err != nil {
		t.Skip("../shared/seed is absent")
	}
}

func TestExtractPrintsEveryContractKey(t *testing.T) {
	needSeed(t)
	code, out, stderr := runCLI(t, "", "extract", "--url", "https://tass.com/politics/1215477", seedPage)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("not one JSON object: %v", err)
	}
	for _, k := range []string{"analyzer_version", "input", "url", "canonical_url", "source", "profile", "title",
		"subtitle", "authors", "section", "language", "published", "modified", "dateline", "body", "relevance",
		"statements", "dates", "figures", "mentions", "warnings"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if m["title"] != "Kremlin hopes to continue dialogue with US on New START" {
		t.Errorf("title = %v", m["title"])
	}
	if m["published"] != "2020-10-21T13:05:00+03:00" {
		t.Errorf("published = %v, want the page's Moscow time", m["published"])
	}
}

func TestExtractSeveralFilesIsJSONLinesAndKeepsGoingPastABadFile(t *testing.T) {
	needSeed(t)
	dir := t.TempDir()
	txt := filepath.Join(dir, "brief.txt")
	os.WriteFile(txt, []byte("Ryabkov said the talks would resume.\n\nThe treaty expires in 2026."), 0o644)
	code, out, stderr := runCLI(t, "", "extract", "--text", txt, filepath.Join(dir, "missing.txt"), txt)
	if code != exitFailed {
		t.Errorf("a missing file must fail the run: exit %d", code)
	}
	if !strings.Contains(stderr, "missing.txt") {
		t.Errorf("stderr does not name the missing file: %q", stderr)
	}
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d is not a JSON object: %v", lines+1, err)
		}
		if !strings.HasPrefix(m["body"].(string), "Ryabkov said") {
			t.Errorf("body = %q", m["body"])
		}
		lines++
	}
	if lines != 2 {
		t.Errorf("want one line per readable file (2), got %d", lines)
	}
}

func TestExtractReadsStdinAndTakesPublished(t *testing.T) {
	code, out, stderr := runCLI(t, "Lavrov said on Monday that Moscow was ready.", "extract", "--text", "--published", "2026-02-11", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a struct {
		Input     string  `json:"input"`
		Published *string `json:"published"`
	}
	json.Unmarshal([]byte(out), &a)
	if a.Input != "-" || a.Published == nil || *a.Published != "2026-02-11" {
		t.Errorf("input %q published %v", a.Input, a.Published)
	}
}

func TestExtractUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "--published", "yesterday", "x.html"},
		{"extract", "--no-such-flag", "x.html"},
		{"frobnicate"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestExtractOfANonArticleWarns(t *testing.T) {
	page := `<html><head><title>404 Not Found</title></head><body><nav><a href="/">Home</a></nav><h1>Page not found</h1></body></html>`
	code, out, _ := runCLI(t, page, "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a struct {
		Body     string   `json:"body"`
		Warnings []string `json:"warnings"`
	}
	json.Unmarshal([]byte(out), &a)
	if a.Body != "" || len(a.Warnings) == 0 {
		t.Errorf("a 404 page must give an empty body and a warning, got body %q warnings %v", a.Body, a.Warnings)
	}
}

func TestExtractRefusesBinaryFiles(t *testing.T) {
	f := filepath.Join(t.TempDir(), "image.png")
	os.WriteFile(f, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	code, out, stderr := runCLI(t, "", "extract", f)
	if code != exitFailed || out != "" || !strings.Contains(stderr, "not an HTML or text file") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

// A file past its deadline prints what was found, and says on stderr and in the warnings that
// the output is partial, as the crawl stores such a page.
func TestExtractPastItsTimeoutPrintsThePartialAnalysis(t *testing.T) {
	needSeed(t)
	code, out, stderr := runCLI(t, "", "extract", "--timeout", "1ns", seedPage)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "--timeout of 1ns") || !strings.Contains(stderr, "partial") {
		t.Errorf("stderr = %q, want it to name the timeout and say the output is partial", stderr)
	}
	var a struct {
		Title      string   `json:"title"`
		Statements []any    `json:"statements"`
		Warnings   []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not one JSON object: %v", err)
	}
	if len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0], "--timeout of 1ns") {
		t.Errorf("warnings = %q, want the stopped analysis named", a.Warnings)
	}
	if len(a.Statements) != 0 {
		t.Errorf("%d statements found in 1ns: the deadline was not applied", len(a.Statements))
	}
	code, _, stderr = runCLI(t, "", "extract", "--timeout", "-1s", seedPage)
	if code != exitUsage {
		t.Errorf("negative --timeout: exit %d (%s), want %d", code, stderr, exitUsage)
	}
}
