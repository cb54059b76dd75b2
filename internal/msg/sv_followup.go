package msg

// The follow-up of an åtgärdsplan (kompass follow-up): its text output and
// its errors. Statuses (Genomförd, Delvis genomförd, …) and Klart senast
// are the workbook's words and stay Swedish in both languages.
func init() {
	register(map[string]string{
		"not reported": "ej rapporterad",
		"Not reported": "Ej rapporterad",
		"Follow-up of the åtgärdsplan of %s %d (%s@%s)\n":           "Uppföljning av åtgärdsplanen för %s %d (%s@%s)\n",
		"Standing on %s: no status reported up to that date\n":      "Läget per %s: ingen status rapporterad fram till den dagen\n",
		"No status reported yet\n":                                  "Ingen status rapporterad ännu\n",
		"Standing on %s: the latest reported occasion is %s (%s)\n": "Läget per %s: senast rapporterade tillfälle är %s (%s)\n",
		"Standing at %s (%s), the latest reported occasion\n":       "Läget vid %s (%s), det senast rapporterade tillfället\n",
		"\n%d of %d åtgärder have their status from an earlier occasion: a status stands until a later occasion reports another.\n": "\n%d av %d åtgärder har sin status från ett tidigare tillfälle: en status gäller tills ett senare tillfälle anger en annan.\n",
		"\nOver time, all huvudområden:\n": "\nÖver tid, alla huvudområden:\n",
		"Occasion":                         "Tillfälle",
		"Date":                             "Datum",
		"Reported":                         "Rapporterade",
		"\nOccasions due by %s with nothing reported: %s\n":                    "\nTillfällen fram till %s utan någon rapporterad status: %s\n",
		"\nFörbättringsområden without any åtgärd (%d):\n":                     "\nFörbättringsområden utan åtgärd (%d):\n",
		"\nNo overdue åtgärder (Klart senast before %s and not Genomförd).\n":  "\nInga försenade åtgärder (Klart senast före %s och inte Genomförd).\n",
		"\nOverdue åtgärder, Klart senast before %s and not Genomförd (%d):\n": "\nFörsenade åtgärder, Klart senast före %s och inte Genomförd (%d):\n",
		"- %s %s\n  Ansvarig %s, Klart senast %s, %s, row %d\n":                "- %s %s\n  Ansvarig %s, Klart senast %s, %s, rad %d\n",

		"give the data folder once: as DIR or with --data":                                        "ange datamappen en gång: som DIR eller med --data",
		"--per %q: expected a date as YYYY-MM-DD, e.g. 2008-09-30":                                "--per %q: ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2008-09-30",
		"wrote %s (follow-up of %s %d)\n":                                                         "skrev %s (uppföljning av %s %d)\n",
		"%s %d has no åtgärdsplan in %s":                                                          "%s %d har ingen åtgärdsplan i %s",
		"no evaluation of %s in %s has an åtgärdsplan":                                            "ingen utvärdering av %s i %s har någon åtgärdsplan",
		"write one with 'kompass plan --kommun %s --year %d', have it filled in and put it in %s": "skriv en med 'kompass plan --kommun %s --year %d', låt kommunen fylla i den och lägg den i %s",
		"the åtgärdsplan %s of %s %d has problems, so it cannot be followed up":                   "åtgärdsplanen %s för %s %d har problem och kan inte följas upp",
		"fix the problems 'kompass validate %s' lists":                                            "rätta problemen som 'kompass validate %s' visar",
		"\nTraffic lights at the standing: %s\n":                                                  "\nTrafikljus vid läget: %s\n",
		"--format xlsx writes a workbook: give its file name with -o, e.g. -o uppfoljning.xlsx":   "--format xlsx skriver en arbetsbok: ange dess filnamn med -o, till exempel -o uppfoljning.xlsx",
		"--by %q: expected område or nämnd":                                                       "--by %q: ange område eller nämnd",
	})
}
