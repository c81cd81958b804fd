package watch

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/armswatch/armswatch/config"
)

// Webhook POSTs a watch's new items as JSON.
type Webhook struct {
	Config    config.Webhook
	UserAgent string
	Client    *http.Client // default: a client with no overall timeout (each attempt has Config.Timeout)
}

// webhookBody is the JSON a webhook receives. text is the message chat tools show (Slack and
// Mattermost read "text"; ntfy reads "message" and "topic" when posted to its root URL).
type webhookBody struct {
	Watch   string `json:"watch"`
	Count   int    `json:"count"`
	Text    string `json:"text"`
	Topic   string `json:"topic,omitempty"`
	Message string `json:"message,omitempty"`
	Items   []Item `json:"items"`
}

// SignatureHeader carries "sha256=" and the hex HMAC-SHA256 of the body under the secret.
const SignatureHeader = "X-Armswatch-Signature"

// DeliveryHeader names the batch (the same on every retry of it), so a receiver can drop a
// repeat.
const DeliveryHeader = "X-Armswatch-Delivery"

// Batch: one POST per 100 items keeps bodies small enough for chat tools.
func (h *Webhook) Batch() int { return 100 }

// Rebuilds: a POST cannot be taken back.
func (h *Webhook) Rebuilds() bool { return false }

// Send POSTs items, retrying timeouts, network errors, 429 and 5xx answers with exponential
// backoff; other 4xx answers are not retried (the next run tries again).
func (h *Webhook) Send(ctx context.Context, w *config.Watch, items []Item) error {
	secret, err := h.secret()
	if err != nil {
		return err
	}
	body := webhookBody{Watch: w.Name, Count: len(items), Text: Text(w, items), Items: items}
	if h.Config.Topic != "" {
		body.Topic, body.Message = h.Config.Topic, body.Text
	}
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	sum := sha256.Sum256([]byte(w.Name + "\x00" + strings.Join(ids, ",")))
	delivery := hex.EncodeToString(sum[:16])
	retries := 3
	if h.Config.Retries != nil {
		retries = *h.Config.Retries
	}
	wait := h.Config.Backoff.Duration
	for attempt := 0; ; attempt++ {
		retry, err := h.post(ctx, data, secret, delivery, w.Name)
		if err == nil {
			return nil
		}
		if !retry || attempt >= retries {
			return fmt.Errorf("POST %s: %w (after %d attempts)", redact(h.Config.URL), err, attempt+1)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("POST %s: %w", redact(h.Config.URL), ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// post makes one attempt; retry says whether another may succeed.
func (h *Webhook) post(ctx context.Context, data []byte, secret, delivery, watch string) (retry bool, err error) {
	timeout := h.Config.Timeout.Duration
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.Config.URL, bytes.NewReader(data))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(DeliveryHeader, delivery)
	req.Header.Set("X-Armswatch-Watch", watch)
	if h.UserAgent != "" {
		req.Header.Set("User-Agent", h.UserAgent)
	}
	if secret != "" {
		req.Header.Set(SignatureHeader, Sign(secret, data))
	}
	client := h.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return true, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		return true, fmt.Errorf("answered %s", resp.Status)
	}
	return false, fmt.Errorf("answered %s", resp.Status)
}

func (h *Webhook) secret() (string, error) {
	if h.Config.SecretEnv == "" {
		return h.Config.Secret, nil
	}
	s := os.Getenv(h.Config.SecretEnv)
	if s == "" {
		return "", fmt.Errorf("secret_env %s is not set in the environment (set it, or remove secret_env to send unsigned)", h.Config.SecretEnv)
	}
	return s, nil
}

// Sign is the signature header's value for body: "sha256=" and the hex HMAC-SHA256. A receiver
// computes the same over the raw body and compares with hmac.Equal.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// redact keeps a URL's scheme and host for error messages: webhook URLs often carry a token in
// the path or query (Slack's do), and status shows the errors.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "(bad URL)"
	}
	return p.Scheme + "://" + p.Host
}
