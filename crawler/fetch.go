package crawler

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
)

// fetcher does every HTTP request of a run through one colly collector, so per-host limits
// hold across sources. It follows redirects itself to check each hop against the source's
// allowed hosts and robots.txt.
type fetcher struct {
	c      *colly.Collector
	opt    Options
	robots *robotsCache

	mu     sync.Mutex
	gates  map[string]time.Time     // host -> no request before (Retry-After), without opt.Hosts
	delays map[string]time.Duration // host -> interval between requests (the gate's with opt.Hosts)
}

// response is one final HTTP answer.
type response struct {
	URL     string // final URL after redirects
	Status  int
	Header  http.Header
	Body    []byte
	Elapsed time.Duration
}

// fetchError classifies a failure so the caller knows whether to try again in a later run.
type fetchError struct {
	Permanent bool // 404, 410, robots.txt, off-host redirect, too large: never again
	Refused   bool // refused before any request was sent (robots.txt, host, URL)
	Err       error
}

func (e *fetchError) Error() string { return e.Err.Error() }
func (e *fetchError) Unwrap() error { return e.Err }

func permanent(format string, a ...any) error {
	return &fetchError{Permanent: true, Err: fmt.Errorf(format, a...)}
}

func refused(format string, a ...any) error {
	return &fetchError{Permanent: true, Refused: true, Err: fmt.Errorf(format, a...)}
}

// errHostDown marks failures that say nothing about the page: its host's robots.txt could not
// be read, so nothing was asked of the host. Such pages wait for a later run without counting
// an attempt, so a site down for a day loses none of its frontier.
var errHostDown = errors.New("host unavailable")

// newFetcher builds the run's fetcher. Its requests carry ctx, so that stopping the run
// (SIGTERM) aborts downloads in flight instead of waiting out their timeouts.
func newFetcher(ctx context.Context, opt Options) *fetcher {
	c := colly.NewCollector(
		colly.StdlibContext(ctx),
		colly.UserAgent(opt.UserAgent),
		colly.AllowURLRevisit(), // the frontier decides what to fetch, and retries revisit
		colly.IgnoreRobotsTxt(), // robotsCache does it, with Crawl-delay and Sitemap lines
		colly.MaxBodySize(opt.MaxBodyBytes+1),
		colly.ParseHTTPErrorResponse(),
	)
	tr := &decodingTransport{base: newTransport(opt), max: int64(opt.MaxBodyBytes)}
	c.WithTransport(tr)
	c.SetRequestTimeout(opt.Timeout)
	c.DisableCookies()
	c.SetRedirectHandler(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put("response", r) })
	// colly gunzips any *.xml.gz answer, even an empty 304, and fails; a 304 needs no body, so
	// it is taken from the headers and the download aborted.
	c.OnResponseHeaders(func(r *colly.Response) {
		if r.StatusCode == http.StatusNotModified {
			r.Ctx.Put("response", r)
			r.Request.Abort()
			return
		}
		// colly re-encodes a body whose Content-Type names a charset other than UTF-8, but
		// the page's own <meta charset> or <?xml encoding?> still names the old one, and the
		// extractor and gofeed would decode it a second time. Hiding the header from colly
		// keeps the bytes as sent; do() puts it back.
		r.Ctx.Put("content-type", r.Headers.Get("Content-Type"))
		r.Headers.Del("Content-Type")
	})
	c.OnError(func(r *colly.Response, _ error) {
		if r.StatusCode != 0 {
			r.Ctx.Put("response", r)
		}
	})
	f := &fetcher{c: c, opt: opt, gates: map[string]time.Time{}, delays: map[string]time.Duration{}}
	f.robots = newRobotsCache(&http.Client{Transport: tr, Timeout: opt.Timeout}, opt, f.limitHost)
	return f
}

// limitHost sets the colly limit rule of a host once its robots.txt is known. With a shared
// HostGate the delay is the gate's to keep (colly's would only add a second wait of its own),
// and a robots.txt read again (Options.RobotsTTL) changes it; colly keeps the first rule of a
// host, so without one a session keeps its first Crawl-delay.
func (f *fetcher) limitHost(host string, crawlDelay time.Duration) {
	rule := &colly.LimitRule{
		DomainRegexp: "^" + regexpQuote(host) + "$",
		Parallelism:  f.opt.Parallelism,
		Delay:        max(f.opt.Delay, crawlDelay),
		RandomDelay:  f.opt.RandomDelay,
	}
	f.mu.Lock()
	_, known := f.delays[host]
	f.delays[host] = rule.Delay
	f.mu.Unlock()
	if known {
		return
	}
	if f.opt.Hosts != nil {
		rule.Delay, rule.RandomDelay = 0, 0
	}
	f.c.Limit(rule)
}

// maxRedirects is how many redirects one fetch follows, as browsers and net/http do.
const maxRedirects = 10

// get fetches u for src with retries, following redirects within the source's allowed hosts.
// A 304 is a normal answer; other non-2xx answers are errors.
func (f *fetcher) get(ctx context.Context, src *Source, u string, hdr http.Header) (*response, error) {
	chain := []string{u}
	for hop := 0; ; hop++ {
		resp, err := f.getOne(ctx, src, u, hdr)
		var fe *fetchError
		if hop > 0 && errors.As(err, &fe) && fe.Refused {
			fe.Refused = false // the first hop was a real request
		}
		if err != nil {
			return nil, err
		}
		if resp.Status < 300 || resp.Status >= 400 || resp.Status == http.StatusNotModified {
			return resp, classify(resp)
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return nil, permanent("%s: %d redirect without a Location", u, resp.Status)
		}
		next, err := resolve(u, loc)
		if err != nil {
			return nil, permanent("%s: bad redirect %q", u, loc)
		}
		if slices.Contains(chain, next) {
			return nil, permanent("%s: redirect loop after %d redirects (back to %s)", chain[0], len(chain), next)
		}
		if len(chain) > maxRedirects {
			return nil, permanent("%s: too many redirects (%d, last to %s)", chain[0], len(chain), next)
		}
		chain = append(chain, next)
		u = next
	}
}

func classify(r *response) error {
	switch {
	case r.Status < 300 || r.Status == http.StatusNotModified:
		return nil
	case r.Status == http.StatusNotFound || r.Status == http.StatusGone:
		return permanent("%s: %d %s", r.URL, r.Status, http.StatusText(r.Status))
	default:
		return fmt.Errorf("%s: %d %s", r.URL, r.Status, http.StatusText(r.Status))
	}
}

// getOne fetches one URL (no redirect following), retrying transient failures with
// exponential backoff and jitter, and waiting out Retry-After on 429 and 503.
func (f *fetcher) getOne(ctx context.Context, src *Source, u string, hdr http.Header) (*response, error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") {
		return nil, refused("%q is not an http(s) URL", u)
	}
	if !hostAllowed(src, pu.Hostname()) {
		return nil, refused("%s: host %s is not among the source's allowed hosts", u, pu.Hostname())
	}
	rules, err := f.robots.get(pu)
	if err != nil {
		return nil, err
	}
	if !rules.allowed(pu) {
		return nil, refused("%s: disallowed by robots.txt", u)
	}
	var last error
	var wait time.Duration
	for attempt := 0; attempt <= f.opt.Retries; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, wait); err != nil {
				return nil, err
			}
		}
		wait = backoff(f.opt.RetryBase, attempt+1)
		release, err := f.waitGate(ctx, pu.Host)
		if err != nil {
			return nil, err
		}
		resp, err := f.do(u, hdr)
		release() // the answer is in (or the request failed): the host's delay starts now
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("%s: %w", u, ctx.Err()) // the run is stopping, not the page failing
			}
			if !transient(err) {
				return nil, &fetchError{Permanent: true, Err: err}
			}
			last = err
			continue
		}
		if len(resp.Body) > f.opt.MaxBodyBytes {
			return nil, permanent("%s: larger than max_body_bytes (%d)", u, f.opt.MaxBodyBytes)
		}
		switch {
		case resp.Status == http.StatusTooManyRequests || resp.Status == http.StatusServiceUnavailable:
			last = fmt.Errorf("%s: %d %s", u, resp.Status, http.StatusText(resp.Status))
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				if ra > f.opt.MaxRetryAfter {
					return nil, fmt.Errorf("%w with Retry-After %s: left for a later run", last, ra.Round(time.Second))
				}
				// The whole host waits, not just this page: the server asked for a pause.
				if err := f.pause(ctx, pu.Host, ra); err != nil {
					return nil, err
				}
				wait = 0
			}
			continue
		case resp.Status >= 500:
			last = fmt.Errorf("%s: %d %s", u, resp.Status, http.StatusText(resp.Status))
			continue
		}
		return resp, nil
	}
	return nil, fmt.Errorf("after %d attempts: %w", f.opt.Retries+1, last)
}

// do performs one request through colly and returns whatever answer came back.
func (f *fetcher) do(u string, hdr http.Header) (*response, error) {
	h := http.Header{}
	for k, v := range hdr {
		h[k] = slices.Clone(v)
	}
	h.Set("User-Agent", f.opt.UserAgent)
	cctx := colly.NewContext()
	start := time.Now()
	err := f.c.Request(http.MethodGet, u, nil, cctx, h)
	r, _ := cctx.GetAny("response").(*colly.Response)
	if r != nil && r.StatusCode == http.StatusNotModified {
		err = nil
	}
	if r == nil {
		if err == nil {
			err = errors.New("no response")
		}
		if ne := net.Error(nil); errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
			// The per-request timeout (the run's own deadline is checked by the caller).
			return nil, fmt.Errorf("%s: timed out: no complete answer within %s (%w)", u, f.opt.Timeout, err)
		}
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	resp := &response{URL: r.Request.URL.String(), Status: r.StatusCode, Body: r.Body, Elapsed: time.Since(start)}
	if r.Headers != nil {
		resp.Header = *r.Headers
	} else {
		resp.Header = http.Header{}
	}
	if ct := cctx.Get("content-type"); ct != "" {
		resp.Header.Set("Content-Type", ct)
	}
	return resp, nil
}

// transient says whether a transport error is worth another attempt: timeouts, resets,
// truncated bodies and refused connections are; refused private addresses, bodies too large
// and bodies that cannot be decoded are not.
func transient(err error) bool {
	return !errors.Is(err, errPrivate) && !errors.Is(err, errTooLarge) && !errors.Is(err, errEncoding)
}

func (f *fetcher) pause(ctx context.Context, host string, d time.Duration) error {
	if f.opt.Hosts != nil {
		if err := f.opt.Hosts.Pause(ctx, host, d); err != nil {
			return fmt.Errorf("pausing %s: %w", host, err)
		}
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if until := time.Now().Add(d); until.After(f.gates[host]) {
		f.gates[host] = until
	}
	return nil
}

// waitGate waits until a request to host may go: past its Retry-After pause, and with a shared
// HostGate also past the host's delay since anyone's last answer, holding the host until the
// returned release is called.
func (f *fetcher) waitGate(ctx context.Context, host string) (release func(), err error) {
	if f.opt.Hosts != nil {
		f.mu.Lock()
		d := f.delays[host]
		f.mu.Unlock()
		if f.opt.RandomDelay > 0 {
			d += time.Duration(rand.Int64N(int64(f.opt.RandomDelay)))
		}
		// A request ends within the timeout; the margin covers the release's own trip to the
		// gate. Only a dead process's hold runs out.
		release, err := f.opt.Hosts.Take(ctx, host, d, f.opt.Timeout+holdMargin)
		if err != nil {
			return nil, fmt.Errorf("waiting for %s: %w", host, err)
		}
		return release, nil
	}
	f.mu.Lock()
	until := f.gates[host]
	f.mu.Unlock()
	return func() {}, sleep(ctx, time.Until(until))
}

// holdMargin is how much longer than a request's timeout a shared host stays held for it.
const holdMargin = 5 * time.Second

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, t.Sub(now)), true
	}
	return 0, false
}

// backoff is base * 2^(attempt-1) plus up to half as much jitter, so that many crawlers
// retrying the same server do not come back in lockstep.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << (attempt - 1)
	return d + time.Duration(rand.Int64N(int64(d)/2+1))
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func hostAllowed(src *Source, host string) bool {
	host = strings.ToLower(host)
	for _, h := range src.AllowedHosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

func resolve(base, ref string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", err
	}
	return b.ResolveReference(r).String(), nil
}
