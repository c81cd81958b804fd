package mentions

import (
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract/lexicon"
)

func keys(ms []Mention) string {
	var b []string
	for _, m := range ms {
		b = append(b, m.Type+":"+m.ID+"="+m.Text)
	}
	return strings.Join(b, " ")
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name, text string
		opt        Options
		want       string
	}{
		{"tass dateline and capitals",
			"MOSCOW, October 21. /TASS/. Moscow hopes to continue dialogue with Washington on New START, Kremlin Spokesman Dmitry Peskov told reporters in Moscow.",
			Options{},
			"country:ru=Moscow country:us=Washington treaty:new_start=New START organization:kremlin=Kremlin person:peskov=Dmitry Peskov"},
		{"explicit skip range",
			"WASHINGTON (Reuters) - The Pentagon said on Monday that the Sentinel ICBM program will cost more.",
			Options{Skip: [][2]int{{0, 23}}},
			"organization:pentagon=Pentagon weapon:sentinel=Sentinel"},
		{"media and weapons",
			"In comment on CNN's report that Russia is allegedly preparing to test its Burevestnik nuclear-powered cruise missile, he recommended relying on Russia’s official information.",
			Options{},
			"organization:cnn=CNN country:ru=Russia weapon:burevestnik=Burevestnik country:ru=Russia"},
		{"speakers outside the lexicon",
			"White House Press Secretary Karoline Leavitt said the talks would go on. Leavitt added that envoy Steve Witkoff would travel.",
			Options{Speakers: []Speaker{{Name: "Karoline Leavitt", Kind: "person"}}},
			"organization:white_house=White House person:karoline_leavitt=Karoline Leavitt person:karoline_leavitt=Leavitt person:witkoff=Steve Witkoff"},
		{"titled name without speaker",
			"Russian Deputy Foreign Minister Sergei Ryabkov met US Under Secretary Bonnie Jenkins and Ambassador John Doe in Geneva.",
			Options{},
			"person:ryabkov=Sergei Ryabkov country:us=US person:jenkins=Bonnie Jenkins person:john_doe=John Doe"},
		{"russian inflection",
			"Как заявил замминистра иностранных дел РФ Сергей Рябков, Москва не получала от Вашингтона ответа по ДСНВ. Рябкову также задали вопрос о «Сармате».",
			Options{},
			"country:ru=РФ person:ryabkov=Сергей Рябков country:ru=Москва country:us=Вашингтона treaty:new_start=ДСНВ person:ryabkov=Рябкову weapon:sarmat=Сармате"},
		{"bracketed acronym inside a name; agency datelines after a headline",
			"Golden Dome worries Moscow\n\nWASHINGTON (AP) — The US withdrew from the Anti-Ballistic Missile (ABM) Treaty in 2002.",
			Options{},
			"weapon:golden_dome=Golden Dome country:ru=Moscow country:us=US treaty:abm=Anti-Ballistic Missile (ABM) Treaty"},
		{"Security Council by context",
			"Putin held a meeting with permanent members of the Security Council.",
			Options{},
			"person:putin=Putin organization:ru_security_council=Security Council"},
		{"Security Council after the UN Security Council",
			"The UN Security Council met on Iran. The Security Council did not vote.",
			Options{},
			"organization:unsc=UN Security Council country:ir=Iran organization:unsc=Security Council"},
		{"countries inside organisation names",
			"Министерство обороны РФ сообщило о пуске.",
			Options{},
			"organization:ru_mod=Министерство обороны РФ country:ru=РФ"},
		{"generic ministries unless another state qualifies them",
			"\"I instruct the Foreign Ministry, the Defense Ministry and the special services,\" he said. China's Foreign Ministry objected.",
			Options{},
			"organization:ru_mfa=Foreign Ministry organization:ru_mod=Defense Ministry country:cn=China"},
		{"names after long titles and with initials",
			"Secretary of State Antony J. Blinken spoke with Under Secretary of Defense for Acquisition and Sustainment William LaPlante and conference president Do Hung Viet of Vietnam.",
			Options{},
			"person:blinken=Blinken person:william_laplante=William LaPlante person:do_hung_viet=Do Hung Viet"},
		{"names around generic titles",
			"\"It is dangerous,\" said Daryl Kimball, executive director of the Arms Control Association. Sipri's director, Dan Smith, agreed, as did Dr. Jane Doe. Question: Mr President, what next?",
			Options{},
			"person:daryl_kimball=Daryl Kimball organization:aca=Arms Control Association person:dan_smith=Dan Smith person:jane_doe=Jane Doe"},
		{"era of START",
			"START, signed in 1991, cut arsenals; Washington and Moscow later signed SORT.",
			Options{},
			"treaty:start_i=START country:us=Washington country:ru=Moscow treaty:sort=SORT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ms := Extract(c.text, nil, c.opt)
			for _, m := range ms {
				if c.text[m.Start:m.End] != m.Text {
					t.Errorf("bad offsets %+v", m)
				}
			}
			if got := keys(ms); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	if s := Slug("Robert O'Brien Jr."); s != "robert_o_brien_jr" {
		t.Errorf("got %q", s)
	}
}

// TestStopName: words of stopnames.txt and the shared weekdays (English and Russian) are no names.
func TestStopName(t *testing.T) {
	for w, want := range map[string]bool{"Ministry": true, "Monday": true, "Пятницу": true, "Peskov": false, "the": false} {
		if got := stopName(w); got != want {
			t.Errorf("stopName(%q) = %v, want %v", w, got, want)
		}
	}
}

// The page's shared lexicon reading gives the mentions reading the body here gives; a reading of
// another text, or a year of its own, is not used.
func TestExtractRead(t *testing.T) {
	lex := lexicon.Default()
	body := "MOSCOW, April 2 (TASS). Russian Foreign Minister Sergey Lavrov said the New START treaty and the Sarmat ICBM were discussed in Washington with Press Secretary Karoline Leavitt."
	want := keys(Extract(body, lex, Options{}))
	if !strings.Contains(want, "karoline_leavitt") {
		t.Fatalf("%s: no person found after a role title", want)
	}
	for _, opt := range []Options{{Read: lex.Read(body)}, {Read: lex.Read("The INF Treaty")}} {
		if got := keys(Extract(body, lex, opt)); got != want {
			t.Errorf("reading of %.20q: %s, want %s", opt.Read.Text(), got, want)
		}
	}
	if got, want := keys(Extract(body, lex, Options{Read: lex.Read(body), Year: 2005})), keys(Extract(body, lex, Options{Year: 2005})); got != want {
		t.Errorf("year 2005 with a reading: %s, want %s", got, want)
	}
}
