// Package instruments embeds the instrument definitions shipped with kompass
// (the *.toml files in this folder), so the binary works from any directory.
// The files themselves are the documentation of each version: see
// docs/instruments.md for the schema.
package instruments

import "embed"

// FS holds every *.toml file of this folder.
//
//go:embed *.toml
var FS embed.FS
