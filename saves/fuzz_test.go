package saves

import (
	"bytes"
	"os"
	"testing"
)

// FuzzDecodeReplay: decoding arbitrary bytes never panics; whatever decodes
// encodes and decodes again to the same replay.
func FuzzDecodeReplay(f *testing.F) {
	for _, s := range replaySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeReplay(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		var b bytes.Buffer
		if err := r.Encode(&b); err != nil {
			t.Fatalf("encode: %v", err)
		}
		r2, err := DecodeReplay(b.Bytes())
		if err != nil {
			t.Fatalf("a decoded replay does not decode after encoding: %v\n%s", err, b.String())
		}
		var b2 bytes.Buffer
		r2.Encode(&b2)
		if !bytes.Equal(b.Bytes(), b2.Bytes()) {
			t.Fatalf("encoding is not stable:\n%s\n---\n%s", b.String(), b2.String())
		}
	})
}

var replaySeeds = []string{
	"",
	"{}",
	`{"format":"zerosum-replay","version":1,"scenario":"race2025","content":"x","seed":1,"seats":[],"start":"` + zeros + `","turns":[]}`,
	`{"format":"zerosum-replay","version":1,"scenario":"race2025","content":"x","seed":1,"seats":[{"actor":"washington","kind":"bot"}],"start":"` + zeros + `","turns":[{"turn":1,"orders":["washington:tighten_controls","beijing:digital_silk_road@india"],"hash":"` + zeros + `"}]}`,
	`{"format":"zerosum-replay","version":2}`,
	`{"format":"zerosum-save"}`,
	`{"format":"zerosum-replay","version":1,"scenario":"race2025","start":"` + zeros + `","turns":[{"turn":2}]}`,
	`{"format":"zerosum-replay","version":1,"turns":[{"turn":1,"orders":[":"]`,
}

const zeros = "0000000000000000000000000000000000000000000000000000000000000000"

// FuzzDecodeSave: decoding arbitrary bytes never panics; whatever decodes
// encodes and decodes again to the same save.
func FuzzDecodeSave(f *testing.F) {
	oldSave, newSave, err := makeTwoSaves()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []*Save{oldSave, newSave} {
		b, _ := s.Encode()
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	if v1, err := os.ReadFile("testdata/v1.zsave"); err == nil {
		f.Add(v1)
	}
	f.Add([]byte(SaveMagic + " 2 sha256=" + zeros + "\n{}"))
	f.Add([]byte(SaveMagic + " 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeSave(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		b, err := s.Encode()
		if err != nil {
			t.Fatal(err)
		}
		s2, err := DecodeSave(b)
		if err != nil {
			t.Fatalf("a decoded save does not decode after encoding: %v", err)
		}
		b2, _ := s2.Encode()
		if !bytes.Equal(b, b2) {
			t.Fatal("encoding is not stable")
		}
	})
}
