package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
)

// Pages of one site share most of their bytes: the template, its scripts and styles. zstd
// compresses a page against a raw-content dictionary, bytes it may refer back to; with an
// earlier page of the same host as that dictionary, a news page takes a fraction of what it
// takes alone (the htmldate-eval set's 40 later pages of 39 hosts, against their host's first
// page: 0.57x their gzip -6 size in all, median 0.52x, against 0.98x alone). Each host gets a dictionary, the
// first page stored from it (table page_dicts, migration 8), renewed every dictMaxAge so that
// a site's redesign does not leave its pages compressed against a template it no longer uses.
// The dictionary's id is the Dictionary_ID of the frames that use it; dictionaries are never
// deleted (older pages keep needing theirs). Pages from hosts that do not share a template
// gain little: the bench's 1,000 pages of 934 sites, all served from one loopback host, shrink
// about 2%.

// dictMaxAge is how long a host's dictionary is used for new pages.
const dictMaxAge = 30 * 24 * time.Hour

// maxDictBytes bounds a dictionary: a longer page gives its first three quarters and its last
// quarter (the header and the footer of the template). On the pages above, 256 KiB gave 0.61x,
// 512 KiB 0.57x, 1 MiB 0.56x; each page's encoding copies the dictionary into its history.
const maxDictBytes = 512 << 10

// DictRow is one row of page_dicts.
type DictRow struct {
	ID        int64
	Host      string
	CreatedAt string // UTC, TimeLayout
	Sum       string // hex SHA-256 of the dictionary's bytes
	Content   []byte // zstd-compressed dictionary (empty when not asked for)
}

// PageDicts is a backend's page_dicts, read and written in the transaction that saves a page
// (or by the connection that reads one).
type PageDicts interface {
	// NewestDict returns host's newest dictionary without its content; ok false when it has none.
	NewestDict(ctx context.Context, host string) (d DictRow, ok bool, err error)
	// AddDict inserts d (its ID ignored) and returns its id.
	AddDict(ctx context.Context, d DictRow) (int64, error)
	// Dict returns dictionary id, with its content.
	Dict(ctx context.Context, id int64) (DictRow, error)
}

// CompressPageFor compresses a page fetched from pageURL for raw_html, with its host's
// dictionary (made from this page when the host has none or an old one); nil stays nil.
func CompressPageFor(ctx context.Context, dicts PageDicts, pageURL string, page []byte, now time.Time) ([]byte, error) {
	if page == nil {
		return nil, nil
	}
	host := dictHost(pageURL)
	if host == "" || len(page) == 0 {
		return compress(page)
	}
	d, ok, err := dicts.NewestDict(ctx, host)
	if err != nil {
		return nil, fmt.Errorf("page dictionary of %s: %w", host, err)
	}
	var content []byte
	if !ok || dictExpired(d, now) {
		content = dictContent(page)
		if d, err = addDict(ctx, dicts, host, content, now); err != nil {
			return nil, err
		}
	}
	if d.ID > math.MaxUint32 {
		return compress(page) // no Dictionary_ID can name it
	}
	return dictCoders.compress(ctx, dicts, d, content, page)
}

// DecompressPageWith reads a raw_html value: zstd, with or without a dictionary of dicts, or
// (rows of earlier versions) gzip.
func DecompressPageWith(ctx context.Context, dicts PageDicts, raw []byte) ([]byte, error) {
	var h zstd.Header
	if !bytes.HasPrefix(raw, zstdMagic) || h.Decode(raw) != nil || h.DictionaryID == 0 {
		return decompress(raw)
	}
	d, err := dicts.Dict(ctx, int64(h.DictionaryID))
	if err != nil {
		return nil, fmt.Errorf("stored page: dictionary %d: %w", h.DictionaryID, err)
	}
	dec, err := dictCoders.decoder(d)
	if err != nil {
		return nil, err
	}
	page, err := dec.DecodeAll(raw, nil)
	if err != nil {
		return nil, fmt.Errorf("stored page (zstd, dictionary %d): %w", d.ID, err)
	}
	return page, nil
}

// dictHost is the host a page's dictionary is kept for: the URL's host and port, lower case.
func dictHost(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Host)
}

func dictExpired(d DictRow, now time.Time) bool {
	at, err := time.Parse(timeLayout, d.CreatedAt)
	return err != nil || now.Sub(at) > dictMaxAge
}

// dictContent is the dictionary made of a page: the page, or its head and tail when it is long.
func dictContent(page []byte) []byte {
	if len(page) <= maxDictBytes {
		return page
	}
	head := maxDictBytes * 3 / 4
	out := make([]byte, 0, maxDictBytes)
	out = append(out, page[:head]...)
	return append(out, page[len(page)-(maxDictBytes-head):]...)
}

func addDict(ctx context.Context, dicts PageDicts, host string, content []byte, now time.Time) (DictRow, error) {
	z, err := compress(content)
	if err != nil {
		return DictRow{}, err
	}
	d := DictRow{Host: host, CreatedAt: utc(now), Sum: dictSum(content), Content: z}
	if d.ID, err = dicts.AddDict(ctx, d); err != nil {
		return DictRow{}, fmt.Errorf("page dictionary of %s: %w", host, err)
	}
	return d, nil
}

func dictSum(content []byte) string {
	s := sha256.Sum256(content)
	return hex.EncodeToString(s[:])
}

// dictKey names a dictionary in the coder cache by id and content: an id alone could name
// another dictionary after a rolled-back insert (SQLite reuses the id).
type dictKey struct {
	id  int64
	sum string
}

// maxCachedDicts bounds the dictionaries (at most maxDictBytes each) and decoders kept.
const maxCachedDicts = 8

// dictWindow is the dictionary encoder's window: pages longer than it find no matches further
// back than it. The encoder's tables and history are sized by it: 4.7 MiB at 2 MiB, 10.7 MiB at
// the default 8 MiB.
const dictWindow = 2 << 20

// coderCache is one encoder whose dictionary is switched to the page's host (a crawl's pages
// come from many hosts in turn: switching costs about 0.3 ms a page, building an encoder per
// dictionary 5-7 ms and 10 MiB each), the dictionaries' bytes recently used, and a decoder per
// dictionary recently read.
type coderCache struct {
	mu       sync.Mutex
	enc      *zstd.Encoder
	encDict  dictKey // the dictionary enc has
	contents map[dictKey][]byte
	decs     map[dictKey]*zstd.Decoder
}

var dictCoders coderCache

// compress compresses page with dictionary d; content is its bytes when the caller has them,
// else they are read from dicts.
func (c *coderCache) compress(ctx context.Context, dicts PageDicts, d DictRow, content, page []byte) ([]byte, error) {
	k := dictKey{d.ID, d.Sum}
	c.mu.Lock()
	defer c.mu.Unlock()
	if content == nil {
		content = c.contents[k]
	}
	if content == nil {
		full, err := dicts.Dict(ctx, d.ID)
		if err != nil {
			return nil, fmt.Errorf("page dictionary %d: %w", d.ID, err)
		}
		if content, err = dictBytes(full); err != nil {
			return nil, err
		}
	}
	c.remember(k, content)
	dict := zstd.WithEncoderDictRaw(uint32(d.ID), content)
	switch {
	case c.enc == nil:
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1),
			zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(dictWindow), dict)
		if err != nil {
			return nil, fmt.Errorf("page dictionary %d: %w", d.ID, err)
		}
		c.enc = e
	case c.encDict != k:
		if err := c.enc.ResetWithOptions(nil, dict); err != nil {
			c.enc, c.encDict = nil, dictKey{}
			return nil, fmt.Errorf("page dictionary %d: %w", d.ID, err)
		}
	}
	c.encDict = k
	return c.enc.EncodeAll(page, make([]byte, 0, len(page)/8)), nil
}

// remember keeps a dictionary's bytes (c.mu held).
func (c *coderCache) remember(k dictKey, content []byte) {
	if _, ok := c.contents[k]; ok {
		return
	}
	if c.contents == nil || len(c.contents) >= maxCachedDicts {
		c.contents = map[dictKey][]byte{}
	}
	c.contents[k] = content
}

// decoder returns the decoder of dictionary d (read with its content).
func (c *coderCache) decoder(d DictRow) (*zstd.Decoder, error) {
	k := dictKey{d.ID, d.Sum}
	c.mu.Lock()
	dec := c.decs[k]
	c.mu.Unlock()
	if dec != nil {
		return dec, nil
	}
	content, err := dictBytes(d)
	if err != nil {
		return nil, err
	}
	dec, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true),
		zstd.WithDecoderMaxMemory(maxPageBytes), zstd.WithDecoderDictRaw(uint32(d.ID), content))
	if err != nil {
		return nil, fmt.Errorf("page dictionary %d: %w", d.ID, err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.decs == nil || len(c.decs) >= maxCachedDicts {
		// Not closed: another reader may be decoding with one, and a decoder used through
		// DecodeAll alone holds no goroutine.
		c.decs = map[dictKey]*zstd.Decoder{}
	}
	c.decs[k] = dec
	return dec, nil
}

// dictBytes decompresses a dictionary row's content and checks it against its sum.
func dictBytes(d DictRow) ([]byte, error) {
	content, err := decompress(d.Content)
	if err != nil {
		return nil, fmt.Errorf("page dictionary %d: %w", d.ID, err)
	}
	if dictSum(content) != d.Sum {
		return nil, fmt.Errorf("page dictionary %d: content does not match its sum", d.ID)
	}
	return content, nil
}

// sqlDicts is page_dicts of a SQLite database, through a transaction or the handle.
type sqlDicts struct {
	q interface {
		QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	}
}

func (s sqlDicts) NewestDict(ctx context.Context, host string) (DictRow, bool, error) {
	d := DictRow{Host: host}
	err := s.q.QueryRowContext(ctx, "SELECT id, created_at, sum FROM page_dicts WHERE host = ? ORDER BY id DESC LIMIT 1", host).
		Scan(&d.ID, &d.CreatedAt, &d.Sum)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	return d, err == nil, err
}

func (s sqlDicts) AddDict(ctx context.Context, d DictRow) (int64, error) {
	var id int64
	err := s.q.QueryRowContext(ctx, "INSERT INTO page_dicts (host, created_at, sum, content) VALUES (?, ?, ?, ?) RETURNING id",
		d.Host, d.CreatedAt, d.Sum, d.Content).Scan(&id)
	return id, err
}

func (s sqlDicts) Dict(ctx context.Context, id int64) (DictRow, error) {
	d := DictRow{ID: id}
	err := s.q.QueryRowContext(ctx, "SELECT host, created_at, sum, content FROM page_dicts WHERE id = ?", id).
		Scan(&d.Host, &d.CreatedAt, &d.Sum, &d.Content)
	return d, err
}
