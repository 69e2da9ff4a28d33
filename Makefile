# Hydrascope: the two commands a newcomer needs are `make run` and `make test`.
# Each one installs missing Debian packages, configures and builds, then does its job.
BUILD     ?= build
JOBS      ?= $(shell nproc)
CMAKEARGS ?=
DEMO      := $(BUILD)/demo/hydrascope-demo.db
APP       := $(BUILD)/app/hydrascope

.PHONY: all deps configure build run test bench demo-report package sanitize fuzz clean
all: build

deps:
	@bash packaging/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DHYDRASCOPE_WERROR=ON $(CMAKEARGS)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(APP) $(DEMO); \
	else \
	  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): writing the demo report instead."; \
	  $(MAKE) --no-print-directory demo-report; \
	fi

demo-report: build
	@mkdir -p $(BUILD)/demo
	$(APP) analyze $(DEMO) > $(BUILD)/demo/demo-summary.txt
	$(APP) analyze $(DEMO) --json > $(BUILD)/demo/demo-analysis.json
	$(APP) report $(DEMO) -o $(BUILD)/demo/demo-report.pdf
	@echo "Demo summary: $(BUILD)/demo/demo-summary.txt"; cat $(BUILD)/demo/demo-summary.txt

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) -LE bench

bench: build
	cd $(BUILD) && ctest --output-on-failure -L bench --verbose

# The Debian package (packaging/CMakeLists.txt); cpack prints where it wrote the .deb.
package: build
	cd $(BUILD) && cpack -G DEB

sanitize: deps
	cmake -S . -B $(BUILD)-asan -G Ninja -DHYDRASCOPE_WERROR=ON -DHYDRASCOPE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKEARGS)
	cmake --build $(BUILD)-asan -j $(JOBS)
	cd $(BUILD)-asan && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -LE bench

# libFuzzer harnesses (tests/fuzz, docs/fuzzing.md) in a clang tree with ASan and UBSan, each run
# FUZZ_SECONDS (default 300). Findings land in $(BUILD)-fuzz/fuzz/artifacts/NAME/.
FUZZ_SECONDS ?= 300
fuzz: deps
	cmake -S . -B $(BUILD)-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DHYDRASCOPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKEARGS)
	cmake --build $(BUILD)-fuzz -j $(JOBS) --target fuzzers
	tests/fuzz/run.sh $(BUILD)-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
