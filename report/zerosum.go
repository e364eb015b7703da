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
func linkShort(n int) string {
	switch n {
	case 1:
		return text.T("export controls")
	case 2:
		return text.T("chip quotas")
	case 3:
		return text.T("the perceived gap")
	case 4:
		return text.T("Beijing's sense of threat")
	case 5:
		return text.T("pooled compute")
	case 6:
		return text.T("open models")
	case 7:
		return text.T("conditions on sovereign AI")
	case 8:
		return text.T("precautionary regulation")
	case 9:
		return text.T("energy")
	case 10:
		return text.T("chip yields")
	case 11:
		return text.T("fear of a Strait crisis")
	case 12:
		return text.T("technologists' optimism")
	}
	return ""
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
		return possessed(d.actor(r.Actor), d.statName(r.Stat))
	case game.RefTrack:
		return d.track(r.Track)
	case game.RefSwing:
		if r.Field == game.FieldSovereign {
			return text.F("%s's sovereign AI", d.swing(r.Swing))
		}
		return text.F("%s's alignment (+ toward the US)", d.swing(r.Swing))
	}
	return "?"
}

// linkTotalText is "Beijing's chip supply fell by 14 through export
// controls (link 1)".
func (d *doc) linkTotalText(lt linkTotal) string {
	if lt.delta < 0 {
		return text.F("%s fell by %d through %s (link %d)", d.refName(lt.target), text.Abs(lt.delta), linkShort(lt.link), lt.link)
	}
	return text.F("%s rose by %d through %s (link %d)", d.refName(lt.target), text.Abs(lt.delta), linkShort(lt.link), lt.link)
}

// linkTotalShort is linkTotalText without the link's number, for a list
// under the link: "Beijing's chip supply fell by 14 through export
// controls".
func (d *doc) linkTotalShort(lt linkTotal) string {
	if lt.delta < 0 {
		return text.F("%s fell by %d through %s", d.refName(lt.target), text.Abs(lt.delta), linkShort(lt.link))
	}
	return text.F("%s rose by %d through %s", d.refName(lt.target), text.Abs(lt.delta), linkShort(lt.link))
}

// zeroSum writes "Was it zero-sum?": every actor's absolute result and
// the table's combined score, against its start and a typical game of the
// scenario, then the largest totals of the causal links. brief keeps it to
// what a handout has room for.
func (d *doc) zeroSum(brief bool) {
	sc, h := d.sc, d.history()
	ty := d.typical()
	d.heading(2, text.T("Was it zero-sum?"))
	last := fmt.Sprint(ty.Seed + uint64(ty.Games) - 1)
	if brief {
		d.para("%s", text.F("Rank is relative; scores are absolute, each against the actor's own objectives, so all can gain or lose "+
			"together. *Typical*: the median of %d all-bot games of this scenario (seeds %s to %s): half end above it, half below.",
			ty.Games, fmt.Sprint(ty.Seed), last))
	} else {
		d.para("%s", text.F("Rank is relative: only one actor can finish first. Scores are absolute: each actor scores "+
			"0 to 100 against its own objectives, so everyone can gain together, and a Strait crisis makes everyone lose. "+
			"Here each score is set against its start and against a typical game of this scenario: the median of %d games "+
			"the computer played with bots in every seat (half end above it, half below; normal difficulty, personalities drawn at random, seeds %s to %s: the same for every game of this scenario).",
			ty.Games, fmt.Sprint(ty.Seed), last))
	}
	cards := d.ranking()
	end := make([]int, len(sc.Actors))
	rank := make([]int, len(sc.Actors))
	for i, c := range cards {
		end[c.Actor], rank[c.Actor] = c.Total, i+1
	}
	endHead := text.T("End")
	if !d.over {
		endHead = text.T("Now")
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
	rows = append(rows, []string{text.T("**Whole table**"), "", fmt.Sprint(sumStart), fmt.Sprint(sumEnd), text.Signed(sumEnd - sumStart), fmt.Sprint(tc), text.Signed(sumEnd - tc)})
	d.table([]string{text.T("Actor"), text.T("Rank"), text.T("Start"), endHead, text.T("Change"), text.T("Typical end"), text.T("Against typical")}, "lrrrrrr", rows)

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
		d.para("%s", text.T("No order, news or standing effect that cites a causal link moved anything in this game."))
		return
	}
	if brief {
		d.para("%s", text.T("**By causal link**, summed from the ledger over every turn (other links may have put some back):"))
	} else {
		d.para("%s", text.T("Where the gains and losses came from: the largest totals of the game's ledger by the source's causal link, summed over every turn. "+
			"They are gross flows: a number can lose more through one link than it ever held while other links put it back, and a change whose cause cites two links counts under both."))
	}
	var items []string
	for _, lt := range lts[:min(n, len(lts))] {
		items = append(items, text.Capitalize(d.linkTotalText(lt))+stop())
	}
	d.bullets(items)
}

// zeroSumVerdict says in words what the table's scores show.
func (d *doc) zeroSumVerdict(sumStart, sumEnd, gainers, losers int, ty Typical, brief bool) string {
	na := len(d.sc.Actors)
	delta := sumEnd - sumStart
	var s string
	switch {
	case gainers == na && d.over:
		s = text.F("In this game all %d actors ended above their starting score. ", na)
	case gainers == na:
		s = text.F("In this game all %d actors stand above their starting score. ", na)
	case losers == na && d.over:
		s = text.F("In this game all %d actors ended below their starting score. ", na)
	case losers == na:
		s = text.F("In this game all %d actors stand below their starting score. ", na)
	default:
		level := na - gainers - losers
		switch {
		case level > 0 && d.over:
			s = text.F("In this game %d of %d actors ended above their starting score and %d below; %d stayed level. ", gainers, na, losers, level)
		case level > 0:
			s = text.F("In this game %d of %d actors stand above their starting score and %d below; %d stand level. ", gainers, na, losers, level)
		case d.over:
			s = text.F("In this game %d of %d actors ended above their starting score and %d below. ", gainers, na, losers)
		default:
			s = text.F("In this game %d of %d actors stand above their starting score and %d below. ", gainers, na, losers)
		}
	}
	switch {
	case brief && ty.Crises > 0:
		s += text.F("In three typical games in five the table ends between %d and %d (%d of %d in a crisis).", ty.Low, ty.High, ty.Crises, ty.Games)
	case brief:
		s += text.F("In three typical games in five the table ends between %d and %d.", ty.Low, ty.High)
	case ty.Crises > 0:
		s += text.F("Together the table went from %d to %d (%s). A typical game ends at %d, three in five between %d and %d; %d of the %d ended in a Strait crisis.",
			sumStart, sumEnd, text.Signed(delta), round100(ty.Combined), ty.Low, ty.High, ty.Crises, ty.Games)
	default:
		s += text.F("Together the table went from %d to %d (%s). A typical game ends at %d, three in five between %d and %d.",
			sumStart, sumEnd, text.Signed(delta), round100(ty.Combined), ty.Low, ty.High)
	}
	switch {
	case d.st.Crisis.Turn > 0:
		s += text.T(" The Strait crisis is the plainest case against zero-sum: nobody won it, and every actor's score was cut.")
	case delta > 0 && losers == 0:
		s += text.T(" Everyone gained at once: in absolute terms the game was positive-sum, though only one actor could rank first.")
	case text.Abs(delta) <= na:
		s += text.T(" Close to zero-sum: what some gained, others lost.")
	case delta > 0:
		s += text.T(" The table as a whole gained: one actor's gain was not simply another's loss (positive-sum).")
	default:
		s += text.T(" The table as a whole lost (negative-sum): the race cost more than it paid out.")
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
	end := text.T("End")
	if d.over {
		d.para("%s", text.T("The stats the actors' own objectives measure, at the start, the end and at the end of a typical game (the mean of the same games):"))
	} else {
		end = text.T("Now")
		d.para("%s", text.T("The stats the actors' own objectives measure, at the start, now and at the end of a typical game (the mean of the same games):"))
	}
	d.table([]string{text.T("Actor"), text.T("Stat"), text.T("Start"), end, text.T("Change"), text.T("Typical end")}, "llrrrr", rows)
}
