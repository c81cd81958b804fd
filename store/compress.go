package store

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Pages are kept zstd-compressed (RFC 8878) at the encoder's default level: on the 990
// trafilatura-eval pages that is 15% smaller than gzip at level 1 (what the store wrote before,
// 28.3 against 33.1 MB; gzip -6 gives 28.1) for 40% less CPU (4.0 s against 6.6 s), and it
// decompresses faster for reextract. Rows written before are gzip (RFC 1952); decompress tells
// the two apart by their magic numbers, so old databases need no migration.

// zstdMagic and gzipMagic open a zstd frame and a gzip member.
var (
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
	gzipMagic = []byte{0x1f, 0x8b}
)

// maxPageBytes bounds a decompressed page: pages are stored after the crawler's body limit, so a
// larger one is a damaged or hostile row, not a page.
const maxPageBytes = 1 << 30

// encoder and decoder are shared: EncodeAll and DecodeAll may run concurrently, and building
// either costs more than compressing a page. The encoder compresses the pages without a host
// and the hosts' dictionaries (store/dicts.go compresses the rest), so it is used rarely: one at
// a time, with the dictionary encoder's window (4.7 MiB of tables and history instead of 10.7
// for each of two at the default window; a crawl's peak RSS grew 5-7 MiB with both encoders).
var (
	encoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1),
			zstd.WithLowerEncoderMem(true), zstd.WithWindowSize(dictWindow))
		if err != nil {
			panic(fmt.Sprintf("store: zstd encoder: %v", err)) // constant options: a build defect
		}
		return e
	})
	decoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(2), zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxMemory(maxPageBytes))
		if err != nil {
			panic(fmt.Sprintf("store: zstd decoder: %v", err)) // constant options: a build defect
		}
		return d
	})
)

// compress compresses a page for raw_html (nil stays nil: no page).
func compress(page []byte) ([]byte, error) {
	if page == nil {
		return nil, nil
	}
	return encoder().EncodeAll(page, make([]byte, 0, len(page)/4)), nil
}

// decompress reads a raw_html value, zstd or (rows of earlier versions) gzip.
func decompress(raw []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(raw, zstdMagic):
		page, err := decoder().DecodeAll(raw, nil)
		if err != nil {
			return nil, fmt.Errorf("stored page (zstd): %w", err)
		}
		return page, nil
	case bytes.HasPrefix(raw, gzipMagic):
		return gunzip(raw)
	}
	return nil, errors.New("stored page: neither zstd nor gzip")
}

func gunzip(raw []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("stored page (gzip): %w", err)
	}
	defer zr.Close()
	page, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("stored page (gzip): %w", err)
	}
	if len(page) > maxPageBytes {
		return nil, errors.New("stored page (gzip): larger than 1 GiB")
	}
	return page, nil
}
