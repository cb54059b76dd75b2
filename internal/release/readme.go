package release

import (
	"strings"
	"text/template"
)

// Readme is the Swedish LÄSMIG.txt of a target's archive: what kompass is,
// where to unpack it, how to start the page, and the first commands. On
// Windows it has CRLF line ends and a byte order mark, so that every
// Notepad shows å, ä, ö.
func Readme(t Target, version string) []byte {
	var b strings.Builder
	err := readme.Execute(&b, struct {
		Version, System, Exe, Run, Folder, Sep string
		Windows, Mac                           bool
	}{
		Version: version, System: systems[t.GOOS] + " (" + t.GOARCH + ")", Exe: binaryName(t),
		Run:     map[bool]string{true: "kompass", false: "./kompass"}[t.GOOS == "windows"],
		Folder:  "kompass-" + version + "-" + t.String(),
		Sep:     map[bool]string{true: `\`, false: "/"}[t.GOOS == "windows"],
		Windows: t.GOOS == "windows", Mac: t.GOOS == "darwin",
	})
	if err != nil {
		panic(err) // the template is ours
	}
	s := b.String()
	if t.GOOS == "windows" {
		return []byte("\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n"))
	}
	return []byte(s)
}

var systems = map[string]string{"windows": "Windows", "darwin": "macOS", "linux": "Linux"}

// ReadmeCommands are the commands LÄSMIG.txt tells a new user to run
// first, as they are written there (after "kompass"); the test of the
// archive runs them.
var ReadmeCommands = [][]string{
	{"validate"},
	{"template", "--instrument", "kommunkompassen@2007", "--kommun", "Exempelkommun A", "--year", "2025"},
	{"report", "--kommun", "Umeå"},
}

var readme = template.Must(template.New("LÄSMIG").Parse(`kompass {{.Version}} för {{.System}}

kompass är ett verktyg för utvärderingar med Kommunkompassen: arbetsboken i
Excel som utvärderarna fyller i, kontroller av poängen med meddelanden som
pekar ut blad och cell, poängsammanställningen, jämförelser över åren och med
andra kommuner, rapporten som HTML och PDF, konsensus mellan utvärderarna,
åtgärdsplanen och uppföljningen av den. Allt på svenska, och inget hämtas från
nätet.


I MAPPEN
  {{printf "%-16s" .Exe}}programmet
  LÄSMIG.txt      den här filen
  evaluations{{.Sep}}    exempel: publicerade resultat för Umeå, Örebro och
                  Vallentuna, riksgenomsnittet 2021, och den påhittade
                  Exempelkommun med hela sin text och sin åtgärdsplan
  licenser{{.Sep}}       licenserna för det som finns inbyggt i programmet


KOM IGÅNG
{{- if .Windows}}
1. Packa upp hela zip-filen till en egen mapp, till exempel
   Dokument\kompass: högerklicka på zip-filen, välj "Extrahera alla" och
   sedan "Extrahera". Starta inte kompass inifrån zip-filen.
2. Dubbelklicka på kompass.exe i den uppackade mappen. Ett fönster öppnas,
   och webbläsaren visar en sida med arbetsböckerna i mappen evaluations.
   Låt fönstret vara öppet medan du arbetar; kompass avslutas när du stänger
   sidan.
   Första gången kan Windows säga "Windows skyddade datorn": välj
   "Mer information" och sedan "Kör ändå".
{{- else if .Mac}}
1. Dubbelklicka på den hämtade filen (.tar.gz). Finder packar upp den till
   mappen {{.Folder}}; flytta den dit du vill ha den, till
   exempel till Dokument.
2. Öppna Terminal (Program > Verktygsprogram), skriv cd och ett mellanslag,
   dra mappen till Terminal-fönstret och tryck Retur. Första gången: kompass
   är inte signerat, så macOS stoppar det; tillåt det med
       xattr -d com.apple.quarantine kompass
   Skriv sedan
       ./kompass serve
   Webbläsaren visar en sida med arbetsböckerna i mappen evaluations. Låt
   Terminal vara öppen medan du arbetar; kompass avslutas när du stänger
   sidan (eller med Ctrl+C).
{{- else}}
1. Packa upp arkivet där du vill ha kompass, till exempel i hemmappen:
       tar xzf {{.Folder}}.tar.gz
       cd {{.Folder}}
2. Starta sidan:
       ./kompass serve
   Webbläsaren visar en sida med arbetsböckerna i mappen evaluations.
   kompass avslutas när du stänger sidan (eller med Ctrl+C).
{{- end}}
3. Lägg era egna arbetsböcker i mappen evaluations, eller skapa nya på sidan
   under "Ny arbetsbok". Öppna och fyll i dem i Excel eller LibreOffice
   direkt i mappen, och välj "Uppdatera" på sidan för att se dem kontrolleras.
   På sidan finns knapparna för rapporten (HTML och PDF), webbplatsen med alla
   rapporter, konsensus mellan utvärderarnas arbetsböcker, åtgärdsplanen och
   uppföljningen. Allt som skapas sparas i mappen evaluations.


DE FÖRSTA KOMMANDONA
Allt som sidan gör går också att göra med kommandon i en terminal{{if .Windows}}
(öppna mappen i Utforskaren, skriv cmd i adressfältet och tryck Enter; i
PowerShell skriver du .\kompass i stället för kompass){{end}}:

  {{.Run}} validate
      kontrollerar arbetsböckerna i mappen evaluations och pekar ut varje fel
      med blad och cell
  {{.Run}} template --instrument kommunkompassen@2007 --kommun "Exempelkommun A" --year 2025
      skapar arbetsboken exempelkommun-a-2025.xlsx att fylla i
  {{.Run}} report --kommun Umeå
      skriver rapporten umeå-2007.html, som öppnas i webbläsaren

  {{.Run}} serve          visar sidan i webbläsaren
  {{.Run}} --help         alla kommandon, på svenska ({{.Run}} --lang en --help på engelska)
  {{.Run}} version        vilken version det här är


RAPPORTEN SOM PDF
{{- if .Windows}}
Knappen "Rapport som PDF" (och report --pdf) skriver ut rapporten med
Microsoft Edge, som finns i Windows, eller Google Chrome.
{{- else if .Mac}}
Knappen "Rapport som PDF" (och report --pdf) skriver ut rapporten med Google
Chrome eller Microsoft Edge i mappen Program; installera en av dem om ingen
finns.
{{- else}}
Knappen "Rapport som PDF" (och report --pdf) skriver ut rapporten med Chromium
eller Google Chrome (Debian och Ubuntu: sudo apt-get install chromium).
{{- end}}
En webbläsare på annan plats anges med miljövariabeln KOMPASS_CHROMIUM.


LICENSER
kompass innehåller Go och Go-moduler med öppen källkod, och ritar rapportens
diagram med Apache ECharts; deras licenser finns i mappen licenser.
`))
