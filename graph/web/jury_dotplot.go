package web

// dotPlot is the geometry of a dot plot: one row per criterion, a dot per
// juror's score on the criterion's scale (as percent of it), and the
// agreed score as a diamond.
type dotPlot struct {
	W, H, Left, Right float64
	Rows              []dotRow
	Ticks             []tick
}

type dotRow struct {
	Y      float64
	Label  string
	Dots   []plotDot
	Agreed *plotDot
}

type plotDot struct {
	X     float64
	Name  string
	Value float64
}

// DotPlot lays the application's scores out.
func (d *consensusData) DotPlot() *dotPlot {
	p := &dotPlot{W: 640, Left: 120, Right: 620}
	x := func(k criterion, v float64) float64 {
		if k.ScaleMax <= k.ScaleMin {
			return p.Left
		}
		return p.Left + (v-k.ScaleMin)/(k.ScaleMax-k.ScaleMin)*(p.Right-p.Left)
	}
	for i, c := range d.Cells {
		row := dotRow{Y: 30 + float64(i)*36, Label: c.Code}
		for _, s := range c.Scores {
			if s.Value != nil {
				row.Dots = append(row.Dots, plotDot{X: x(c.criterion, *s.Value), Name: s.Name, Value: *s.Value})
			}
		}
		if c.Agreed != nil {
			row.Agreed = &plotDot{X: x(c.criterion, c.Agreed.Value), Value: c.Agreed.Value}
		}
		p.Rows = append(p.Rows, row)
	}
	p.H = 30 + float64(len(d.Cells))*36 + 20
	for _, share := range []float64{0, 25, 50, 75, 100} {
		p.Ticks = append(p.Ticks, tick{Value: share, Pos: p.Left + share/100*(p.Right-p.Left)})
	}
	return p
}
