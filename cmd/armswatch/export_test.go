package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
)

// TestExportParsesBackToTheRows checks that each export, read back with encoding/csv, gives
// exactly the rows the database holds.
func TestExportParsesBackToTheRows(t *testing.T) {
	db := realisticDB(t)
	checks := map[string]string{
		"statements": "SELECT id, speaker, text FROM statements JOIN (SELECT id AS aid, published_utc FROM articles) ON aid = article_id ORDER BY published_utc, article_id, seq",
		"figures":    "SELECT id, text, sentence FROM figures JOIN (SELECT id AS aid, published_utc FROM articles) ON aid = article_id ORDER BY published_utc, article_id, seq",
		"articles":   "SELECT id, url, body FROM articles ORDER BY published_utc, id",
	}
	cols := map[string][3]string{
		"statements": {"statement_id", "speaker", "statement"},
		"figures":    {"figure_id", "text", "sentence"},
		"articles":   {"article_id", "url", "body"},
	}
	for kind, q := range checks {
		out := filepath.Join(t.TempDir(), kind+".csv")
		code, _, stderr := runCLI(t, "", "export", kind, "--db", db, "-o", out)
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", kind, code, stderr)
		}
		got := readCSV(t, out)
		header, _ := store.ExportColumns(kind)
		if strings.Join(got[0], ",") != strings.Join(header, ",") {
			t.Errorf("%s header %v", kind, got[0])
		}
		_, want, _ := runCLI(t, "", "query", "--db", db, q)
		wantRows, _ := csv.NewReader(strings.NewReader(want)).ReadAll()
		if len(got) != len(wantRows) || len(got) < 2 {
			t.Fatalf("%s: %d rows exported, %d in the database", kind, len(got)-1, len(wantRows)-1)
		}
		idx := func(name string) int {
			for i, h := range got[0] {
				if h == name {
					return i
				}
			}
			t.Fatalf("%s: no column %s", kind, name)
			return -1
		}
		c := cols[kind]
		for i := 1; i < len(got); i++ {
			for j, name := range c {
				if g, w := got[i][idx(name)], wantRows[i][j]; g != w {
					t.Errorf("%s row %d %s = %q, want %q", kind, i, name, g, w)
				}
			}
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s is not valid CSV: %v", path, err)
	}
	return recs
}

func TestExportNeutralisesFormulas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	body := "=HYPERLINK(\"http://evil\",\"x\")\n\n+1+cmd|' /C calc'!A0\n\n-2+3\n\n@SUM(A1)\n\n\tTab\n\nplain, \"quoted\"\nline"
	pub, _ := extract.ParseTime("2026-11-20T10:00:00Z")
	an := &extract.Analysis{AnalyzerVersion: extract.Version, Title: "=1+1", Body: body, Published: &pub}
	for _, p := range strings.Split(body, "\n\n") {
		i := strings.Index(body, p)
		an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: "direct", Text: p, Speaker: "-Mallory", Start: i, End: i + len(p)}})
	}
	if _, err := db.SaveArticle(context.Background(), &store.Article{URL: "https://x/1", Source: "@src", Analysis: an}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(t.TempDir(), "s.csv")
	if code, _, stderr := runCLI(t, "", "export", "statements", "--db", path, "--excel", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	raw, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(raw), "\ufeffstatement_id,") {
		t.Errorf("--excel: no BOM: %q", raw[:20])
	}
	if !strings.Contains(string(raw), "\r\n") {
		t.Error("records not CRLF-terminated (RFC 4180)")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`'=HYPERLINK("http://evil","x")`, `'+1+cmd|' /C calc'!A0`, `'-2+3`, `'@SUM(A1)`, "'\tTab", "plain, \"quoted\"\nline"}
	for i, w := range want {
		r := recs[i+1]
		if r[11] != w {
			t.Errorf("statement %d = %q, want %q", i, r[11], w)
		}
		if r[5] != "'=1+1" || r[7] != "'-Mallory" {
			t.Errorf("title, speaker not neutralised: %q %q", r[5], r[7])
		}
		if r[3] != "@src" || r[6] != "direct" {
			t.Errorf("source (a name from the user's config) and kind must read back as stored: %q %q", r[3], r[6])
		}
	}
	for _, c := range []struct{ in, out string }{{"-5", "-5"}, {"+3.5", "+3.5"}, {"1550", "1550"}, {"\rx", "'\rx"}, {"", ""}} {
		if got := neutralise(c.in); got != c.out {
			t.Errorf("neutralise(%q) = %q, want %q", c.in, got, c.out)
		}
	}
}

// TestExportKeepsDocumentedValues checks that the formula guard leaves the columns of
// documented values alone: the comparator "=" of a figure is "=", not "'=".
func TestExportKeepsDocumentedValues(t *testing.T) {
	db := realisticDB(t)
	_, out, _ := runCLI(t, "", "export", "figures", "--db", db)
	got := readCSVString(t, out)
	_, want, _ := runCLI(t, "", "query", "--db", db, `SELECT f.id, f.value, f.value_max, f.comparator, f.unit, f.category, f.treaty,
		f.paragraph, f.byte_start, f.byte_end FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY a.published_utc, a.id, f.seq`)
	wantRows := readCSVString(t, want)
	if len(got) != len(wantRows) || len(got) < 2 {
		t.Fatalf("%d rows exported, %d in the database", len(got)-1, len(wantRows)-1)
	}
	cols := []int{0, 7, 8, 9, 10, 11, 12, 14, 15, 16} // figure_id, value ... byte_end
	equals := 0
	for i := 1; i < len(got); i++ {
		for j, c := range cols {
			if got[i][c] != wantRows[i][j] {
				t.Errorf("row %d %s = %q, want %q", i, got[0][c], got[i][c], wantRows[i][j])
			}
		}
		if got[i][9] == "=" {
			equals++
		}
	}
	if equals == 0 {
		t.Error("no figure with the comparator = in the realistic database: the test checks nothing")
	}
}

func TestExportPeriodAndUsage(t *testing.T) {
	db := realisticDB(t)
	_, all, _ := runCLI(t, "", "export", "articles", "--db", db)
	_, some, _ := runCLI(t, "", "export", "articles", "--db", db, "--since", "2020-01-01", "--until", "2021-01-01")
	nAll, nSome := len(readCSVString(t, all)), len(readCSVString(t, some))
	if nSome >= nAll || nSome < 2 {
		t.Errorf("--since/--until kept %d of %d rows", nSome-1, nAll-1)
	}
	for _, r := range readCSVString(t, some)[1:] {
		if !strings.HasPrefix(r[4], "2020-") {
			t.Errorf("article published %s outside 2020", r[4])
		}
	}
	for _, args := range [][]string{{"export", "--db", db}, {"export", "speakers", "--db", db},
		{"export", "statements", "--db", db, "--since", "yesterday"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func readCSVString(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestParseWhen(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Time{
		"24h":                  now.Add(-24 * time.Hour),
		"7d":                   now.Add(-7 * 24 * time.Hour),
		"2w":                   now.Add(-14 * 24 * time.Hour),
		"90m":                  now.Add(-90 * time.Minute),
		"2026-11-01":           time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-01T10:00:00Z": time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC),
		"":                     {},
	}
	for in, want := range cases {
		got, err := parseWhen(in, now)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseWhen(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"7", "d", "-7d", "0d", "last week", "-24h"} {
		if _, err := parseWhen(bad, now); err == nil {
			t.Errorf("parseWhen(%q): no error", bad)
		}
	}
}
