package crawler

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// errTooLarge marks a body, or one decompressed layer of it, beyond max_body_bytes. It is
// detected while streaming, so a compression bomb costs at most max_body_bytes of memory.
var errTooLarge = errors.New("larger than max_body_bytes")

// errEncoding marks a body the crawler cannot decode: an encoding it did not ask for, or a
// corrupt compressed stream. Asking again would get the same bytes.
var errEncoding = errors.New("undecodable body")

// decodingTransport decodes every response body itself, so that every layer of decompression
// is capped while streaming: Content-Encoding (gzip, deflate, in any number of layers) and
// gzip files (*.gz, application/gzip) whose bytes are the document. The standard transport's
// own gzip and colly's gunzipping of *.xml.gz both inflate without a limit, so both are off:
// the base transport has DisableCompression and responses come back marked Uncompressed.
type decodingTransport struct {
	base http.RoundTripper
	max  int64
}

// acceptEncoding is what the crawler asks for: what decodeBody can decode.
const acceptEncoding = "gzip, deflate"

func (t *decodingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	res, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := decodeBody(res.Body, res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"), req.URL.Path, t.max)
	if err != nil {
		res.Body.Close()
		return nil, err
	}
	res.Body = body
	res.Header.Del("Content-Encoding")
	res.Header.Del("Content-Length")
	res.ContentLength = -1
	res.Uncompressed = true
	return res, nil
}

// decodeBody wraps a response body so that reading it yields the document, each layer capped
// at limit bytes: the bytes on the wire, each Content-Encoding undone (last applied first),
// then a gzip file's content when the path or type says it is one and the bytes begin with the
// gzip magic (servers that already inflated a .xml.gz send plain XML).
func decodeBody(body io.ReadCloser, contentEncoding, contentType, path string, limit int64) (io.ReadCloser, error) {
	r := io.Reader(newCapReader(body, limit, "response"))
	codings := strings.Split(contentEncoding, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		switch c := strings.ToLower(strings.TrimSpace(codings[i])); c {
		case "", "identity":
		case "gzip", "x-gzip":
			r = newCapReader(&lazy{open: gunzip(r)}, limit, "gzip-decoded response")
		case "deflate":
			r = newCapReader(&lazy{open: inflate(r)}, limit, "deflate-decoded response")
		default:
			return nil, fmt.Errorf("Content-Encoding %q was not asked for (%w)", c, errEncoding)
		}
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	if strings.HasSuffix(strings.ToLower(path), ".gz") || strings.Contains(mt, "gzip") {
		br := bufio.NewReader(r)
		r = newCapReader(&lazy{open: func() (io.Reader, error) {
			if magic, _ := br.Peek(2); !bytes.Equal(magic, []byte{0x1f, 0x8b}) {
				return br, nil
			}
			return gunzip(br)()
		}}, limit, "gunzipped file")
	}
	return readCloser{r, body}, nil
}

func gunzip(r io.Reader) func() (io.Reader, error) {
	return func() (io.Reader, error) {
		z, err := gzip.NewReader(r)
		if errors.Is(err, io.EOF) {
			return bytes.NewReader(nil), nil // an empty body: nothing to inflate
		}
		return z, corrupt("gzip", err)
	}
}

// inflate reads "deflate", which RFC 9110 defines as zlib but some servers send as raw
// deflate: a zlib header (CMF 0x?8 with a check sum divisible by 31) decides.
func inflate(r io.Reader) func() (io.Reader, error) {
	return func() (io.Reader, error) {
		br := bufio.NewReader(r)
		h, _ := br.Peek(2)
		if len(h) == 2 && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			z, err := zlib.NewReader(br)
			return z, corrupt("deflate", err)
		}
		return flate.NewReader(br), nil
	}
}

// capReader fails with errTooLarge once more than left bytes came through: unlike
// io.LimitReader it does not hand on a silently truncated document.
type capReader struct {
	r     io.Reader
	left  int64
	what  string
	limit int64
}

func newCapReader(r io.Reader, limit int64, what string) *capReader {
	return &capReader{r: r, left: limit, what: what, limit: limit}
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, c.err()
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, c.err()
	}
	return n, corrupt(c.what, err)
}

func (c *capReader) err() error {
	return fmt.Errorf("%s %w (%d)", c.what, errTooLarge, c.limit)
}

// corrupt marks err with errEncoding when it says the compressed input is invalid.
func corrupt(what string, err error) error {
	if err == nil || errors.Is(err, errEncoding) || !isCorrupt(err) {
		return err
	}
	return fmt.Errorf("%s: %v (%w)", what, err, errEncoding)
}

// isCorrupt says whether a read error comes from a decompressor's input being invalid, as
// opposed to the connection (timeouts, resets), which is worth another attempt.
func isCorrupt(err error) bool {
	var ce flate.CorruptInputError
	return errors.As(err, &ce) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) ||
		errors.Is(err, zlib.ErrHeader) || errors.Is(err, zlib.ErrChecksum) || errors.Is(err, zlib.ErrDictionary)
}

// lazy opens a decompressor on the first Read, so that RoundTrip returns with the headers and
// the body is read (and timed out) by whoever reads it.
type lazy struct {
	open func() (io.Reader, error)
	r    io.Reader
	err  error
}

func (l *lazy) Read(p []byte) (int, error) {
	if l.r == nil && l.err == nil {
		l.r, l.err = l.open()
		if l.err == nil && l.r == nil {
			l.err = io.ErrUnexpectedEOF
		}
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.r.Read(p)
}

type readCloser struct {
	io.Reader
	io.Closer
}
