package main

import (
	"bytes"
	"testing"

	"zerosum/content"
	"zerosum/game"
	"zerosum/game/bot"
	"zerosum/game/match"
	"zerosum/game/sim"
	"zerosum/saves"
	"zerosum/text"
)

// playIn plays a whole all-bot game of scenario id with the interface in
// lang, and returns its replay and a save made at its middle.
func playIn(t *testing.T, id, lang string) (replay, save []byte, sc *game.Scenario) {
	t.Helper()
	if err := text.SetLang(lang); err != nil {
		t.Fatal(err)
	}
	defer text.SetLang("en")
	p, err := content.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if p.Lang != lang {
		t.Fatalf("scenario loaded in %q, not %q", p.Lang, lang)
	}
	sc = p.Scenario
	const seed = 4242
	seats := make([]match.Seat, len(sc.Actors))
	for i, b := range sim.BotsFor(sc, seed, bot.Normal) {
		seats[i] = match.Seat{Bot: b}
	}
	seats[1] = match.Seat{Human: true, Name: "Ana"}
	seats[1].Bot = sim.BotsFor(sc, seed, bot.Normal)[1]
	m, err := match.New(sc, seed, seats)
	if err != nil {
		t.Fatal(err)
	}
	for !m.Over() {
		v := sc.View(m.State(), 1, false)
		m.Play(map[int][]game.Order{1: seats[1].Bot.Choose(sc, &v, 1)})
		if m.State().Turn == 4 {
			s, err := saves.FromMatch(m, 1, nil, saves.Settings{Theme: "default", Difficulty: "normal"}, "2026-12-03T10:00:00Z").Encode()
			if err != nil {
				t.Fatal(err)
			}
			save = s
		}
	}
	var b bytes.Buffer
	if err := saves.MatchReplay(m).Encode(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), save, sc
}

// TestSavesAndReplaysAreLanguageFree: the same game played in Chinese and
// in English writes the same replay, byte for byte; a save made in Chinese
// restores under English (and the other way round) to the same world; and
// the scenario's rules and content hash do not depend on the language.
func TestSavesAndReplaysAreLanguageFree(t *testing.T) {
	for _, id := range content.ScenarioIDs() {
		zhReplay, zhSave, zhSc := playIn(t, id, "zh")
		enReplay, enSave, enSc := playIn(t, id, "en")
		if zhSc.ContentHash != enSc.ContentHash {
			t.Errorf("%s: the content hash depends on the language", id)
		}
		if zhSc.Actors[0].Name == enSc.Actors[0].Name {
			t.Errorf("%s: the Chinese scenario was not in Chinese (%s)", id, zhSc.Actors[0].Name)
		}
		if !bytes.Equal(zhReplay, enReplay) {
			t.Errorf("%s: the replay of the same game differs between Chinese and English", id)
		}
		for _, c := range []struct {
			data []byte
			sc   *game.Scenario
			what string
		}{{zhSave, enSc, "Chinese save read in English"}, {enSave, zhSc, "English save read in Chinese"}} {
			sv, err := saves.DecodeSave(c.data)
			if err != nil {
				t.Fatalf("%s: %s: %v", id, c.what, err)
			}
			m, _, _, err := sv.Restore(c.sc)
			if err != nil {
				t.Fatalf("%s: %s: %v", id, c.what, err)
			}
			if m.State().Turn != 4 {
				t.Errorf("%s: %s: restored at turn %d", id, c.what, m.State().Turn)
			}
		}
		zs, _ := saves.DecodeSave(zhSave)
		es, _ := saves.DecodeSave(enSave)
		if zs.Preview.OutcomeID != es.Preview.OutcomeID || zs.Player != es.Player || zs.Preview.Turn != es.Preview.Turn {
			t.Errorf("%s: the save's ids depend on the language", id)
		}
	}
}
