# The two commands of the README. Both install missing system packages first.
.PHONY: site test setup bench

setup:
	@scripts/setup

site: setup
	swift build -c release --product course
	.build/release/course build --out site

test: setup
	swift test

bench: setup
	swift run -c release course-bench all
