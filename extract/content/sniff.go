package content

import (
	"errors"
	"net/http"
	"strings"
)

// ErrNotText is in the error of Sniff: the input is no page to analyze.
var ErrNotText = errors.New("not an HTML or text page")

// NotTextError names the type of input that is not a page (a PDF, an image, an archive).
type NotTextError struct {
	Type string // the detected MIME type, e.g. "application/pdf"
}

func (e *NotTextError) Error() string {
	return "skipped: " + e.Type + " is " + ErrNotText.Error()
}

func (e *NotTextError) Unwrap() error { return ErrNotText }

// Sniff refuses input that is not HTML or text, by its first bytes (the WHATWG sniffing rules of
// http.DetectContentType): a PDF, an image, an archive must not be analyzed as an article.
// Text with a few stray control bytes is still text: a hostile page is analyzed, and cleaned.
func Sniff(page []byte) error {
	head := page
	if len(head) > 512 {
		head = head[:512]
	}
	typ := http.DetectContentType(head)
	if i := strings.IndexByte(typ, ';'); i >= 0 {
		typ = typ[:i]
	}
	switch {
	case strings.HasPrefix(typ, "text/"), typ == "application/json":
		return nil
	case typ == "application/octet-stream" && !binaryBytes(page):
		return nil
	}
	return &NotTextError{Type: typ}
}

// binaryBytes reports whether the first 8 KB hold a NUL or more than 1% control bytes that text
// never has (the sniffer calls a page binary for a single BEL).
func binaryBytes(page []byte) bool {
	if len(page) > 8192 {
		page = page[:8192]
	}
	n := 0
	for _, b := range page {
		switch {
		case b == 0:
			return true
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b:
			n++
		}
	}
	return n*100 > len(page)
}
