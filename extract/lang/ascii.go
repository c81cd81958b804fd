package lang

import "unicode/utf8"

// ASCIICase tells whether s is all ASCII, and whether it holds a capital A-Z: an ASCII word
// without one is its own lower case, and one with capitals lowers byte by byte
// (AppendLowerASCII), without strings.ToLower's allocation or case tables.
func ASCIICase(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

// AppendLowerASCII appends s with A-Z lowered and every other byte kept: strings.ToLower(s) for
// ASCII s, and for any s a string whose byte offsets are s's.
func AppendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
