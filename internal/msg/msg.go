// Package msg is kompass's message catalogue: every message a user reads —
// problems in a workbook or instrument file, warnings, errors and hints —
// is written in the code as an English format string (the key) and shown
// in Swedish by default, from the translations registered in this package
// (sv_*.go, one file per part of the program). English is shown with
// --lang en, or when the environment's locale is English.
//
// The rules: call Sprintf, Errorf or T with a string literal, so that the
// catalogue test can find every key; a Swedish translation takes the same
// verbs (reordered with %[n]s where Swedish word order needs it); domain
// words stay Swedish in both languages (huvudområde, delfråga, Poäng,
// maxpoäng). Numbers are formatted by the caller (points.P.Swedish), never
// by locale rules, so that a year stays "2007".
package msg

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
)

// Lang is a language messages are shown in.
type Lang string

// The languages.
const (
	Swedish Lang = "sv"
	English Lang = "en"
)

var current atomic.Value // Lang

func init() { current.Store(Swedish) }

// SetLanguage chooses the language of every message from now on.
func SetLanguage(l Lang) { current.Store(l) }

// Current is the language messages are shown in.
func Current() Lang { return current.Load().(Lang) }

// ParseLang reads a --lang value: "sv" or "en" (and "svenska", "english",
// any case, or a locale such as "en_GB.UTF-8").
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "sv" || s == "svenska" || strings.HasPrefix(s, "sv_") || strings.HasPrefix(s, "sv-"):
		return Swedish, true
	case s == "en" || s == "english" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-"):
		return English, true
	}
	return "", false
}

// FromEnv is the language the environment asks for: the first of
// LC_ALL, LC_MESSAGES and LANG that is set; English only when that locale
// is English, Swedish otherwise (C, POSIX, Swedish or any other).
func FromEnv(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			if l, ok := ParseLang(s); ok && l == English {
				return English
			}
			return Swedish
		}
	}
	return Swedish
}

// swedish maps an English key to its Swedish translation.
var swedish = map[string]string{}

// register adds translations; a key registered twice is a programming
// error, reported at start-up.
func register(m map[string]string) {
	for k, v := range m {
		if _, dup := swedish[k]; dup {
			panic("msg: key registered twice: " + strconv.Quote(k))
		}
		swedish[k] = v
	}
}

// T translates a fixed text.
func T(key string) string {
	if Current() == Swedish {
		if s, ok := swedish[key]; ok {
			return s
		}
	}
	return key
}

// Sprintf formats a message in the current language.
func Sprintf(key string, args ...any) string { return fmt.Sprintf(T(key), args...) }

// Errorf is fmt.Errorf in the current language (%w wraps as usual).
func Errorf(key string, args ...any) error { return fmt.Errorf(T(key), args...) }

// New is errors.New for a sentinel error, one that callers test for with
// errors.Is: its text is a key, translated each time the error is shown,
// since a sentinel is made before the language is chosen.
func New(key string) error { return &sentinel{key} }

type sentinel struct{ key string }

func (e *sentinel) Error() string { return T(e.key) }

// Plural picks the form of a noun for a count, translated: Plural(1,
// "workbook", "workbooks").
func Plural(n int, one, many string) string {
	if n == 1 {
		return T(one)
	}
	return T(many)
}

// Count is "n noun" with the noun in the form the count needs: "1 problem",
// "3 delfrågor".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}

// Counted is Count without translation, for the Swedish outputs (summary,
// compare, report), which are Swedish in every language.
func Counted(n int, one, many string) string {
	if n == 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
