package serve

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game/bot"
)

// BenchmarkResolveTurn is how long the table takes to resolve the first
// turn of the full game once its one player submits: the bots of the
// other seven seats choose, under the table's lock, then the turn is
// resolved and every screen's copy made.
func BenchmarkResolveTurn(b *testing.B) {
	p, err := content.Load("race2025")
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range []bot.Difficulty{bot.Normal, bot.Hard} {
		b.Run(d.String(), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				table, err := NewTable(p, 1, d, nil)
				if err != nil {
					b.Fatal(err)
				}
				c := newClient(func(tea.Msg) {})
				if _, err := table.join("Ana", 0, c); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				table.submit(0, c, nil)
				b.StopTimer()
				if table.Turns() != 1 {
					b.Fatal("the turn did not resolve")
				}
				c.stop()
				b.StartTimer()
			}
		})
	}
}
