# GAN Playground. `make run` serves the playground; `make test` installs
# what the tests need and runs them all. See README.md.
SHELL := /bin/bash
GO ?= go
# Pin the amd64 baseline: GOAMD64=v3 would let the compiler fuse a*b+c into
# FMA, and the native build must compute exactly what the WASM build does.
export GOAMD64 := v1
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
ADDR ?= localhost:8000

.PHONY: run test build bench wasm assets test-native test-wasm fuzz clean

run: build wasm assets
	./bin/app serve -addr $(ADDR)

build:
	$(GO) build -o bin/app ./app

# test: every suite. Targets are filled in by the issues that own them.
test: test-native test-wasm fuzz e2e

test-native:
	$(GO) vet ./...
	$(GO) test -race ./core/...
	$(GO) test ./app/...

# The pure-compute packages again, compiled to WASM and run in Node: the
# same results in the browser as natively (fingerprints are golden values
# checked on both sides).
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec=$(WASM_EXEC) ./core/...

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 10s ./core/recipe

include page.mk

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./core/...

clean:
	rm -rf bin web/*.wasm web/wasm_exec.js web/data
