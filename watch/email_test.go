package watch

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http/httptest"
	"net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/armswatch/armswatch/config"
)

// smtpServer is a minimal SMTP server on loopback that records what it is sent. With a
// certificate it offers STARTTLS (and AUTH only after it, as real servers do).
type smtpServer struct {
	ln   net.Listener
	cert *tls.Certificate
	mu   sync.Mutex
	got  []smtpMessage
}

type smtpMessage struct {
	tls        bool
	auth       string // the decoded AUTH PLAIN response
	from       string
	rcpt       []string
	data       string
	heloBefore string // EHLO name
}

func startSMTP(t *testing.T, cert *tls.Certificate) *smtpServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln, cert: cert}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(line string) { w.WriteString(line + "\r\n"); w.Flush() }
	var m smtpMessage
	reply("220 test.local ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb := strings.ToUpper(strings.SplitN(line, " ", 2)[0])
		switch verb {
		case "EHLO":
			m.heloBefore = strings.TrimPrefix(line, "EHLO ")
			w.WriteString("250-test.local\r\n")
			if s.cert != nil && !m.tls {
				w.WriteString("250-STARTTLS\r\n")
			}
			if m.tls || s.cert == nil {
				w.WriteString("250-AUTH PLAIN\r\n")
			}
			reply("250 8BITMIME")
		case "STARTTLS":
			reply("220 go ahead")
			tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{*s.cert}})
			if err := tc.Handshake(); err != nil {
				return
			}
			c, m.tls = tc, true
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
		case "AUTH":
			f := strings.Fields(line)
			dec, _ := base64.StdEncoding.DecodeString(f[len(f)-1])
			m.auth = string(dec)
			reply("235 ok")
		case "MAIL":
			m.from = line
			reply("250 ok")
		case "RCPT":
			m.rcpt = append(m.rcpt, line)
			reply("250 ok")
		case "DATA":
			reply("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			m.data = b.String()
			s.mu.Lock()
			s.got = append(s.got, m)
			s.mu.Unlock()
			reply("250 queued")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 unknown")
		}
	}
}

func (s *smtpServer) messages() []smtpMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMessage(nil), s.got...)
}

// testCert borrows httptest's certificate (valid for 127.0.0.1) and a pool that trusts it.
func testCert(t *testing.T) (*tls.Certificate, *x509.CertPool) {
	ts := httptest.NewTLSServer(nil)
	t.Cleanup(ts.Close)
	pool := x509.NewCertPool()
	pool.AddCert(ts.Certificate())
	return &ts.TLS.Certificates[0], pool
}

func emailConfig(t *testing.T, addr, extra string) *config.Config {
	return loadWatches(t, `
[[watch]]
name = "ryabkov-new-start"
speaker = "Sergei Ryabkov"
treaty = ["new_start", "inf"]
notify = ["email"]

[notify.email]
smtp = "`+addr+`"
from = "armswatch <armswatch@example.org>"
to = ["desk@example.org", "Night Desk <night@example.org>"]
`+extra)
}

func TestEmailUsesSTARTTLSAndListsTheMatches(t *testing.T) {
	cert, pool := testCert(t)
	srv := startSMTP(t, cert)
	t.Setenv("ARMSWATCH_TEST_SMTP_PASSWORD", "pw")
	c := emailConfig(t, srv.ln.Addr().String(), "user = \"armswatch\"\npassword_env = \"ARMSWATCH_TEST_SMTP_PASSWORD\"\n")
	db, _ := openDB(t)
	r := &Runner{DB: db, Watches: c.Watches, Notifiers: Notifiers(c, db)}
	r.Notifiers["email"].(*Email).TLS = &tls.Config{RootCAs: pool}
	mustRun(t, r)
	a := ryabkov(1)
	a.Analysis.Statements[0].Text = "Russia & the U.S. must return to <real> talks on New START"
	save(t, db, a, ryabkov(2))
	res := mustRun(t, r)
	if err := res[0].Err(); err != nil {
		t.Fatal(err)
	}
	msgs := srv.messages()
	if len(msgs) != 1 {
		t.Fatalf("want one message for the run, got %d", len(msgs))
	}
	m := msgs[0]
	if !m.tls || m.auth != "\x00armswatch\x00pw" || !strings.HasPrefix(m.from, "MAIL FROM:<armswatch@example.org>") || len(m.rcpt) != 2 {
		t.Errorf("session: tls %v auth %q from %q rcpt %q", m.tls, m.auth, m.from, m.rcpt)
	}
	msg, err := mail.ReadMessage(strings.NewReader(m.data))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subject != "armswatch: ryabkov-new-start: 2 new matches" {
		t.Errorf("subject %q", subject)
	}
	if !strings.Contains(msg.Header.Get("To"), "night@example.org") || msg.Header.Get("Message-ID") == "" {
		t.Errorf("headers: %v", msg.Header)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err != nil {
			break
		}
		b, _ := io.ReadAll(p)
		typ, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		parts[typ] = string(b)
	}
	if txt := parts["text/plain"]; !strings.Contains(txt, "Sergei Ryabkov: \u201cRussia & the U.S. must return to <real> talks on New START\u201d") ||
		!strings.Contains(txt, "https://tass.com/politics/1002") {
		t.Errorf("text part:\n%s", txt)
	}
	if h := parts["text/html"]; !strings.Contains(h, "Russia &amp; the U.S. must return to &lt;real&gt; talks") ||
		!strings.Contains(h, `<a href="https://tass.com/politics/1001">Ryabkov on New START, part 1</a>`) {
		t.Errorf("html part:\n%s", h)
	}
}

func TestEmailRefusesPlainTextUnlessAllowed(t *testing.T) {
	srv := startSMTP(t, nil) // offers no STARTTLS
	db, _ := openDB(t)
	c := emailConfig(t, srv.ln.Addr().String(), "")
	r := &Runner{DB: db, Watches: c.Watches, Notifiers: Notifiers(c, db)}
	mustRun(t, r)
	save(t, db, ryabkov(1))
	res := mustRun(t, r)
	if err := res[0].Err(); err == nil || !strings.Contains(err.Error(), "does not offer STARTTLS") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if len(srv.messages()) != 0 {
		t.Fatal("sent without TLS")
	}
	c = emailConfig(t, srv.ln.Addr().String(), "require_tls = false\n")
	r = &Runner{DB: db, Watches: c.Watches, Notifiers: Notifiers(c, db)}
	res = mustRun(t, r)
	if err := res[0].Err(); err != nil {
		t.Fatal(err)
	}
	if msgs := srv.messages(); len(msgs) != 1 || msgs[0].tls || msgs[0].auth != "" {
		t.Fatalf("the retry over a trusted relay: %+v", msgs)
	}
}
