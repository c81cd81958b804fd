package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsCache fetches each host's robots.txt once per run, or again after Options.RobotsTTL
// in a long-lived Session (a worker's: a site may change its rules or Crawl-delay while the
// worker runs for weeks). colly's own robots support is off because it reads neither
// Crawl-delay nor Sitemap lines; this one feeds both to the crawler.
type robotsCache struct {
	client  *http.Client
	opt     Options
	onLimit func(host string, crawlDelay time.Duration)

	mu    sync.Mutex
	hosts map[string]*hostRobots // scheme://host:port
}

type hostRobots struct {
	once     sync.Once
	group    *robotstxt.Group // nil: everything allowed
	sitemaps []string
	delay    time.Duration
	err      error
	expires  time.Time // read again after this (zero: never, or still loading); under robotsCache.mu
}

// robotsErrorTTL bounds how long a robots.txt that could not be read keeps its host skipped
// in a Session with a RobotsTTL: a host down for an hour is tried again, not after a day.
const robotsErrorTTL = 10 * time.Minute

func newRobotsCache(client *http.Client, opt Options, onLimit func(string, time.Duration)) *robotsCache {
	return &robotsCache{client: client, opt: opt, onLimit: onLimit, hosts: map[string]*hostRobots{}}
}

// get returns the rules for u's host, fetching robots.txt the first time. An unreachable
// robots.txt is an error for the whole host this run: crawling blind would be impolite.
func (rc *robotsCache) get(u *url.URL) (*hostRobots, error) {
	key := u.Scheme + "://" + u.Host
	rc.mu.Lock()
	h := rc.hosts[key]
	if h == nil || !h.expires.IsZero() && time.Now().After(h.expires) {
		h = &hostRobots{}
		rc.hosts[key] = h
	}
	rc.mu.Unlock()
	h.once.Do(func() {
		h.load(rc.client, key, rc.opt.UserAgent, rc.opt.Retries)
		if h.err == nil {
			rc.onLimit(u.Host, h.delay)
		}
		if ttl := rc.opt.RobotsTTL; ttl > 0 {
			if h.err != nil {
				ttl = min(ttl, robotsErrorTTL)
			}
			rc.mu.Lock()
			h.expires = time.Now().Add(ttl)
			rc.mu.Unlock()
		}
	})
	return h, h.err
}

func (h *hostRobots) load(client *http.Client, base, agent string, retries int) {
	var status int
	var body []byte
	for attempt := 0; ; attempt++ {
		status, body, h.err = fetchRobots(client, base+"/robots.txt", agent)
		if h.err == nil && status < 500 || attempt >= min(retries, 1) {
			break
		}
	}
	if h.err == nil && status >= 500 {
		h.err = fmt.Errorf("answered %d: the host is skipped this run", status)
	}
	if h.err != nil {
		h.err = fmt.Errorf("%s/robots.txt: %w (%w)", base, h.err, errHostDown)
		return
	}
	h.parse(status, body, agent)
}

// parse reads a robots.txt answered with status: 4xx means no rules (temoto follows Google
// here), and an unparsable file is treated as no rules, like the big crawlers do.
func (h *hostRobots) parse(status int, body []byte, agent string) {
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		return
	}
	h.group = data.FindGroup(agent)
	h.sitemaps = data.Sitemaps
	if h.group != nil {
		h.delay = max(h.group.CrawlDelay, 0)
	}
}

func fetchRobots(client *http.Client, u, agent string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", agent)
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	return resp.StatusCode, body, err
}

func (h *hostRobots) allowed(u *url.URL) bool {
	if h.group == nil {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return h.group.Test(p)
}

func regexpQuote(s string) string { return regexp.QuoteMeta(s) }
