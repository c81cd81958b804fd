package dates

import (
	"strings"
	"testing"
	"time"
)

// seedBody is the seed article's body (TASS English, 8 paragraphs, about 2 KB).
const seedBody = "MOSCOW, October 21. /TASS/. Moscow hopes to continue dialogue with Washington on New START (Strategic Arms Reduction Treaty) since it is crucial for global security, Kremlin Spokesman Dmitry Peskov told reporters on Wednesday.\n\n" +
	"\"As for arms control and New START, this issue is of a strategic nature and is important for the entire world - not only in the interests of our two countries [Russia and the US], but in the interests of security and stability of the entire world,\" Peskov said.\n\n" +
	"\"Here we hope to continue dialogue,\" the Kremlin spokesman stressed.\n\n" +
	"\"Actually, an effort at the expert level is underway and we still hope that this conversation will continue with the Americans and we expect that all disputes regarding the issue will be ironed out through dialogue,\" Peskov noted.\n\n" +
	"In comment on CNN's report that Russia is allegedly preparing to test its Burevestnik nuclear-powered cruise missile, the Kremlin spokesman said such news should be taken with a pinch of salt. He recommended relying on Russia’s official information.\n\n" +
	"The New START Treaty, which was signed by Moscow and Washington in 2010, stipulates that seven years after it goes into effect, each party should have no more than a total of 700 deployed intercontinental ballistic missiles (ICBM), submarine-launched ballistic missiles (SLBM) and strategic bombers, as well as no more than 1,550 warheads on deployed ICBMs, deployed SLBMs and strategic bombers, and a total of 800 deployed and non-deployed missile launchers.\n\n" +
	"The document is set to remain in effect until February 5, 2021, unless it is replaced with another agreement on nuclear arms reduction. It can also be extended for no more than five years (until 2026) with the consent of both parties.\n\n" +
	"Moscow calls on Washington not to procrastinate on the treaty's extension, which it has described as \"a gold standard\" in disarmament. On October 16, Russian President Vladimir Putin offered to extend New START for a year without preconditions. The US agreed to hold a meeting to finalize the agreement."

const ruBody = "МОСКВА, 18 дек\u00a0— РИА Новости. Размещение ракетного комплекса «Орешник» в Белоруссии не нарушает международных обязательств, заявил замглавы МИД Сергей Рябков на прошлой неделе.\n\n" +
	"Договор о РСМД был подписан в 1987 году и прекратил действие 2 августа 2019 года. В ноябре 2023 года Россия отозвала ратификацию ДВЗЯИ. Консультации пройдут в следующем месяце, сообщил дипломат во вторник."

func BenchmarkExtractSeed(b *testing.B) {
	published := time.Date(2020, 10, 21, 13, 5, 0, 0, time.FixedZone("", 3*3600))
	b.SetBytes(int64(len(seedBody)))
	b.ReportAllocs()
	for b.Loop() {
		dl := FindDateline(seedBody, published)
		Extract(seedBody, dl, published)
	}
}

// BenchmarkExtractLong is a long article: the seed and a Russian text ten times over (~30 KB).
func BenchmarkExtractLong(b *testing.B) {
	body := strings.Repeat(seedBody+"\n\n"+ruBody+"\n\n", 10)
	published := time.Date(2025, 12, 18, 13, 5, 0, 0, time.FixedZone("", 3*3600))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		dl := FindDateline(body, published)
		Extract(body, dl, published)
	}
}
