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

		var rec recorder
		e := hashEncoder{h: &rec}
		e.ints(vs)
		e.u64(u)
		e.int(single)
		e.str("washington")
		e.str(name)
		e.flush()

		var want []byte
		for _, v := range vs {
			want = binary.AppendVarint(want, int64(v))
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
