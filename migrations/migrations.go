// Package migrations holds the numbered SQL migrations, embedded into the
// binary. Files are applied in lexical order (001_…, 002_…), forward only.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
