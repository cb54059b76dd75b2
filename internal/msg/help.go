package msg

import "fmt"

// helpTexts are the long help texts of the commands, by command ("compare",
// "text import"), in English and Swedish. They are kept here, by id, and not
// as keys of the catalogue (register), where the English of each would stand
// twice: as the key here and as the text in internal/cli.
var helpTexts = map[string]struct{ en, sv string }{
	"compare": {
		en: `Compare the evaluations of one kommun in the data folder (--data, default
evaluations/). Only workbooks that validate take part; the others are named
in a warning.

Without --group: the kommun's whole history, as in Tabell 2 of an SKL
report: the areas × years table with the total, the change between
consecutive evaluations and the area that moved most — one table per
instrument version, with the version boundary between them, since changes
are only computed within a version. With --group: the kommun's latest evaluation (of --years, if given)
beside each member of the group and the group's mean, minimum and maximum per
area, with its rank.

Groups: "alla" is the national mean: the latest evaluation of every other
kommun made with the same instrument version (--period 2019-2022 keeps
evaluations of those years); a published mean entered as its own workbook (Avser = medelvärde) is
a group by its name and year, e.g. "Sverigesnitt 2021"; other groups are
listed in groups.toml in the data folder (docs/groups.md).

A kommun is its name as written: "Umea" finds Umeå unless a kommun named
Umea is evaluated too; a name that fits several kommuner is an error that
lists them.

Evaluations made with different instrument versions are compared only where
an instrument declares how their areas correspond ([[compare]] in its TOML),
and then with its caveat.

Text uses the decimal comma; CSV and JSON a decimal point.`,
		sv: `Jämför utvärderingarna av en kommun i datamappen (--data, standard
evaluations/). Bara arbetsböcker utan fel är med; de andra nämns i en
varning.

Utan --group: kommunens hela historik, som i Tabell 2 i en rapport från SKL:
tabellen med huvudområden × år och totalen, förändringen mellan två
utvärderingar i följd och det område som ändrats mest — en tabell per
instrumentversion, med gränsen mellan versionerna, eftersom förändringar bara
räknas inom en version. Med --group: kommunens senaste utvärdering (bland
--years, om angivet) bredvid varje medlem i gruppen och gruppens medelvärde,
minimum och maximum per område, med kommunens rang.

Grupper: "alla" är riksgenomsnittet: den senaste utvärderingen av varje annan
kommun gjord med samma instrumentversion (--period 2019-2022 tar med
utvärderingar från de åren); ett publicerat medelvärde inskrivet som en egen
arbetsbok (Avser = medelvärde) är en grupp med sitt namn och år, t.ex.
"Sverigesnitt 2021"; andra grupper står i groups.toml i datamappen
(docs/groups.md).

En kommun är sitt namn som det är skrivet: "Umea" hittar Umeå om inte en
kommun som heter Umea också är utvärderad; ett namn som passar flera
kommuner är ett fel som listar dem.

Utvärderingar gjorda med olika instrumentversioner jämförs bara där ett
instrument anger hur huvudområdena motsvarar varandra ([[compare]] i dess
TOML), och då med dess förbehåll.

Text har decimalkomma; CSV och JSON decimalpunkt.`,
	},
	"consensus": {
		en: `Compare two or more evaluators' own workbooks of one evaluation (Avser =
bedömning, made with 'kompass template --bedomare NAME'): the same kommun,
year and instrument version, one workbook per evaluator, each of which
validates.

For each delfråga (or huvudområde, where an evaluator scored only the area)
it prints each evaluator's score, the spread (highest less lowest score),
the proposal and whether it is to be discussed, most divergent first; and
for each evaluator the total and the deviation: the mean over the items of
the absolute difference between the evaluator's score and the mean of the
other evaluators' scores.

An item is to be discussed when its spread is a quarter of its maxpoäng or
more, or --threshold points or more (e.g. --threshold 2,5). The proposal is
the median of the scores (for an even count the mean of the two middle
ones), rounded down to the instrument's step.

A score an evaluator left open takes the others' and is to be discussed
("1 bedömare saknas").

-o writes the consensus workbook for the evaluators' meeting, a draft
(Status Utkast): an ordinary workbook of the evaluation (Avser = kommun)
with every score filled in with its proposal, the scores to discuss in
orange with ATT DISKUTERA and each evaluator's score and comment in
Kommentar (no other score gets a note), the evaluators in Utvärderare and
everyone's styrkor and förbättringsområden, by name where not all wrote
them. Edit it in the meeting: agree on the scores, delete the marks and
names, set Status to Slutlig; 'kompass validate' warns of what is left, and
'kompass report' refuses it until then. An existing file is never replaced
unless --force is given.

Text is Swedish with the decimal comma; JSON has a decimal point, the items
in the instrument's order and the scores in the order of the evaluators.`,
		sv: `Jämför två eller fler utvärderares egna arbetsböcker för en utvärdering
(Avser = bedömning, gjorda med 'kompass template --bedomare NAMN'): samma
kommun, år och instrumentversion, en arbetsbok per utvärderare, och varje
arbetsbok utan fel.

För varje delfråga (eller huvudområde, där en utvärderare bara poängsatt
området) skrivs varje utvärderares poäng, spridningen (högsta minus lägsta
poäng), förslaget och om den ska diskuteras, den mest spridda först; och för
varje utvärderare totalen och avvikelsen: medelvärdet över posterna av
skillnaden (i absoluta tal) mellan utvärderarens poäng och medelvärdet av de
andras poäng.

En post ska diskuteras när spridningen är en fjärdedel av maxpoängen eller
mer, eller --threshold poäng eller mer (t.ex. --threshold 2,5). Förslaget är
medianen av poängen (vid ett jämnt antal medelvärdet av de två mittersta),
avrundad nedåt till instrumentets steg.

En poäng som en utvärderare lämnat tom tar de andras och ska diskuteras
("1 bedömare saknas").

-o skriver konsensusarbetsboken för utvärderarnas möte, ett utkast (Status
Utkast): en vanlig arbetsbok för utvärderingen (Avser = kommun) med varje
poäng ifylld med sitt förslag, de som ska diskuteras i orange med ATT
DISKUTERA och varje utvärderares poäng och kommentar i Kommentar (ingen
annan poäng får någon anteckning), utvärderarna i Utvärderare och allas
styrkor och förbättringsområden, med namn där inte alla skrev dem. Redigera
den på mötet: kom överens om poängen, ta bort markeringarna och namnen och
sätt Status till Slutlig; 'kompass validate' varnar för det som är kvar, och
'kompass report' vägrar skriva rapporten dessförinnan. En befintlig fil
ersätts aldrig utan --force.

Text är svensk med decimalkomma; JSON har decimalpunkt, posterna i
instrumentets ordning och poängen i utvärderarnas ordning.`,
	},
	"export": {
		en: `Export every evaluation in the data folder that validates as one table in
long form: one row per kommun, year, instrument version, huvudområde and
delfråga (empty for area rows), with max, score and source. Workbooks with
problems are left out with a warning.

csv: UTF-8 with a byte order mark (so Excel shows å, ä, ö), comma-separated,
decimal point. In Swedish Excel, open it with Data → Från text/CSV and choose
the delimiter comma and the locale "Engelska (USA)" so that 7.5 is read as a
number; or use --format xlsx. In pandas: read_csv(f, encoding="utf-8-sig").
json: an array of objects with the same keys; score is null when not scored.
xlsx: the table on the sheet Data, plus the poängsammanställning of each
evaluation on a sheet of its own; -o is required.`,
		sv: `Exportera alla utvärderingar i datamappen som är utan fel som en tabell i
lång form: en rad per kommun, år, instrumentversion, huvudområde och delfråga
(tom för områdesrader), med max, poäng och källa. Arbetsböcker med problem
lämnas utanför med en varning.

csv: UTF-8 med byte order mark (så att Excel visar å, ä, ö), kommaseparerad,
decimalpunkt. Öppna den i svenska Excel med Data → Från text/CSV och välj
avgränsaren komma och språket "Engelska (USA)" så att 7.5 läses som ett tal;
eller använd --format xlsx. I pandas: read_csv(f, encoding="utf-8-sig").
json: en lista med objekt med samma nycklar; score är null när det inte är
poängsatt. xlsx: tabellen på bladet Data, och varje utvärderings
poängsammanställning på ett eget blad; -o måste anges.`,
	},
	"follow-up": {
		en: `Follow up the åtgärdsplan of a kommun's evaluation (written by 'kompass plan'
and filled in by the kommun) in the data folder DIR (or --data, default
evaluations/): per huvudområde, per nämnd/förvaltning and in total, how many
åtgärder are Genomförda, Delvis genomförda, Pågår, Ej genomförda, Ej
påbörjade and not reported, and their traffic lights (enligt plan, risk,
försenad); the same counts at every reporting occasion, the
förbättringsområden without any åtgärd, and the overdue åtgärder.

--format xlsx (with -o FILE.xlsx) and --format html write the report for
the nämnd: every åtgärd with its latest status, comment and responsible,
grouped per huvudområde or, with --by nämnd, per nämnd/förvaltning, the
counts and the overdue list, in Swedish, printable on A4. Without --format,
an -o file ending in .xlsx, .html, .csv or .json picks the format.

The standing is taken at the latest reporting occasion that has any status;
each åtgärd counts with its own latest status up to that occasion (a status
stands until a later occasion reports another). An åtgärd is overdue when its
Klart senast is before that occasion's date and it is not Genomförd there.
--per DATE takes the standing on that day instead: the latest reported
occasion up to DATE, and åtgärder due before DATE. Nothing depends on
today's date.

--year picks the evaluation whose plan to follow up; without it, the latest
evaluation of the kommun that has a plan. The columns of the CSV and the
keys of the JSON are in docs/followup.md.`,
		sv: `Följ upp åtgärdsplanen för en kommuns utvärdering (skriven med 'kompass plan'
och ifylld av kommunen) i datamappen MAPP (eller --data, standard
evaluations/): per huvudområde, per nämnd/förvaltning och totalt, hur många
åtgärder som är Genomförda, Delvis genomförda, Pågår, Ej genomförda, Ej
påbörjade och inte rapporterade, och deras trafikljus (enligt plan, risk,
försenad); samma antal vid varje rapporteringstillfälle,
förbättringsområdena utan någon åtgärd, och de försenade åtgärderna.

--format xlsx (med -o FIL.xlsx) och --format html skriver rapporten till
nämnden: varje åtgärd med sin senaste status, kommentar och ansvarig,
grupperad per huvudområde eller, med --by nämnd, per nämnd/förvaltning,
antalen och listan över försenade åtgärder, på svenska, utskrivbar på A4.
Utan --format väljer en fil till -o som slutar på .xlsx, .html, .csv eller
.json formatet.

Läget tas vid det senaste rapporteringstillfället som har någon status;
varje åtgärd räknas med sin egen senaste status fram till det tillfället (en
status gäller tills ett senare tillfälle rapporterar en annan). En åtgärd är
försenad när dess Klart senast är före tillfällets datum och den inte är
Genomförd där. --per DATUM tar läget den dagen i stället: det senaste
rapporterade tillfället fram till DATUM, och åtgärder som skulle vara klara
före DATUM. Inget beror på dagens datum.

--year väljer utvärderingen vars plan följs upp; utan den den senaste
utvärderingen av kommunen som har en plan. Kolumnerna i CSV och nycklarna i
JSON beskrivs i docs/followup.md.`,
	},
	"instruments": {
		en: `List the instrument versions kompass knows: those built into the binary and
those in the instruments folder (--instruments), which win over built-in
ones with the same id and version.`,
		sv: `Lista de instrumentversioner kompass känner till: de som är inbyggda och de
i instrumentmappen (--instruments), som går före inbyggda med samma id och
version.`,
	},
	"instruments check": {
		en: `Check instrument TOML files strictly: unknown keys, wrong types, duplicate
ids, delfrågor outside their area, maxpoäng that do not add up or are not a
multiple of the step. Every problem names the file, the line and the key.`,
		sv: `Kontrollera instrumentfiler (TOML) strikt: okända nycklar, fel typer, id som
förekommer två gånger, delfrågor utanför sitt huvudområde, maxpoäng som inte
summerar eller inte är en multipel av steget. Varje problem anger filen,
raden och nyckeln.`,
	},
	"kompass": {
		en: `kompass works with Kommunkompassen evaluations: the instrument as TOML,
the evaluator's Excel workbook, checks and summaries of the scores, the
comparisons, the report, the åtgärdsplan and its follow-up.

'kompass serve' shows all of it on a page in the web browser. Started
without arguments outside a terminal (a double-click on kompass.exe), kompass
opens that page.`,
		sv: `kompass arbetar med utvärderingar enligt Kommunkompassen: instrumentet som
TOML, utvärderarens arbetsbok i Excel, kontroller och sammanställningar av
poängen, jämförelserna, rapporten, åtgärdsplanen och uppföljningen av den.

'kompass serve' visar allt detta på en sida i webbläsaren. Startat utan
argument utanför en terminal (ett dubbelklick på kompass.exe) öppnar kompass
den sidan.`,
	},
	"plan": {
		en: `Write the åtgärdsplan (action plan) workbook that follows an evaluation: one
row per förbättringsområde of the evaluation (its Ref such as 5.F2, the
area, the text, the area's score and maxpoäng), yellow input columns for
Åtgärd, Ansvarig, Nämnd/förvaltning, Prioritet, Klart senast, Indikator,
Målvärde and Koppling till mål, and per reporting occasion a Status
(Genomförd, Delvis genomförd, Pågår, Ej genomförd, Ej påbörjad) and a
Kommentar. Several åtgärder for one förbättringsområde are rows that repeat
its Ref. On Uppgifter, yellow cells for the plan's decision (Beslutsinstans,
Beslutsparagraf, Beslutsdatum) and the date of each occasion. All in
Swedish, protected like the template (no password), printed on A4.

The evaluation is found in DIR (default evaluations/) by --kommun and --year
(default: the latest). The reporting occasions are by default april,
augusti and årsredovisning of each year from the year after the evaluation
to two years after it; --until YEAR sets the last year, --occasions a
comma-separated list in the kommun's own words: months (april), tertial 1,
tertial 2, tertial 3 (or T1–T3, tertialrapport 1–3), delårsrapport,
delårsbokslut and årsredovisning, each every year and on the last day of
its period (a tertial on 30 April, 31 August and 31 December, delårsrapport
and delårsbokslut on 31 August, årsredovisning on 31 December), or a name
with its own date, once: "T1:2027-04-30,Delårsrapport:2027-08-31". The
columns are headed in those words: "Status Tertial 1 2027".

--from PREVIOUS-PLAN carries every åtgärd of the kommun's previous plan that
is not Genomförd at its latest reported occasion into the new plan, below
the new förbättringsområden: its Ref starts with the previous evaluation's
year (2005:2.F1) and its column Historik says how it was reported there.

The default output file is <kommun>-<year>-atgardsplan.xlsx in the current
folder; an existing file is never overwritten unless --force is given.
Keep the plan beside its evaluation (in DIR): 'kompass validate' checks it
against the evaluation there.`,
		sv: `Skriv arbetsboken med åtgärdsplanen som följer en utvärdering: en rad per
förbättringsområde i utvärderingen (dess Ref som 5.F2, området, texten,
områdets poäng och maxpoäng), gula kolumner att fylla i för Åtgärd,
Ansvarig, Nämnd/förvaltning, Prioritet, Klart senast, Indikator, Målvärde
och Koppling till mål, och per rapporteringstillfälle en Status (Genomförd,
Delvis genomförd, Pågår, Ej genomförd, Ej påbörjad) och en Kommentar. Flera
åtgärder för ett förbättringsområde är rader som upprepar dess Ref. På
Uppgifter finns gula celler för planens beslut (Beslutsinstans,
Beslutsparagraf, Beslutsdatum) och varje tillfälles datum. Allt på svenska,
skyddat som mallen (utan lösenord), utskrivet på A4.

Utvärderingen hittas i MAPP (standard evaluations/) med --kommun och --year
(standard: den senaste). Rapporteringstillfällena är som standard april,
augusti och årsredovisning varje år från året efter utvärderingen till två år
efter den; --until ÅR anger det sista året, --occasions en kommaseparerad
lista med kommunens egna ord: månader (april), tertial 1, tertial 2, tertial
3 (eller T1–T3, tertialrapport 1–3), delårsrapport, delårsbokslut och
årsredovisning, var och en varje år och på den sista dagen i sin period
(ett tertial den 30 april, 31 augusti och 31 december, delårsrapport och
delårsbokslut den 31 augusti, årsredovisning den 31 december), eller ett namn
med ett eget datum, en gång: "T1:2027-04-30,Delårsrapport:2027-08-31".
Kolumnerna får rubriker med de orden: "Status Tertial 1 2027".

--from FÖRRA-PLANEN för över varje åtgärd i kommunens förra plan som inte är
Genomförd vid dess senast rapporterade tillfälle till den nya planen, under
de nya förbättringsområdena: dess Ref börjar med den förra utvärderingens år
(2005:2.F1) och kolumnen Historik visar hur den rapporterades där.

Utdatafilen heter som standard <kommun>-<år>-atgardsplan.xlsx i den aktuella
mappen; en befintlig fil skrivs aldrig över utan --force. Lägg planen bredvid
sin utvärdering (i MAPP): 'kompass validate' kontrollerar den mot
utvärderingen där.`,
	},
	"report": {
		en: `Write the report of one kommun as a single HTML file in Swedish: the title
block, Sammanfattning av poäng over all years, spider charts (the latest year
against earlier years, and against the reference group if --group is given),
the change per area, each huvudområde with its delfrågor, styrkor and
förbättringsområden, the poängsammanställning and a note on method.

The file needs nothing else: the chart library is inside it and it makes no
network request. It prints on A4. --pdf also prints it to a PDF through a
headless browser: Chromium, Google Chrome or Microsoft Edge, found where
they are installed (or set KOMPASS_CHROMIUM to its path).

--all -o DIR writes one report per kommun, an index page (index.html) that
lists them with their latest total, and one shared copy of the chart library.

The default output is <kommun>-<year>.html in the current folder. An
existing file (a report, the PDF, or with --all any file of the folder) is
never replaced unless --force is given.

A report is only written of a finished evaluation: none of its workbooks
may have Status Utkast, a score still marked ATT DISKUTERA, or a text that
starts with the evaluators' names (as the consensus workbook leaves them
for the meeting). Otherwise report names each and exits 3; --utkast writes
the report anyway, marked UTKAST on every screen and printed page.`,
		sv: `Skriv rapporten för en kommun som en enda HTML-fil på svenska: titeln,
Sammanfattning av poäng över alla år, spindeldiagram (det senaste året mot
tidigare år, och mot referensgruppen om --group anges), förändringen per
område, varje huvudområde med sina delfrågor, styrkor och
förbättringsområden, poängsammanställningen och en not om metoden.

Filen behöver inget annat: diagrambiblioteket finns i den och den hämtar
inget från nätet. Den skrivs ut på A4. --pdf skriver också ut den till en PDF
med en webbläsare utan fönster: Chromium, Google Chrome eller Microsoft Edge,
som hittas där de är installerade (eller ange sökvägen i KOMPASS_CHROMIUM).

--all -o MAPP skriver en rapport per kommun, en indexsida (index.html) som
listar dem med deras senaste totalpoäng, och en gemensam kopia av
diagrambiblioteket.

Utdatafilen heter som standard <kommun>-<år>.html i den aktuella mappen. En
befintlig fil (en rapport, PDF:en, eller med --all vilken fil som helst i
mappen) ersätts aldrig utan --force.

En rapport skrivs bara av en färdig utvärdering: ingen av dess arbetsböcker
får ha Status Utkast, en poäng som fortfarande är markerad ATT DISKUTERA,
eller en text som börjar med utvärderarnas namn (som konsensusarbetsboken
lämnar dem till mötet). Annars nämner report var och en och avslutar med 3;
--utkast skriver rapporten ändå, märkt UTKAST på varje skärm och utskriven
sida.`,
	},
	"serve": {
		en: `Show the data folder DIR (default evaluations/ if there is one, else the
current folder) on a page in the web browser: every workbook with its
problems (sheet, cell, what is wrong) and its poängsammanställning, and
buttons for a new workbook, the report (HTML and PDF), the site of all
reports, the consensus of evaluators' workbooks, the åtgärdsplan and its
follow-up. Each button does what its command does, and writes into the data
folder: never over a workbook, and over another file only when you say yes.

The page is served by kompass on this computer only (127.0.0.1), at an
address with a secret part, and opens in the default browser. kompass stops
when the page is closed, or with Ctrl+C.

kompass started without arguments outside a terminal (a double-click on
kompass.exe) does the same.`,
		sv: `Visa datamappen MAPP (standard evaluations/ om den finns, annars den
aktuella mappen) på en sida i webbläsaren: varje arbetsbok med sina problem
(blad, cell, vad som är fel) och sin poängsammanställning, och knappar för
en ny arbetsbok, rapporten (HTML och PDF), webbplatsen med alla rapporter,
konsensus av bedömarnas arbetsböcker, åtgärdsplanen och uppföljningen av
den. Varje knapp gör det som dess kommando gör och skriver i datamappen:
aldrig över en arbetsbok, och över en annan fil bara när du svarar ja.

Sidan visas av kompass på den här datorn (127.0.0.1), på en adress med en
hemlig del, och öppnas i standardwebbläsaren. kompass avslutas när sidan
stängs, eller med Ctrl+C.

kompass startat utan argument utanför en terminal (ett dubbelklick på
kompass.exe) gör samma sak.`,
	},
	"summary": {
		en: `Print the poängsammanställning of one evaluation workbook: per huvudområde
and delfråga the maxpoäng and the score, the area totals and the total.
Sums are always computed from the parts. It works on a workbook that is
still being filled in: what is not scored is shown as "–" (null in JSON),
and the problems 'kompass validate' would report are printed to stderr as
warnings.

Text uses the decimal comma; CSV and JSON use a decimal point.`,
		sv: `Skriv ut poängsammanställningen för en utvärderings arbetsbok: per
huvudområde och delfråga maxpoäng och poäng, områdenas summor och totalen.
Summorna räknas alltid fram ur delarna. Det går på en arbetsbok som håller på
att fyllas i: det som inte är poängsatt visas som "–" (null i JSON), och de
problem som 'kompass validate' skulle visa skrivs som varningar på stderr.

Text har decimalkomma; CSV och JSON har decimalpunkt.`,
	},
	"template": {
		en: `Write the Excel workbook an evaluator fills in for one kommun and year:
facts (Uppgifter), one row per huvudområde and delfråga (Poäng), styrkor and
förbättringsområden, and instructions, all in Swedish. Poäng cells accept
only 0…maxpoäng in the instrument's step; sums are live formulas; all other
cells are locked (no password).

With --bedomare NAME the workbook is one evaluator's own bedömning (Avser =
bedömning, Bedömare = NAME): each evaluator fills in one, and 'kompass
consensus' brings them together. A bedömning is never counted as an
evaluation in compare, export or report.

The default output file is <kommun>-<year>.xlsx in the current folder
(<kommun>-<year>-<bedömare>.xlsx with --bedomare); an existing file is never
overwritten unless --force is given.`,
		sv: `Skriv arbetsboken i Excel som en utvärderare fyller i för en kommun och ett
år: uppgifter (Uppgifter), en rad per huvudområde och delfråga (Poäng),
styrkor och förbättringsområden, och instruktioner, allt på svenska.
Poängcellerna tar bara emot 0…maxpoäng i instrumentets steg; summorna är
formler; alla andra celler är låsta (utan lösenord).

Med --bedomare NAMN blir arbetsboken en utvärderares egen bedömning (Avser =
bedömning, Bedömare = NAMN): varje utvärderare fyller i en, och 'kompass
consensus' för samman dem. En bedömning räknas aldrig som en utvärdering i
compare, export eller report.

Utdatafilen heter som standard <kommun>-<år>.xlsx i den aktuella mappen
(<kommun>-<år>-<bedömare>.xlsx med --bedomare); en befintlig fil skrivs
aldrig över utan --force.`,
	},
	"text": {
		en: `The evaluators' text — the background, the summary and the assessment of
each huvudområde — lives on the workbook's sheets Bedömning and Tabeller.
'kompass text import' reads it from a Word document instead.`,
		sv: `Utvärderarnas text — bakgrunden, sammanfattningen och bedömningen av varje
huvudområde — står på arbetsbokens blad Bedömning och Tabeller.
'kompass text import' läser in den från ett Word-dokument i stället.`,
	},
	"text import": {
		en: `Read the evaluators' analysis from a Word document (.docx, from Word or
LibreOffice) and write it onto the sheets Bedömning and Tabeller of an
evaluation workbook, in place of the text they held; the scores, notes and
everything else of the workbook stay as they are.

A heading that names a part starts it: a huvudområde ("Område 5", "5 Kontroll
och rapportering" or the area's name), Sammanfattning or Bakgrund. Headings
below it become Rubrik rows, paragraphs Stycke rows (bold, italic, links and
lists in the text's markup), tables go onto Tabeller with a row Tabell where
they stood. Text that cannot be placed — before the first part, under a
heading that names none — is listed with its paragraph number, and the exit
code is 3; the workbook is still written.

The workbook given with --into is never changed unless --force is given
without -o: then it is replaced, once the new one is complete. With -o the
result is a new workbook (an existing file is replaced only with --force).
The rules are in docs/workbook.md.`,
		sv: `Läs in utvärderarnas analys från ett Word-dokument (.docx, från Word eller
LibreOffice) och skriv den på bladen Bedömning och Tabeller i en
utvärderings arbetsbok, i stället för den text som stod där; poängen,
styrkorna och förbättringsområdena och allt annat i arbetsboken står kvar.

En rubrik som namnger en del inleder den: ett huvudområde ("Område 5",
"5 Kontroll och rapportering" eller områdets namn), Sammanfattning eller
Bakgrund. Rubriker under den blir rader Rubrik, stycken rader Stycke (fet och
kursiv stil, länkar och listor i textens markering), och tabeller hamnar på
Tabeller med en rad Tabell där de stod. Text som inte går att placera — före
den första delen, under en rubrik som inte namnger någon — listas med sitt
styckenummer, och slutkoden är 3; arbetsboken skrivs ändå.

Arbetsboken som anges med --into ändras aldrig utan --force utan -o: då
ersätts den, när den nya är färdig. Med -o blir resultatet en ny arbetsbok
(en befintlig fil ersätts bara med --force). Reglerna står i
docs/workbook.md.`,
	},
	"validate": {
		en: `Check evaluation workbooks (.xlsx). A folder is searched for .xlsx files;
with no PATH, the folder evaluations/ is checked.

Every problem names the file, the sheet and cell, the id of the area or
delfråga, what was found and what was expected: scores above maxpoäng or
below 0, not in the instrument's step, not a number; ids the instrument does
not have or that appear twice; missing facts (kommun, år, instrument); an
unknown instrument or version; an area partly scored; a typed area or total
that disagrees with its parts; the same kommun and year in two files.

A workbook with a sheet Åtgärdsplan is an åtgärdsplan (kompass plan) and is
checked as one: every Ref a förbättringsområde of the evaluation it follows
(found among the workbooks checked, or in the plan's own folder), Klart
senast a date, each Status one of the list (docs/plan.md).

--format json prints a list of objects with the keys file, sheet, cell, id,
severity, message, found and expected.`,
		sv: `Kontrollera utvärderingarnas arbetsböcker (.xlsx). En mapp genomsöks efter
.xlsx-filer; utan SÖKVÄG kontrolleras mappen evaluations/.

Varje problem anger filen, bladet och cellen, id för huvudområdet eller
delfrågan, vad som stod och vad som väntades: poäng över maxpoäng eller under
0, utanför instrumentets steg, inte ett tal; id som instrumentet inte har
eller som förekommer två gånger; uppgifter som saknas (kommun, år,
instrument); ett okänt instrument eller en okänd version; ett huvudområde
som är delvis poängsatt; ett inskrivet huvudområde eller totalt som inte
stämmer med sina delar; samma kommun och år i två filer.

En arbetsbok med bladet Åtgärdsplan är en åtgärdsplan (kompass plan) och
kontrolleras som en sådan: varje Ref ett förbättringsområde i utvärderingen
den följer (bland de kontrollerade arbetsböckerna eller i planens egen
mapp), Klart senast ett datum, varje Status en ur listan (docs/plan.md).

--format json skriver en lista med objekt med nycklarna file, sheet, cell,
id, severity, message, found och expected.`,
	},
	"version": {
		en: `Print the version of kompass, the commit it was built from, when, and with
which Go for which system. A release build names its version (1.2.0); a
build of your own is "dev".`,
		sv: `Skriv ut vilken version av kompass det här är, vilken incheckning den är
byggd från, när, och med vilken Go för vilket system. En utgåva anger sin
version (1.2.0); en egen byggd version heter "dev".`,
	},
}

// Help returns the long help text of a command in the current language.
// An id without a text is a programming error: every command is built when
// kompass starts, so the first run of any test shows it.
func Help(id string) string {
	h, ok := helpTexts[id]
	if !ok {
		panic(fmt.Sprintf("msg: no help text for %q", id))
	}
	if Current() == Swedish {
		return h.sv
	}
	return h.en
}
