package plan

// Sheet names of the plan workbook, as the kommun sees them. A workbook is
// a plan when it has a sheet SheetPlan.
const (
	SheetInstructions = "Instruktioner"
	SheetFacts        = "Uppgifter"
	SheetPlan         = "Åtgärdsplan"
	// SheetImprovements lists the förbättringsområden the plan follows up
	// (and those carried over), locked: the Ref list and the lookups of
	// the Åtgärdsplan sheet read it.
	SheetImprovements = "Förbättringsområden"
)

// SheetOrder is the order of the sheets, for sorting problems.
var SheetOrder = []string{SheetInstructions, SheetFacts, SheetPlan, SheetImprovements}

// Kind is the Avser of a plan's Uppgifter sheet.
const Kind = "åtgärdsplan"

// The open part of Uppgifter: the plan's decision, and the table of the
// reporting occasions with their dates.
const (
	FactDecisionBody      = "Beslutsinstans"
	FactDecisionParagraph = "Beslutsparagraf"
	FactDecisionDate      = "Beslutsdatum"
	ColOccasion           = "Rapporteringstillfälle"
	ColOccasionDate       = "Datum"
)

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
	ColBoard       = "Nämnd/förvaltning"
	ColPriority    = "Prioritet"
	ColDue         = "Klart senast"
	ColIndicator   = "Indikator"
	ColTarget      = "Målvärde"
	ColGoal        = "Koppling till mål"
	// ColHistory holds, for an åtgärd carried over from an earlier plan,
	// its statuses there (kompass plan --from); kompass does not read it.
	ColHistory = "Historik"
	// An occasion has two columns: "Status April 2008", "Kommentar April 2008".
	ColStatus  = "Status"
	ColComment = "Kommentar"
)

// boardHeaders are the headers read as Nämnd/förvaltning.
var boardHeaders = []string{ColBoard, "Nämnd / förvaltning", "Nämnd", "Förvaltning", "Nämnd eller förvaltning"}
