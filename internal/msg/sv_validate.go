package msg

// Checking an evaluation (internal/validate): facts, instrument, scores,
// notes, the same kommun twice, and validate's text output.
func init() {
	register(map[string]string{
		// The text output.
		"%s: ok\n":                 "%s: ok\n",
		" (found %s; expected %s)": " (står: %s; ska vara: %s)",
		"\n%s checked: %d ok, %d with problems (%s, %s)\n": "\nKontrollerade %s: %d ok, %d med problem (%s, %s)\n",

		// Facts and instrument.
		"the kommun's name":                                       "kommunens namn",
		"an instrument id such as kommunkompassen":                "ett instrument-id, till exempel kommunkompassen",
		"an instrument version such as 2007":                      "en instrumentversion, till exempel 2007",
		"%s is empty":                                             "%s saknar värde",
		"no row labelled %s in column A":                          "ingen rad med %s i kolumn A",
		"unknown version %q of instrument %s; known versions: %s": "okänd version %q av instrumentet %s; kända versioner: %s",
		"unknown instrument %q; known: %s (or add its TOML file to the instruments folder)": "okänt instrument %q; kända: %s (eller lägg dess TOML-fil i mappen instruments)",
		"one of %s": "en av %s",
		"the sheet Poäng has the rows of %s version %s, not of version %s (%d ids differ); correct Version, or make the workbook again with kompass template": "bladet Poäng har raderna för %s version %s, inte för version %s (%d id skiljer sig); rätta Version, eller skapa arbetsboken på nytt med kompass template",

		// Scores.
		"the total":                                                     "totalen",
		"huvudområde %s":                                                "huvudområde %s",
		"delfråga %s":                                                   "delfråga %s",
		"id %q is not in the instrument %s":                             "id %q finns inte i instrumentet %s",
		"an id of %s":                                                   "ett id i %s",
		"0–%s in steps of %s":                                           "0–%s i steg om %s",
		"Poäng %s for %s is below 0":                                    "Poäng %s för %s är under 0",
		"Poäng %s for %s is above its maxpoäng %s":                      "Poäng %s för %s är över maxpoäng %s",
		"Poäng %s for %s is not a multiple of the step %s":              "Poäng %s för %s går inte i steg om %s",
		"the row for %s is missing from the sheet":                      "raden för %s saknas på bladet",
		"the TOTAL row is missing from the sheet":                       "raden TOTAL saknas på bladet",
		"a row with ID %s":                                              "en rad med ID %s",
		"huvudområde %s is partly scored: %s not scored":                "huvudområde %s är delvis poängsatt: %s saknar poäng",
		"%d of %d delfrågor scored":                                     "%d av %d delfrågor poängsatta",
		"all delfrågor scored, or none":                                 "alla delfrågor poängsatta, eller ingen",
		"huvudområde %s is stated as %s but its delfrågor add up to %s": "huvudområde %s anges till %s, men delfrågorna summerar till %s",
		"huvudområde %s is not scored":                                  "huvudområde %s är inte poängsatt",
		"scores for its delfrågor, or the area total":                   "poäng för delfrågorna, eller huvudområdets summa",
		"the area total":                                                "huvudområdets summa",
		"the evaluation mixes full scoring (delfrågor) and area-level scoring": "utvärderingen blandar poäng per delfråga och poäng per huvudområde",
		"some areas scored by delfrågor, others only by area total":            "vissa huvudområden har poäng per delfråga, andra bara en summa",
		"one level throughout": "samma nivå i hela utvärderingen",
		"the total is stated as %s but the huvudområden add up to %s": "totalen anges till %s, men huvudområdena summerar till %s",

		// Styrkor och förbättringsområden, and the set.
		"%s belongs to area %q, which the instrument %s does not have": "%s hör till huvudområde %q, som instrumentet %s inte har",
		"an area id of %s":                 "ett huvudområde i %s",
		"one workbook per kommun and year": "en arbetsbok per kommun och år",
	})
}
