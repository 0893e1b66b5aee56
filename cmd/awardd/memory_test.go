package main

import (
	"runtime/debug"
	"testing"
)

func TestParseBytes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"512MiB", 512 << 20, true},
		{"2GiB", 2 << 30, true},
		{"1000", 1000, true},
		{"64KiB", 64 << 10, true},
		{"off", 1<<63 - 1, true},
		{"", 0, false},
		{"-1MiB", 0, false},
		{"1.5GiB", 0, false},
		{"512MB", 0, false},
		{"9999999TiB", 0, false},
	} {
		got, err := parseBytes(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestMemoryPolicy(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	m, _ := newMain("", "")
	gogc, limit, err := m.setMemoryPolicy("256MiB")
	if err != nil || gogc != defaultGOGC || limit != 256<<20 || debug.SetMemoryLimit(-1) != 256<<20 {
		t.Errorf("setMemoryPolicy(256MiB) = %d, %d, %v", gogc, limit, err)
	}
	if got := debug.SetGCPercent(defaultGOGC); got != defaultGOGC {
		t.Errorf("GOGC = %d, want %d", got, defaultGOGC)
	}
	if _, _, err := m.setMemoryPolicy("lots"); err == nil {
		t.Error("setMemoryPolicy(lots) gave no error")
	}
	env := map[string]string{"GOGC": "150", "GOMEMLIMIT": "1GiB"}
	m.Getenv = func(k string) string { return env[k] }
	debug.SetGCPercent(150)
	if gogc, _, err := m.setMemoryPolicy("256MiB"); err != nil || gogc != 150 || debug.SetGCPercent(150) != 150 {
		t.Errorf("with GOGC=150 in the environment: gogc %d, %v", gogc, err)
	}
}
