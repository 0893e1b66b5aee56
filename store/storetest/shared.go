package storetest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedData returns the path of name inside ../shared/data, the data
// folder beside the project root (such as "kolada/kpi.json"), or skips
// the test when it is not there. The files are read in place, never
// copied into the project.
func SharedData(tb testing.TB, name string) string {
	tb.Helper()
	root, err := projectRoot()
	if err != nil {
		tb.Skipf("shared data: %v", err)
	}
	p := filepath.Join(root, "..", "shared", "data", filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data file %s is absent (%v); tests that import real Kolada files need ../shared/data", p, err)
	}
	return p
}

// projectRoot is the nearest directory above the working directory that
// holds go.mod.
func projectRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
