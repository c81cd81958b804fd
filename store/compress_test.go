package store

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// Pages stored by earlier versions are gzip; new ones zstd. Both must read back.
func TestDecompressReadsZstdAndOldGzipRows(t *testing.T) {
	page := bytes.Repeat([]byte("<p>Russia and the United States each keep 1,550 warheads.</p>\n"), 200)
	z, err := compress(page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(z, zstdMagic) || len(z) >= len(page)/4 {
		t.Errorf("compress: %d bytes of %d, prefix % x: want a small zstd frame", len(z), len(page), z[:4])
	}
	var g bytes.Buffer
	zw := gzip.NewWriter(&g)
	zw.Write(page)
	zw.Close()
	for name, raw := range map[string][]byte{"zstd": z, "gzip": g.Bytes()} {
		got, err := decompress(raw)
		if err != nil || !bytes.Equal(got, page) {
			t.Errorf("%s: %d bytes, %v; want the page back", name, len(got), err)
		}
	}
	if _, err := decompress([]byte("<html>")); err == nil {
		t.Error("decompress of an uncompressed value: no error")
	}
	if got, err := compress(nil); got != nil || err != nil {
		t.Errorf("compress(nil) = %v, %v; want nil (no page)", got, err)
	}
}
