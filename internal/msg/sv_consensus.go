package msg

// Several evaluators, one consensus (issue 13): the evaluator's own
// workbook (Avser = bedömning, Bedömare), kompass consensus, and the note on
// the evaluators' agreement in the report.
func init() {
	register(map[string]string{
		// internal/validate: the facts of a bedömning
		"a row Bedömare with the evaluator's name":                                     "en rad Bedömare med bedömarens namn",
		"Avser is bedömning, but there is no row labelled %s in column A to say whose": "Avser är bedömning, men det finns ingen rad med etiketten %s i kolumn A som säger vems",
		"the evaluator's name":                         "bedömarens namn",
		"%s is empty; a bedömning names its evaluator": "%s är tom; en bedömning anger sin bedömare",
		`Avser "bedömning", or no Bedömare`:            `Avser "bedömning", eller ingen Bedömare`,
		"Bedömare is given but Avser is %s, so the workbook counts as the evaluation itself, not as one evaluator's bedömning": "Bedömare är ifylld men Avser är %s, så arbetsboken räknas som själva utvärderingen, inte som en bedömares bedömning",
		"one workbook per evaluator, kommun and year": "en arbetsbok per bedömare, kommun och år",

		// kompass template --bedomare
		"--bedomare is empty":                     "--bedomare är tom",
		"wrote %s (%s %d, %s, bedömning by %s)\n": "skrev %s (%s %d, %s, bedömning av %s)\n",
		"%s, bedömning by %s":                     "%s, bedömning av %s",

		// internal/consensus: workbooks that do not make one consensus
		"correct it; 'kompass validate %s' lists its problems":                                                                            "rätta den; 'kompass validate %s' listar problemen",
		"a consensus needs the workbooks of at least two evaluators, not %d":                                                              "en konsensus behöver minst två bedömares arbetsböcker, inte %d",
		"not an evaluator's own workbook: Avser is %s, not bedömning":                                                                     "inte en bedömares egen arbetsbok: Avser är %s, inte bedömning",
		"give the evaluators' own workbooks (Avser = bedömning, made with 'kompass template --bedomare NAME'), not the evaluation itself": "ange bedömarnas egna arbetsböcker (Avser = bedömning, gjorda med 'kompass template --bedomare NAMN'), inte själva utvärderingen",
		"the workbook has problems":  "arbetsboken har problem",
		"%s is %s here but %s in %s": "%s är %s här men %s i %s",
		"the evaluators' workbooks of one consensus are of the same kommun, year and instrument version": "bedömarnas arbetsböcker till en konsensus gäller samma kommun, år och instrumentversion",
		"Bedömare %s is the evaluator of %s too":                                                         "Bedömare %s är bedömare i %s också",
		"give each evaluator's workbook once":                                                            "ange varje bedömares arbetsbok en gång",

		// kompass consensus
		"consensus takes the workbooks of two or more evaluators, not %d": "consensus tar två eller fler bedömares arbetsböcker, inte %d",
		"%s is given twice": "%s anges två gånger",
		"--threshold %q: expected a number of points above 0, such as 2,5":        "--threshold %q: ange ett antal poäng över 0, till exempel 2,5",
		"%s: the workbook has problems; every evaluator's workbook must validate": "%s: arbetsboken har problem; varje bedömares arbetsbok måste vara giltig",
		"\nwrote %s (%s %d: %s, %d to discuss)\n":                                 "\nskrev %s (%s %d: %s, %d att diskutera)\n",
		"evaluator":  "bedömare",
		"evaluators": "bedömare",

		// kompass report --samstammighet
		"--samstammighet: %s holds no two evaluators' own workbooks of %s %d, so the report has no note on their agreement": "--samstammighet: %s har inte två bedömares egna arbetsböcker av %s %d, så rapporten får ingen anteckning om deras samstämmighet",
	})
}
