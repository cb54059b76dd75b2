// Package msg holds what kompass's messages share: the wording rules of
// counted nouns (plural) and, as the catalogue grows, the messages
// themselves.
package msg

import "strconv"

// Plural picks the form of a noun for a count: Plural(1, "fil", "filer").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is "n noun" with the noun in the form the count needs: "1 problem",
// "3 delfrågor".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}
