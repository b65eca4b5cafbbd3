# dicomidx: `make demo` runs the main job on TestData, `make test` runs every test.
SWIFT ?= swift
BIN := .build/release/dicomidx
# Release builds link the Swift runtime and Foundation into the binary: start-up takes half
# the time (no dynamic symbol binding of Foundation and ICU), the binary is about 90 MB.
# Every release build of the repository (the benchmarks too) uses these flags, so that they
# share one .build/release.
RELEASE := -c release --static-swift-stdlib

.PHONY: deps build demo test test-asan fuzz man man-check clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build $(RELEASE) --product dicomidx

# The main job on the bundled archive: group it into studies and write FHIR ImagingStudy JSON
# to demo/studies.json, the summary to standard error and demo/summary.json. TestData holds two
# damaged files on purpose, so exit status 1 is the expected result here.
demo: build
	@mkdir -p demo
	$(BIN) scan TestData/archive --format json -o demo/studies.json --summary-json demo/summary.json; \
	  status=$$?; \
	  echo "dicomidx scan exit status: $$status (1: some files could not be read, as TestData intends)"; \
	  echo "FHIR ImagingStudy resources: demo/studies.json ($$(grep -c '"resourceType":"ImagingStudy"' demo/studies.json) studies)"; \
	  [ $$status -le 1 ]

# Every test, serially (XCTest prints its closing summary only without --parallel).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Every test under AddressSanitizer, in its own scratch path (.build-asan) so that the ordinary
# build is not redone. XCTest itself leaks, hence detect_leaks=0. The full log goes to
# .build-asan/test.log; one line (or, on failure, the log) is printed.
test-asan: deps
	@mkdir -p .build-asan
	@$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan >.build-asan/build.log 2>&1 \
	  || { tail -n 50 .build-asan/build.log; echo "swift build --sanitize=address: FAILED"; exit 1; }
	@ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan \
	  >.build-asan/test.log 2>&1 \
	  && echo "swift test --sanitize=address: passed ($$(grep -a -o -E 'Executed [0-9]+ tests' .build-asan/test.log | tail -n 1 | grep -o -E '[0-9]+') tests)" \
	  || { cat .build-asan/test.log; echo "swift test --sanitize=address: FAILED"; exit 1; }

# The fuzz targets for FUZZ_SECONDS each (default 600); see README "Robustness".
FUZZ_SECONDS ?= 600
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

# Regenerate man/dicomidx.1 from the argument parser.
MANUAL_OUT := .build/plugins/GenerateManual/outputs/dicomidx
MANUAL := $(SWIFT) package generate-manual --date 2026-11-23 --authors "dicomidx developers"

man:
	$(MANUAL)
	cp $(MANUAL_OUT)/dicomidx.1 man/dicomidx.1

# Fails when man/dicomidx.1 is not what the argument parser generates now.
man-check:
	$(MANUAL) >/dev/null
	diff -u man/dicomidx.1 $(MANUAL_OUT)/dicomidx.1 && echo "man/dicomidx.1 is current"

clean:
	rm -rf .build
