package programme

// The texts of the programme, all invented. Each styrka and
// förbättringsområde says it is an example.

// evaluatorNames are fictional evaluators.
var evaluatorNames = []string{
	"Anna Exempelsson", "Bertil Provlund", "Cecilia Testberg", "David Påhittsson",
	"Eva Låtsasdotter", "Fredrik Fiktivsson", "Greta Exempeldal", "Hugo Provström",
}

var strengths = []string{
	"Exempeltext: tydlig delegationsordning.",
	"Exempeltext: medborgarna får svar på synpunkter inom fem arbetsdagar.",
	"Exempeltext: resultat redovisas öppet på webbplatsen.",
	"Exempeltext: brukarundersökningar görs varje år och jämförs över tid.",
	"Exempeltext: de politiska målen följs upp i årsredovisningen.",
	"Exempeltext: alla chefer har årliga medarbetarsamtal.",
	"Exempeltext: systematiskt förbättringsarbete i verksamheterna.",
	"Exempeltext: väl utvecklad samverkan med föreningslivet.",
	"Exempeltext: kvalitetsdeklarationer för flera verksamheter.",
	"Exempeltext: tydlig ansvarsfördelning mellan nämnd och förvaltning.",
}

var improvements = []string{
	"Exempeltext: jämför resultaten med andra kommuners.",
	"Exempeltext: samla synpunkter och klagomål i ett system.",
	"Exempeltext: följ upp åtgärdsplanen i april och augusti.",
	"Exempeltext: gör handlingarna tillgängliga före sammanträdet.",
	"Exempeltext: koppla budgeten tydligare till målen.",
	"Exempeltext: erbjud fler e-tjänster för ansökningar.",
	"Exempeltext: följ upp sjukfrånvaron per enhet.",
	"Exempeltext: sprid goda exempel mellan förvaltningarna.",
	"Exempeltext: involvera medborgarna tidigare i planarbetet.",
	"Exempeltext: utvärdera ledarutvecklingsprogrammet.",
}
