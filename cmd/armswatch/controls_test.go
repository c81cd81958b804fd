package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
)

// Hostile text as an old database may hold it (rows stored before extraction stripped control
// characters): OSC 0 sets the terminal's window title, CSI 2J clears the screen, BEL rings,
// U+009B is the one-character C1 form of CSI, DEL and a lone carriage return overwrite.
const (
	hostileTitle   = "\x1b]0;pwned\x07Kremlin \x1b[2Jsays New START is dead"
	hostileSpeaker = "Dmitry \x1b[31mPeskov\x7f"
	hostileText    = "The New START treaty \u009b2J is \x1b[5mdead\r, he said.\x00"
	hostileFigure  = "1,550 \x1b[8mwarheads"
	hostileError   = "fetching https://x.org/: \x1b]8;;https://evil/\x07click\x1b]8;;\x07 refused"
	hostileSource  = "ta\x1b[1mss"
)

// hostileDB stores one article whose title, body, statement, figure and source health are
// full of control characters, written with raw SQL after the save so that the rows look like
// old ones whatever the save path strips today.
func hostileDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hostile.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	body := "The New START treaty is dead, he said.\n\nRussia keeps 1,550 warheads."
	pub := extract.Time{Time: time.Now().UTC().Add(-time.Hour).Truncate(time.Second)}
	fig := strings.Index(body, "1,550 warheads")
	an := &extract.Analysis{AnalyzerVersion: extract.Version, Title: "t", Body: body, Published: &pub,
		Statements: []extract.Statement{{Statement: statements.Statement{Kind: "reported", Text: "The New START treaty is dead",
			Speaker: "Dmitry Peskov", Cue: "said", End: len("The New START treaty is dead")}}},
	}
	an.Figures = append(an.Figures, extract.Figure{Figure: figures.Figure{Text: "1,550 warheads", Value: 1550, Comparator: "=",
		Unit: "warhead", Category: "deployed_warheads", Paragraph: 1, Start: fig, End: fig + len("1,550 warheads")}})
	an.Derive()
	if _, err := db.SaveArticle(ctx, &store.Article{URL: "https://tass.com/politics/1", Source: "tass",
		FetchedAt: time.Now().Add(-time.Hour), Analysis: an}); err != nil {
		t.Fatal(err)
	}
	run, err := db.StartRun(ctx, []string{"tass"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, run, store.RunStats{Status: store.RunOK}); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordRunSources(ctx, run, []store.RunSource{{Source: hostileSource, Failed: 1, LastError: hostileError}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, u := range []struct {
		q    string
		args []any
	}{
		{"UPDATE articles SET title = ?, body = ? || body", []any{hostileTitle, "\x1b[2J"}},
		{"UPDATE statements SET speaker = ?, text = ?", []any{hostileSpeaker, hostileText}},
		{"UPDATE figures SET text = ?, sentence = ?", []any{hostileFigure, hostileText}},
	} {
		if _, err := raw.Exec(u.q, u.args...); err != nil {
			t.Fatalf("%s: %v", u.q, err)
		}
	}
	return path
}

// controls lists the control characters in out that a terminal would act on: C0 except
// newline and tab (and carriage return only as part of a CSV record's CRLF), DEL, C1, and
// bytes that are not UTF-8 (a terminal may read 0x9B as CSI).
func controls(out string, csvLines bool) []string {
	var bad []string
	if csvLines {
		out = strings.ReplaceAll(out, "\r\n", "\n")
	}
	for i, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			bad = append(bad, fmt.Sprintf("%U at byte %d", r, i))
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			bad = append(bad, fmt.Sprintf("invalid UTF-8 at byte %d", i))
		}
	}
	return bad
}

func TestNoControlCharactersReachTheOutput(t *testing.T) {
	db := hostileDB(t)
	out := t.TempDir()
	cases := []struct {
		name string
		args []string
		csv  bool
	}{
		{"query table", []string{"query", "--db", db, "--format", "table", "SELECT title, body FROM articles"}, false},
		{"query csv", []string{"query", "--db", db, "--format", "csv", "SELECT title, body FROM articles"}, true},
		{"query json", []string{"query", "--db", db, "--format", "json", "SELECT title, body FROM articles"}, false},
		{"query jsonl", []string{"query", "--db", db, "--format", "jsonl", "SELECT * FROM statements_v"}, false},
		{"export statements", []string{"export", "statements", "--db", db}, true},
		{"export figures", []string{"export", "figures", "--db", db}, true},
		{"export articles", []string{"export", "articles", "--db", db, "-o", filepath.Join(out, "a.csv")}, true},
		{"digest markdown", []string{"digest", "--db", db, "--since", "7d"}, false},
		{"digest csv", []string{"digest", "--db", db, "--since", "7d", "--format", "csv"}, true},
		{"status", []string{"status", "--db", db}, false},
	}
	if builtWithFTS5 {
		cases = append(cases,
			struct {
				name string
				args []string
				csv  bool
			}{"search text", []string{"search", "--db", db, "treaty"}, false},
			struct {
				name string
				args []string
				csv  bool
			}{"search json", []string{"search", "--db", db, "--format", "json", "treaty"}, false},
			struct {
				name string
				args []string
				csv  bool
			}{"search article", []string{"search", "--db", db, "warheads"}, false})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", c.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if strings.Contains(strings.Join(c.args, " "), "-o ") {
				stdout = string(mustRead(t, filepath.Join(out, "a.csv")))
			}
			if bad := controls(stdout, c.csv); len(bad) > 0 {
				t.Errorf("raw control characters in the output: %v\n%q", bad, stdout)
			}
			if !strings.Contains(c.name, "json") && !strings.Contains(stdout, "\uFFFD") {
				t.Errorf("the control characters are not shown as U+FFFD:\n%s", stdout)
			}
		})
	}
}

// TestSearchBoldStillWorksOnATerminal checks that the snippet's own highlighting survives the
// cleaning on a terminal while the text's escapes do not.
func TestSearchBoldStillWorksOnATerminal(t *testing.T) {
	if !builtWithFTS5 {
		t.Skip("search needs FTS5")
	}
	db := hostileDB(t)
	var out, errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, isTerminal: true}
	if code := run(context.Background(), e, []string{"search", "--db", db, "treaty"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "\x1b[1mtreaty\x1b[0m") {
		t.Errorf("matched word not in bold:\n%q", s)
	}
	if rest := strings.ReplaceAll(strings.ReplaceAll(s, "\x1b[1m", ""), "\x1b[0m", ""); len(controls(rest, false)) > 0 {
		t.Errorf("escapes besides the highlighting: %v\n%q", controls(rest, false), s)
	}
}

// TestJSONKeepsTheExactText checks that JSON output escapes control characters instead of
// replacing them: a script reading it gets the stored value back.
func TestJSONKeepsTheExactText(t *testing.T) {
	db := hostileDB(t)
	_, out, stderr := runCLI(t, "", "query", "--db", db, "--format", "json", "SELECT title, speaker, statement FROM statements_v")
	var rows []map[string]string
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("%v: %s %s", err, out, stderr)
	}
	if rows[0]["title"] != hostileTitle || rows[0]["speaker"] != hostileSpeaker || rows[0]["statement"] != hostileText {
		t.Errorf("JSON changed the values: %q", rows[0])
	}
	if !strings.Contains(out, `\u009b`) || !strings.Contains(out, `\u007f`) {
		t.Errorf("C1 and DEL not escaped: %s", out)
	}
}

// TestCSVShowsControlsAsReplacementCharacters pins the documented replacement: each control
// character becomes one U+FFFD; newlines and tabs inside a cell stay.
func TestCSVShowsControlsAsReplacementCharacters(t *testing.T) {
	db := hostileDB(t)
	_, out, _ := runCLI(t, "", "export", "statements", "--db", db)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%v: %q", err, out)
	}
	want := "The New START treaty \uFFFD2J is \uFFFD[5mdead\uFFFD, he said.\uFFFD"
	if got := recs[1][11]; got != want {
		t.Errorf("statement = %q, want %q", got, want)
	}
	if got := visible("a\nb\tc\x1bd", true); got != "a\nb\tc\uFFFDd" {
		t.Errorf("visible keeps lines: %q", got)
	}
	if got := visible("a\nb\tc\xffd\u0085", false); got != "a\uFFFDb\uFFFDc\uFFFDd\uFFFD" {
		t.Errorf("visible on one line: %q", got)
	}
}
