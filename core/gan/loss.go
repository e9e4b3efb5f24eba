package gan

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/fmath"
)

// Loss is a GAN objective on D's raw outputs (logits). Each method returns
// the mean loss over the batch and writes dLoss/dlogit into grad.
type Loss interface {
	// D is the discriminator's loss on real logits r and fake logits f.
	D(r, f, gr, gf []float32) float64
	// G is the generator's loss on fake logits f.
	G(f, gf []float32) float64
	// DN and GN are D and G for part of a batch (a shard): the means are
	// over nr real and nf fake rows, the whole batch's, of which r and f
	// are some. Every loss here is a sum of per-row terms, so a batch's
	// loss and gradient are its shards' summed. D(r, f, gr, gf) is
	// DN(r, f, gr, gf, len(r), len(f)), bit for bit.
	DN(r, f, gr, gf []float32, nr, nf int) float64
	GN(f, gf []float32, n int) float64
}

// NewLoss returns the loss named by the recipe.
func NewLoss(name string) (Loss, error) {
	switch name {
	case "minimax":
		return Minimax{}, nil
	case "nonsat":
		return NonSat{}, nil
	case "lsgan":
		return LSGAN{}, nil
	case "hinge":
		return Hinge{}, nil
	case "wgan":
		return WGAN{}, nil
	}
	return nil, fmt.Errorf("gan: unknown loss %q", name)
}

// bceD is the value function's discriminator side, shared by minimax and
// nonsat: −[log D(x) + log(1 − D(G(z)))], with D = σ(logit), written with
// softplus so that it never takes log of 0.
func bceD(r, f, gr, gf []float32, cr, cf int) float64 {
	var l float64
	nr, nf := float32(cr), float32(cf)
	for i, v := range r {
		l += fmath.Softplus(-float64(v)) / float64(cr)
		gr[i] = (fmath.Sigmoid(v) - 1) / nr
	}
	for i, v := range f {
		l += fmath.Softplus(float64(v)) / float64(cf)
		gf[i] = fmath.Sigmoid(v) / nf
	}
	return l
}

// Minimax is the paper's value function as written: G minimises
// log(1 − D(G(z))), which saturates when D rejects G's samples confidently.
type Minimax struct{}

func (l Minimax) D(r, f, gr, gf []float32) float64 { return l.DN(r, f, gr, gf, len(r), len(f)) }
func (Minimax) DN(r, f, gr, gf []float32, nr, nf int) float64 {
	return bceD(r, f, gr, gf, nr, nf)
}
func (l Minimax) G(f, gf []float32) float64 { return l.GN(f, gf, len(f)) }
func (Minimax) GN(f, gf []float32, cf int) float64 {
	var l float64
	n := float32(cf)
	for i, v := range f {
		l -= fmath.Softplus(float64(v)) / float64(cf) // log(1−σ(v)) = −softplus(v)
		gf[i] = -fmath.Sigmoid(v) / n
	}
	return l
}

// NonSat is the paper's practical fix: G maximises log D(G(z)).
type NonSat struct{}

func (l NonSat) D(r, f, gr, gf []float32) float64 { return l.DN(r, f, gr, gf, len(r), len(f)) }
func (NonSat) DN(r, f, gr, gf []float32, nr, nf int) float64 {
	return bceD(r, f, gr, gf, nr, nf)
}
func (l NonSat) G(f, gf []float32) float64 { return l.GN(f, gf, len(f)) }
func (NonSat) GN(f, gf []float32, cf int) float64 {
	var l float64
	n := float32(cf)
	for i, v := range f {
		l += fmath.Softplus(-float64(v)) / float64(cf)
		gf[i] = (fmath.Sigmoid(v) - 1) / n
	}
	return l
}

// LSGAN is least squares with targets 1 (real) and 0 (fake) (Mao et al. 2017).
type LSGAN struct{}

func (l LSGAN) D(r, f, gr, gf []float32) float64 { return l.DN(r, f, gr, gf, len(r), len(f)) }
func (LSGAN) DN(r, f, gr, gf []float32, cr, cf int) float64 {
	var l float64
	nr, nf := float32(cr), float32(cf)
	for i, v := range r {
		d := float64(v) - 1
		l += 0.5 * d * d / float64(cr)
		gr[i] = (v - 1) / nr
	}
	for i, v := range f {
		l += 0.5 * float64(v) * float64(v) / float64(cf)
		gf[i] = v / nf
	}
	return l
}
func (l LSGAN) G(f, gf []float32) float64 { return l.GN(f, gf, len(f)) }
func (LSGAN) GN(f, gf []float32, cf int) float64 {
	var l float64
	n := float32(cf)
	for i, v := range f {
		d := float64(v) - 1
		l += 0.5 * d * d / float64(cf)
		gf[i] = (v - 1) / n
	}
	return l
}

// Hinge is the hinge loss of SAGAN / spectral-norm GANs.
type Hinge struct{}

func (l Hinge) D(r, f, gr, gf []float32) float64 { return l.DN(r, f, gr, gf, len(r), len(f)) }
func (Hinge) DN(r, f, gr, gf []float32, cr, cf int) float64 {
	var l float64
	nr, nf := float32(cr), float32(cf)
	for i, v := range r {
		gr[i] = 0
		if v < 1 {
			l += (1 - float64(v)) / float64(cr)
			gr[i] = -1 / nr
		}
	}
	for i, v := range f {
		gf[i] = 0
		if v > -1 {
			l += (1 + float64(v)) / float64(cf)
			gf[i] = 1 / nf
		}
	}
	return l
}
func (l Hinge) G(f, gf []float32) float64       { return l.GN(f, gf, len(f)) }
func (Hinge) GN(f, gf []float32, n int) float64 { return meanNeg(f, gf, n) }

// WGAN is the Wasserstein critic loss (Arjovsky et al. 2017); the trainer
// clips D's weights after each update.
type WGAN struct{}

func (l WGAN) D(r, f, gr, gf []float32) float64 { return l.DN(r, f, gr, gf, len(r), len(f)) }
func (WGAN) DN(r, f, gr, gf []float32, cr, cf int) float64 {
	var l float64
	nr, nf := float32(cr), float32(cf)
	for i, v := range r {
		l -= float64(v) / float64(cr)
		gr[i] = -1 / nr
	}
	for i, v := range f {
		l += float64(v) / float64(cf)
		gf[i] = 1 / nf
	}
	return l
}
func (l WGAN) G(f, gf []float32) float64       { return l.GN(f, gf, len(f)) }
func (WGAN) GN(f, gf []float32, n int) float64 { return meanNeg(f, gf, n) }

func meanNeg(f, gf []float32, c int) float64 {
	var l float64
	n := float32(c)
	for i, v := range f {
		l -= float64(v) / float64(c)
		gf[i] = -1 / n
	}
	return l
}
