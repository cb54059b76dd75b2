package samples

import (
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// Exempelkommun is a fictional kommun with a complete evaluation text: the
// report of a whole analysis as SKL writes one, for the tests and as an
// example of what an evaluator writes on the sheets Bedömning and Tabeller.
// Everything is invented — the kommun, its evaluators, scores, seats and
// every sentence — and written for kompass; no real kommun is described.
//
// It holds three evaluations made with kommunkompassen@2007: Exempelkommun
// 2005 (area level), Exempelkommun 2007 (every delfråga, the text, Tabell 1
// and the interviews) and the published mean "Exempelsnitt 2007" to compare
// it with (--group "Exempelsnitt 2007").
func Exempelkommun() []Sample {
	return []Sample{exempel2005(), exempel2007(), exempelsnitt2007()}
}

// ExempelGroup is the mean series Exempelkommun 2007 is compared with.
const ExempelGroup = "Exempelsnitt 2007"

const exempelSources = "Fiktiv utvärdering för kompass (internal/samples/exempelkommun.go): kommunen, utvärderarna, poängen och texten är påhittade."

func exempel2005() Sample {
	return Sample{
		File: "exempelkommun-2005.xlsx", Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{
			Kommun: "Exempelkommun", Year: 2005, Kind: evaluation.KindKommun,
			Sources: exempelSources,
		},
		Scores: areas([]float64{58, 61, 66, 65, 51, 70, 55, 74}, 500),
		Notes:  exempel2005Notes(),
	}
}

// exempel2005Notes are the fictional styrkor and förbättringsområden of
// Exempelkommun 2005: what its åtgärdsplan (issue 14) starts from, and what
// the 2007 report looks back on.
func exempel2005Notes() []evaluation.Note {
	notes := []struct {
		area                    string
		strengths, improvements []string
	}{
		{"1", []string{"Fullmäktiges sammanträden sänds på webben och protokollen publiceras inom en vecka."},
			[]string{"Samla information om hur medborgarna kan påverka på ett ställe på webbplatsen.", "Redovisa nämndernas måluppfyllelse för medborgarna på ett lättläst sätt."}},
		{"2", []string{"Servicegarantier finns inom skola, äldreomsorg och bygglov."},
			[]string{"Inför ett gemensamt system för synpunkter och klagomål.", "Följ upp servicegarantierna och redovisa hur de hålls."}},
		{"3", []string{"Styrmodellen är känd av chefer och förtroendevalda."},
			[]string{"Minska antalet mål och gör dem mätbara."}},
		{"4", []string{"Cheferna har ett samlat ansvar för budget, personal och verksamhet."},
			[]string{"Tydliggör förvaltningarnas delegation i en gemensam delegationsordning."}},
		{"5", []string{"Ekonomisk uppföljning görs varje månad i alla nämnder."},
			[]string{"Inför en gemensam modell för nämndernas uppföljning av mål och kvalitet.", "Använd resultaten av brukarundersökningarna i verksamhetsplaneringen."}},
		{"6", []string{"Förvaltningarna samarbetar kring barn och unga med särskilda behov."},
			[]string{"Gör jämförelser med andra kommuner till en del av budgetarbetet."}},
		{"7", []string{"Andelen genomförda medarbetarsamtal är hög."},
			[]string{"Ta fram ett program för ledarutveckling.", "Följ upp sjukfrånvaron per förvaltning och arbetsplats."}},
		{"8", []string{"Kommunen har ett nära samarbete med näringslivet i centralorten."},
			[]string{"Utveckla samarbetet med föreningslivet i de mindre tätorterna."}},
	}
	var out []evaluation.Note
	for _, n := range notes {
		for _, t := range n.strengths {
			out = append(out, evaluation.Note{Area: n.area, Kind: evaluation.Strength, Text: t})
		}
		for _, t := range n.improvements {
			out = append(out, evaluation.Note{Area: n.area, Kind: evaluation.Improvement, Text: t})
		}
	}
	return out
}

func exempelsnitt2007() Sample {
	return Sample{
		File: "exempelsnitt-2007.xlsx", Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{
			Kommun: "Exempelsnitt", Year: 2007, Kind: evaluation.KindMean,
			Sources: "Fiktivt medelvärde per huvudområde för kompass (internal/samples/exempelkommun.go); inga verkliga kommuner.",
		},
		Scores: areas([]float64{60.5, 62, 68, 64.5, 58, 66, 59, 71}, 0),
	}
}

// exempel2007Questions add up to the areas 66, 68, 71,5, 69, 62, 72,5, 61
// and 78: 548 in all.
var exempel2007Questions = []Score{
	{ID: "1.1", Value: 30}, {ID: "1.2", Value: 24}, {ID: "1.3", Value: 12},
	{ID: "2.1", Value: 8}, {ID: "2.2", Value: 15}, {ID: "2.3", Value: 12}, {ID: "2.4", Value: 16}, {ID: "2.5", Value: 11}, {ID: "2.6", Value: 6},
	{ID: "3.1", Value: 21}, {ID: "3.2", Value: 16}, {ID: "3.3", Value: 22.5}, {ID: "3.4", Value: 12},
	{ID: "4.1", Value: 24}, {ID: "4.2", Value: 13}, {ID: "4.3", Value: 11}, {ID: "4.4", Value: 14}, {ID: "4.5", Value: 7},
	{ID: "5.1", Value: 26}, {ID: "5.2", Value: 9}, {ID: "5.3", Value: 13}, {ID: "5.4", Value: 14},
	{ID: "6.1", Value: 15}, {ID: "6.2", Value: 14}, {ID: "6.3", Value: 9}, {ID: "6.4", Value: 16}, {ID: "6.5", Value: 13}, {ID: "6.6", Value: 5.5},
	{ID: "7.1", Value: 12}, {ID: "7.2", Value: 11}, {ID: "7.3", Value: 13}, {ID: "7.4", Value: 15}, {ID: "7.5", Value: 10},
	{ID: "8.1", Value: 33}, {ID: "8.2", Value: 16}, {ID: "8.3", Value: 17}, {ID: "8.4", Value: 12},
}

func exempel2007() Sample {
	s := Sample{
		File: "exempelkommun-2007.xlsx", Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{
			Kommun: "Exempelkommun", Year: 2007, Kind: evaluation.KindKommun,
			Sources:    exempelSources,
			Evaluators: "Anna Exempelsson, Exempelförbundet (fiktiv); Per Påhittad, Påhittby kommun (fiktiv)",
			Dates:      "9–11 oktober 2007",
			Interviews: 24,
			Interviewed: "kommunstyrelsens ordförande och vice ordförande, gruppledarna för alla partier i fullmäktige, " +
				"kommundirektören, förvaltningschefer, enhetschefer, medarbetare och fackliga företrädare",
		},
		Scores: append(append([]Score{}, exempel2007Questions...), areas([]float64{66, 68, 71.5, 69, 62, 72.5, 61, 78}, 548)...),
		Tables: []evaluation.Table{
			{Section: evaluation.SectionBackground, Title: "Tabell 1 Mandatfördelningen i kommunfullmäktige",
				Header: []string{"Parti", "2002", "2006"},
				Rows: [][]string{
					{"Socialdemokraterna", "18", "19"}, {"Moderaterna", "10", "11"}, {"Centerpartiet", "5", "5"},
					{"Folkpartiet", "4", "4"}, {"Kristdemokraterna", "3", "3"}, {"Vänsterpartiet", "4", "3"},
					{"Miljöpartiet", "3", "3"}, {"Övriga", "2", "1"}, {"Summa", "49", "49"},
				}},
			// Tabell 4: after the report's Tabell 2 (the scores) and 3 (the
			// comparison with Exempelsnitt 2007), as the evaluators count
			{Section: "5", Title: "Tabell 4 Nämndernas måluppfyllelse i årsredovisningen 2006",
				Header: []string{"Bedömning", "Antal mål", "Andel"},
				Rows:   [][]string{{"Uppfyllt helt", "58", "41 %"}, {"Uppfyllt delvis", "61", "43 %"}, {"Inte uppfyllt", "23", "16 %"}}},
		},
	}
	for _, sec := range exempelText {
		for _, b := range sec.blocks {
			kind := evaluation.Paragraph
			if text, ok := cutHeading(b); ok {
				kind, b = evaluation.Heading, text
			}
			s.Text = append(s.Text, evaluation.TextBlock{Section: sec.id, Kind: kind, Text: b})
		}
		for _, t := range sec.strengths {
			s.Notes = append(s.Notes, evaluation.Note{Area: sec.id, Kind: evaluation.Strength, Text: t})
		}
		for _, t := range sec.improvements {
			s.Notes = append(s.Notes, evaluation.Note{Area: sec.id, Kind: evaluation.Improvement, Text: t})
		}
	}
	return s
}

// A block of exempelText that starts with "# " is a sub-heading.
func cutHeading(b string) (string, bool) { return strings.CutPrefix(b, "# ") }

type exempelSection struct {
	id                      string
	blocks                  []string
	strengths, improvements []string
}

var exempelText = []exempelSection{
	{id: evaluation.SectionBackground, blocks: []string{
		"# Om Exempelkommun",
		"Exempelkommun är en påhittad kommun som bara finns i kompass testdata. Här får den stå för en medelstor " +
			"svensk kommun med omkring 42 000 invånare, en centralort vid kusten och fyra mindre tätorter i inlandet. " +
			"Befolkningen har ökat långsamt under de senaste tio åren, främst genom att barnfamiljer har flyttat in.",
		"Näringslivet består mest av små och medelstora företag inom handel, bygg och besöksnäring. " +
			"Kommunorganisationen är den största arbetsgivaren, med drygt 3 400 anställda.",
		"# Den politiska organisationen",
		"Under mandatperioden 2006–2010 styrs Exempelkommun av Socialdemokraterna, Vänsterpartiet och Miljöpartiet, " +
			"som tillsammans har 25 av fullmäktiges 49 mandat. Fördelningen av mandaten framgår av Tabell 1.",
		"Kommunstyrelsen har 13 ledamöter och tre utskott. Verksamheten är organiserad i sex facknämnder med var sin " +
			"förvaltning, och sedan 2006 finns en gemensam servicenämnd för ekonomi, personal och it.",
		"# Utvärderingen",
		"Utvärderingen gjordes i oktober 2007 och är kommunens andra; den första gjordes 2005. Utvärderarna har läst " +
			"styrdokument, budget, årsredovisning och nämndernas uppföljningar, gått igenom kommunens webbplats och " +
			"intranät och under tre dagar intervjuat 24 personer.",
	}},
	{id: evaluation.SectionSummary, blocks: []string{
		"# Sammanfattning av utvärderingen",
		"Exempelkommun får 548 av 800 poäng, 48 fler än vid utvärderingen 2005. Förbättringen gäller alla åtta " +
			"huvudområden men är störst inom *kontroll och rapportering*, där kommunen har infört en gemensam modell " +
			"för hur nämnderna följer upp sina mål.",
		"Det *politiska systemet* kännetecknas av en tydlig rollfördelning mellan förtroendevalda och tjänstemän och " +
			"av en styrmodell som är väl känd i organisationen. Målen är däremot många och delvis svåra att följa upp, " +
			"och de förtroendevalda efterfrågar själva färre och tydligare mål.",
		"I *produktionssystemet* har cheferna stort ansvar för budget och personal, och samarbetet över " +
			"förvaltningsgränserna fungerar väl i vardagen. Brukarundersökningar görs regelbundet, men resultaten " +
			"används ännu inte systematiskt för att utveckla verksamheten, och kommunen saknar ett samlat system för " +
			"synpunkter och klagomål.",
		"Som arbetsgivare har kommunen ett genomarbetat program för ledarutveckling och en hög andel genomförda " +
			"medarbetarsamtal. Som samhällsbyggare är kommunen en aktiv partner för föreningsliv och näringsliv, " +
			"medan det internationella arbetet är begränsat.",
		"Utvärderarna vill särskilt lyfta fram:\n" +
			"- **medborgardialogerna** inför den nya översiktsplanen,\n" +
			"- **ledarutvecklingsprogrammet** för nya chefer,\n" +
			"- **den gemensamma uppföljningsmodellen**, som har införts sedan 2005.",
	}},
	{id: "1", blocks: []string{
		"Området handlar om hur kommunen informerar medborgarna, hur den främjar deras engagemang och hur den " +
			"redovisar sina resultat. Exempelkommun får 66 poäng, åtta fler än 2005.",
		"# Information till medborgarna",
		"Webbplatsen är kommunens viktigaste kanal och har fått en ny struktur sedan förra utvärderingen. Kallelser, " +
			"handlingar och protokoll från fullmäktige och nämnder publiceras i regel samma vecka som mötet, och " +
			"fullmäktiges sammanträden sänds på webben och i lokalradion. Fyra gånger om året delas en kommuntidning ut " +
			"till alla hushåll.",
		"# Engagemang och inflytande",
		"Inför arbetet med den nya översiktsplanen bjöd kommunen in till *medborgardialoger* i alla kommundelar, och " +
			"synpunkterna redovisades öppet i planförslaget. Medborgarförslag infördes 2006, men hittills har få förslag " +
			"kommit in. Ungdomsrådet träffar kommunstyrelsens presidium två gånger per termin.",
		"# Presentation av resultat",
		"Årsredovisningen beskriver ekonomin utförligt men redovisar bara i begränsad utsträckning vad verksamheterna " +
			"har uppnått i förhållande till målen. Jämförelser med andra kommuner publiceras inte.",
	}, strengths: []string{
		"Medborgardialogerna inför översiktsplanen.",
		"Snabb publicering av handlingar och protokoll.",
		"Fullmäktiges sammanträden sänds på webben.",
	}, improvements: []string{
		"Redovisa för medborgarna vad verksamheterna har uppnått i förhållande till målen.",
		"Gör möjligheten att lämna medborgarförslag känd.",
	}},
	{id: "2", blocks: []string{
		"Området gäller hur kommunen möter brukarna: vilken service de kan vänta sig, hur de kan påverka den och hur " +
			"deras synpunkter tas om hand. Kommunen får 68 poäng.",
		"# Servicedeklarationer och valfrihet",
		"Sedan 2005 har förskolan, hemtjänsten och biblioteken tagit fram servicedeklarationer som beskriver vad " +
			"brukaren kan förvänta sig. Inom förskolan och skolan kan familjerna välja mellan kommunala och fristående " +
			"enheter, och i hemtjänsten kan brukarna välja mellan två utförare.",
		"# Brukarundersökningar och synpunkter",
		"Brukarundersökningar görs vartannat år inom de flesta verksamheter, och resultaten redovisas för nämnderna. " +
			"Det saknas däremot en gemensam rutin för synpunkter och klagomål: varje förvaltning har sitt eget system, " +
			"och ingen samlad bild når den politiska nivån.",
		"All personal med publika uppgifter har gått en utbildning i bemötande, och kontaktcentret har förlängt sina " +
			"öppettider till kvällstid två dagar i veckan.",
	}, strengths: []string{
		"Servicedeklarationer inom förskola, hemtjänst och bibliotek.",
		"Kontaktcentrets utökade öppettider.",
	}, improvements: []string{
		"Inför ett gemensamt system för synpunkter och klagomål.",
		"Använd brukarundersökningarna för att förbättra verksamheten, inte bara för att redovisa den.",
	}},
	{id: "3", blocks: []string{
		"För att samspelet ska fungera måste roller och ansvar vara tydliga: de förtroendevalda beslutar vad som ska " +
			"uppnås, tjänstemännen hur det ska gå till. Inom området får kommunen 71,5 poäng.",
		"# Mål och styrning",
		"Kommunens styrmodell beskriver hur fullmäktiges inriktningsmål bryts ned till nämndmål och mål för " +
			"verksamheterna. Modellen är väl känd, men antalet mål har vuxit till över 140, och många av dem saknar " +
			"mått som gör det möjligt att följa upp dem.",
		"# Roller och förtroende",
		"De intervjuade beskriver samarbetet mellan politiker och tjänstemän som öppet och förtroendefullt. " +
			"Delegationsordningarna är aktuella, och nya förtroendevalda får en introduktion där kommundirektören och " +
			"kommunstyrelsens ordförande tillsammans går igenom rollerna.",
	}, strengths: []string{
		"Den gemensamma introduktionen för nya förtroendevalda.",
		"Aktuella delegationsordningar i alla nämnder.",
	}, improvements: []string{
		"Färre mål, och mål som går att mäta.",
		"Knyt varje nämndmål till ett eller flera mått.",
	}},
	{id: "4", blocks: []string{
		"Området gäller hur mycket frihet enheterna har och hur den centrala ledningen styr och stödjer dem. Kommunen " +
			"får 69 poäng.",
		"# Enheternas frihet",
		"Enhetscheferna har ansvar för budget, personal och organisation inom sin ram och får föra över både " +
			"överskott och underskott till nästa år. En enhet med ekonomi i balans får behålla en del av sitt överskott.",
		"# Samarbete över gränser",
		"Förvaltningarna samarbetar i flera gemensamma projekt, till exempel kring barn och unga med särskilda behov. " +
			"Samarbetet bygger dock ofta på personliga kontakter, och det saknas en gemensam modell för hur projekt ska " +
			"beskrivas och följas upp.",
	}, strengths: []string{
		"Stort ansvar och tydliga befogenheter för enhetscheferna.",
		"Möjligheten att föra över resultat mellan åren.",
	}, improvements: []string{
		"Inför en gemensam modell för projekt över förvaltningsgränserna.",
	}},
	{id: "5", blocks: []string{
		"Området gäller hur verksamheten och ekonomin följs upp inom förvaltningarna och rapporteras till nämnderna. " +
			"Här har kommunen förbättrat sig mest: 62 poäng, mot 51 vid förra utvärderingen.",
		"# Uppföljningsmodellen",
		"Sedan 2006 följer alla nämnder upp sina mål och sin ekonomi enligt en gemensam modell, med delårsrapporter i " +
			"april och augusti och en årsredovisning. Varje mål bedöms som uppfyllt helt, delvis eller inte alls, och " +
			"bedömningen motiveras. Hur målen bedömdes i årsredovisningen 2006 visar Tabell 4.",
		"# Kostnader och projekt",
		"Kostnaden per brukare redovisas för de största verksamheterna men jämförs sällan med andra kommuners. " +
			"Projekt rapporteras inte på ett enhetligt sätt, och det är svårt att se vad de kostar i förhållande till " +
			"vad de ger.",
	}, strengths: []string{
		"Den gemensamma uppföljningsmodellen.",
		"Motiverade bedömningar av måluppfyllelsen.",
	}, improvements: []string{
		"Jämför kostnaderna med andra kommuners.",
		"Rapportera projekt på ett enhetligt sätt.",
	}},
	{id: "6", blocks: []string{
		"Området gäller kommunen som arbetsgivare: kompetensutveckling, lönesättning, arbetsmiljö, medarbetarsamtal " +
			"och ledarutveckling. Kommunen får 72,5 poäng, det näst högsta resultatet av områdena.",
		"# Ledarskap",
		"Alla nya chefer går ett ledarutvecklingsprogram på tio dagar under sitt första år, och erfarna chefer träffas " +
			"i nätverk varje månad. Programmet har utvärderats och fått goda omdömen av deltagarna.",
		"# Medarbetarsamtal och arbetsmiljö",
		"Nästan alla medarbetare har haft ett medarbetarsamtal under året, och en medarbetarenkät görs vartannat år. " +
			"Resultatet följs upp på varje arbetsplats med en handlingsplan. Kostnaderna för kompetensutveckling " +
			"redovisas däremot inte samlat.",
	}, strengths: []string{
		"Ledarutvecklingsprogrammet för nya chefer.",
		"Den höga andelen genomförda medarbetarsamtal.",
	}, improvements: []string{
		"Redovisa samlat vad kompetensutvecklingen kostar och vad den ger.",
	}},
	{id: "7", blocks: []string{
		"Området gäller hur kommunen arbetar med kvalitet, tar vara på medarbetarnas idéer och lär av andra. " +
			"Kommunen får 61 poäng, det lägsta resultatet av områdena.",
		"# Kvalitetsarbete",
		"Kvalitetsarbetet skiljer sig mycket mellan förvaltningarna. Äldreomsorgen arbetar systematiskt med avvikelser " +
			"och förbättringar, medan andra verksamheter saknar en gemensam metod. Kommunen har ännu inte bestämt hur " +
			"kvalitetsarbetet ska bedrivas i hela organisationen.",
		"# Lärande och jämförelser",
		"Kommunen deltar i ett nätverk med fem grannkommuner där nyckeltal för skola och omsorg jämförs. " +
			"Medarbetarnas förslag tas om hand på arbetsplatsträffarna, men det finns inget sätt att sprida goda idéer " +
			"mellan enheterna.",
	}, strengths: []string{
		"Det systematiska förbättringsarbetet i äldreomsorgen.",
		"Jämförelsenätverket med grannkommunerna.",
	}, improvements: []string{
		"En gemensam metod för kvalitetsarbetet.",
		"Ett sätt att sprida goda idéer mellan enheterna.",
	}},
	{id: "8", blocks: []string{
		"Området gäller kommunens samarbete med föreningsliv, kulturliv och näringsliv och dess kontakter med " +
			"omvärlden. Med 78 poäng är det kommunens starkaste område.",
		"# Föreningar och kultur",
		"Föreningslivet får stöd genom bidrag, lokaler och en föreningskonsulent, och föreningarna är med och planerar " +
			"nya idrottsanläggningar. Kulturskolan och biblioteken ordnar tillsammans med föreningarna aktiviteter för " +
			"barn och unga under skolloven.",
		"# Näringsliv och omvärld",
		"Kommunens näringslivsråd träffas fyra gånger om året, och företagen beskriver kommunen som lätt att nå. Det " +
			"internationella arbetet är däremot begränsat till två vänorter och några enstaka skolutbyten.",
	}, strengths: []string{
		"Det nära samarbetet med föreningslivet.",
		"Näringslivsrådet och kommunens tillgänglighet för företagen.",
	}, improvements: []string{
		"En plan för kommunens internationella arbete.",
	}},
}
