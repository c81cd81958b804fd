package crawler

import (
	"bytes"
	"mime"
	"net/http"
	"strings"
)

// notHTML returns what a fetched article page is when it is not HTML ("" when it is), judged
// by its Content-Type header and by its first bytes: a PDF, an image or a gzip archive served
// under an article URL must not be stored as an article. A header that names another type
// wins; a header saying HTML must be backed by bytes that are text; a missing or vague header
// (octet-stream, text/plain) needs bytes that look like HTML.
func notHTML(contentType string, body []byte) string {
	declared, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		declared = ""
	}
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	switch declared {
	case "text/html", "application/xhtml+xml":
		if !strings.HasPrefix(sniffed, "text/") {
			return sniffed + ", sent as " + declared
		}
		return ""
	case "", "application/octet-stream", "binary/octet-stream", "application/unknown", "text/plain":
		if sniffed == "text/html" || strings.HasPrefix(sniffed, "text/") && hasHTMLTag(body) {
			return ""
		}
		if declared == "" {
			return sniffed + ", no Content-Type"
		}
		return sniffed + ", sent as " + declared
	}
	return declared
}

// hasHTMLTag finds an <html or <body tag near the start, for pages that begin with a byte
// order mark, an XML declaration or text before their first tag.
func hasHTMLTag(body []byte) bool {
	head := bytes.ToLower(body[:min(len(body), 4096)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<body"))
}
