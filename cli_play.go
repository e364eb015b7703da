package main

import (
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"zerosum/content"
	"zerosum/game/bot"
	"zerosum/text"
	"zerosum/ui"
)

type playCmd struct {
	Scenario   string `help:"Scenario id, or the path of a scenario file or folder (see docs/scenarios.md)." default:"${scenario}"`
	Actor      string `help:"The actor you lead (washington, beijing, brussels, abudhabi, meta, nvidia, huawei, taipei)." default:"washington"`
	Seed       uint64 `help:"Seed of the game (default: a random one, shown in the game)."`
	Difficulty string `help:"Bot difficulty. easy: thinks less, weighing only part of what it could do; normal: weighs every option by where the rules will take it; hard: looks ahead by playing out possible futures with the real rules. A seat of --seats may name its own (beijing=bot:hard)." default:"normal" enum:"easy,normal,hard"`
	Theme      string `help:"Colours: default, colorblind or mono (NO_COLOR selects mono)." default:"" enum:",default,colorblind,mono"`
	Seats      string `help:"Who plays each actor, instead of --actor: actor=human:Name or actor=bot[:easy|normal|hard][:hawk|dove|hedger], comma-separated; all=... sets every actor not named. Several humans play hot seat; all=bot watches the bots (e.g. washington=human:Ana,beijing=bot:hard,all=bot)."`
	Facil      bool   `name:"facilitator" help:"Run the game with a facilitator's screen (F2): pause before each resolution, inject news, an order timer, reveal everything, export the debrief."`
}

func (c playCmd) Run(e *env) error {
	p, err := loadScenario(c.Scenario)
	if err != nil {
		return failf("%v", err)
	}
	seed := c.Seed
	if seed == 0 {
		seed = randomSeed()
	}
	d, err := bot.ParseDifficulty(c.Difficulty)
	if err != nil {
		return failf("%v", err)
	}
	if c.Seats != "" {
		if _, err := ui.SeatsFromSpec(p.Scenario, c.Seats, seed, d); err != nil {
			return failf("--seats: %v", err)
		}
	} else if _, ok := p.Scenario.ActorIndex(c.Actor); !ok {
		_, err := ui.NewSession(p, 0, c.Actor, bot.Normal, nil)
		return failf("%v", err)
	}
	return runTUI(e, ui.Options{Theme: theme(c.Theme), Start: &ui.StartOptions{
		// The argument as given: a path loads the same file again.
		Scenario: c.Scenario, Actor: c.Actor, Seed: seed, Difficulty: c.Difficulty,
		Seats: c.Seats, Facilitator: c.Facil,
	}})
}

// randomSeed picks a seed people can read out and type back.
func randomSeed() uint64 { return uint64(time.Now().UnixNano()%900_000) + 100_000 }

func theme(name string) ui.ThemeName {
	if name != "" {
		return ui.ThemeName(name)
	}
	if os.Getenv("NO_COLOR") != "" {
		return ui.ThemeMono
	}
	return ui.ThemeDefault
}

// runTUI runs the interface on the terminal, with the data directory for
// saves (a game can be played without one; it then says so).
func runTUI(e *env, opts ui.Options) error {
	opts.LangFrom = e.langFrom
	if opts.Store == nil {
		st, err := e.store()
		if err != nil {
			fmt.Fprintln(e.stderr, text.F("warning: %v; saving is off", err))
		}
		opts.Store = st
	}
	if _, err := tea.NewProgram(ui.New(opts)).Run(); err != nil {
		return failf("%s", text.F("the interface stopped: %v", err))
	}
	return nil
}

type loadCmd struct {
	Save  string `arg:"" help:"A save's name, an autosave's name or a path to a .zsave file."`
	Theme string `help:"Colours: default, colorblind or mono (NO_COLOR selects mono)." default:"" enum:",default,colorblind,mono"`
}

func (c loadCmd) Run(e *env) error {
	st, err := e.store()
	if err != nil {
		return failf("%v", err)
	}
	entry, err := st.Load(c.Save)
	if err == nil {
		var p *content.Pack
		if p, err = recordedScenario(entry.Save.Scenario, entry.Save.Source, entry.Save.ScenarioFiles); err == nil {
			_, _, _, err = entry.Save.Restore(p.Scenario)
		}
	}
	if err != nil {
		msg := text.F("cannot load %s: %s", c.Save, because(c.Save, err))
		if good, gerr := st.Newest(); gerr == nil && good.Path != entry.Path {
			who, date := ui.PreviewWho(good.Save)
			msg += "\n" + text.F("The newest good autosave is %s (%s, %s): zerosum load %s", good.Name, who, date, good.Name)
		}
		return failf("%s", msg)
	}
	return runTUI(e, ui.Options{Theme: theme(c.Theme), Store: st, Resume: entry.Save})
}
