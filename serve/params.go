package serve

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

// Page is what every page's layout needs besides its own data.
type Page struct {
	Title string // the <title> and the heading
	JSON  string // the JSON twin's URL
	CSV   string // the CSV download's URL, "" for a page without a list
	Nav   string // which menu entry is current
}

// twin returns the page's URL with a suffix (".json", ".csv") before the query.
func twin(r *http.Request, suffix string, extra url.Values) string {
	path := r.URL.Path
	if path == "/" {
		path = "/today"
	}
	for _, s := range []string{".json", ".csv"} {
		path = strings.TrimSuffix(path, s)
	}
	q := r.URL.Query()
	q.Del("format")
	for k, v := range extra {
		q[k] = v
	}
	u := url.URL{Path: path + suffix, RawQuery: q.Encode()}
	return u.String()
}

func pageOf(r *http.Request, title, nav string, hasCSV bool) Page {
	p := Page{Title: title, Nav: nav, JSON: twin(r, ".json", nil)}
	if hasCSV {
		p.CSV = twin(r, ".csv", nil)
	}
	return p
}

// pageSize is how many rows a list shows; maxOffset bounds how deep paging goes (beyond it,
// narrow the filter or download the CSV).
const (
	pageSize  = 20
	maxOffset = 10_000
)

// pageNumber reads ?page= (from 1).
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, errBadRequest("page: want a number from 1")
	}
	if (n-1)*pageSize > maxOffset {
		return 0, errBadRequest("page: at most %d; narrow the filter or download the CSV", maxOffset/pageSize+1)
	}
	return n, nil
}

// pager links the previous and next pages of a list.
type pager struct {
	Page int    `json:"page"`
	Prev string `json:"prev,omitempty"`
	Next string `json:"next,omitempty"`
}

func makePager(r *http.Request, page int, more bool) pager {
	p := pager{Page: page}
	link := func(n int) string {
		q := r.URL.Query()
		if n == 1 {
			q.Del("page")
		} else {
			q.Set("page", strconv.Itoa(n))
		}
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return u.String()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if more && page*pageSize <= maxOffset {
		p.Next = link(page + 1)
	}
	return p
}

// period reads ?from= and ?to= (dates, YYYY-MM-DD; to is inclusive).
func period(r *http.Request) (store.Period, string, string, error) {
	var p store.Period
	from, to := strings.TrimSpace(r.URL.Query().Get("from")), strings.TrimSpace(r.URL.Query().Get("to"))
	if from != "" {
		t, err := time.Parse("2006-01-02", from)
		if err != nil {
			return p, "", "", errBadRequest("from: want a date like 2024-01-31")
		}
		p.Since = t
	}
	if to != "" {
		t, err := time.Parse("2006-01-02", to)
		if err != nil {
			return p, "", "", errBadRequest("to: want a date like 2024-01-31")
		}
		p.Until = t.AddDate(0, 0, 1)
	}
	return p, from, to, nil
}

// byParam reads ?by=week|month (default month).
func byParam(r *http.Request) (string, error) {
	switch v := r.URL.Query().Get("by"); v {
	case "", "month":
		return "month", nil
	case "week":
		return "week", nil
	}
	return "", errBadRequest("by: want week or month")
}
