// Package game is the rules engine of ZERO SUM: a pure, deterministic model of
// the AI race between governments and firms.
//
// The package does no I/O, reads no clock and uses no global random source.
// Every random draw comes from a stream derived from the game seed, the turn
// and a purpose (see Stream), so the same scenario, seed and orders give the
// same game on every machine. All state is integers; nothing ranges over a map.
//
// A Scenario holds the immutable definitions (actors, actions, events, swing
// states, objectives, rules) filled in by package content. A State is plain
// data: JSON encode, decode and encode again gives identical bytes.
//
// One turn is resolved by Scenario.Resolve in fixed phases:
//
//  1. Orders: every order is validated; illegal ones become recorded refusals.
//     Within one actor, orders are checked in the order given, so the action
//     points and capital of earlier orders count against later ones.
//  2. Costs: capital is paid for every accepted order.
//  3. Actions: the immediate effects of all accepted orders, plus delayed
//     effects that fall due this turn, are summed per target and applied
//     together, so no order sees another order of the same turn (orders are
//     simultaneous). Delayed effects are queued. Covert actions may be exposed.
//  4. Dynamics: the standing causal links of the model (compute build-out,
//     controls and self-reliance, grievance and Strait tension, perceived gap,
//     frontier progress, swing-state drift, markets, regulation, income).
//  5. Thresholds: Strait tension at its maximum is a crisis and ends the game;
//     the actor whose actions pushed it there loses outright.
//  6. Advance: history is recorded and the turn advances; after the last turn
//     the world outcome is named.
//  7. News: the events of the new turn are drawn and applied (they are what
//     every actor reads before choosing its next orders); a crisis caused by
//     an event ends the game with no single culprit.
//
// Every change is recorded in the turn's ledger with its causes, so the
// interface can always say why a number moved.
package game
