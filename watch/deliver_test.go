package watch

import (
	"context"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
)

// receiver is a webhook endpoint that checks signatures and counts each item it gets.
type receiver struct {
	t      *testing.T
	secret string
	fail   atomic.Int32 // answer 500 to this many more requests
	delay  time.Duration
	mu     sync.Mutex
	posts  int
	items  map[string]int // item id -> times received
	bodies []webhookBody
}

func newReceiver(t *testing.T, secret string) (*receiver, *httptest.Server) {
	r := &receiver{t: t, secret: secret, items: map[string]int{}}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return r, srv
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	if r.secret != "" && !hmac.Equal([]byte(req.Header.Get(SignatureHeader)), []byte(Sign(r.secret, body))) {
		r.t.Errorf("bad signature %q", req.Header.Get(SignatureHeader))
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if r.fail.Load() > 0 {
		r.fail.Add(-1)
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	time.Sleep(r.delay)
	var b webhookBody
	if err := json.Unmarshal(body, &b); err != nil {
		r.t.Errorf("body is not JSON: %v", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.posts++
	r.bodies = append(r.bodies, b)
	for _, it := range b.Items {
		r.items[it.ID]++
	}
}

func (r *receiver) counts() (posts int, items map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := map[string]int{}
	for k, v := range r.items {
		m[k] = v
	}
	return r.posts, m
}

func webhookConfig(t *testing.T, url string, extra string) *config.Config {
	return loadWatches(t, `
[[watch]]
name = "ryabkov-new-start"
speaker = "Sergei Ryabkov"
treaty = "new_start"
notify = ["webhook"]

[notify.webhook]
url = "`+url+`"
secret_env = "ARMSWATCH_TEST_WEBHOOK_SECRET"
backoff = "1ms"
`+extra)
}

func webhookRunner(db store.Store, c *config.Config) *Runner {
	return &Runner{DB: db, Watches: c.Watches, Notifiers: Notifiers(c, db)}
}

func mustRun(t *testing.T, r *Runner) []Result {
	t.Helper()
	res, err := r.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWebhookSignsRetriesAndCarriesText(t *testing.T) {
	t.Setenv("ARMSWATCH_TEST_WEBHOOK_SECRET", "s3cret")
	rec, srv := newReceiver(t, "s3cret")
	db, _ := openDB(t)
	c := webhookConfig(t, srv.URL+"/hook?token=abc", "topic = \"arms\"\n")
	mustRun(t, webhookRunner(db, c))
	save(t, db, ryabkov(1), ryabkov(2))
	rec.fail.Store(2) // two 500s, then the third attempt goes through
	res := mustRun(t, webhookRunner(db, c))
	if err := res[0].Err(); err != nil {
		t.Fatal(err)
	}
	posts, items := rec.counts()
	if posts != 1 || len(items) != 2 {
		t.Fatalf("posts %d, items %v", posts, items)
	}
	b := rec.bodies[0]
	if b.Watch != "ryabkov-new-start" || b.Count != 2 || b.Items[0].Speaker != "Sergei Ryabkov" ||
		b.Items[0].Treaty != "new_start" || b.Items[0].Article.URL != "https://tass.com/politics/1001" || b.Items[0].Article.Date != "2026-11-09" {
		t.Errorf("body: %+v", b)
	}
	if !strings.HasPrefix(b.Text, "armswatch: ryabkov-new-start: 2 new matches\n") ||
		!strings.Contains(b.Text, "Sergei Ryabkov: \u201cRussia will keep observing the New START limits for now, round 1\u201d") ||
		!strings.Contains(b.Text, "https://tass.com/politics/1002") {
		t.Errorf("text:\n%s", b.Text)
	}
	if b.Topic != "arms" || b.Message != b.Text {
		t.Errorf("ntfy fields: topic %q message %q", b.Topic, b.Message)
	}
}

func TestWebhookWithoutSecretInEnvironmentFailsAndIsRetried(t *testing.T) {
	rec, srv := newReceiver(t, "")
	db, _ := openDB(t)
	c := webhookConfig(t, srv.URL, "")
	mustRun(t, webhookRunner(db, c))
	save(t, db, ryabkov(1))
	res := mustRun(t, webhookRunner(db, c))
	if err := res[0].Err(); err == nil || !strings.Contains(err.Error(), "ARMSWATCH_TEST_WEBHOOK_SECRET is not set") {
		t.Fatalf("want an error about the secret, got %v", err)
	}
	if posts, _ := rec.counts(); posts != 0 {
		t.Fatalf("sent unsigned")
	}
}

func TestFailedDeliveryIsRetriedNextRunAndShownInHealth(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		t.Setenv("ARMSWATCH_TEST_WEBHOOK_SECRET", "k")
		rec, srv := newReceiver(t, "k")
		db, _ := b.open(t)
		c := webhookConfig(t, srv.URL, "retries = 1\n")
		mustRun(t, webhookRunner(db, c))
		save(t, db, ryabkov(1))
		rec.fail.Store(1000)
		res := mustRun(t, webhookRunner(db, c))
		if err := res[0].Err(); err == nil || !strings.Contains(err.Error(), "500 Internal Server Error") || strings.Contains(err.Error(), "token") {
			t.Fatalf("error: %v", err)
		}
		hs, err := db.WatchHealth(context.Background())
		if err != nil || len(hs) != 1 {
			t.Fatal(hs, err)
		}
		if h := hs[0]; h.Failed != 1 || h.Pending != 1 || h.Sent != 0 || !strings.Contains(h.LastError, "500") {
			t.Fatalf("health after the failure: %+v", h)
		}
		rec.fail.Store(0)
		mustRun(t, webhookRunner(db, c))
		if _, items := rec.counts(); len(items) != 1 {
			t.Fatalf("not delivered on the next run: %v", items)
		}
		hs, _ = db.WatchHealth(context.Background())
		if h := hs[0]; h.Failed != 0 || h.Pending != 0 || h.Sent != 1 || h.LastError != "" {
			t.Fatalf("health after the retry: %+v", h)
		}
		mustRun(t, webhookRunner(db, c))
		if posts, _ := rec.counts(); posts != 1 {
			t.Fatalf("sent again after success: %d posts", posts)
		}
	})
}

var errCrash = errors.New("simulated crash")

func TestCrashBetweenSendAndCommitDoesNotSendTwice(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		t.Setenv("ARMSWATCH_TEST_WEBHOOK_SECRET", "k")
		rec, srv := newReceiver(t, "k")
		db, reopen := b.open(t)
		c := webhookConfig(t, srv.URL, "")
		mustRun(t, webhookRunner(db, c))
		save(t, db, ryabkov(1))
		r := webhookRunner(db, c)
		r.afterSend = func() error { return errCrash } // the process dies after the POST, before recording it
		if _, err := r.Run(context.Background()); !errors.Is(err, errCrash) {
			t.Fatalf("want the crash, got %v", err)
		}
		db.Close()
		db2, err := reopen() // the next process
		if err != nil {
			t.Fatal(err)
		}
		defer db2.Close()
		save(t, db2, ryabkov(2))
		mustRun(t, webhookRunner(db2, c))
		_, items := rec.counts()
		if len(items) != 2 {
			t.Fatalf("want the first item once and the second once: %v", items)
		}
		for id, n := range items {
			if n != 1 {
				t.Errorf("item %s received %d times", id, n)
			}
		}
		hs, _ := db2.WatchHealth(context.Background())
		if hs[0].Interrupted != 1 || hs[0].Sent != 1 {
			t.Errorf("health: %+v", hs[0])
		}
		// Asked to, a run sends the interrupted item again.
		r = webhookRunner(db2, c)
		r.ResendInterrupted = true
		mustRun(t, r)
		if posts, items := rec.counts(); posts != 3 || len(items) != 2 {
			t.Fatalf("resend: %d posts, %v", posts, items)
		}
	})
}

func TestTwoRunsAtOnceSendEachItemOnce(t *testing.T) {
	onBackends(t, func(t *testing.T, b backend) {
		t.Setenv("ARMSWATCH_TEST_WEBHOOK_SECRET", "k")
		rec, srv := newReceiver(t, "k")
		rec.delay = 20 * time.Millisecond // keep the first POST in flight while the other run claims
		db, reopen := b.open(t)
		c := webhookConfig(t, srv.URL, "")
		mustRun(t, webhookRunner(db, c))
		for round := 1; round <= 5; round++ {
			save(t, db, ryabkov(2*round), ryabkov(2*round+1))
			var wg sync.WaitGroup
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					other, err := reopen() // another process: its own connections
					if err != nil {
						t.Error(err)
						return
					}
					defer other.Close()
					if res, err := webhookRunner(other, c).Run(context.Background()); err != nil || res[0].Err() != nil {
						t.Error(err, res[0].Err())
					}
				}()
			}
			wg.Wait()
			_, items := rec.counts()
			if len(items) != 2*round {
				t.Fatalf("round %d: %d items received, want %d", round, len(items), 2*round)
			}
			for id, n := range items {
				if n != 1 {
					t.Fatalf("round %d: item %s received %d times", round, id, n)
				}
			}
		}
	})
}
