package mentions

import (
	"reflect"
	"testing"
)

// A speaker named in many statements is resolved once: the mentions are those of the speakers
// named once each, in the order they first speak, whatever kinds the repeats carry.
func TestRepeatedSpeakersResolvedOnce(t *testing.T) {
	body := "White House Press Secretary Karoline Leavitt said the talks would go on. Leavitt added that " +
		"envoy Steve Witkoff would travel, and Jane Roe of the State Department said Roe and Witkoff agreed. " +
		"Kremlin Spokesman Dmitry Peskov said Moscow would answer. Peskov added nothing."
	once := []Speaker{{Name: "Karoline Leavitt", Kind: "person"}, {Name: "Jane Roe", Kind: ""},
		{Name: "Dmitry Peskov", Kind: "person"}, {Name: "State Department", Kind: "organization"}}
	var repeated []Speaker
	for range 3 {
		for _, s := range once {
			repeated = append(repeated, Speaker{Name: s.Name, Kind: "organization"}, s) // a kind that is not resolved first
		}
	}
	want := Extract(body, nil, Options{Speakers: once})
	got := Extract(body, nil, Options{Speakers: repeated})
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("repeated speakers: %s\nonce: %s", keys(got), keys(want))
	}
	if countType(want, "person") < 5 {
		t.Fatalf("too few people found to compare: %s", keys(want))
	}
}

func countType(ms []Mention, typ string) int {
	n := 0
	for _, m := range ms {
		if m.Type == typ {
			n++
		}
	}
	return n
}
