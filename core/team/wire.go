package team

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"github.com/ganplayground/ganplayground/core/gan"
)

// The messages between the training worker and its helper workers (team.go,
// helper.go). Each starts with teamMark, which no page command starts with
// (those start with core/protocol's version byte), then a kind and the
// generation: the count of syncs the main worker has sent, so that a
// message of an abandoned update is recognised and dropped.
//
//	sync  main → helper: replica u8, of u8, then a checkpoint of the trainer
//	step  main → helper: 'D' or 'G'
//	total main → helper: the whole batch's stats (3 float64) and gradient
//	parts helper → main: count u8, per subtree lo u16, size u16 and stats,
//	      then the subtrees' gradients one after another
//	fail  helper → main: why the helper cannot go on
//
// Gradients travel as their float32 bytes: both ends are WebAssembly, and
// little-endian, so the bits arrive as they left.
const teamMark = 0xA7

const (
	tmSync  = 'S'
	tmStep  = 'U'
	tmTotal = 'T'
	tmParts = 'P'
	tmFail  = 'E'
)

const teamHead = 6 // mark, kind, generation u32

func teamHeader(dst []byte, kind byte, gen uint32) []byte {
	dst = append(dst, teamMark, kind)
	return binary.LittleEndian.AppendUint32(dst, gen)
}

// IsMessage reports whether b is a team message (the first one a helper
// worker gets makes it one).
func IsMessage(b []byte) bool {
	_, _, ok := isTeam(b)
	return ok
}

// isTeam reports whether b is a team message; kind and gen are its header.
func isTeam(b []byte) (kind byte, gen uint32, ok bool) {
	if len(b) < teamHead || b[0] != teamMark {
		return 0, 0, false
	}
	return b[1], binary.LittleEndian.Uint32(b[2:]), true
}

// floatBytes is f's memory as bytes (no copy).
func floatBytes(f []float32) []byte {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(f))), 4*len(f))
}

func appendStats(dst []byte, st *[3]float64) []byte {
	for _, v := range st {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(v))
	}
	return dst
}

func readStats(b []byte, st *[3]float64) {
	for i := range st {
		st[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
}

var errTeamMsg = errors.New("worker team: malformed message")

// appendParts encodes the summed subtrees of replica i of n.
func appendParts(dst []byte, gen uint32, t *gan.Trainer, i, n int) []byte {
	dst = teamHeader(dst, tmParts, gen)
	lo, hi := gan.Block(i, n, t.Shards())
	count := 0
	gan.Subtrees(lo, hi, func(int, int) { count++ })
	dst = append(dst, byte(count))
	gan.Subtrees(lo, hi, func(lo, size int) {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(lo))
		dst = binary.LittleEndian.AppendUint16(dst, uint16(size))
		dst = appendStats(dst, t.ShardStats(lo))
	})
	gan.Subtrees(lo, hi, func(lo, size int) { dst = append(dst, floatBytes(t.ShardGrad(lo))...) })
	return dst
}

// readParts copies a helper's subtrees into t's shard buffers.
func readParts(b []byte, t *gan.Trainer) error {
	b = b[teamHead:]
	if len(b) < 1 {
		return errTeamMsg
	}
	count := int(b[0])
	head := 1 + count*(4+24)
	if len(b) < head {
		return errTeamMsg
	}
	grads := b[head:]
	for k := 0; k < count; k++ {
		p := b[1+k*28:]
		lo, size := int(binary.LittleEndian.Uint16(p)), int(binary.LittleEndian.Uint16(p[2:]))
		if size < 1 || lo+size > t.Shards() {
			return fmt.Errorf("%w: subtree %d+%d of %d shards", errTeamMsg, lo, size, t.Shards())
		}
		readStats(p[4:], t.ShardStats(lo))
		g := floatBytes(t.ShardGrad(lo))
		if len(grads) < len(g) {
			return fmt.Errorf("%w: a gradient cut short", errTeamMsg)
		}
		copy(g, grads[:len(g)])
		grads = grads[len(g):]
	}
	if len(grads) != 0 {
		return fmt.Errorf("%w: %d bytes too many", errTeamMsg, len(grads))
	}
	return nil
}

// appendTotal encodes the whole batch's sum (shard 0 once summed).
func appendTotal(dst []byte, gen uint32, t *gan.Trainer) []byte {
	dst = teamHeader(dst, tmTotal, gen)
	dst = appendStats(dst, t.ShardStats(0))
	return append(dst, floatBytes(t.ShardGrad(0))...)
}

// readTotal copies the whole batch's sum into t's shard 0.
func readTotal(b []byte, t *gan.Trainer) error {
	b = b[teamHead:]
	g := floatBytes(t.ShardGrad(0))
	if len(b) != 24+len(g) {
		return fmt.Errorf("%w: a total of %d bytes, want %d", errTeamMsg, len(b), 24+len(g))
	}
	readStats(b, t.ShardStats(0))
	copy(g, b[24:])
	return nil
}
