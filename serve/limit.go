package serve

import (
	"sync"
	"time"
)

// limiter is a token bucket per address: burst connections at once, then
// one more every every.
type limiter struct {
	mu     sync.Mutex
	burst  int
	every  time.Duration
	now    func() time.Time
	bucket map[string]tokens
}

type tokens struct {
	n    float64
	last time.Time
}

// maxAddresses bounds the memory the limiter keeps; past it, the buckets
// that have filled up again are forgotten.
const maxAddresses = 4096

func newLimiter(burst int, every time.Duration, now func() time.Time) *limiter {
	return &limiter{burst: burst, every: every, now: now, bucket: map[string]tokens{}}
}

// allow takes a token for a new connection from addr, if there is one.
func (l *limiter) allow(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.bucket) >= maxAddresses {
		for a, b := range l.bucket {
			if l.refill(b, now).n >= float64(l.burst) {
				delete(l.bucket, a)
			}
		}
	}
	b, ok := l.bucket[addr]
	if !ok {
		b = tokens{n: float64(l.burst), last: now}
	}
	b = l.refill(b, now)
	if b.n < 1 {
		l.bucket[addr] = b
		return false
	}
	b.n--
	l.bucket[addr] = b
	return true
}

// refill adds the tokens earned since the bucket was last seen.
func (l *limiter) refill(b tokens, now time.Time) tokens {
	if d := now.Sub(b.last); d > 0 {
		b.n = min(float64(l.burst), b.n+float64(d)/float64(l.every))
		b.last = now
	}
	return b
}
