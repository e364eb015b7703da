package game

import "slices"

// Blame records who put the pressure into the Strait: for Strait tension and
// for China's grievance (which becomes grey-zone pressure on the Strait), a
// share per actor plus a last cell for no one (the situation at the start,
// news, and standing trends that no order set off). Shares are in hundredths
// of a point and add up to the part of the number above its base: all of
// tension, and grievance above the calm level (below it grievance presses on
// nothing).
//
// The accounts follow the ledger's causes. An order's push is its author's
// (a covert one's too: the accounts are read only once the game is over or
// as shares of public numbers); the pull of export controls and sanctions on
// grievance is the actor that sets them; grey-zone pressure is Beijing's own
// for grey_zone_own_pct and split like the grievance behind it for the rest;
// news is no one's. A fall takes from every share alike, so easing the
// Strait does not tell anyone who eased it. A Strait crisis is laid at the
// doors of the actors holding the largest shares of tension (see
// Scenario.CrisisBlame).
type Blame struct {
	Tension   []int `json:"tension"`
	Grievance []int `json:"grievance"`
}

// newBlame opens the accounts with everything already there belonging to
// no one.
func (sc *Scenario) newBlame(st *State) Blame {
	n := len(sc.Actors) + 1
	b := Blame{Tension: make([]int, n), Grievance: make([]int, n)}
	b.Tension[n-1] = max(0, st.Tracks[TrackTension]) * 100
	if g, ok := sc.grievance(st); ok {
		b.Grievance[n-1] = max(0, g-sc.Rules.CalmLevel) * 100
	}
	return b
}

// grievance is China's grievance, if the scenario has it.
func (sc *Scenario) grievance(st *State) (int, bool) {
	cn := sc.roles[RoleChinaGov]
	if cn < 0 || !sc.Actors[cn].Has[StatGrievance] {
		return 0, false
	}
	return st.Actors[cn].Stats[StatGrievance], true
}

func (b *Blame) cloneInto(dst *Blame) {
	dst.Tension = append(dst.Tension[:0], b.Tension...)
	dst.Grievance = append(dst.Grievance[:0], b.Grievance...)
}

// blameInput is one contribution, in hundredths, to a number the accounts
// follow.
type blameInput struct {
	grievance bool // else tension
	d         int
	cause     Cause
}

// settleBlame brings both accounts up to date at the end of a phase, from
// the phase's inputs and the numbers' new values. Tension goes first, so
// that grey-zone pressure is split by the grievance that caused it, as it
// stood before this phase.
func (l *ledger) settleBlame() {
	st, sc := l.st, l.sc
	b := &st.Blame
	n := len(b.Tension)
	if n == 0 || len(l.blameIn) == 0 {
		return
	}
	l.blamePos = slices.Grow(l.blamePos[:0], 2*n)[:2*n]
	clear(l.blamePos)
	tpos, gpos := l.blamePos[:n], l.blamePos[n:]
	tneg, gneg := 0, 0
	for _, in := range l.blameIn {
		if in.d < 0 {
			if in.grievance {
				gneg += in.d
			} else {
				tneg += in.d
			}
			continue
		}
		cells := tpos
		if in.grievance {
			cells = gpos
		}
		c := in.cause
		switch {
		case c.Kind == CauseDynamic && Dynamic(c.Source) == DynGreyZone && !in.grievance:
			// Beijing's own share of its grey-zone pressure, and the rest
			// split like the grievance behind it.
			own := 0
			if cn := sc.roles[RoleChinaGov]; cn >= 0 {
				own = in.d * sc.Rules.GreyZoneOwnPct / 100
				cells[cn] += own
			}
			l.split(cells, in.d-own, b.Grievance, true)
		case c.Actor >= 0 && c.Actor < n-1 && c.Kind != CauseEvent && c.Kind != CauseInjected:
			cells[c.Actor] += in.d
		default:
			cells[n-1] += in.d
		}
	}
	l.settle(b.Tension, tneg, tpos, st.Tracks[TrackTension]*100)
	if g, ok := sc.grievance(st); ok {
		l.settle(b.Grievance, gneg, gpos, max(0, g-sc.Rules.CalmLevel)*100)
	}
	l.blameIn = l.blameIn[:0]
}

// settle applies one phase to an account: falls first, taken from every
// share alike, then rises to their authors; finally the shares are brought
// to the number's actual size (a limit may have cut a rise, and fractions
// carried over from earlier turns may have added a point), by scaling down
// or by giving the difference to no one.
func (l *ledger) settle(acct []int, neg int, pos []int, target int) {
	if neg < 0 {
		l.split(acct, max(0, sum(acct)+neg), acct, false)
	}
	for i, p := range pos {
		acct[i] += p
	}
	switch s := sum(acct); {
	case s > target:
		l.split(acct, target, acct, false)
	case s < target:
		acct[len(acct)-1] += target - s
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// split shares amount out in proportion to weights, rounding by largest
// remainder (ties to the lower index) so that nothing is lost; with no
// weight at all it goes to the last cell (no one). add says whether the
// shares are added to cells or replace them (cells and weights may then be
// the same slice). Weights are at most 10,000 each and amounts at most a
// few thousand, so the products fit in 32 bits.
func (l *ledger) split(cells []int, amount int, weights []int, add bool) {
	s := sum(weights)
	n := len(cells)
	if s <= 0 {
		if !add {
			clear(cells)
		}
		cells[n-1] += amount
		return
	}
	l.blameShare = slices.Grow(l.blameShare[:0], 2*n)[:2*n]
	share, rem := l.blameShare[:n], l.blameShare[n:]
	apportion(share, rem, amount, weights, s)
	for i := range cells {
		if add {
			cells[i] += share[i]
		} else {
			cells[i] = share[i]
		}
	}
}

// apportion shares amount out in proportion to weights (which add up to
// total, above zero) into share, by largest remainder so that nothing is
// lost, ties going to the lower index; rem is scratch space as long as
// share.
func apportion(share, rem []int, amount int, weights []int, total int) {
	given := 0
	for i, w := range weights {
		share[i] = amount * w / total
		rem[i] = amount * w % total
		given += share[i]
	}
	for left := amount - given; left > 0; left-- {
		k := 0
		for i := range rem {
			if rem[i] > rem[k] {
				k = i
			}
		}
		share[k]++
		rem[k] = -1
	}
}

// CrisisBlame reads the tension account: each actor's share of the tension
// that actors put into the Strait, in percent (adding up to 100 when any
// actor put some); the share of all of it, in percent, that no actor put
// there; and the actors who drove it, largest share first: every actor with
// at least the rule's culprit share, and always the largest (all of them on
// a tie). It is what a crisis would be blamed on now.
func (sc *Scenario) CrisisBlame(st *State) (shares []int, noOne int, culprits []int) {
	n := len(sc.Actors)
	shares = make([]int, n)
	culprits = []int{}
	noOne, top := sc.blameShares(st, shares, make([]int, n))
	for a, s := range shares {
		if sc.isCulprit(s, top) {
			culprits = append(culprits, a)
		}
	}
	slices.SortStableFunc(culprits, func(x, y int) int { return shares[y] - shares[x] })
	return shares, noOne, culprits
}

// CrisisShare is one actor's part of CrisisBlame: its share in percent and
// whether it would be among the culprits. Bots ask every turn, so for
// scenarios of a usual size it works on the stack.
func (sc *Scenario) CrisisShare(st *State, actor int) (share int, culprit bool) {
	n := len(sc.Actors)
	var buf [32]int
	var shares, rem []int
	if 2*n <= len(buf) {
		shares, rem = buf[:n], buf[n:2*n]
	} else {
		shares, rem = make([]int, n), make([]int, n)
	}
	_, top := sc.blameShares(st, shares, rem)
	return shares[actor], sc.isCulprit(shares[actor], top)
}

// CrisisSharesInto is CrisisShare for every actor at once, for a caller
// that asks about several actors of one state (a bot's evaluator, seat
// after seat): shares[a] and culprit[a] are what CrisisShare(st, a)
// returns. Both lists are written over, grown when short, and returned.
func (sc *Scenario) CrisisSharesInto(shares []int, culprit []bool, st *State) ([]int, []bool) {
	n := len(sc.Actors)
	shares, culprit = slices.Grow(shares[:0], n)[:n], slices.Grow(culprit[:0], n)[:n]
	var buf [16]int
	rem := buf[:0]
	if n <= len(buf) {
		rem = buf[:n]
	} else {
		rem = make([]int, n)
	}
	_, top := sc.blameShares(st, shares, rem)
	for a, s := range shares {
		culprit[a] = sc.isCulprit(s, top)
	}
	return shares, culprit
}

// isCulprit says whether an actor with a share of s percent, when the
// largest share is top, drove the Strait into crisis.
func (sc *Scenario) isCulprit(s, top int) bool {
	return s > 0 && (s >= sc.Rules.CulpritSharePct || s == top)
}

// blameShares fills shares (one cell per actor, zeroed first) with each
// actor's share of the tension actors put there, in percent by largest
// remainder (rem is scratch space of the same length), and returns the
// share no actor put there and the largest actor's share.
func (sc *Scenario) blameShares(st *State, shares, rem []int) (noOne, top int) {
	acct := st.Blame.Tension
	n := len(sc.Actors)
	clear(shares)
	if len(acct) != n+1 {
		return 0, 0
	}
	if all := sum(acct); all > 0 {
		noOne = percentOf(acct[n], all)
	}
	actors := sum(acct[:n])
	if actors <= 0 {
		return noOne, 0
	}
	apportion(shares, rem, 100, acct[:n], actors)
	return noOne, slices.Max(shares)
}

// percentOf is part/all in whole percent, rounded to nearest.
func percentOf(part, all int) int {
	return (part*200 + all) / (2 * all)
}
