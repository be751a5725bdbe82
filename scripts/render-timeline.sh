#!/bin/sh
# Renders an SVG timeline to PNG with headless Chromium, to look at it as a
# user's browser shows it.
#
#   scripts/render-timeline.sh TIMELINE.svg OUT.png
#   scripts/render-timeline.sh SCRIPT.py OUT.png    (runs pyco --virtual-time
#                                                    --timeline first)
#
# Needs Debian's `chromium` (apt-get install -y chromium). The window is
# sized from the SVG's width and height attributes. PYCO names the pyco
# binary (default: target/release/pyco).
set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 TIMELINE.svg|SCRIPT.py OUT.png" >&2
    exit 2
fi
input=$1
out=$2
command -v chromium >/dev/null 2>&1 || {
    echo "$0: chromium is not installed (apt-get install -y chromium)" >&2
    exit 2
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case $input in
*.py)
    svg=$work/timeline.svg
    "${PYCO:-target/release/pyco}" --virtual-time --timeline "$svg" "$input" >/dev/null
    ;;
*)
    svg=$input
    ;;
esac

# The picture's size, from <svg ... width="W" height="H" ...>.
size=$(head -c 400 "$svg" | sed -n 's/.*<svg[^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p')
[ -n "$size" ] || {
    echo "$0: $svg has no width/height on its <svg> element" >&2
    exit 1
}

case $out in
/*) png=$out ;;
*) png=$(pwd)/$out ;;
esac
case $svg in
/*) ;;
*) svg=$(pwd)/$svg ;;
esac

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" \
    --screenshot="$png" --window-size="$size" "file://$svg" >"$work/log" 2>&1 || {
    cat "$work/log" >&2
    exit 1
}
[ -s "$png" ] || {
    echo "$0: chromium wrote no picture" >&2
    cat "$work/log" >&2
    exit 1
}
echo "$png ($size)"
