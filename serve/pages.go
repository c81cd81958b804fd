package serve

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

// ---- Today ----

type todayPage struct {
	Page     `json:"-"`
	Days     int           `json:"days"`
	Since    string        `json:"since"`    // UTC; articles first stored from then
	Articles int           `json:"articles"` // in the period
	Shown    int           `json:"articles_shown"`
	Treaties []treatyGroup `json:"treaties"`
}

type treatyGroup struct {
	Treaty   string            `json:"treaty"`
	Name     string            `json:"name"`
	Speakers []speakerGroup    `json:"speakers"`
	Figures  []store.FigureRow `json:"figures"`
}

type speakerGroup struct {
	Speaker    string               `json:"speaker"`
	Statements []store.StatementRow `json:"statements"`
}

// maxDays is the longest period Today covers (ten years: the page still shows 100 articles).
const maxDays = 3660

// todayArticles is how many of the period's newest articles Today shows.
const todayArticles = 100

// today shows what the last crawl days brought: the statements and figures of the articles
// first stored in the day (?days=N) before the newest one, grouped by treaty and speaker as the
// digest does. Counting from the newest article, not from now, keeps the page useful on a
// database no crawl has touched for a while.
func (s *Server) today(w http.ResponseWriter, r *http.Request, f format) error {
	days := 1
	if v := r.URL.Query().Get("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxDays {
			return errBadRequest("days: want a number from 1 to %d", maxDays)
		}
		days = n
	}
	ctx := r.Context()
	p := todayPage{Page: pageOf(r, "Today", "today", true), Days: days, Treaties: []treatyGroup{}}
	newest, err := s.db.NewestFirstSeen(ctx)
	if err != nil {
		return err
	}
	if newest != "" {
		t, err := time.Parse("2006-01-02T15:04:05Z", newest)
		if err != nil {
			return fmt.Errorf("today: newest first_seen_at %q: %w", newest, err)
		}
		p.Since = t.AddDate(0, 0, -days).Format("2006-01-02T15:04:05Z")
		ids, total, err := s.db.RecentArticles(ctx, p.Since, todayArticles)
		if err != nil {
			return err
		}
		p.Articles, p.Shown = total, len(ids)
		sts, figs, err := s.db.ArticlesItems(ctx, ids)
		if err != nil {
			return err
		}
		if p.Treaties, err = s.group(r, sts, figs); err != nil {
			return err
		}
	}
	switch f {
	case jsonFormat:
		return s.json(w, p)
	case csvFormat:
		return todayCSV(w, p)
	}
	return s.html(w, "today", p)
}

// group sorts statements and figures into treaties (named ones first, alphabetically by id;
// none last) and, within a treaty, speakers (unknown last), keeping each list's order.
func (s *Server) group(r *http.Request, sts []store.StatementRow, figs []store.FigureRow) ([]treatyGroup, error) {
	byTreaty := map[string]*treatyGroup{}
	get := func(id string) *treatyGroup {
		g := byTreaty[id]
		if g == nil {
			g = &treatyGroup{Treaty: id, Speakers: []speakerGroup{}, Figures: []store.FigureRow{}}
			byTreaty[id] = g
		}
		return g
	}
	for _, st := range sts {
		g := get(st.Treaty)
		i := 0
		for i < len(g.Speakers) && g.Speakers[i].Speaker != st.Speaker {
			i++
		}
		if i == len(g.Speakers) {
			g.Speakers = append(g.Speakers, speakerGroup{Speaker: st.Speaker})
		}
		g.Speakers[i].Statements = append(g.Speakers[i].Statements, st)
	}
	for _, fg := range figs {
		g := get(fg.Treaty)
		g.Figures = append(g.Figures, fg)
	}
	var ids []string
	for id := range byTreaty {
		ids = append(ids, id)
	}
	sortBy(ids, func(a, b string) bool { return (a != "") && (b == "" || a < b) })
	out := []treatyGroup{}
	for _, id := range ids {
		g := byTreaty[id]
		g.Name = "No treaty named"
		if id != "" {
			name, err := s.db.TreatyName(r.Context(), id)
			if err != nil {
				return nil, err
			}
			g.Name = name
		}
		sortBy(g.Speakers, func(a, b speakerGroup) bool {
			return a.Speaker != "" && (b.Speaker == "" || len(a.Statements) > len(b.Statements) ||
				len(a.Statements) == len(b.Statements) && a.Speaker < b.Speaker)
		})
		out = append(out, *g)
	}
	return out, nil
}

// sortBy is a stable insertion sort: the lists are short and stay in their order on ties.
func sortBy[T any](xs []T, less func(a, b T) bool) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && less(xs[j], xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

var itemColumns = []string{"treaty", "treaty_name", "speaker", "role", "type", "kind", "text",
	"context", "cue", "date", "source", "title", "url", "article_id"}

var itemFree = []string{"treaty_name", "speaker", "role", "text", "context", "cue", "title", "url"}

func todayCSV(w http.ResponseWriter, p todayPage) error {
	c, err := newCSV(w, "armswatch-today.csv", itemColumns, itemFree...)
	if err != nil {
		return err
	}
	for _, g := range p.Treaties {
		for _, sg := range g.Speakers {
			for _, st := range sg.Statements {
				c.row(g.Treaty, g.Name, st.Speaker, st.Role, "statement", st.Kind, st.Text, "", st.Cue,
					st.Date, st.Source, st.Title, st.URL, itoa(st.ArticleID))
			}
		}
		for _, fg := range g.Figures {
			c.row(g.Treaty, g.Name, "", "", "figure", fg.Category, fg.Text, fg.Sentence, "", fg.Date,
				fg.Source, fg.Title, fg.URL, itoa(fg.ArticleID))
		}
	}
	return c.close()
}

// ---- Treaties and speakers ----

type treatiesPage struct {
	Page     `json:"-"`
	Treaties []store.TreatyRow `json:"treaties"`
}

func (s *Server) treaties(w http.ResponseWriter, r *http.Request, f format) error {
	ts, err := cached(r.Context(), s, "treaties", func() ([]store.TreatyRow, error) { return s.db.Treaties(r.Context()) })
	if err != nil {
		return err
	}
	p := treatiesPage{Page: pageOf(r, "Treaties", "treaties", true), Treaties: ts}
	switch f {
	case jsonFormat:
		return s.json(w, p)
	case csvFormat:
		c, err := newCSV(w, "armswatch-treaties.csv", []string{"treaty", "name", "statements", "figures", "mentions", "articles"}, "name")
		if err != nil {
			return err
		}
		for _, t := range ts {
			c.row(t.ID, t.Name, strconv.Itoa(t.Statements), strconv.Itoa(t.Figures), strconv.Itoa(t.Mentions), strconv.Itoa(t.Articles))
		}
		return c.close()
	}
	return s.html(w, "treaties", p)
}

type speakersPage struct {
	Page     `json:"-"`
	Speakers []store.Tally `json:"speakers"`
}

// speakersShown bounds the speakers page: the most quoted ones.
const speakersShown = 200

func (s *Server) speakers(w http.ResponseWriter, r *http.Request, f format) error {
	sp, err := s.topSpeakers(r, "", speakersShown)
	if err != nil {
		return err
	}
	p := speakersPage{Page: pageOf(r, "Speakers", "speakers", true), Speakers: sp}
	switch f {
	case jsonFormat:
		return s.json(w, p)
	case csvFormat:
		c, err := newCSV(w, "armswatch-speakers.csv", []string{"speaker", "statements"}, "speaker")
		if err != nil {
			return err
		}
		for _, t := range sp {
			c.row(t.Name, strconv.Itoa(t.N))
		}
		return c.close()
	}
	return s.html(w, "speakers", p)
}

// The cached aggregates.

func (s *Server) topSpeakers(r *http.Request, treaty string, n int) ([]store.Tally, error) {
	return cached(r.Context(), s, cacheKey("top", treaty, n), func() ([]store.Tally, error) {
		return s.db.TopSpeakers(r.Context(), treaty, n)
	})
}

func (s *Server) treatyRow(r *http.Request, id string) (store.TreatyRow, error) {
	return cached(r.Context(), s, cacheKey("treaty", id), func() (store.TreatyRow, error) {
		return s.db.Treaty(r.Context(), id)
	})
}

func (s *Server) timeline(r *http.Request, f store.ListFilter, by string) ([]store.Bucket, error) {
	return cached(r.Context(), s, cacheKey("timeline", f, by), func() ([]store.Bucket, error) {
		return s.db.Timeline(r.Context(), f, by)
	})
}

func (s *Server) speakerRow(r *http.Request, f store.ListFilter) (store.SpeakerRow, error) {
	return cached(r.Context(), s, cacheKey("speaker", f), func() (store.SpeakerRow, error) {
		return s.db.Speaker(r.Context(), f)
	})
}

// ---- Treaty ----

type treatyPage struct {
	Page         `json:"-"`
	Treaty       store.TreatyRow      `json:"treaty"`
	By           string               `json:"by"`
	Timeline     []store.Bucket       `json:"timeline"`
	FigureSeries []store.FigureBucket `json:"figure_series"`
	TopSpeakers  []store.Tally        `json:"top_speakers"`
	Statements   []store.StatementRow `json:"newest_statements"`
	Figures      []store.FigureRow    `json:"newest_figures"`
	Charts       struct {
		Timeline *chart
		Figures  []*chart
	} `json:"-"`
	CSVLists struct {
		Statements, Figures, Timeline string
	} `json:"-"`
}

func (s *Server) treaty(w http.ResponseWriter, r *http.Request, f format) error {
	id := pathValue(r, "id")
	by, err := byParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	t, err := s.treatyRow(r, id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound("no treaty %q in the database (the treaties page lists them)", id)
	}
	if err != nil {
		return err
	}
	if f == csvFormat {
		return s.treatyCSV(w, r, t)
	}
	p := treatyPage{Page: pageOf(r, t.Name, "treaties", true), Treaty: t, By: by}
	filter := store.ListFilter{Treaty: id, Limit: pageSize}
	if p.Timeline, err = s.timeline(r, filter, by); err != nil {
		return err
	}
	p.FigureSeries, err = cached(ctx, s, cacheKey("figures", id, by), func() ([]store.FigureBucket, error) {
		return s.db.FigureSeries(ctx, id, by, store.Period{})
	})
	if err != nil {
		return err
	}
	if p.TopSpeakers, err = s.topSpeakers(r, id, 10); err != nil {
		return err
	}
	if p.Statements, err = s.db.Statements(ctx, filter); err != nil {
		return err
	}
	if p.Figures, err = s.db.Figures(ctx, filter); err != nil {
		return err
	}
	if f == jsonFormat {
		return s.json(w, p)
	}
	for _, l := range []struct {
		dst  *string
		list string
	}{{&p.CSVLists.Statements, "statements"}, {&p.CSVLists.Figures, "figures"}, {&p.CSVLists.Timeline, "timeline"}} {
		*l.dst = twin(r, ".csv", url.Values{"list": {l.list}})
	}
	p.Charts.Timeline = timelineChart(p.Timeline, by, "Statements and figures about "+t.Name+" per "+by)
	p.Charts.Figures = figureCharts(p.FigureSeries, by)
	return s.html(w, "treaty", p)
}

// treatyCSV streams one of the treaty's lists: ?list=statements (default), figures or timeline.
func (s *Server) treatyCSV(w http.ResponseWriter, r *http.Request, t store.TreatyRow) error {
	ctx := r.Context()
	filter := store.ListFilter{Treaty: t.ID}
	switch r.URL.Query().Get("list") {
	case "", "statements":
		return statementsCSV(w, "armswatch-"+t.ID+"-statements.csv", func(fn func(*store.StatementRow) error) error {
			return s.db.EachStatement(ctx, filter, fn)
		})
	case "figures":
		return figuresCSV(w, "armswatch-"+t.ID+"-figures.csv", func(fn func(*store.FigureRow) error) error {
			return s.db.EachFigure(ctx, filter, fn)
		})
	case "timeline":
		by, err := byParam(r)
		if err != nil {
			return err
		}
		bs, err := s.db.Timeline(ctx, filter, by)
		if err != nil {
			return err
		}
		c, err := newCSV(w, "armswatch-"+t.ID+"-timeline.csv", []string{"period_start", "statements", "figures"})
		if err != nil {
			return err
		}
		for _, b := range bs {
			c.row(b.Start, strconv.Itoa(b.Statements), strconv.Itoa(b.Figures))
		}
		return c.close()
	}
	return errBadRequest("list: want statements, figures or timeline")
}

var statementColumns = []string{"statement_id", "article_id", "date", "source", "url", "title", "kind",
	"speaker", "role", "speaker_kind", "cue", "statement", "treaty"}

func statementsCSV(w http.ResponseWriter, file string, each func(func(*store.StatementRow) error) error) error {
	c, err := newCSV(w, file, statementColumns, "url", "title", "speaker", "role", "cue", "statement")
	if err != nil {
		return err
	}
	err = each(func(st *store.StatementRow) error {
		return c.row(itoa(st.ID), itoa(st.ArticleID), st.Date, st.Source, st.URL, st.Title, st.Kind,
			st.Speaker, st.Role, st.SpeakerKind, st.Cue, st.Text, st.Treaty)
	})
	if err != nil {
		return err
	}
	return c.close()
}

func figuresCSV(w http.ResponseWriter, file string, each func(func(*store.FigureRow) error) error) error {
	c, err := newCSV(w, file, []string{"figure_id", "article_id", "date", "source", "url", "title", "text",
		"value", "value_max", "comparator", "unit", "category", "treaty", "sentence"}, "url", "title", "text", "sentence")
	if err != nil {
		return err
	}
	err = each(func(fg *store.FigureRow) error {
		return c.row(itoa(fg.ID), itoa(fg.ArticleID), fg.Date, fg.Source, fg.URL, fg.Title, fg.Text,
			ftoa(fg.Value), ftoaPtr(fg.ValueMax), fg.Comparator, fg.Unit, fg.Category, fg.Treaty, fg.Sentence)
	})
	if err != nil {
		return err
	}
	return c.close()
}

// ---- Speaker ----

type speakerPage struct {
	Page       `json:"-"`
	Speaker    store.SpeakerRow     `json:"speaker"`
	Filter     speakerFilter        `json:"filter"`
	Timeline   []store.Bucket       `json:"timeline"`
	Statements []store.StatementRow `json:"statements"`
	Pager      pager                `json:"pager"`
	Chart      *chart               `json:"-"`
}

type speakerFilter struct {
	Treaty string `json:"treaty"`
	From   string `json:"from"`
	To     string `json:"to"`
}

func (s *Server) speaker(w http.ResponseWriter, r *http.Request, f format) error {
	name := pathValue(r, "name")
	per, from, to, err := period(r)
	if err != nil {
		return err
	}
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	filter := store.ListFilter{Speaker: name, Treaty: strings.TrimSpace(r.URL.Query().Get("treaty")), Period: per}
	sp, err := s.speakerRow(r, store.ListFilter{Speaker: name})
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound("no statements by %q in the database (the speakers page lists them)", name)
	}
	if err != nil {
		return err
	}
	if f == csvFormat {
		return statementsCSV(w, "armswatch-speaker-statements.csv", func(fn func(*store.StatementRow) error) error {
			return s.db.EachStatement(ctx, filter, fn)
		})
	}
	if filter.Treaty != "" || per != (store.Period{}) {
		// First and last dates within the filter.
		if sp2, err := s.speakerRow(r, filter); err == nil {
			sp.FirstDate, sp.LastDate = sp2.FirstDate, sp2.LastDate
		}
	}
	p := speakerPage{Page: pageOf(r, name, "speakers", true), Speaker: sp,
		Filter: speakerFilter{filter.Treaty, from, to}}
	if p.Timeline, err = s.timeline(r, filter, "month"); err != nil {
		return err
	}
	filter.Limit, filter.Offset = pageSize+1, (page-1)*pageSize
	if p.Statements, err = s.db.Statements(ctx, filter); err != nil {
		return err
	}
	more := len(p.Statements) > pageSize
	p.Statements = p.Statements[:min(len(p.Statements), pageSize)]
	p.Pager = makePager(r, page, more)
	if f == jsonFormat {
		return s.json(w, p)
	}
	p.Chart = timelineChart(p.Timeline, "month", "Statements by "+name+" per month")
	return s.html(w, "speaker", p)
}

// ---- Search ----

type searchPage struct {
	Page  `json:"-"`
	Query searchQuery `json:"query"`
	Hits  []searchHit `json:"hits"`
	Pager pager       `json:"pager"`
	// Capped: the query matched more than a search ranks, and the hits are the best of the
	// newest 10,000 matches (store.SearchResults).
	Capped bool   `json:"capped"`
	Notice string `json:"notice,omitempty"`
}

type searchQuery struct {
	Text    string `json:"q"`
	Speaker string `json:"speaker"`
	Treaty  string `json:"treaty"`
	Source  string `json:"source"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// searchHit is a store.Hit whose snippet is split into plain and matched parts, so the
// template escapes every part and marks the matched ones without any raw HTML.
type searchHit struct {
	store.Hit
	Parts []snippetPart `json:"-"`
}

type snippetPart struct {
	Text  string
	Match bool
}

// Snippet marks: private-use characters no page text is expected to hold; any the text does
// hold are only mis-marked, never markup.
const markOn, markOff = "\ue000", "\ue001"

func (s *Server) search(w http.ResponseWriter, r *http.Request, f format) error {
	q := r.URL.Query()
	sq := searchQuery{Text: strings.TrimSpace(q.Get("q")), Speaker: strings.TrimSpace(q.Get("speaker")),
		Treaty: strings.TrimSpace(q.Get("treaty")), Source: strings.TrimSpace(q.Get("source"))}
	per, from, to, err := period(r)
	if err != nil {
		return err
	}
	sq.From, sq.To = from, to
	page, err := pageNumber(r)
	if err != nil {
		return err
	}
	if page*pageSize > maxSearchHits {
		return errBadRequest("page: search shows the best %d hits; narrow the query", maxSearchHits)
	}
	p := searchPage{Page: pageOf(r, "Search", "search", sq.Text != ""), Query: sq, Hits: []searchHit{}}
	if sq.Text != "" {
		query := store.SearchQuery{Text: sq.Text, Period: per, Speaker: sq.Speaker,
			Treaty: sq.Treaty, Source: sq.Source, Limit: page*pageSize + 1, Mark: [2]string{markOn, markOff}}
		// Cached: bm25 ranks up to 10,000 matches of a common word, and the next page ranks them again.
		res, err := cached(r.Context(), s, cacheKey("search", query), func() (store.SearchResults, error) {
			return s.db.SearchResults(r.Context(), query)
		})
		var se *store.SyntaxError
		switch {
		case errors.As(err, &se):
			return errBadRequest("search: %s; put words with punctuation in double quotes, or leave out AND OR NOT NEAR and the characters \" ( ) * : ^", se.Msg)
		case errors.Is(err, store.ErrNoFTS):
			return errBadRequest("%v", err)
		case err != nil:
			return err
		}
		hits := res.Hits
		more := len(hits) > page*pageSize
		hits = hits[min(len(hits), (page-1)*pageSize):min(len(hits), page*pageSize)]
		for _, h := range hits {
			clean := h
			clean.Snippet = strings.NewReplacer(markOn, "«", markOff, "»").Replace(h.Snippet)
			p.Hits = append(p.Hits, searchHit{Hit: clean, Parts: snippetParts(h.Snippet)})
		}
		p.Pager = makePager(r, page, more)
		p.Capped = res.Capped
		switch {
		case len(p.Hits) == 0:
			p.Notice = "No matches."
		case res.Capped:
			p.Notice = "More than 10,000 statements or articles match: these are the best of the newest 10,000. " +
				"Add words or a date range to find older ones."
		}
	}
	switch f {
	case jsonFormat:
		return s.json(w, p)
	case csvFormat:
		c, err := newCSV(w, "armswatch-search.csv", []string{"kind", "statement_id", "article_id", "score", "snippet",
			"speaker", "role", "cue", "treaty", "title", "url", "source", "published"},
			"snippet", "speaker", "role", "cue", "title", "url")
		if err != nil {
			return err
		}
		for _, h := range p.Hits {
			c.row(h.Kind, itoa(h.StatementID), itoa(h.ArticleID), ftoa(h.Score), h.Snippet, h.Speaker, h.Role,
				h.Cue, h.Treaty, h.Title, h.URL, h.Source, h.Published)
		}
		return c.close()
	}
	return s.html(w, "search", p)
}

// maxSearchHits bounds paging through search results: a page far down costs as much as all the
// pages before it (snippets, joins, and the merge of statements and articles).
const maxSearchHits = 500

func snippetParts(s string) []snippetPart {
	var out []snippetPart
	for s != "" {
		i := strings.Index(s, markOn)
		if i < 0 {
			out = append(out, snippetPart{Text: strings.ReplaceAll(s, markOff, "")})
			break
		}
		if i > 0 {
			out = append(out, snippetPart{Text: strings.ReplaceAll(s[:i], markOff, "")})
		}
		s = s[i+len(markOn):]
		j := strings.Index(s, markOff)
		if j < 0 {
			j = len(s)
		}
		out = append(out, snippetPart{Text: strings.ReplaceAll(s[:j], markOn, ""), Match: true})
		s = strings.TrimPrefix(s[j:], markOff)
	}
	return out
}

// ---- Article ----

type articlePage struct {
	Page       `json:"-"`
	Article    *store.ArticleDetail `json:"article"`
	Paragraphs []paragraph          `json:"-"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request, f format) error {
	raw := pathValue(r, "id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		return errNotFound("no article %q: article ids are numbers", raw)
	}
	d, err := s.db.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound("no article %d in the database", id)
	}
	if err != nil {
		return err
	}
	title := d.Title
	if strings.TrimSpace(title) == "" {
		title = fmt.Sprintf("Article %d", id)
	}
	p := articlePage{Page: pageOf(r, title, "", true), Article: d}
	switch f {
	case jsonFormat:
		return s.json(w, p)
	case csvFormat:
		return articleCSV(w, d)
	}
	p.Paragraphs = highlight(d.Body, articleMarks(d))
	return s.html(w, "article", p)
}

// articleCSV lists everything found in an article, one row per item, in text order by type.
func articleCSV(w http.ResponseWriter, d *store.ArticleDetail) error {
	c, err := newCSV(w, fmt.Sprintf("armswatch-article-%d.csv", d.ID), []string{"type", "kind", "text",
		"speaker", "role", "cue", "value", "value_max", "comparator", "unit", "category", "treaty",
		"byte_start", "byte_end"}, "text", "speaker", "role", "cue")
	if err != nil {
		return err
	}
	for _, st := range d.Statements {
		c.row("statement", st.Kind, st.Text, st.Speaker, st.Role, st.Cue, "", "", "", "", "", st.Treaty,
			strconv.Itoa(st.Start), strconv.Itoa(st.End))
	}
	for _, fg := range d.Figures {
		c.row("figure", "", fg.Text, "", "", "", ftoa(fg.Value), ftoaPtr(fg.ValueMax), fg.Comparator, fg.Unit,
			fg.Category, fg.Treaty, strconv.Itoa(fg.Start), strconv.Itoa(fg.End))
	}
	for _, x := range d.Dates {
		end := ""
		if x.ValueEnd != nil {
			end = *x.ValueEnd
		}
		c.row("date", x.Kind, x.Text, "", "", "", x.Value, end, "", x.Granularity, "", "",
			strconv.Itoa(x.Start), strconv.Itoa(x.End))
	}
	for _, m := range d.Mentions {
		c.row("mention", m.Type, m.Text, "", "", "", m.EntityID, "", "", "", "", "", strconv.Itoa(m.Start), strconv.Itoa(m.End))
	}
	return c.close()
}
