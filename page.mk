# The page, the worker and their browser tests (included by Makefile).
#   make wasm      build web/app.wasm (the page), web/worker.wasm (the
#                  training worker, with SIMD), web/worker-scalar.wasm
#                  (without) and the matching web/wasm_exec.js
#   make static    write the site as static files into $(STATIC_DIR)
#   make chromium  install Chromium if /usr/bin/chromium is missing
#   make e2e       the worker's native tests, then the end-to-end tests in
#                  headless Chromium (screenshots go to artifacts/)
CHROMIUM ?= /usr/bin/chromium
# Chromium and go build leave files in TMPDIR: a dot folder, which ./...
# ignores, removed after the run.
E2E_TMP := $(CURDIR)/.e2e-tmp
STATIC_DIR ?= bin/site
WASM_GO := GOOS=js GOARCH=wasm $(GO)
PAGE_SRC := $(shell find app core -name '*.go' -not -name '*_test.go' -not -path 'app/bench/*')
WORKER_SRC := $(shell find wasm core -name '*.go' -not -name '*_test.go')

.PHONY: wasm static chromium e2e test-worker python3

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

static: build wasm
	./bin/app serve -static $(STATIC_DIR)

chromium:
	@test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

# The offline tests serve `make static`'s site with `python3 -m
# http.server`, the README's workshop recipe.
python3:
	@command -v python3 >/dev/null || (apt-get update && apt-get install -y python3)

# The worker's Session runs natively too (test-native covers core/ and
# app/ only): its tests run before the browser ones.
test-worker:
	$(GO) test -race -timeout 20m ./wasm

# The browser tests need Chromium and the wasm files: both come first. The
# test itself builds and starts the server on a free port.
e2e: test-worker chromium wasm python3
	mkdir -p artifacts $(E2E_TMP)
	E2E=1 TMPDIR=$(E2E_TMP) CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -timeout 30m ./app/e2e; \
		status=$$?; rm -rf $(E2E_TMP); exit $$status
