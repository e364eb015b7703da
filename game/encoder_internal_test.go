package game

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"testing"

	"pgregory.net/rapid"
)

// recorder is a hash.Hash that keeps what was written, to compare the
// encoder's bytes with the standard library's varints.
type recorder struct{ got []byte }

func (r *recorder) Write(p []byte) (int, error) { r.got = append(r.got, p...); return len(p), nil }
func (r *recorder) Sum(b []byte) []byte         { return b }
func (r *recorder) Reset()                      { r.got = nil }
func (r *recorder) Size() int                   { return sha256.Size }
func (r *recorder) BlockSize() int              { return sha256.BlockSize }

// The hand-written varints must be byte for byte those of encoding/binary,
// or every recorded hash (golden replays, saves) would change: long runs
// that cross the buffer's flushes, extremes and negatives included.
func TestHashEncoderMatchesBinaryVarints(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOfN(rapid.OneOf(
			rapid.IntRange(-200, 200),
			rapid.Int(),
			rapid.SampledFrom([]int{math.MinInt, math.MaxInt, math.MinInt32, math.MaxInt32, -1, 0}),
		), 0, 1000).Draw(t, "ints")
		u := rapid.Uint64().Draw(t, "u64")
		single := rapid.Int().Draw(t, "int")
		name := rapid.StringN(0, 3000, -1).Draw(t, "string")

		uses := make([]Use, rapid.IntRange(0, 300).Draw(t, "uses"))
		for i := range uses {
			uses[i] = Use{Count: rapid.Int().Draw(t, "count"), Last: rapid.IntRange(-5, 500).Draw(t, "last")}
		}

		var rec recorder
		e := hashEncoder{h: &rec}
		e.ints(vs)
		e.uses(uses)
		e.u64(u)
		e.int(single)
		e.str("washington")
		e.str(name)
		e.flush()

		var want []byte
		for _, v := range vs {
			want = binary.AppendVarint(want, int64(v))
		}
		for _, use := range uses {
			want = binary.AppendVarint(want, int64(use.Count))
			want = binary.AppendVarint(want, int64(use.Last))
		}
		want = binary.AppendUvarint(want, u)
		want = binary.AppendVarint(want, int64(single))
		want = binary.AppendVarint(want, int64(len("washington")))
		want = append(want, "washington"...)
		want = binary.AppendVarint(want, int64(len(name)))
		want = append(want, name...)
		if !bytes.Equal(rec.got, want) {
			t.Fatalf("encoder wrote %x, encoding/binary gives %x", rec.got, want)
		}
	})
}

// The encoder's cache of history snapshots must never change a hash: states
// whose histories share a prefix, differ in one number, shrink or grow, hash
// alike through a warm encoder and through a new one.
func TestHashSnapshotCacheMatchesFreshEncoding(t *testing.T) {
	warm := newHashEncoder()
	rapid.Check(t, func(t *rapid.T) {
		num := rapid.IntRange(-300, 300)
		snap := func(label string) Snapshot {
			na, ns := rapid.IntRange(0, 4).Draw(t, label+"actors"), rapid.IntRange(0, 4).Draw(t, label+"swing")
			sn := Snapshot{Turn: num.Draw(t, label+"turn"), Gap: num.Draw(t, label+"gap"),
				Stats: make([][NumStats]int, na), Align: make([]int, ns), Sovereign: make([]int, ns), Scores: make([]int, na)}
			sn.Tracks[rapid.IntRange(0, int(NumTracks)-1).Draw(t, label+"track")] = num.Draw(t, label+"trackv")
			for i := range sn.Stats {
				sn.Stats[i][rapid.IntRange(0, int(NumStats)-1).Draw(t, label+"stat")] = num.Draw(t, label+"statv")
			}
			for i := range ns {
				sn.Align[i], sn.Sovereign[i] = num.Draw(t, label+"align"), num.Draw(t, label+"sov")
			}
			for i := range na {
				sn.Scores[i] = num.Draw(t, label+"score")
			}
			return sn
		}
		var history []Snapshot
		for step := range rapid.IntRange(1, 12).Draw(t, "steps") {
			switch rapid.IntRange(0, 3).Draw(t, "change") {
			case 0: // a new turn
				history = append(history, snap("new"))
			case 1: // another game's history
				history = []Snapshot{snap("other")}
			case 2: // one number changed in place
				if len(history) > 0 {
					sn := &history[rapid.IntRange(0, len(history)-1).Draw(t, "which")]
					if len(sn.Stats) > 0 {
						sn.Stats[0][0]++
					} else {
						sn.Gap++
					}
				}
			case 3: // a shorter history
				history = history[:rapid.IntRange(0, len(history)).Draw(t, "keep")]
			}
			st := State{Turn: step, History: history}
			if got, want := warm.hash(&st), newHashEncoder().hash(&st); got != want {
				t.Fatalf("step %d: cached encoding hashes to %s, a fresh one to %s", step, got.Short(), want.Short())
			}
		}
	})
}
