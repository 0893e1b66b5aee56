package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestMakeRunBindsLoopback reads what make run would run (make -n) and
// wants the demo server on 127.0.0.1 unless ADDR or PORT says otherwise:
// it serves published demo passwords with -dev.
func TestMakeRunBindsLoopback(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make not found")
	}
	tests := []struct {
		name string
		vars []string
		want string
	}{
		{"default", nil, "serve -addr 127.0.0.1:8080 -dev"},
		{"another port", []string{"PORT=9090"}, "serve -addr 127.0.0.1:9090 -dev"},
		{"an explicit address", []string{"ADDR=0.0.0.0:8081"}, "serve -addr 0.0.0.0:8081 -dev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command("make", append([]string{"-n", "-C", "../..", "run"}, tt.vars...)...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("make -n run: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("make -n run %v runs\n%s\nwant it to contain %q", tt.vars, out, tt.want)
			}
		})
	}
}
