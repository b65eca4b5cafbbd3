# dicomidx: `make demo` runs the main job on TestData, `make test` runs every test.
SWIFT ?= swift
BIN := .build/release/dicomidx

.PHONY: deps build demo test man man-check clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product dicomidx

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
