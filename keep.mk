# keep.mk — model links (core/share) and browser checkpoint storage
# (app/store). Included from the Makefile by the lead: `include keep.mk`.
#
#   make test-keep   native tests, core/share under WASM in Node, app/store
#                    in headless Chromium (wasmbrowsertest)
#   make fuzz-keep   short fuzz pass over the link decoder
#
# wasmbrowsertest takes no browser flags: a `chromium` wrapper that adds
# them goes first on PATH. Chromium leaves profile folders in TMPDIR: each
# run gets its own temporary folder, removed afterwards, pass or fail.
GO ?= go
KEEP_WASMBROWSERTEST := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOPATH)/bin/wasmbrowsertest
KEEP_CHROMIUM ?= /usr/bin/chromium
KEEP_NODE_EXEC := $(shell GOTOOLCHAIN=$(GOTOOLCHAIN) $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: test-keep test-keep-native test-keep-wasm test-keep-browser fuzz-keep

test-keep: test-keep-native test-keep-wasm test-keep-browser

test-keep-native:
	$(GO) vet ./core/share ./app/store
	GOOS=js GOARCH=wasm $(GO) vet ./core/share ./app/store
	$(GO) test ./core/share ./app/store

test-keep-wasm:
	@command -v node >/dev/null || (apt-get update && apt-get install -y nodejs)
	GOOS=js GOARCH=wasm $(GO) test -exec=$(KEEP_NODE_EXEC) ./core/share

$(KEEP_WASMBROWSERTEST):
	$(GO) install github.com/agnivade/wasmbrowsertest@v0.11.0

test-keep-browser: $(KEEP_WASMBROWSERTEST)
	@tmp=$$(mktemp -d -t keep-browser.XXXXXX); trap 'rm -rf "$$tmp"' EXIT; \
	mkdir -p "$$tmp/bin" "$$tmp/tmp"; \
	printf '%s\n' '#!/bin/sh' \
	  'exec $(KEEP_CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$$KEEP_PROFILE" "$$@"' \
	  > "$$tmp/bin/chromium"; \
	chmod +x "$$tmp/bin/chromium"; \
	PATH="$$tmp/bin:$$PATH" TMPDIR="$$tmp/tmp" KEEP_PROFILE="$$tmp/profile" \
	  GOOS=js GOARCH=wasm $(GO) test -count=1 -timeout 20m -exec=$(KEEP_WASMBROWSERTEST) $(KEEP_BROWSER_FLAGS) ./app/store

fuzz-keep:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $${FUZZTIME:-100000x} ./core/share
