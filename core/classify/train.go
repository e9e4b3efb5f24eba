package classify

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/optim"
	"github.com/ganplayground/ganplayground/core/rng"
)

// TrainConfig is every setting of a classifier run; the same config on
// the same images gives the same weights, bit for bit.
type TrainConfig struct {
	Seed   uint64
	Hidden []int
	Epochs int
	Batch  int
	LR     float64 // Adam's initial rate; it decays geometrically to LR/10 by the last step
	Shift  int     // random translation of each training image by up to ±Shift pixels (0 = none)
}

// DefaultTrain is the shipped classifier's run.
func DefaultTrain() TrainConfig {
	return TrainConfig{Seed: 1, Hidden: DefaultHidden, Epochs: 12, Batch: 100, LR: 1e-3, Shift: 1}
}

// Train fits a classifier to m. progress, if not nil, is called after each
// epoch with the epoch number (from 1) and its mean training loss.
func Train(cfg TrainConfig, m *data.MNIST, progress func(epoch int, loss float64)) (*Classifier, error) {
	if cfg.Epochs < 1 || cfg.Batch < 1 || !(cfg.LR > 0) || cfg.Shift < 0 || cfg.Shift > 4 {
		return nil, fmt.Errorf("classify: bad training config %+v", cfg)
	}
	n := m.Len()
	if n < cfg.Batch {
		return nil, fmt.Errorf("classify: %d images for batches of %d", n, cfg.Batch)
	}
	c, err := New(cfg.Hidden, cfg.Seed)
	if err != nil {
		return nil, err
	}
	perEpoch := n / cfg.Batch
	total := perEpoch * cfg.Epochs
	opt, err := optim.New(optim.Config{
		Kind: "adam", LR: cfg.LR, Mom: 0.9, B2: 0.999,
		Decay: math.Pow(10, 1/float64(total)), LRMin: cfg.LR / 10,
	}, c.Net.Params())
	if err != nil {
		return nil, err
	}
	r := rng.New(cfg.Seed ^ 0x5eed)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	x := make([]float32, cfg.Batch*data.Pixels)
	labels := make([]uint8, cfg.Batch)
	grad := make([]float32, cfg.Batch*Classes)
	for ep := 1; ep <= cfg.Epochs; ep++ {
		for i := n - 1; i > 0; i-- { // Fisher–Yates with our RNG: reproducible everywhere
			j := r.IntN(i + 1)
			order[i], order[j] = order[j], order[i]
		}
		var sum float64
		for b := 0; b < perEpoch; b++ {
			for i := 0; i < cfg.Batch; i++ {
				k := order[b*cfg.Batch+i]
				dx, dy := 0, 0
				if cfg.Shift > 0 {
					dx, dy = r.IntN(2*cfg.Shift+1)-cfg.Shift, r.IntN(2*cfg.Shift+1)-cfg.Shift
				}
				shiftImage(x[i*data.Pixels:(i+1)*data.Pixels], m.Images[k*data.Pixels:(k+1)*data.Pixels], dx, dy)
				labels[i] = m.Labels[k]
			}
			c.Net.ZeroGrad()
			logits := c.Net.Forward(x, cfg.Batch, true)
			loss := SoftmaxCE(logits, labels, cfg.Batch, Classes, grad)
			if math.IsNaN(loss) || math.IsInf(loss, 0) {
				return nil, fmt.Errorf("classify: loss %v at epoch %d, batch %d", loss, ep, b)
			}
			sum += loss
			c.Net.Backward(grad, cfg.Batch, false)
			opt.Update()
		}
		if progress != nil {
			progress(ep, sum/float64(perEpoch))
		}
	}
	return c, nil
}

// shiftImage writes the 28×28 image src, moved by (dx, dy) pixels and
// scaled to [0, 1], into dst; pixels moved in from outside are 0.
func shiftImage(dst []float32, src []uint8, dx, dy int) {
	const w = 28
	clear(dst)
	for y := 0; y < w; y++ {
		sy := y - dy
		if sy < 0 || sy >= w {
			continue
		}
		for x := 0; x < w; x++ {
			sx := x - dx
			if sx < 0 || sx >= w {
				continue
			}
			dst[y*w+x] = float32(src[sy*w+sx]) / 255
		}
	}
}
