package main

import (
	"errors"
	"fmt"
	"strings"

	"zerosum/content"
	"zerosum/text"
)

type validateCmd struct {
	Paths   []string `arg:"" optional:"" help:"Scenario files (a single-file scenario, or a folder's scenario.yaml) or folders; none: the embedded scenarios."`
	Verbose bool     `short:"v" help:"Also list what a single-file scenario leaves out of the scenario it extends, and why."`
}

func (c validateCmd) Run(e *env) error {
	if len(c.Paths) == 0 {
		for _, id := range content.ScenarioIDs() {
			p, err := content.Load(id)
			if err != nil {
				fmt.Fprintln(e.stdout, err)
				return failf("embedded scenario %s has problems", id)
			}
			fmt.Fprintf(e.stdout, "%s: ok, %s\n", id, counts(p))
			c.omitted(e, p)
		}
		return c.translation(e)
	}
	bad := 0
	for _, path := range c.Paths {
		p, err := content.LoadPath(path)
		if err != nil {
			bad++
			var ps content.Problems
			if errors.As(err, &ps) {
				fmt.Fprintln(e.stdout, ps.Error())
				fmt.Fprintf(e.stdout, "%s: %d problem%s\n", path, len(ps), text.Plural(len(ps)))
			} else {
				fmt.Fprintf(e.stdout, "%s: %v\n", path, err)
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s: ok, %s\n", path, counts(p))
		c.omitted(e, p)
	}
	if bad > 0 {
		return failf("%d of %d scenario%s failed validation", bad, len(c.Paths), text.Plural(len(c.Paths)))
	}
	return nil
}

// translation checks, when the language is not English, that every text
// key of every embedded scenario and every message of the interface has
// its translation, with the same placeholders (validate --lang zh).
func (c validateCmd) translation(e *env) error {
	lang := text.Lang()
	if lang == "en" {
		return nil
	}
	missing := 0
	for _, id := range content.ScenarioIDs() {
		p, err := content.LoadLang(id, lang)
		if err != nil {
			fmt.Fprintln(e.stdout, err)
			return failf("the translation of %s into %s has problems", id, lang)
		}
		for _, k := range p.Untranslated {
			fmt.Fprintf(e.stdout, "%s: %s has no translation into %s\n", id, k, lang)
		}
		missing += len(p.Untranslated)
	}
	ps := text.Untranslated(lang)
	for _, s := range ps {
		fmt.Fprintln(e.stdout, s)
	}
	if n := missing + len(ps); n > 0 {
		// For translators: in English whatever the language, like the
		// content's problems.
		return failf("the translation into %s is incomplete: content texts without it: %d; interface problems: %d", lang, missing, len(ps))
	}
	fmt.Fprintf(e.stdout, "translation into %s: complete, %d interface messages\n", lang, len(text.InterfaceMessages()))
	return nil
}

// omitted lists, with --verbose, what is not in play: what a scenario leaves
// out of its base, and the news its players' own orders decide.
func (c validateCmd) omitted(e *env, p *content.Pack) {
	if !c.Verbose || len(p.Omitted) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, "  not in play:")
	for _, o := range p.Omitted {
		fmt.Fprintf(e.stdout, "    %s\n", o)
	}
}

func counts(p *content.Pack) string {
	sc := p.Scenario
	return fmt.Sprintf("%d actors, %d actions, %d events, %d swing states, %d glossary terms",
		len(sc.Actors), len(sc.Actions), len(sc.Events), len(sc.Swing), len(p.Glossary))
}

type scenariosCmd struct{}

func (scenariosCmd) Run(e *env) error {
	for _, id := range content.ScenarioIDs() {
		p, err := content.Load(id)
		if err != nil {
			fmt.Fprintf(e.stdout, "%-12s (broken: %v)\n", id, firstLine(err.Error()))
			continue
		}
		sc := p.Scenario
		var actors []string
		for _, a := range sc.Actors {
			actors = append(actors, a.ID)
		}
		fmt.Fprintf(e.stdout, "%-12s %s\n%-12s %s\n", id, sc.Title, "",
			text.F("%d turns from %s; actors: %s", sc.Turns, text.Half(sc.HalfYear(1)), strings.Join(actors, ", ")))
	}
	return nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// loadScenario loads an embedded scenario by id, or a scenario from a path
// when the argument names a folder or file (content.Load tells them apart).
func loadScenario(idOrPath string) (*content.Pack, error) { return content.Load(idOrPath) }
