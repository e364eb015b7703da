package content

import (
	"testing"

	"zerosum/game"
)

// No covert action raises Strait tension or Beijing's grievance, in any
// embedded scenario: the blame accounts behind a crisis are shown to every
// player during the game (who is pushing the Strait), and a secret push
// would show up in them.
func TestCovertActionsLeaveNoTraceInTheBlame(t *testing.T) {
	for _, id := range ScenarioIDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		sc := p.Scenario
		cn := sc.RoleActor(game.RoleChinaGov)
		for _, a := range sc.Actions {
			if !a.Covert {
				continue
			}
			for _, e := range a.Effects {
				r := e.Target
				raises := e.Add > 0 && ((r.Kind == game.RefTrack && r.Track == game.TrackTension) ||
					(r.Kind == game.RefStat && r.Stat == game.StatGrievance && r.Actor == cn))
				if raises {
					t.Errorf("%s: the covert %s raises %s, which the blame accounts would show", id, a.ID, sc.Format(r))
				}
			}
		}
	}
}
