// Package metrics measures how well a generator matches its data: mode
// coverage and quality for 2-D mixtures with known modes, Jensen–Shannon
// divergence on a grid for any 2-D data, and the paper's Parzen-window
// log-likelihood for MNIST.
package metrics
