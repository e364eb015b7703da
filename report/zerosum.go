package report

import (
	"cmp"
	"fmt"
	"slices"

	"zerosum/game"
	"zerosum/text"
)

// linkShort names each source link in a few words, for sentences that
// total what a link did over the game.
var linkShort = [...]string{
	1: "export controls", 2: "chip quotas", 3: "the perceived gap", 4: "Beijing's sense of threat",
	5: "pooled compute", 6: "open models", 7: "conditions on sovereign AI", 8: "precautionary regulation",
	9: "energy", 10: "chip yields", 11: "fear of a Strait crisis", 12: "technologists' optimism",
}

// linkTotal is what one source link did to one number over the game: the
// sum of every ledger share whose cause cites the link.
type linkTotal struct {
	link   int
	target game.Ref
	delta  int
}

// linksOf are the source links a cause cites: an order's (its immediate
// effect, a delayed one, or the fallout of its exposure), a piece of
// news', or a standing effect's. A cost, the carry of small effects, a
// limit and a facilitator's news cite none.
func (d *doc) linksOf(c game.Cause) []int {
	sc := d.sc
	switch c.Kind {
	case game.CauseAction, game.CauseDelayed, game.CauseExposed:
		if c.Source >= 0 && c.Source < len(sc.Actions) {
			return sc.Actions[c.Source].Links
		}
	case game.CauseEvent:
		if c.Source >= 0 && c.Source < len(sc.Events) {
			return sc.Events[c.Source].Links
		}
	case game.CauseDynamic:
		if c.Source >= 0 && c.Source < int(game.NumDynamics) {
			return dynamicLinks[c.Source]
		}
	}
	return nil
}

// linkTotals sums the ledger per source link and number over every
// resolution (the news before the first turn included). A share whose
// cause cites two links counts under both. Political capital, the budget
// every order is paid from, is left out: it moves every turn and says
// little about a link.
func (d *doc) linkTotals() []linkTotal {
	type key struct {
		link int
		ref  game.Ref
	}
	sums := map[key]int{}
	var order []key
	for t := 0; t <= d.played(); t++ {
		rep := d.m.Report(t)
		for _, ch := range rep.Changes {
			if ch.Target.Kind == game.RefStat && ch.Target.Stat == game.StatCapital {
				continue
			}
			for _, c := range ch.Causes {
				for _, l := range d.linksOf(c.Cause) {
					k := key{l, ch.Target}
					if _, ok := sums[k]; !ok {
						order = append(order, k)
					}
					sums[k] += c.Delta
				}
			}
		}
	}
	var out []linkTotal
	for _, k := range order {
		if v := sums[k]; v != 0 {
			out = append(out, linkTotal{link: k.link, target: k.ref, delta: v})
		}
	}
	// Largest first; ties by link, then in the order first met.
	slices.SortStableFunc(out, func(x, y linkTotal) int {
		if c := cmp.Compare(text.Abs(y.delta), text.Abs(x.delta)); c != 0 {
			return c
		}
		return cmp.Compare(x.link, y.link)
	})
	return out
}

// refName names a number in a sentence: "Beijing's chip supply", "Strait
// tension", "India's alignment".
func (d *doc) refName(r game.Ref) string {
	switch r.Kind {
	case game.RefStat:
		return text.Possessive(d.actor(r.Actor)) + " " + d.statName(r.Stat)
	case game.RefTrack:
		return d.track(r.Track)
	case game.RefSwing:
		if r.Field == game.FieldSovereign {
			return text.Possessive(d.swing(r.Swing)) + " sovereign AI"
		}
		return text.Possessive(d.swing(r.Swing)) + " alignment (+ toward the US)"
	}
	return "?"
}

// linkTotalText is "Beijing's chip supply fell by 14 through export
// controls (link 1)".
func (d *doc) linkTotalText(lt linkTotal) string {
	verb := "rose"
	if lt.delta < 0 {
		verb = "fell"
	}
	return fmt.Sprintf("%s %s by %d through %s (link %d)", d.refName(lt.target), verb, text.Abs(lt.delta), linkShort[lt.link], lt.link)
}

// zeroSum writes "Was it zero-sum?": every actor's absolute result and
// the table's combined score, against its start and a typical game of the
// scenario, then the largest totals of the causal links. brief keeps it to
// what a handout has room for.
func (d *doc) zeroSum(brief bool) {
	sc, h := d.sc, d.history()
	ty := d.typical()
	d.heading(2, "Was it zero-sum?")
	if brief {
		d.para("Rank is relative; scores are absolute, each against the actor's own objectives, so all can gain or lose "+
			"together. *Typical*: the median of %d all-bot games of this scenario (seeds %d to %d): half end above it, half below.",
			ty.Games, ty.Seed, ty.Seed+uint64(ty.Games)-1)
	} else {
		d.para("%s", "Rank is relative: only one actor can finish first. Scores are absolute: each actor scores "+
			"0 to 100 against its own objectives, so everyone can gain together, and a Strait crisis makes everyone lose. "+
			fmt.Sprintf("Here each score is set against its start and against a typical game of this scenario: the median of %d games "+
				"the computer played with bots in every seat (half end above it, half below; normal difficulty, personalities drawn at random, seeds %d to %d: the same for every game of this scenario).",
				ty.Games, ty.Seed, ty.Seed+uint64(ty.Games)-1))
	}
	cards := d.ranking()
	end := make([]int, len(sc.Actors))
	rank := make([]int, len(sc.Actors))
	for i, c := range cards {
		end[c.Actor], rank[c.Actor] = c.Total, i+1
	}
	endHead := "End"
	if !d.over {
		endHead = "Now"
	}
	var rows [][]string
	sumStart, sumEnd, gainers, losers := 0, 0, 0, 0
	for a := range sc.Actors {
		s, e, t := h[0].Scores[a], end[a], round100(ty.Scores[a])
		sumStart += s
		sumEnd += e
		switch {
		case e > s:
			gainers++
		case e < s:
			losers++
		}
		rows = append(rows, []string{d.actor(a), fmt.Sprint(rank[a]), fmt.Sprint(s), fmt.Sprint(e), text.Signed(e - s), fmt.Sprint(t), text.Signed(e - t)})
	}
	tc := round100(ty.Combined)
	rows = append(rows, []string{"**Whole table**", "", fmt.Sprint(sumStart), fmt.Sprint(sumEnd), text.Signed(sumEnd - sumStart), fmt.Sprint(tc), text.Signed(sumEnd - tc)})
	d.table([]string{"Actor", "Rank", "Start", endHead, "Change", "Typical end", "Against typical"}, "lrrrrrr", rows)

	d.para("%s", d.zeroSumVerdict(sumStart, sumEnd, gainers, losers, ty, brief))
	if !brief {
		d.keyStats(ty)
	}
	lts := d.linkTotals()
	n := 8
	if brief {
		n = d.cut[2]
	}
	if len(lts) == 0 {
		d.para("No order, news or standing effect that cites a causal link moved anything in this game.")
		return
	}
	if brief {
		d.para("**By causal link**, summed from the ledger over every turn (other links may have put some back):")
	} else {
		d.para("Where the gains and losses came from: the largest totals of the game's ledger by the source's causal link, summed over every turn. " +
			"They are gross flows: a number can lose more through one link than it ever held while other links put it back, and a change whose cause cites two links counts under both.")
	}
	var items []string
	for _, lt := range lts[:min(n, len(lts))] {
		items = append(items, text.Capitalize(d.linkTotalText(lt))+".")
	}
	d.bullets(items)
}

// zeroSumVerdict says in words what the table's scores show.
func (d *doc) zeroSumVerdict(sumStart, sumEnd, gainers, losers int, ty Typical, brief bool) string {
	na := len(d.sc.Actors)
	delta := sumEnd - sumStart
	when := "ended"
	if !d.over {
		when = "stand"
	}
	var s string
	switch {
	case gainers == na:
		s = fmt.Sprintf("In this game all %d actors %s above their starting score. ", na, when)
	case losers == na:
		s = fmt.Sprintf("In this game all %d actors %s below their starting score. ", na, when)
	default:
		s = fmt.Sprintf("In this game %d of %d actors %s above their starting score and %d below", gainers, na, when, losers)
		if level := na - gainers - losers; level > 0 {
			s += fmt.Sprintf("; %d %s level", level, map[bool]string{true: "stayed", false: "stand"}[d.over])
		}
		s += ". "
	}
	if brief {
		s += fmt.Sprintf("In three typical games in five the table ends between %d and %d", ty.Low, ty.High)
		if ty.Crises > 0 {
			s += fmt.Sprintf(" (%d of %d in a crisis)", ty.Crises, ty.Games)
		}
	} else {
		s += fmt.Sprintf("Together the table went from %d to %d (%s). A typical game ends at %d, three in five between %d and %d",
			sumStart, sumEnd, text.Signed(delta), round100(ty.Combined), ty.Low, ty.High)
		if ty.Crises > 0 {
			s += fmt.Sprintf("; %d of the %d ended in a Strait crisis", ty.Crises, ty.Games)
		}
	}
	s += "."
	switch {
	case d.st.Crisis.Turn > 0:
		s += " The Strait crisis is the plainest case against zero-sum: nobody won it, and every actor's score was cut."
	case delta > 0 && losers == 0:
		s += " Everyone gained at once: in absolute terms the game was positive-sum, though only one actor could rank first."
	case text.Abs(delta) <= na:
		s += " Close to zero-sum: what some gained, others lost."
	case delta > 0:
		s += " The table as a whole gained: one actor's gain was not simply another's loss (positive-sum)."
	default:
		s += " The table as a whole lost (negative-sum): the race cost more than it paid out."
	}
	return s
}

// keyStats tables the stats each actor's own objectives measure, at the
// start, at the end and in a typical game.
func (d *doc) keyStats(ty Typical) {
	sc, h := d.sc, d.history()
	var rows [][]string
	for a := range sc.Actors {
		var seen []game.Stat
		for _, o := range sc.Actors[a].Objectives {
			r := o.Measure
			if r.Kind != game.RefStat || (r.Actor != game.ActorSelf && r.Actor != a) || slices.Contains(seen, r.Stat) || !sc.Actors[a].Has[r.Stat] {
				continue
			}
			seen = append(seen, r.Stat)
			s, e, t := h[0].Stats[a][r.Stat], d.st.Actors[a].Stats[r.Stat], round100(ty.Stats[a][r.Stat])
			rows = append(rows, []string{d.actor(a), d.statName(r.Stat), fmt.Sprint(s), fmt.Sprint(e), text.Signed(e - s), fmt.Sprint(t)})
		}
	}
	if len(rows) == 0 {
		return
	}
	d.para("The stats the actors' own objectives measure, at the start, %s and at the end of a typical game (the mean of the same games):", d.untilNow())
	d.table([]string{"Actor", "Stat", "Start", map[bool]string{true: "End", false: "Now"}[d.over], "Change", "Typical end"}, "llrrrr", rows)
}
