package plan

// Sheet names of the plan workbook, as the kommun sees them. A workbook is
// a plan when it has a sheet SheetPlan.
const (
	SheetInstructions = "Instruktioner"
	SheetFacts        = "Uppgifter"
	SheetPlan         = "Åtgärdsplan"
)

// SheetOrder is the order of the sheets, for sorting problems.
var SheetOrder = []string{SheetInstructions, SheetFacts, SheetPlan}

// Kind is the Avser of a plan's Uppgifter sheet.
const Kind = "åtgärdsplan"

// Column headers of the Åtgärdsplan sheet. The reader finds columns by
// these names; Ref is required.
const (
	ColRef         = "Ref"
	ColArea        = "Område"
	ColText        = "Förbättringsområde"
	ColScore       = "Poäng"
	ColMax         = "Maxpoäng"
	ColAction      = "Åtgärd"
	ColResponsible = "Ansvarig"
	ColDue         = "Klart senast"
	ColGoal        = "Koppling till mål"
	// An occasion has two columns: "Status April 2008", "Kommentar April 2008".
	ColStatus  = "Status"
	ColComment = "Kommentar"
)
