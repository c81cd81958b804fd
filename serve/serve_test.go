package serve

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// The test database holds the realistic articles (the seed and the demo site's pages, analyzed),
// 60 generated articles (600 statements: lists long enough to page through) and one hostile
// article whose every field tries to run script or smuggle control characters.

const (
	hostileTitle   = "<script>alert('title')</script> \x1b[31mred\x1b[0m \u009b & \"quoted\""
	hostileQuote   = `<img src=x onerror=alert(1)> the treaty must go, "she" said & left` + "\x07"
	hostileSpeaker = `</a><b onmouseover=alert(2)>Evil</b>`
	hostileURL     = "javascript:alert(3)"
	hostileFigure  = "=HYPERLINK(\"http://x\") no more than 1,550 warheads"
)

var testDB struct {
	once sync.Once
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if testDB.path != "" {
		os.RemoveAll(filepath.Dir(testDB.path))
	}
	os.Exit(code)
}

// dbPath builds the test database once per test binary.
func dbPath(t *testing.T) string {
	t.Helper()
	testDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "armswatch-serve-test")
		if err != nil {
			testDB.err = err
			return
		}
		testDB.path = filepath.Join(dir, "serve.db")
		testDB.err = fillTestDB(t, testDB.path)
	})
	if testDB.err != nil {
		t.Fatal(testDB.err)
	}
	return testDB.path
}

func fillTestDB(t *testing.T, path string) error {
	db, err := store.Open(path)
	if err != nil {
		return err
	}
	defer db.Close()
	return fillStore(t, db)
}

// fillStore saves the test articles (realistic, generated, hostile) into db, in one order.
func fillStore(t *testing.T, db store.Store) error {
	ctx := context.Background()
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			return err
		}
	}
	g := storetest.NewSynthetic(10, 7)
	g.Figures = true
	for i := 0; i < 60; i++ {
		if _, err := db.SaveArticle(ctx, g.Article(i)); err != nil {
			return err
		}
	}
	_, err := db.SaveArticle(ctx, hostileArticle())
	return err
}

func hostileArticle() *store.Article {
	body := "Intro with a date, March 3, 2026.\n\n\u201c" + hostileQuote + "\u201d " + hostileSpeaker + " said about New START.\n\n" + hostileFigure + "."
	qs := strings.Index(body, hostileQuote)
	fs := strings.Index(body, hostileFigure)
	ds := strings.Index(body, "March 3, 2026")
	ms := strings.Index(body, "New START")
	published := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	an := &extract.Analysis{AnalyzerVersion: extract.Version, URL: hostileURL, CanonicalURL: hostileURL,
		Source: "evil\x1b", Profile: "generic", Language: "en", Title: hostileTitle, Body: body,
		Published: &extract.Time{Time: published}, Authors: []string{}, Warnings: []string{}}
	an.Statements = []extract.Statement{{Statement: statements.Statement{Kind: "direct", Text: hostileQuote,
		Speaker: hostileSpeaker, SpeakerKind: "person", Cue: "said", Paragraph: 1, Start: qs, End: qs + len(hostileQuote),
		Spans: [][2]int{{qs, qs + len(hostileQuote)}}}}}
	an.Figures = []extract.Figure{{}}
	f := &an.Figures[0]
	f.Text, f.Value, f.Comparator, f.Unit, f.Category, f.Treaty = hostileFigure, 1550, "<=", "warhead", "deployed_warheads", "new_start"
	f.Paragraph, f.Start, f.End = 2, fs, fs+len(hostileFigure)
	an.Dates = []extract.Date{{Text: "March 3, 2026", Kind: "absolute", Value: "2026-03-03", Granularity: "day", Start: ds, End: ds + 13}}
	an.Mentions = []extract.Mention{{Type: "treaty", ID: "new_start", Name: "New START", Text: "New START", Paragraph: 1, Start: ms, End: ms + 9}}
	an.Derive()
	return &store.Article{URL: hostileURL, Source: "evil", FetchedAt: published.Add(time.Hour), Analysis: an}
}

// newServer opens the test database read-only and returns the handler over it.
func newServer(t *testing.T, opt Options) (*Server, *store.DB) {
	t.Helper()
	db, err := store.OpenReadOnly(dbPath(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	opt.Hosts = append(opt.Hosts, "example.com") // httptest.NewRequest's host
	s, err := New(db, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, db
}

func get(t *testing.T, h http.Handler, url string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
	return rec
}

// articleID finds an article's id by a piece of its URL.
func articleID(t *testing.T, db *store.DB, urlPart string) int64 {
	t.Helper()
	rows, err := db.Query(context.Background(), "SELECT id FROM articles WHERE url LIKE '%' || ? || '%' ORDER BY id LIMIT 1", urlPart)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var id int64
	for rows.Next() {
		rows.Scan(&id)
	}
	if id == 0 {
		t.Fatalf("no article with %q in its URL", urlPart)
	}
	return id
}

// pages are the pages every format is checked on, with a text each must show.
func pages(t *testing.T, db *store.DB) []struct{ url, want string } {
	seed := articleID(t, db, "1215477")
	return []struct{ url, want string }{
		{"/", "New START"},
		{"/today?days=3650", "Sergei Ryabkov"},
		{"/treaties", "New START"},
		{"/treaty/new_start", "Top speakers"},
		{"/treaty/new_start?by=week", "Timeline"},
		{"/speakers", "Dmitry Peskov"},
		{"/speaker/Dmitry%20Peskov", "Dmitry Peskov"},
		{"/speaker/Dmitry%20Peskov?treaty=new_start&from=2024-01-01&to=2024-12-31", "Dmitry Peskov"},
		{"/search?q=treaty", "<mark>"},
		{"/search", "Search"},
		{fmt.Sprintf("/article/%d", seed), "original page"},
	}
}

func TestPagesRender(t *testing.T) {
	s, db := newServer(t, Options{})
	for _, p := range pages(t, db) {
		rec := get(t, s, p.url)
		if rec.Code != 200 {
			t.Errorf("%s: status %d: %s", p.url, rec.Code, rec.Body.String())
			continue
		}
		body := rec.Body.String()
		if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", p.url, ct)
		}
		if !strings.Contains(body, p.want) {
			t.Errorf("%s: page lacks %q", p.url, p.want)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy || !strings.Contains(got, "default-src 'none'") {
			t.Errorf("%s: CSP %q", p.url, got)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p.url)
		}
		if strings.Contains(strings.ToLower(body), "<script") || strings.Contains(body, " style=") {
			t.Errorf("%s: page has a script or an inline style, which the CSP forbids", p.url)
		}
	}
}

func TestStylesheet(t *testing.T) {
	s, _ := newServer(t, Options{})
	rec := get(t, s, "/static/style.css")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") || rec.Body.Len() < 500 {
		t.Fatalf("stylesheet: %d %q %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
}

func TestCharts(t *testing.T) {
	s, _ := newServer(t, Options{})
	body := get(t, s, "/treaty/new_start").Body.String()
	for _, want := range []string{"<svg", `<rect class="c0"`, `<polyline class="line c0"`, "deployed_warheads", "<title>"} {
		if !strings.Contains(body, want) {
			t.Errorf("treaty page lacks %q", want)
		}
	}
	body = get(t, s, "/speaker/Dmitry%20Peskov").Body.String()
	if !strings.Contains(body, `<rect class="c0"`) {
		t.Error("speaker page has no bars")
	}
}

func TestJSONTwins(t *testing.T) {
	s, db := newServer(t, Options{})
	for _, p := range pages(t, db) {
		path, query, _ := strings.Cut(p.url, "?")
		if path == "/" {
			path = "/today"
		}
		suffixed := path + ".json"
		if query != "" {
			suffixed += "?" + query
		}
		param := p.url + map[bool]string{true: "&", false: "?"}[query != ""] + "format=json"
		for _, u := range []string{suffixed, param} {
			rec := get(t, s, u)
			if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
				t.Errorf("%s: %d %q", u, rec.Code, rec.Header().Get("Content-Type"))
				continue
			}
			var v map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
				t.Errorf("%s: %v", u, err)
			}
			if len(v) == 0 {
				t.Errorf("%s: empty object", u)
			}
		}
	}
	var tp struct {
		Treaty     store.TreatyRow      `json:"treaty"`
		Timeline   []store.Bucket       `json:"timeline"`
		Statements []store.StatementRow `json:"newest_statements"`
		Speakers   []store.Tally        `json:"top_speakers"`
	}
	if err := json.Unmarshal(get(t, s, "/treaty/new_start.json").Body.Bytes(), &tp); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tp.Treaty.Name, "New START") || tp.Treaty.Statements == 0 || len(tp.Timeline) == 0 || len(tp.Statements) == 0 || len(tp.Speakers) == 0 {
		t.Errorf("treaty JSON: %+v", tp)
	}
}

func TestCSVDownloads(t *testing.T) {
	s, db := newServer(t, Options{})
	seed := articleID(t, db, "1215477")
	for _, c := range []struct {
		url, firstCol string
		minRows       int
	}{
		{"/today.csv?days=3650", "treaty", 10},
		{"/treaties.csv", "treaty", 1},
		{"/speakers.csv", "speaker", 5},
		{"/treaty/new_start.csv", "statement_id", 20},
		{"/treaty/new_start.csv?list=figures", "figure_id", 10},
		{"/treaty/new_start.csv?list=timeline&by=week", "period_start", 2},
		{"/speaker/Dmitry%20Peskov.csv", "statement_id", 21},
		{"/search.csv?q=treaty", "kind", 5},
		{fmt.Sprintf("/article/%d.csv", seed), "type", 3},
		{"/treaty/new_start?format=csv", "statement_id", 20},
	} {
		rec := get(t, s, c.url)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.HasPrefix(rec.Header().Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: %d %q %q", c.url, rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"))
			continue
		}
		rows, err := csv.NewReader(rec.Body).ReadAll()
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if len(rows) < c.minRows+1 || rows[0][0] != c.firstCol {
			t.Errorf("%s: %d rows, header %v", c.url, len(rows), rows[0])
		}
	}
	if rec := get(t, s, "/treaty/new_start.csv?list=nonsense"); rec.Code != 400 {
		t.Errorf("unknown list: %d", rec.Code)
	}
}

func TestHostileContentIsText(t *testing.T) {
	s, db := newServer(t, Options{})
	id := articleID(t, db, "javascript:")
	urls := []string{fmt.Sprintf("/article/%d", id), "/today?days=3650", "/speaker/" + url.PathEscape(hostileSpeaker),
		"/search?q=onerror", "/treaty/new_start?by=week"}
	for _, u := range urls {
		rec := get(t, s, u)
		body := rec.Body.String()
		if rec.Code != 200 {
			t.Errorf("%s: status %d", u, rec.Code)
			continue
		}
		for _, bad := range []string{"<script", "<img", "<b onmouseover", "javascript:", "\x1b", "\x07", "\u009b"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: page holds %q raw", u, bad)
			}
		}
	}
	body := get(t, s, fmt.Sprintf("/article/%d", id)).Body.String()
	for _, want := range []string{"&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
		"\uFFFD[31mred", `href="#ZgotmplZ"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q (the hostile text shown as text)", want)
		}
	}
	// JSON keeps the stored value, escaped; CSV guards formulas and shows controls as U+FFFD.
	var ap struct {
		Article store.ArticleDetail `json:"article"`
	}
	raw := get(t, s, fmt.Sprintf("/article/%d.json", id)).Body.Bytes()
	if err := json.Unmarshal(raw, &ap); err != nil {
		t.Fatal(err)
	}
	if ap.Article.Title != hostileTitle || strings.Contains(string(raw), "\x1b") || strings.Contains(string(raw), "\u009b") {
		t.Errorf("JSON title %q; raw controls in JSON: %v", ap.Article.Title, strings.ContainsAny(string(raw), "\x1b\u009b"))
	}
	rows, err := csv.NewReader(get(t, s, fmt.Sprintf("/article/%d.csv", id)).Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var sawFigure bool
	for _, r := range rows[1:] {
		if r[0] == "figure" {
			sawFigure = true
			if !strings.HasPrefix(r[2], "'=HYPERLINK") {
				t.Errorf("figure cell not guarded: %q", r[2])
			}
		}
		if r[0] == "statement" && (strings.Contains(r[2], "\x07") || !strings.Contains(r[2], "\uFFFD")) {
			t.Errorf("statement cell keeps its control character: %q", r[2])
		}
	}
	if !sawFigure {
		t.Error("no figure row in the article CSV")
	}
}

func TestNotFound(t *testing.T) {
	s, _ := newServer(t, Options{})
	for _, u := range []string{"/treaty/no_such_treaty", "/speaker/Nobody%20Atall", "/article/999999", "/article/abc",
		"/article/0", "/nope", "/treaty/no_such_treaty.json", "/speaker/Nobody.json", "/article/999999.json", "/static/nope.css"} {
		rec := get(t, s, u)
		if rec.Code != 404 {
			t.Errorf("%s: status %d, want 404", u, rec.Code)
		}
		if strings.HasSuffix(u, ".json") {
			var v struct {
				Error  string `json:"error"`
				Status int    `json:"status"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v.Status != 404 || v.Error == "" {
				t.Errorf("%s: JSON error %q (%v)", u, rec.Body.String(), err)
			}
		}
	}
	for _, u := range []string{"/speaker/Dmitry%20Peskov?from=yesterday", "/search?q=treaty&page=0", "/treaty/new_start?by=year",
		"/today?days=-1", "/search?q=%22unclosed", "/treaty/new_start?format=xml", "/speaker/Dmitry%20Peskov?page=100000"} {
		if rec := get(t, s, u); rec.Code != 400 {
			t.Errorf("%s: status %d, want 400", u, rec.Code)
		}
	}
}

func TestPagination(t *testing.T) {
	s, _ := newServer(t, Options{})
	type speakerJSON struct {
		Speaker    store.SpeakerRow     `json:"speaker"`
		Statements []store.StatementRow `json:"statements"`
		Pager      pager                `json:"pager"`
	}
	read := func(u string) speakerJSON {
		var v speakerJSON
		if err := json.Unmarshal(get(t, s, u).Body.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		return v
	}
	first := read("/speaker/Dmitry%20Peskov.json")
	total := first.Speaker.Statements
	if total <= pageSize || len(first.Statements) != pageSize || first.Pager.Next == "" || first.Pager.Prev != "" {
		t.Fatalf("page 1: %d of %d statements, pager %+v", len(first.Statements), total, first.Pager)
	}
	seen := map[int64]bool{}
	last := ""
	n := 0
	for u, page := "/speaker/Dmitry%20Peskov.json", 1; u != ""; page++ {
		v := read(u)
		if v.Pager.Page != page {
			t.Fatalf("%s: page %d, want %d", u, v.Pager.Page, page)
		}
		for _, st := range v.Statements {
			if seen[st.ID] {
				t.Fatalf("statement %d on two pages", st.ID)
			}
			seen[st.ID] = true
			if last != "" && st.Date > last {
				t.Fatalf("not newest first: %s after %s", st.Date, last)
			}
			last = st.Date
			n++
		}
		u = v.Pager.Next
	}
	if n != total {
		t.Errorf("paged through %d statements, the speaker has %d", n, total)
	}
	// The HTML pager links the next page.
	if body := get(t, s, "/speaker/Dmitry%20Peskov").Body.String(); !strings.Contains(body, `href="/speaker/Dmitry%20Peskov?page=2"`) {
		t.Error("HTML page 1 has no link to page 2")
	}
	// Search pages do not repeat hits.
	var p1, p2 struct {
		Hits  []store.Hit `json:"hits"`
		Pager pager       `json:"pager"`
	}
	json.Unmarshal(get(t, s, "/search.json?q=treaty").Body.Bytes(), &p1)
	if p1.Pager.Next == "" || len(p1.Hits) != pageSize {
		t.Fatalf("search page 1: %d hits, pager %+v", len(p1.Hits), p1.Pager)
	}
	json.Unmarshal(get(t, s, p1.Pager.Next).Body.Bytes(), &p2)
	for _, a := range p1.Hits {
		for _, b := range p2.Hits {
			if a == b {
				t.Errorf("hit %+v on both pages", a)
			}
		}
	}
}

func TestReadOnly(t *testing.T) {
	path := dbPath(t)
	before := fileHash(t, path)
	s, db := newServer(t, Options{})
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(m, "/treaty/new_start", strings.NewReader("x=1")))
		if rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want 405", m, rec.Code)
		}
	}
	for _, p := range pages(t, db) {
		get(t, s, p.url)
	}
	// The connection the server reads through refuses writes, whatever the SQL.
	for _, q := range []string{"DELETE FROM articles", "UPDATE statements SET text = ''", "PRAGMA query_only = 0",
		"CREATE TABLE x (y)"} {
		rows, err := db.Query(context.Background(), q)
		if err == nil {
			rows.Close()
			t.Errorf("%s: no error", q)
		} else if !store.IsReadOnlyError(err) {
			t.Errorf("%s: %v is not a read-only refusal", q, err)
		}
	}
	if after := fileHash(t, path); after != before {
		t.Error("the database file changed while serving")
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestHostHeaderAndToken(t *testing.T) {
	s, _ := newServer(t, Options{})
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200,
		"evil.example": http.StatusMisdirectedRequest, "evil.example:8080": http.StatusMisdirectedRequest} {
		req := httptest.NewRequest("GET", "/treaties", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
	ts, _ := newServer(t, Options{Token: "s3cret"})
	if rec := get(t, ts, "/treaties"); rec.Code != 401 {
		t.Errorf("no token: %d", rec.Code)
	}
	if rec := get(t, ts, "/treaties?token=wrong"); rec.Code != 401 {
		t.Errorf("wrong token: %d", rec.Code)
	}
	rec := get(t, ts, "/treaties?token=s3cret&x=1")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/treaties?x=1" {
		t.Fatalf("token link: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	cookie := rec.Result().Cookies()[0]
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Errorf("cookie %+v", cookie)
	}
	req := httptest.NewRequest("GET", "/treaties", nil)
	req.AddCookie(cookie)
	rec = httptest.NewRecorder()
	ts.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("with cookie: %d", rec.Code)
	}
	req = httptest.NewRequest("GET", "/treaties.json", nil)
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Host = "armswatch.example.org"
	rec = httptest.NewRecorder()
	ts.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("with bearer token: %d", rec.Code)
	}
}

func TestArticleHighlightsStatements(t *testing.T) {
	s, db := newServer(t, Options{})
	id := articleID(t, db, "1215477")
	d, err := db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Statements) == 0 || len(d.Figures) == 0 || len(d.Dates) == 0 || len(d.Mentions) == 0 {
		t.Fatalf("seed article: %d statements, %d figures, %d dates, %d mentions", len(d.Statements), len(d.Figures), len(d.Dates), len(d.Mentions))
	}
	body := get(t, s, fmt.Sprintf("/article/%d", id)).Body.String()
	for i := range d.Statements {
		if !strings.Contains(body, fmt.Sprintf(`<span id="s%d"></span>`, i+1)) || !strings.Contains(body, fmt.Sprintf(`href="#s%d"`, i+1)) {
			t.Errorf("statement %d has no anchor or side-list link", i+1)
		}
	}
	for _, want := range []string{`class="st"`, `class="fig`, `class="dt`, `class="mn`, "statement 1: "} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
}
