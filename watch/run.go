package watch

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
)

// Notifier sends a watch's new items somewhere.
type Notifier interface {
	// Send delivers items (oldest match first) for watch w; an error means none of them is
	// known to have arrived, and they are sent again by the next run.
	Send(ctx context.Context, w *config.Watch, items []Item) error
	// Batch is the most items one Send takes; 0 means all of a run's items in one Send.
	Batch() int
	// Rebuilds says whether Send rewrites its whole output from the delivery history (a feed
	// file): an item left "sending" by a run that died is then safe to send again.
	Rebuilds() bool
}

// Runner evaluates watches and delivers their matches.
type Runner struct {
	DB        store.WatchStore
	Watches   []config.Watch
	Notifiers map[string]Notifier // by channel name (config.ChannelWebhook ...)
	// DryRun evaluates and reports without recording or sending anything.
	DryRun bool
	// Backfill makes a watch's first run match everything stored; otherwise a new watch starts
	// from what is stored now and sends only what comes after.
	Backfill bool
	// ResendInterrupted sends again the items a run that died left "sending" to a webhook or
	// e-mail (they may or may not have arrived, so by default they are not sent twice).
	ResendInterrupted bool
	// FromScratch evaluates every watch over everything stored, whatever it has seen (with
	// DryRun: `watch test`).
	FromScratch bool

	// afterSend, when set (tests), runs after each Send and before its outcome is recorded;
	// an error stops the run there, as if the process had died.
	afterSend func() error
}

// Result is what a run did for one watch.
type Result struct {
	Watch   string
	Matches []Item         // new matches this run (all of them in a dry run)
	Sent    map[string]int // items sent per notifier (retries of earlier runs included)
	Errors  []error        // delivery errors: the items are retried by the next run
}

// Err joins the result's delivery errors.
func (r *Result) Err() error { return errors.Join(r.Errors...) }

// staleFeedClaim is how long a feed delivery may stay "sending" before another run takes it
// over (its owner died): longer than any run's feed write.
const staleFeedClaim = 10 * time.Minute

// Run evaluates every watch over the articles stored or changed since its last run, records the
// new matches and sends what is due (the new matches and the retries of failed deliveries).
// The returned error is about the database; delivery errors are in each Result.
func (r *Runner) Run(ctx context.Context) ([]Result, error) {
	if len(r.Watches) == 0 {
		return nil, nil
	}
	head, err := r.DB.WatchHead(ctx)
	if err != nil {
		return nil, err
	}
	states, err := r.DB.WatchStates(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	cursors := map[string]int64{}
	var regular []evaluation
	var backfill []*config.Watch
	for i := range r.Watches {
		w := &r.Watches[i]
		cursors[w.Name] = head
		st, seen := states[w.Name]
		switch {
		case r.FromScratch || (!seen && r.Backfill):
			backfill = append(backfill, w)
		case seen && st.ChangeSeq < head:
			regular = append(regular, evaluation{w, st.ChangeSeq})
		}
	}
	found := map[string][]Item{}
	failed := map[string]error{} // watches that cannot be evaluated (a bad query): cursor kept
	if err := r.evaluate(ctx, regular, head, now, found, failed); err != nil {
		return nil, err
	}
	if len(backfill) > 0 {
		all := make([]evaluation, len(backfill))
		for i, w := range backfill {
			all[i] = evaluation{w, -1}
		}
		if err := r.evaluate(ctx, all, head, now, found, failed); err != nil {
			return nil, err
		}
	}
	results := make([]Result, len(r.Watches))
	for i := range r.Watches {
		name := r.Watches[i].Name
		results[i] = Result{Watch: name, Matches: found[name], Sent: map[string]int{}}
		if err := failed[name]; err != nil {
			results[i].Errors = append(results[i].Errors, err)
			delete(cursors, name)
		}
	}
	if r.DryRun {
		return results, nil
	}
	if err := r.enqueue(ctx, found, cursors); err != nil {
		return nil, err
	}
	claim := newClaim()
	for i := range r.Watches {
		if err := r.deliverWatch(ctx, &r.Watches[i], claim, &results[i]); err != nil {
			return results, err
		}
	}
	return results, nil
}

// evaluation is a watch with the article_changes.seq it has seen (-1: nothing, backfill).
type evaluation struct {
	w     *config.Watch
	after int64
}

// evaluate streams the items changed after the lowest cursor of evs once and matches each
// against every watch whose cursor it is past, adding matches to found. A watch whose query
// cannot run goes to failed instead.
func (r *Runner) evaluate(ctx context.Context, evs []evaluation, head int64, now time.Time, found map[string][]Item, failed map[string]error) error {
	evs = slices.DeleteFunc(slices.Clone(evs), func(ev evaluation) bool {
		if ev.w.Query == "" {
			return false
		}
		if _, err := r.DB.StatementsMatching(ctx, ev.w.Query, 0, 0); err != nil {
			failed[ev.w.Name] = fmt.Errorf("query: %w", err)
			return true
		}
		return false
	})
	if len(evs) == 0 {
		return nil
	}
	after := int64(math.MaxInt64)
	for _, ev := range evs {
		after = min(after, ev.after)
	}
	fts := make([]map[int64]bool, len(evs))
	for i, ev := range evs {
		if ev.w.Query == "" {
			continue
		}
		lo, hi, ok, err := r.DB.StatementIDRange(ctx, after, head)
		if err != nil {
			return err
		}
		if !ok {
			fts[i] = map[int64]bool{}
			continue
		}
		if fts[i], err = r.DB.StatementsMatching(ctx, ev.w.Query, lo, hi); err != nil {
			return fmt.Errorf("watch %s: %w", ev.w.Name, err) // it ran on no rows a moment ago
		}
	}
	index := map[string]map[string]int{} // watch -> item ID -> its place in found[watch]
	for _, ev := range evs {
		index[ev.w.Name] = map[string]int{}
		for i, it := range found[ev.w.Name] {
			index[ev.w.Name][it.ID] = i
		}
	}
	return r.DB.WatchItems(ctx, after, head, func(it *store.WatchItem) error {
		for i, ev := range evs {
			if (ev.after < 0 || it.ChangeSeq > ev.after) && matches(ev.w, it, fts[i]) {
				found[ev.w.Name] = addItem(found[ev.w.Name], index[ev.w.Name], newItem(it, now))
			}
		}
		return nil
	})
}

// enqueue records the matches as pending deliveries, one per notifier, and moves the cursors.
func (r *Runner) enqueue(ctx context.Context, found map[string][]Item, cursors map[string]int64) error {
	var ds []store.Delivery
	payloads := map[string]string{} // an item matched by several watches is encoded once
	for i := range r.Watches {
		w := &r.Watches[i]
		for _, it := range found[w.Name] {
			payload, ok := payloads[it.ID]
			if !ok {
				b, err := json.Marshal(it)
				if err != nil {
					return fmt.Errorf("watch %s: %w", w.Name, err)
				}
				payload = string(b)
				payloads[it.ID] = payload
			}
			for _, ch := range w.Notify {
				ds = append(ds, store.Delivery{Watch: w.Name, Channel: ch, Item: it.ID, Payload: payload})
			}
		}
	}
	return r.DB.EnqueueDeliveries(ctx, ds, cursors)
}

// deliverWatch sends what is due to each of w's notifiers and records the run. The error is
// about the database (or a simulated crash); delivery errors go to res.
func (r *Runner) deliverWatch(ctx context.Context, w *config.Watch, claim string, res *Result) error {
	matched := make(map[string]Item, len(res.Matches))
	for _, it := range res.Matches {
		matched[it.ID] = it
	}
	for _, ch := range w.Notify {
		n, ok := r.Notifiers[ch]
		if !ok {
			res.Errors = append(res.Errors, fmt.Errorf("%s: not configured", ch))
			continue
		}
		sent, err := r.deliver(ctx, w, ch, n, claim, matched)
		res.Sent[ch] += sent
		var de *deliveryError
		switch {
		case errors.As(err, &de):
			res.Errors = append(res.Errors, fmt.Errorf("%s: %w", ch, de.err))
		case err != nil:
			return err
		}
	}
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.Error())
	}
	return r.DB.FinishWatchRun(context.WithoutCancel(ctx), w.Name, strings.Join(msgs, "; "))
}

// deliveryError is a notifier's failure, as opposed to the database's.
type deliveryError struct{ err error }

func (e *deliveryError) Error() string { return e.err.Error() }

// deliver claims what is due for w's notifier ch and sends it in batches, recording each
// batch's outcome; after a failed batch the rest are recorded as failed without trying.
func (r *Runner) deliver(ctx context.Context, w *config.Watch, ch string, n Notifier, claim string, matched map[string]Item) (int, error) {
	var reclaim time.Time
	switch {
	case r.ResendInterrupted:
		reclaim = time.Now().Add(time.Second)
	case n.Rebuilds():
		reclaim = time.Now().Add(-staleFeedClaim)
	}
	ds, err := r.DB.ClaimDeliveries(ctx, w.Name, ch, claim, reclaim)
	if err != nil || len(ds) == 0 {
		return 0, err
	}
	items, err := r.claimedItems(ctx, ds, matched)
	if err != nil {
		return 0, fmt.Errorf("watch %s: %w", w.Name, err)
	}
	size := n.Batch()
	if size <= 0 || size > len(items) {
		size = len(items)
	}
	// The outcome is recorded even when ctx ends after a send: it happened.
	record := context.WithoutCancel(ctx)
	sent := 0
	var sendErr error
	for start := 0; start < len(items); start += size {
		batch := items[start:min(start+size, len(items))]
		var keys []string // nil: the whole claim, in one statement
		if len(batch) < len(items) {
			keys = make([]string, len(batch))
			for i, it := range batch {
				keys[i] = it.ID
			}
		}
		if sendErr != nil {
			if err := r.DB.FinishDeliveries(record, w.Name, ch, claim, keys, fmt.Errorf("not sent: an earlier batch failed: %w", sendErr)); err != nil {
				return sent, err
			}
			continue
		}
		sendErr = n.Send(ctx, w, batch)
		if r.afterSend != nil {
			if err := r.afterSend(); err != nil {
				return sent, err
			}
		}
		if err := r.DB.FinishDeliveries(record, w.Name, ch, claim, keys, sendErr); err != nil {
			return sent, err
		}
		if sendErr == nil {
			sent += len(batch)
		}
	}
	if sendErr != nil {
		return sent, &deliveryError{sendErr}
	}
	return sent, nil
}

// claimedItems returns the items of claimed deliveries: this run's matches as they are, the
// others (retries) decoded from their stored JSON.
func (r *Runner) claimedItems(ctx context.Context, ds []store.Delivery, matched map[string]Item) ([]Item, error) {
	var missing []string
	for _, d := range ds {
		if _, ok := matched[d.Item]; !ok {
			missing = append(missing, d.Item)
		}
	}
	payloads, err := r.DB.Payloads(ctx, missing)
	if err != nil {
		return nil, err
	}
	items := make([]Item, len(ds))
	for i, d := range ds {
		it, ok := matched[d.Item]
		if !ok {
			if err := json.Unmarshal([]byte(payloads[d.Item]), &it); err != nil {
				return nil, fmt.Errorf("delivery %s: %w", d.Item, err)
			}
		}
		it.Matched = d.MatchedAt.UTC().Format(time.RFC3339)
		items[i] = it
	}
	return items, nil
}

// newClaim names this run in the deliveries it claims.
func newClaim() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// addItem appends it to items, unless a copy of it (same ID: the same statement or figure group)
// is there already; then the copy's source is noted on the first report. index maps the IDs
// in items to their places.
func addItem(items []Item, index map[string]int, it Item) []Item {
	i, ok := index[it.ID]
	if !ok {
		index[it.ID] = len(items)
		return append(items, it)
	}
	if src := it.Article.Source; src != items[i].Article.Source && !slices.Contains(items[i].AlsoReportedBy, src) {
		items[i].AlsoReportedBy = append(items[i].AlsoReportedBy, src)
	}
	return items
}
