# make run   – find or start PostgreSQL, migrate, load the demo, serve on 127.0.0.1:8080 (-dev);
#              PORT=9090 or ADDR=0.0.0.0:8080 to change it, DATABASE_URL=… for another database
# make test  – find or start PostgreSQL and run every test
# make bench – the Go benchmarks behind the figures in README.md
# make fuzz  – fuzz the GraphQL handler for 60 s (not part of make test)
# make bench-compare – awardd against PostGraphile v4 on the same data (about 12 min; not part of make test)
# make screenshots – run the browser tests and refresh the screenshots README.md shows
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
BIN := bin/awardd
DB := .ci/postgres.sh
# make run serves the demo's published passwords with -dev: loopback only
# unless ADDR says otherwise.
PORT ?= 8080
ADDR ?= 127.0.0.1:$(PORT)

.PHONY: run test bench bench-compare bench-mail fuzz build vet fmt clean-db screenshots

build:
	$(GO) build -o $(BIN) ./cmd/awardd

run: build
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(BIN) migrate && $(BIN) seed-demo && exec $(BIN) serve -addr $(ADDR) -dev

# The browser tests (graph/web) drive Chromium: .ci/chromium.sh finds it,
# or installs Debian's chromium as root, or says what to install (then
# they skip, except under CI=true, where they fail).
# The PDF tests read text back with pdftotext (poppler-utils): installed here
# when missing and run as root, otherwise those tests skip and say why.
# Every benchmark then runs once, untimed, so that the code behind the
# figures in README.md cannot break unnoticed (only the package lines and
# any failure are shown). The database-restart test runs alone,
# after the others: restarting the cluster would break the tests other
# packages run at the same time.
test:
	if ! command -v pdftotext >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; } || \
	  echo "make: could not install poppler-utils; the PDF text tests will skip" >&2; fi
	chrome=$$(.ci/chromium.sh || true); export CHROME_PATH="$$chrome"; \
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(GO) vet ./... && $(GO) test -count=1 -timeout 30m ./... && \
	$(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./... | { grep -Ev '^(Benchmark|goos|goarch|pkg|cpu|PASS)' || true; } && \
	AWARDS_RESTART_DB=1 $(GO) test -count=1 -run '^TestDatabaseRestart' ./graph/

bench:
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

# bench-compare loads a generated data set into a fresh database
# (awards_benchcompare) through awardd's API and importer, installs
# PostGraphile v4 with npm under $TMPDIR (outside the checkout), and runs
# interleaved wrk rounds against both (README.md, "Against PostGraphile").
# wrk, node and npm come from Debian when missing and run as root.
# BENCH_FLAGS passes flags, such as -rounds 3 -duration 5s.
bench-compare: build
	for tool in wrk:wrk npm:npm node:nodejs; do \
	  if ! command -v $${tool%%:*} >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $${tool#*:} >/dev/null; fi; done
	$(GO) build -o bin/benchcompare ./cmd/benchcompare
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	bin/benchcompare -awardd $(BIN) $(BENCH_FLAGS)

# fuzz runs FuzzHandler on its seed corpus (graph/testdata/fuzz) and new
# inputs; a failing input is saved there, to be committed with its fix.
fuzz:
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(GO) test -run '^$$' -fuzz '^FuzzHandler$$' -fuzztime 60s ./graph/

fmt:
	gofmt -l -w $$(git ls-files '*.go')

# clean-db stops the private cluster and deletes it.
clean-db:
	d=$$(readlink -f .data/cluster || true); \
	if [ -n "$$d" ] && [ -f "$$d/PG_VERSION" ]; then \
	  if [ "$$(id -u)" = 0 ]; then runuser -u postgres -- pg_ctl -D "$$d" stop -m fast || true; \
	  else pg_ctl -D "$$d" stop -m fast || true; fi; \
	  rm -rf "$$d"; fi; rm -rf .data

# bench-mail: 10,000 queued mails delivered to the in-process SMTP server
# (STARTTLS) with one sender and with two; the figures in README.md (Mail).
bench-mail:
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(GO) test -run '^$$' -bench '^BenchmarkDeliver10000$$' -benchtime 1x -count 5 ./graph/mail/

# screenshots runs the browser tests, which write every page they visit to
# .data/screenshots, and copies the ones README.md shows to
# graph/web/screenshots.
README_SHOTS := home-js results-js benchmark-js municipality-js editor-js
screenshots:
	chrome=$$(.ci/chromium.sh); export CHROME_PATH="$$chrome"; \
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	rm -rf .data/screenshots; SCREENSHOTS=$(CURDIR)/.data/screenshots $(GO) test -count=1 -run '^TestBrowser' ./graph/web/ && \
	mkdir -p graph/web/screenshots && \
	for s in $(README_SHOTS); do if [ -f .data/screenshots/$$s.png ]; then cp .data/screenshots/$$s.png graph/web/screenshots/$${s%-js}.png; fi; done

# bench-web measures the server time of the home page, the application
# editor and a benchmark report page (five rounds; README quotes medians).
bench-web:
	url=$$($(DB)); export DATABASE_URL="$$url"; \
	$(GO) test -run '^$$' -bench '^BenchmarkPages$$' -benchmem -count 5 ./graph/web/
