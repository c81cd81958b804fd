package statements

import (
	"strings"
	"testing"
)

// want is the expected part of one statement.
type want struct {
	kind, text, speaker string
}

func check(t *testing.T, body string, ws ...want) []Statement {
	t.Helper()
	got := Extract(body, Options{})
	for _, s := range got {
		var b []string
		for _, sp := range s.Spans {
			b = append(b, body[sp[0]:sp[1]])
		}
		if strings.Join(b, " ") != s.Text || (len(s.Spans) == 1 && body[s.Start:s.End] != s.Text) {
			t.Errorf("offsets do not give the text: %+v", s)
		}
	}
	if len(got) != len(ws) {
		t.Errorf("got %d statements, want %d:", len(got), len(ws))
		for _, s := range got {
			t.Logf("  %s %q by %q (%s, %q)", s.Kind, s.Text, s.Speaker, s.SpeakerKind, s.Cue)
		}
		return got
	}
	for i, w := range ws {
		s := got[i]
		if s.Kind != w.kind || s.Text != w.text || s.Speaker != w.speaker {
			t.Errorf("statement %d:\n got %s %q by %q\nwant %s %q by %q", i, s.Kind, s.Text, s.Speaker, w.kind, w.text, w.speaker)
		}
	}
	return got
}

const seed = "MOSCOW, October 21. /TASS/. Moscow hopes to continue dialogue with Washington on New START (Strategic Arms Reduction Treaty) since it is crucial for global security, Kremlin Spokesman Dmitry Peskov told reporters on Wednesday.\n\n" +
	"\"As for arms control and New START, this issue is of a strategic nature,\" Peskov said.\n\n" +
	"\"Here we hope to continue dialogue,\" the Kremlin spokesman stressed.\n\n" +
	"In comment on CNN's report that Russia is allegedly preparing to test its Burevestnik nuclear-powered cruise missile, the Kremlin spokesman said such news should be taken with a pinch of salt. He recommended relying on Russia’s official information.\n\n" +
	"The New START Treaty, which was signed by Moscow and Washington in 2010, stipulates that each party should have no more than 1,550 warheads.\n\n" +
	"Moscow calls on Washington not to procrastinate on the treaty's extension, which it has described as \"a gold standard\" in disarmament. On October 16, Russian President Vladimir Putin offered to extend New START for a year without preconditions. The US agreed to hold a meeting to finalize the agreement."

func TestSeedStyle(t *testing.T) {
	got := check(t, seed,
		want{"reported", "Moscow hopes to continue dialogue with Washington on New START (Strategic Arms Reduction Treaty) since it is crucial for global security", "Dmitry Peskov"},
		want{"direct", "As for arms control and New START, this issue is of a strategic nature", "Dmitry Peskov"},
		want{"direct", "Here we hope to continue dialogue", "Dmitry Peskov"},
		want{"reported", "such news should be taken with a pinch of salt", "Dmitry Peskov"},
		want{"reported", "relying on Russia’s official information", "Dmitry Peskov"},
		want{"reported", "Washington not to procrastinate on the treaty's extension", "Moscow"},
		want{"direct", "a gold standard", "Moscow"},
		want{"reported", "to extend New START for a year without preconditions", "Vladimir Putin"},
	)
	if len(got) > 0 && (got[0].SpeakerRole != "Kremlin Spokesman" || got[0].Cue != "told reporters" || got[0].SpeakerKind != "person") {
		t.Errorf("first statement: role %q cue %q kind %q", got[0].SpeakerRole, got[0].Cue, got[0].SpeakerKind)
	}
	if len(got) > 6 && got[6].SpeakerKind != "organization" {
		t.Errorf("Moscow should be an organization: %+v", got[6])
	}
}
