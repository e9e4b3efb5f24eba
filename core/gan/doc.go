// Package gan trains a generator against a discriminator exactly as
// Algorithm 1 of Goodfellow et al. (2014): k discriminator updates on a
// minibatch of m real and m generated samples, then one generator update.
// The losses work on D's logits; the page, the worker and the CLI all drive
// this one Trainer.
package gan
