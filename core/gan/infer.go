package gan

// Generate maps rows noise vectors z (rows×Z) through the sampling
// generator (G, or its average: Sampler) in evaluation mode (no dropout),
// at the recipe's temperature: G(temp·z). A temperature below 1 draws
// more typical samples at the cost of variety (the "temperature" of
// Kingma & Dhariwal 2018, the truncation of Brock et al. 2019); G(τ·z) is
// the same network with its first layer's weights scaled by τ, so the
// tempered sampler is still a generator of the recipe's family. The
// result is the net's buffer: copy it before the next call.
func (t *Trainer) Generate(z []float32, rows int) []float32 {
	if tau := float32(t.Recipe.Temp); tau > 0 && tau != 1 {
		t.zTemp = append(t.zTemp[:0], z[:rows*t.Recipe.Z]...)
		for i := range t.zTemp {
			t.zTemp[i] *= tau
		}
		z = t.zTemp
	}
	return t.Sampler().Forward(z, rows, false)
}

// Samples draws n fresh samples from G with the given noise generator
// state left untouched: it uses its own stream derived from seed, so that
// looking at samples never changes the training run.
func (t *Trainer) Samples(n int, seed uint64) []float32 {
	return append([]float32(nil), t.Generate(t.Noise(n, seed), n)...)
}

// Noise draws n noise vectors (n×Z) from the prior with a stream of its
// own, derived from seed: the training stream t.RNG is left where it was.
func (t *Trainer) Noise(n int, seed uint64) []float32 {
	z := make([]float32, n*t.Recipe.Z)
	saved := t.RNG
	t.RNG = newRNG(seed)
	t.SampleNoise(z, n)
	t.RNG = saved
	return z
}

// Discriminate returns D(x) ∈ (0, 1) for rows points x (rows×dim). With
// packing, each point is judged as a pack of copies of itself.
func (t *Trainer) Discriminate(x []float32, rows int, out []float32) []float32 {
	in := x
	if p := t.Recipe.Pack; p > 1 {
		in = make([]float32, 0, rows*t.dim*p)
		for i := 0; i < rows; i++ {
			for k := 0; k < p; k++ {
				in = append(in, x[i*t.dim:(i+1)*t.dim]...)
			}
		}
	}
	logits := t.D.Forward(in, rows, false)
	out = out[:0]
	for _, v := range logits {
		out = append(out, float32(sigmoid64(float64(v))))
	}
	return out
}
