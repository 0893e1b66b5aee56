package assign_test

import (
	"fmt"

	"github.com/leanforum/awards/reports/assign"
)

func ExampleAssign() {
	plan, err := assign.Assign(assign.Input{
		Applications:   []string{"app-1", "app-2", "app-3"},
		Jurors:         []string{"ada", "bo", "cy"},
		PerApplication: 2,
		Conflicts:      []assign.Pair{{Juror: "ada", Application: "app-1"}},
		Fixed:          []assign.Pair{{Juror: "cy", Application: "app-3"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range plan.Pairs {
		fmt.Println(p.Application, p.Juror)
	}
	fmt.Println(plan.Load)
	// Output:
	// app-1 bo
	// app-1 cy
	// app-2 ada
	// app-2 bo
	// app-3 ada
	// map[ada:2 bo:2 cy:2]
}
