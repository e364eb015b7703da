package game

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"slices"
	"sync"
)

// Hash is the canonical fingerprint of a State: SHA-256 over a fixed binary
// encoding of every field, in declaration order. Two states hash alike if and
// only if they are equal (TestHashCoversEveryField checks that each field
// counts).
type Hash [32]byte

// String is the hash in hex.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// Short is the first 12 hex digits, for people.
func (h Hash) Short() string { return h.String()[:12] }

// Hash fingerprints the state.
func (s *State) Hash() Hash {
	e := hashEncoders.Get().(*hashEncoder)
	defer hashEncoders.Put(e)
	return e.hash(s)
}

// hash fingerprints the state with this encoder.
func (e *hashEncoder) hash(s *State) Hash {
	e.h.Reset()
	e.str(s.Scenario)
	e.u64(s.Seed)
	e.int(s.Turn)
	e.ints(s.Tracks[:])
	e.int(len(s.Actors))
	for i := range s.Actors {
		e.str(s.Actors[i].ID)
		e.ints(s.Actors[i].Stats[:])
	}
	e.int(len(s.Swing))
	for _, w := range s.Swing {
		e.str(w.ID)
		e.ints([]int{w.Align, w.Sovereign})
	}
	e.int(len(s.Pending))
	for _, p := range s.Pending {
		// Each record's numbers in one run (one check for room): the
		// target's fields and the cause's in declaration order.
		t, c := p.Target, p.Cause
		e.ints([]int{p.Due,
			int(t.Kind), t.Actor, int(t.Stat), int(t.Track), t.Swing, int(t.Field), int(t.Bloc), t.Index,
			p.Add,
			int(c.Kind), c.Source, c.Actor, c.Turn, c.Target})
	}
	e.int(len(s.Uses))
	e.uses(s.Uses)
	e.int(len(s.Fired))
	e.ints(s.Fired)
	e.int(len(s.News))
	e.ints(s.News)
	e.int(len(s.Covert))
	for _, c := range s.Covert {
		e.ints([]int{c.Turn, c.Actor, c.Action, c.Target, c.Exposed})
	}
	e.int(len(s.History))
	for i := range s.History {
		e.snapshot(i, &s.History[i])
	}
	e.int(len(s.Carry))
	e.ints(s.Carry)
	e.int(len(s.Blame.Tension))
	e.ints(s.Blame.Tension)
	e.int(len(s.Blame.Grievance))
	e.ints(s.Blame.Grievance)
	e.bool(s.Over)
	e.str(s.Outcome)
	e.int(s.Crisis.Turn)
	e.int(len(s.Crisis.Culprits))
	e.ints(s.Crisis.Culprits)
	e.int(len(s.Crisis.Shares))
	e.ints(s.Crisis.Shares)
	e.int(s.Crisis.NoOne)
	e.flush()
	var out Hash
	e.h.Sum(out[:0])
	return out
}

// hashEncoders are reused: a simulation hashes every state it reaches.
var hashEncoders = sync.Pool{New: func() any { return newHashEncoder() }}

func newHashEncoder() *hashEncoder { return &hashEncoder{h: sha256.New()} }

// hashEncoder streams the encoding into SHA-256 through a small buffer, so
// hashing allocates nothing however long the history. It fills the buffer by
// index rather than by append: storing a slice header on every number cost a
// GC write barrier each time, a fifth of a whole bot game.
type hashEncoder struct {
	h   hash.Hash
	n   int // bytes of buf in use
	buf [hashBufSize]byte
	// history keeps, per position in a state's history, a copy of the
	// snapshot last encoded there and its encoding. A game's history only
	// grows, so hashing the states of one game in turn (as a simulation
	// and a replay do) finds every snapshot but the newest here, and
	// copies its bytes instead of encoding it again: without this, a
	// game's hashes cost the square of its length. A snapshot is reused
	// only if it equals the copy field for field, so a history that
	// differs in any number (another game, or one changed in place) is
	// encoded afresh.
	history []snapshotCode
}

// snapshotCode is a snapshot and its encoding.
type snapshotCode struct {
	sn   Snapshot // a copy sharing nothing with the state it came from
	code []byte
}

// snapshot writes the i-th snapshot of a history, from the cache if it
// holds an equal one there.
func (e *hashEncoder) snapshot(i int, sn *Snapshot) {
	if i >= len(e.history) {
		e.history = append(e.history, snapshotCode{})
	}
	c := &e.history[i]
	if c.code == nil || !c.sn.equal(sn) {
		c.sn.copyFrom(sn)
		c.code = appendSnapshot(c.code[:0], sn)
	}
	e.bytes(c.code)
}

// appendSnapshot encodes a snapshot as Hash does every number: zig-zag
// varints, with the length before each list.
func appendSnapshot(b []byte, sn *Snapshot) []byte {
	put := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	puts := func(vs []int) {
		for _, v := range vs {
			put(v)
		}
	}
	put(sn.Turn)
	puts(sn.Tracks[:])
	put(sn.Gap)
	put(len(sn.Stats))
	for i := range sn.Stats {
		puts(sn.Stats[i][:])
	}
	put(len(sn.Align))
	puts(sn.Align)
	put(len(sn.Sovereign))
	puts(sn.Sovereign)
	put(len(sn.Scores))
	puts(sn.Scores)
	return b
}

// equal reports whether two snapshots hold the same numbers.
func (sn *Snapshot) equal(o *Snapshot) bool {
	return sn.Turn == o.Turn && sn.Tracks == o.Tracks && sn.Gap == o.Gap &&
		slices.Equal(sn.Stats, o.Stats) && slices.Equal(sn.Align, o.Align) &&
		slices.Equal(sn.Sovereign, o.Sovereign) && slices.Equal(sn.Scores, o.Scores)
}

// copyFrom makes sn a copy of o, reusing sn's slices.
func (sn *Snapshot) copyFrom(o *Snapshot) {
	sn.Turn, sn.Tracks, sn.Gap = o.Turn, o.Tracks, o.Gap
	sn.Stats = append(sn.Stats[:0], o.Stats...)
	sn.Align = append(sn.Align[:0], o.Align...)
	sn.Sovereign = append(sn.Sovereign[:0], o.Sovereign...)
	sn.Scores = append(sn.Scores[:0], o.Scores...)
}

// bytes writes raw bytes (an encoding made earlier).
func (e *hashEncoder) bytes(b []byte) {
	for len(b) > 0 {
		if e.n == len(e.buf) {
			e.flush()
		}
		k := copy(e.buf[e.n:], b)
		e.n += k
		b = b[k:]
	}
}

// hashBufSize is the encoder's buffer: a few SHA-256 blocks' worth, so
// that writes to the hash are few.
const hashBufSize = 2048

func (e *hashEncoder) flush() {
	e.h.Write(e.buf[:e.n])
	e.n = 0
}

// room makes space for k more varints.
func (e *hashEncoder) room(k int) {
	if e.n+k*binary.MaxVarintLen64 > len(e.buf) {
		e.flush()
	}
}

// put writes v as an unsigned varint (the encoding of binary.AppendUvarint);
// the caller has made room.
func (e *hashEncoder) put(v uint64) {
	e.n = putUvarint(&e.buf, e.n, v)
}

// putUvarint writes v as an unsigned varint at buf[n:] and returns the new
// end. The loops below keep the end in a local variable rather than in the
// encoder, so that each number is not a store and a load of e.n.
func putUvarint(buf *[hashBufSize]byte, n int, v uint64) int {
	for v >= 0x80 {
		buf[n] = byte(v) | 0x80
		v >>= 7
		n++
	}
	buf[n] = byte(v)
	return n + 1
}

func (e *hashEncoder) u64(v uint64) {
	e.room(1)
	e.put(v)
}

// zigzag maps a signed number to an unsigned one as binary.AppendVarint does.
func zigzag(v int) uint64 {
	x := int64(v)
	return uint64(x<<1) ^ uint64(x>>63)
}

// int writes every integer as a zig-zag varint of its 64-bit value, so
// 32- and 64-bit builds agree and small numbers (most of a state) take one
// byte.
func (e *hashEncoder) int(v int) {
	e.room(1)
	e.put(zigzag(v))
}

func (e *hashEncoder) ints(vs []int) {
	const chunk = hashBufSize / binary.MaxVarintLen64
	for len(vs) > 0 {
		k := min(len(vs), chunk)
		e.room(k)
		n := e.n
		for _, v := range vs[:k] {
			n = putUvarint(&e.buf, n, zigzag(v))
		}
		e.n = n
		vs = vs[k:]
	}
}

// uses writes each use's count and last turn, a run of them at a time.
func (e *hashEncoder) uses(us []Use) {
	const chunk = hashBufSize / binary.MaxVarintLen64 / 2
	for len(us) > 0 {
		k := min(len(us), chunk)
		e.room(2 * k)
		n := e.n
		for _, u := range us[:k] {
			n = putUvarint(&e.buf, n, zigzag(u.Count))
			n = putUvarint(&e.buf, n, zigzag(u.Last))
		}
		e.n = n
		us = us[k:]
	}
}

// str writes the length, then the bytes (copied into the buffer, since
// converting the string for Write would allocate).
func (e *hashEncoder) str(s string) {
	e.int(len(s))
	for len(s) > 0 {
		if e.n == len(e.buf) {
			e.flush()
		}
		k := copy(e.buf[e.n:], s)
		e.n += k
		s = s[k:]
	}
}

func (e *hashEncoder) bool(b bool) {
	if b {
		e.u64(1)
	} else {
		e.u64(0)
	}
}
