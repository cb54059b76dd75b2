package msg

// Output paths: what may be written (internal/atomicfile target checks,
// internal/cli writeOutput).
func init() {
	register(map[string]string{
		"%s is a folder, not a file to write":                                                      "%s är en mapp, inte en fil att skriva",
		"%s is not a regular file (a device, a pipe or a socket); kompass only writes files":       "%s är ingen vanlig fil (en enhet, en pipe eller en socket); kompass skriver bara filer",
		"%s is one of the files this command reads; kompass never writes over its input":           "%s är en av filerna som kommandot läser; kompass skriver aldrig över det som läses in",
		"%s is the same file as %s, which this command reads; kompass never writes over its input": "%s är samma fil som %s, som kommandot läser; kompass skriver aldrig över det som läses in",
		"choose another output file with -o (or --pdf)":                                            "välj en annan fil att skriva med -o (eller --pdf)",
		"-o -: this output cannot go to standard output; give a file name":                         "-o -: det här kan inte skrivas till standard ut; ange ett filnamn",
		"--pdf -: a PDF is not written to standard output; give a file name":                       "--pdf -: en PDF skrivs inte till standard ut; ange ett filnamn",
		"-o %s: --all writes a folder of reports, and %s is a file":                                "-o %s: --all skriver en mapp med rapporter, och %s är en fil",
	})
}
