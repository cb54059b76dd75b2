package msg

// Comparisons: what cannot be compared. The comparisons themselves (text
// tables, boundaries between versions) are Swedish in every language.
func init() {
	register(map[string]string{
		"cannot compare %s (%s) with %s (%s%s): the instrument versions differ and neither declares how their huvudområden correspond, so the comparison would mix different questions": "kan inte jämföra %s (%s) med %s (%s%s): instrumentversionerna skiljer sig åt och ingen av dem anger hur huvudområdena motsvarar varandra, så jämförelsen skulle blanda olika frågor",
		"in the group %q":           "i gruppen %q",
		"no evaluations to compare": "inga utvärderingar att jämföra",
	})
}
