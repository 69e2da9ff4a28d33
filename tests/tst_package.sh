#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Package test: validates the desktop integration files, builds the .deb with CPack, checks its
# dependencies and lintian, then runs the packaged binary from a clean root extracted with
# dpkg-deb (no system install needed: the binary must work with system libraries alone).
# Usage: tst_package.sh SOURCE_DIR BUILD_DIR VERSION CPACK_COMMAND BUILT_BINARY
set -euo pipefail
src=$1 build=$2 version=$3 cpack=$4 built=$5
id=io.github.hydrascope.Hydrascope
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "desktop file, metainfo and man page"
out=$(desktop-file-validate "$src/packaging/$id.desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
appstreamcli validate --no-net "$src/packaging/$id.metainfo.xml" || fail "appstreamcli validate"
out=$(groff -man -Tutf8 -ww -z "$src/packaging/hydrascope.1" 2>&1) || fail "groff: $out"
[ -z "$out" ] || fail "man page warnings: $out"
# The version is written by hand in three files: they must follow the project's.
grep -q "^\.TH HYDRASCOPE 1 .* \"Hydrascope $version\"" "$src/packaging/hydrascope.1" || fail "man page version is not $version"
grep -q "<release version=\"$version\"" "$src/packaging/$id.metainfo.xml" || fail "metainfo has no release $version"
head -n1 "$src/packaging/changelog" | grep -q "^hydrascope ($version)" || fail "changelog does not start at $version"

step "cpack"
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack"; }
deb=$tmp/out/hydrascope_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls -l "$tmp/out"; fail "no $deb"; }
dpkg-deb -c "$deb" > "$tmp/contents"
for f in bin/hydrascope share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/icons/hicolor/scalable/apps/$id.svg share/man/man1/hydrascope.1.gz \
         share/doc/hydrascope/copyright share/doc/hydrascope/changelog.gz; do
  grep -q " \./usr/$f\$" "$tmp/contents" || fail "package lacks /usr/$f"
done

step "lintian"
lintian --fail-on error,warning "$deb" || fail "lintian"

step "extract into a clean root"
root=$tmp/root
dpkg-deb -x "$deb" "$root"
app=$root/usr/bin/hydrascope
if readelf -d "$app" | grep -E 'RPATH|RUNPATH'; then fail "packaged binary has an RPATH"; fi
ldd "$app" > "$tmp/ldd"
if grep -E 'not found' "$tmp/ldd"; then fail "unresolved libraries"; fi
if grep -vE '=> /(usr/)?lib/|^\s*(linux-vdso|/lib64/ld-linux)' "$tmp/ldd"; then fail "library outside the system"; fi
if grep -F -e "$build" -e "$src" "$tmp/ldd"; then fail "library from the build tree"; fi

step "run the packaged binary"
export QT_QPA_PLATFORM=offscreen
[ "$("$app" --version)" = "hydrascope $version" ] || fail "--version"
"$app" --help | grep -q '^Usage: hydrascope' || fail "--help"
db=$tmp/tiny.db
"$app" generate -o "$db" --scale tiny | grep -q 'synthetic' || fail "generate"
"$app" analyze "$db" --json > "$tmp/installed.json" || fail "analyze --json"
[ "$(head -c1 "$tmp/installed.json")" = "{" ] || fail "analyze --json wrote no JSON object"
"$built" analyze "$db" --json > "$tmp/built.json"
cmp "$tmp/installed.json" "$tmp/built.json" || fail "packaged and built binaries disagree"
# The dashboard on X11 as a desktop runs it: open the file, save every view, quit. The packaged
# share/ comes first so that the window icon is the packaged SVG (loaded by Qt's SVG icon engine).
# QT_DEBUG_PLUGINS lists the plugins loaded, checked against Depends below.
XDG_DATA_DIRS=$root/usr/share:/usr/share QT_QPA_PLATFORM=xcb QT_DEBUG_PLUGINS=1 \
  timeout 60 xvfb-run -a "$app" "$db" --screenshots "$tmp/shots" 2> "$tmp/plugins.log" || fail "dashboard"
[ "$(find "$tmp/shots" -name '*.png' -size +1k | wc -l)" -ge 5 ] || fail "dashboard saved too few views"
grep -q 'platforms/libqxcb.so" loaded library' "$tmp/plugins.log" || fail "dashboard did not use xcb"
grep -q 'iconengines/libqsvgicon.so" loaded library' "$tmp/plugins.log" || fail "packaged icon not loaded"

# The headless report from the installed files, with no display at all: a PDF whose text
# names the evidence's SHA-256, drawn in the DejaVu fonts the package depends on.
sha=$(sha256sum "$db" | cut -d' ' -f1)
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" report "$db" -o "$tmp/report.pdf" > "$tmp/report.log" 2>&1 \
  || { cat "$tmp/report.log"; fail "report"; }
pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/{print $2}')
[ "${pages:-0}" -ge 3 ] || fail "report has ${pages:-no} pages"
pdftotext "$tmp/report.pdf" - | tr -d ' \n' | grep -q "$sha" || fail "report text lacks the evidence SHA-256"
pdffonts "$tmp/report.pdf" | awk 'NR>2' > "$tmp/fonts"
grep -q DejaVuSans "$tmp/fonts" || { cat "$tmp/fonts"; fail "report not in DejaVu Sans"; }
if awk '{print $(NF-4)}' "$tmp/fonts" | grep -qv yes; then cat "$tmp/fonts"; fail "a report font is not embedded"; fi

step "Depends"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
has() { tr ',' '\n' <<< "$depends" | sed -E 's/^ *([^ (]+).*/\1/' | grep -qx "$1"; }
owner() { # the package holding a file, whether dpkg registered it under /usr or not (usrmerge)
  local p; p=$(readlink -f "$1")
  { dpkg -S "$p" 2>/dev/null || dpkg -S "${p#/usr}" 2>/dev/null || dpkg -S "/usr$p"; } | head -n1 | cut -d: -f1
}
for p in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 libsqlite3-0 fonts-dejavu-core fonts-noto-core fonts-noto-cjk; do
  has "$p" || fail "Depends lacks $p"
done
# Every library the binary links and every plugin it loaded must come from a package in Depends.
needed=$(awk '/=> \//{print $3}' < <(grep -F -f <(readelf -d "$app" | sed -nE 's/.*NEEDED.*\[(.*)\]/\1/p') "$tmp/ldd"))
plugins=$(sed -nE 's/.*"(\/[^"]*\/plugins\/[^"]*\.so)" loaded library.*/\1/p' "$tmp/plugins.log" | sort -u)
[ -n "$needed" ] || fail "no linked library found: readelf or ldd output changed?"
[ -n "$plugins" ] || fail "no plugin load seen: QT_DEBUG_PLUGINS output changed?"
for f in $needed $plugins; do
  p=$(owner "$f") || fail "no package owns $f"
  has "$p" || fail "$f comes from $p, which Depends does not name"
  echo "  $p: $f"
done
echo "tst_package: all checks passed"
