package content

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
)

// metaCharsetRe finds <meta charset=...> and <meta http-equiv=Content-Type content="...; charset=...">.
// Compiled on first use: nothing heavy at start-up.
var metaCharsetRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([-\w:.]+)`)
})

// latinDefaults are labels that servers send by default without knowing the page's charset;
// a page's own meta declaration is trusted over them.
var latinDefaults = map[string]bool{"iso-8859-1": true, "latin1": true, "us-ascii": true, "ascii": true, "windows-1252": true}

// decodePage converts a page to UTF-8. The charset comes from a byte-order mark, the Content-Type
// header, a meta tag, or (with a warning) from the bytes themselves.
func decodePage(page []byte, contentType string) ([]byte, []string) {
	if enc, name := bomEncoding(page); enc != nil {
		return transcode(page, enc, name)
	}
	header, meta := headerCharset(contentType), metaCharset(page)
	declared := header
	if declared == "" || (latinDefaults[declared] && meta != "") {
		declared = meta
	}
	if out, warns, ok := utf8Page(page, declared); ok {
		return out, warns
	}
	if declared == "" {
		return guessDecode(page, "")
	}
	enc, name := lookup(declared)
	if enc == nil {
		return guessDecode(page, fmt.Sprintf("unknown charset %q", declared))
	}
	if name == "utf-8" {
		if utf8.Valid(page) {
			return page, nil
		}
		return guessDecode(page, "declared utf-8 but the bytes are not UTF-8")
	}
	if latinDefaults[name] && looksCyrillic(page) {
		return guessDecode(page, fmt.Sprintf("declared %s but the text looks Cyrillic", name))
	}
	return transcode(page, enc, name)
}

// utf8Page reads a page whose bytes are UTF-8, whatever its declaration says: a server's
// "charset=windows-1251" in front of a UTF-8 page would otherwise turn it into mojibake, and one
// stray invalid byte would send a UTF-8 page to the guesser. Other charsets almost never form
// valid multi-byte sequences, so a page whose non-ASCII bytes are (nearly) all of them is UTF-8;
// the few invalid bytes become U+FFFD. ok is false when the page is not UTF-8 or pure ASCII.
func utf8Page(page []byte, declared string) (out []byte, warns []string, ok bool) {
	valid, invalid := utf8Counts(page)
	if valid == 0 || invalid*200 > valid { // at least 99.5% of the sequences are sound
		return nil, nil, false
	}
	if _, name := lookup(declared); declared != "" && name != "utf-8" {
		warns = append(warns, fmt.Sprintf("charset declared %s but the bytes are UTF-8; read as utf-8", declared))
	}
	if invalid > 0 {
		page = bytes.ToValidUTF8(page, []byte("\uFFFD"))
		warns = append(warns, fmt.Sprintf("%d invalid UTF-8 sequences replaced by U+FFFD", invalid))
	}
	return page, warns, true
}

// utf8Counts counts the valid multi-byte UTF-8 sequences of page and its invalid bytes.
func utf8Counts(page []byte) (valid, invalid int) {
	for i := 0; i < len(page); {
		// eight ASCII bytes at a time: markup is mostly ASCII, and this reads the whole page
		for i+8 <= len(page) && binary.LittleEndian.Uint64(page[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(page) {
			break
		}
		if page[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(page[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid
}

func bomEncoding(page []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(page, []byte{0xEF, 0xBB, 0xBF}):
		return xunicode.UTF8BOM, "utf-8"
	case bytes.HasPrefix(page, []byte{0xFE, 0xFF}):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(page, []byte{0xFF, 0xFE}):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le"
	}
	return nil, ""
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.Trim(params["charset"], `"' `))
}

// metaCharset reads a charset declared in the page's first 8 KB (the HTML spec scans 1 KB, but many
// pages put their meta tag after long scripts).
func metaCharset(page []byte) string {
	head := page
	if len(head) > 8192 {
		head = head[:8192]
	}
	m := metaCharsetRe().FindSubmatch(head)
	if m == nil {
		return ""
	}
	return strings.ToLower(string(m[1]))
}

// lookup maps a label to an encoding and its canonical name. UTF-16 labels inside an already
// ASCII-compatible page are wrong by definition, so they read as UTF-8 (as the HTML spec says).
func lookup(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	name = strings.ToLower(name)
	if strings.HasPrefix(name, "utf-16") {
		return xunicode.UTF8, "utf-8"
	}
	return enc, name
}

func transcode(page []byte, enc encoding.Encoding, name string) ([]byte, []string) {
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return page, []string{fmt.Sprintf("charset %s: decoding failed: %v", name, err)}
	}
	return out, nil
}

// guessDecode decodes a page whose charset is undeclared or wrongly declared. Valid UTF-8 is taken as
// UTF-8 without a warning: other charsets almost never produce valid multi-byte sequences.
func guessDecode(page []byte, why string) ([]byte, []string) {
	if utf8.Valid(page) {
		if why == "" {
			return page, nil
		}
		return page, []string{"charset " + why + "; read as utf-8"}
	}
	name := guessCharset(page)
	enc, name := lookup(name)
	if enc == nil {
		enc, name = lookup("windows-1252")
	}
	out, warns := transcode(page, enc, name)
	msg := "charset guessed: " + name
	if why != "" {
		msg += " (" + why + ")"
	}
	return out, append(warns, msg)
}

// cyrillicCharsets are the single-byte Russian encodings. Statistical detectors confuse them on short
// texts, so the choice among them is made by how Russian-looking the decoded letters are.
var cyrillicCharsets = []string{"windows-1251", "koi8-r", "iso-8859-5", "ibm866"}

// guessCharset names the most likely charset of non-UTF-8 bytes.
func guessCharset(page []byte) string {
	if looksCyrillic(page) {
		return bestCyrillic(page)
	}
	res, err := chardet.NewHtmlDetector().DetectBest(page)
	if err != nil || res == nil {
		return "windows-1252"
	}
	name := strings.ToLower(res.Charset)
	for _, c := range cyrillicCharsets {
		if name == c {
			return bestCyrillic(page)
		}
	}
	// ISO-8859-1 pages in practice use windows-1252's extra punctuation (curly quotes, dashes).
	if name == "iso-8859-1" {
		return "windows-1252"
	}
	return name
}

// looksCyrillic reports whether most letters of the page are high-bit bytes that decode to Cyrillic in
// windows-1251: Western European texts have only a few accented letters among ASCII ones.
func looksCyrillic(page []byte) bool {
	high, ascii := 0, 0
	for _, b := range stripTags(page) {
		switch {
		case b >= 0xC0:
			high++
		case b < 0x80 && (b|0x20) >= 'a' && (b|0x20) <= 'z':
			ascii++
		}
	}
	return high >= 20 && high > ascii/2
}

// stripTags drops markup, scripts and styles so that only text bytes are counted.
func stripTags(page []byte) []byte {
	out := make([]byte, 0, len(page)/2)
	in := false
	for _, b := range page {
		switch {
		case b == '<':
			in = true
		case b == '>':
			in = false
		case !in:
			out = append(out, b)
		}
	}
	return out
}

// russianFreq weights lowercase Russian letters by frequency (о е а и н т с р в л ...); a wrong
// Cyrillic decoding turns frequent letters into rare ones and capitals into lowercase mid-word.
const russianFreq = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё"

func bestCyrillic(page []byte) string {
	text := stripTags(page)
	best, bestScore := "windows-1251", -1<<31
	for _, name := range cyrillicCharsets {
		enc, _ := charset.Lookup(name)
		if enc == nil {
			continue
		}
		dec, err := enc.NewDecoder().Bytes(text)
		if err != nil {
			continue
		}
		if s := russianScore(string(dec)); s > bestScore {
			best, bestScore = name, s
		}
	}
	return best
}

func russianScore(s string) int {
	score := 0
	prevLower := false
	for _, r := range s {
		if !unicode.Is(unicode.Cyrillic, r) {
			prevLower = false
			continue
		}
		if unicode.IsUpper(r) {
			if prevLower {
				score -= 20 // capital inside a word
			}
			prevLower = false
			continue
		}
		prevLower = true
		if i := strings.IndexRune(russianFreq, r); i >= 0 {
			score += 33 - utf8.RuneCountInString(russianFreq[:i])
		}
	}
	return score
}
