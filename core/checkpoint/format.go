package checkpoint

import (
	"hash/crc32"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Magic opens every checkpoint. The high first byte, as in PNG, catches a
// file that went through a 7-bit or text-mode channel.
const Magic = "\x89GANCKPT"

// Version is the payload layout this package writes and reads.
const Version = 1

const (
	headerLen  = int64(len(Magic) + 4 + 8)
	trailerLen = int64(4)
	maxName    = 64 // longest tensor name
	maxRNG     = 64 // longest marshalled generator state
	maxCount   = 1 << 53
)

// maxPayload bounds a payload before it is read: weights plus up to two
// optimiser moments per parameter, the recipe, and generous room for names
// and lengths.
const maxPayload = 3*4*recipe.MaxParams + recipe.MaxLen + 1<<16

var castagnoli = crc32.MakeTable(crc32.Castagnoli)
