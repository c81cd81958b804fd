package content

import (
	"strings"
	"testing"
)

// followedBy answers as strings.HasPrefix(key, ph+string(c)) did, shorter and longer keys and
// multi-byte text included.
func TestFollowedBy(t *testing.T) {
	keys := []string{"", "read more", "read more about it", "read more:", "read more: the talks", "read", "read moreover", "mehr zum thema energie", "читайте также: договор", "читайте также"}
	phrases := []string{"read more", "mehr zum thema", "читайте также", "read"}
	for _, k := range keys {
		for _, ph := range phrases {
			for _, c := range []byte{' ', ':'} {
				if got, want := followedBy(k, ph, c), strings.HasPrefix(k, ph+string(c)); got != want {
					t.Errorf("followedBy(%q, %q, %q) = %v, want %v", k, ph, c, got, want)
				}
			}
		}
	}
}
