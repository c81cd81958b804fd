package watch

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"html/template"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"os"
	"strings"
	"time"

	"github.com/armswatch/armswatch/config"
)

// Email sends one message per watch and run over SMTP, with STARTTLS when the server offers it
// (and only with it unless require_tls = false).
type Email struct {
	Config config.Email
	// TLS is the STARTTLS configuration; nil verifies the server against the system's roots.
	TLS *tls.Config
}

// Batch: one message lists all of a run's matches.
func (m *Email) Batch() int { return 0 }

// Rebuilds: a sent message cannot be taken back.
func (m *Email) Rebuilds() bool { return false }

// Send writes the message and hands it to the server.
func (m *Email) Send(ctx context.Context, w *config.Watch, items []Item) error {
	msg, err := m.message(w, items, time.Now())
	if err != nil {
		return fmt.Errorf("build the message: %w", err)
	}
	if err := m.transmit(ctx, msg); err != nil {
		return fmt.Errorf("via %s: %w", m.Config.SMTP, err)
	}
	return nil
}

func (m *Email) transmit(ctx context.Context, msg []byte) error {
	host, _, err := net.SplitHostPort(m.Config.SMTP)
	if err != nil {
		return err
	}
	timeout := m.Config.Timeout.Duration
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", m.Config.SMTP)
	if err != nil {
		return err
	}
	defer conn.Close()
	// One deadline for the whole exchange: a server that stops answering cannot hang the run.
	conn.SetDeadline(time.Now().Add(timeout))
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello(helloName()); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		cfg := m.TLS
		if cfg == nil {
			cfg = &tls.Config{}
		}
		cfg = cfg.Clone()
		if cfg.ServerName == "" {
			cfg.ServerName = host
		}
		if err := c.StartTLS(cfg); err != nil {
			return fmt.Errorf("STARTTLS: %w", err)
		}
	} else if m.Config.RequireTLS == nil || *m.Config.RequireTLS {
		return fmt.Errorf("the server does not offer STARTTLS; for a relay on a trusted network set require_tls = false in [notify.email]")
	}
	if m.Config.User != "" {
		pass := os.Getenv(m.Config.PasswordEnv)
		if pass == "" {
			return fmt.Errorf("password_env %s is not set in the environment", m.Config.PasswordEnv)
		}
		// PlainAuth itself refuses to send the password unencrypted except to localhost.
		if err := c.Auth(smtp.PlainAuth("", m.Config.User, pass, host)); err != nil {
			return fmt.Errorf("login as %s: %w", m.Config.User, err)
		}
	}
	from, err := mail.ParseAddress(m.Config.From)
	if err != nil {
		return err
	}
	if err := c.Mail(from.Address); err != nil {
		return err
	}
	for _, to := range m.Config.To {
		a, err := mail.ParseAddress(to)
		if err != nil {
			return err
		}
		if err := c.Rcpt(a.Address); err != nil {
			return fmt.Errorf("recipient %s: %w", a.Address, err)
		}
	}
	wc, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := wc.Write(msg); err != nil {
		return err
	}
	if err := wc.Close(); err != nil {
		return err
	}
	return c.Quit()
}

func helloName() string {
	if h, err := os.Hostname(); err == nil && h != "" && !strings.ContainsAny(h, " \r\n") {
		return h
	}
	return "localhost"
}

// message builds a multipart/alternative message: plain text, and HTML from htmlMessage.
func (m *Email) message(w *config.Watch, items []Item, now time.Time) ([]byte, error) {
	var html bytes.Buffer
	if err := htmlMessage.Execute(&html, struct {
		Subject string
		Items   []Item
	}{Subject(w, len(items)), items}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	var to []string
	for _, t := range m.Config.To {
		a, err := mail.ParseAddress(t)
		if err != nil {
			return nil, err
		}
		to = append(to, a.String())
	}
	from, err := mail.ParseAddress(m.Config.From)
	if err != nil {
		return nil, err
	}
	id := make([]byte, 12)
	rand.Read(id)
	domain := from.Address[strings.LastIndexByte(from.Address, '@')+1:]
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%s@%s>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=%q\r\n\r\n",
		from.String(), strings.Join(to, ", "), mime.QEncoding.Encode("utf-8", Subject(w, len(items))),
		now.Format(time.RFC1123Z), hex.EncodeToString(id), domain, mw.Boundary())
	for _, part := range []struct{ typ, body string }{
		{"text/plain; charset=utf-8", Text(w, items)}, {"text/html; charset=utf-8", html.String()},
	} {
		pw, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {part.typ}, "Content-Transfer-Encoding": {"quoted-printable"}})
		if err != nil {
			return nil, err
		}
		qw := quotedprintable.NewWriter(pw)
		qw.Write([]byte(strings.ReplaceAll(part.body, "\n", "\r\n")))
		if err := qw.Close(); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var htmlMessage = template.Must(template.New("email").Parse(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{.Subject}}</title></head>
<body style="font-family: sans-serif">
<h2>{{.Subject}}</h2>
<ul>
{{- range .Items}}
<li style="margin-bottom: 1em">
{{- if eq .Type "figure"}}<b>{{.Text}}</b>{{with .Figure}} <small>[{{.Category}}]</small>{{end}}{{with .Speaker}} ({{.}}){{end}}{{with .Sentence}}<br><q>{{.}}</q>{{end}}
{{- else}}{{if .Speaker}}<b>{{.Speaker}}</b>{{with .Role}} ({{.}}){{end}}: {{end}}<q>{{.Text}}</q>{{end}}
{{- with .Treaty}} <small>[{{.}}]</small>{{end}}<br>
<small>{{.Article.Date}} <a href="{{.Article.URL}}">{{if .Article.Title}}{{.Article.Title}}{{else}}{{.Article.URL}}{{end}}</a>{{with .Article.Source}} ({{.}}){{end}}{{with .AlsoReportedBy}}; also reported by {{range $i, $s := .}}{{if $i}}, {{end}}{{$s}}{{end}}{{end}}</small>
</li>
{{- end}}
</ul>
</body></html>
`))
