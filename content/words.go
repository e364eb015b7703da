package content

import (
	"zerosum/game"
	"zerosum/text"
)

// engineWords are the engine's phrases (game.Words) in the interface's
// language; in English they are game.English, which a test checks.
func engineWords() *game.Words {
	return &game.Words{
		Over:      text.T("the game is over"),
		Twice:     text.T("%s is already in this turn's orders"),
		Once:      text.T("%s can be taken only once (it was, in %s)"),
		Cooldown:  text.T("%s can be taken again from %s"),
		Needs:     text.T("needs %s (now %d)"),
		Happened:  text.T("already happened: %s"),
		Done:      text.T("already done: %s (%s)"),
		AP:        [2]string{text.T("needs %d action point; %d of %d left"), text.T("needs %d action points; %d of %d left")},
		Capital:   text.T("costs %d capital; %d left"),
		Banned:    text.T("%s is not available in this game"),
		With:      text.T("not with %s in this turn's orders"),
		NotTaken:  text.T("%s has not been taken"),
		Taken:     text.T("%s has been taken"),
		NotFired:  text.T("“%s” has not happened"),
		Fired:     text.T("“%s” has happened"),
		Condition: text.T("%s %s %d"),

		OwnStat:       text.T("own %s"),
		ActorStat:     text.T("%s %s"),
		TargetState:   text.T("target state"),
		EveryState:    text.T("every swing state"),
		Tier2States:   text.T("tier-2 states"),
		Sovereign:     text.T("%s sovereign AI"),
		Alignment:     text.T("%s alignment"),
		Gap:           text.T("US-China capability gap"),
		Turn:          text.T("turn"),
		USBloc:        text.T("states in the US bloc"),
		ChinaBloc:     text.T("states in the China bloc"),
		NonAligned:    text.T("non-aligned states"),
		TimesTaken:    text.T("times %s was taken"),
		LastTurn:      text.T("%s last turn"),
		EventHappened: text.T("%s has happened"),
		Half:          [2]string{text.T("H1 %d"), text.T("H2 %d")},
	}
}
