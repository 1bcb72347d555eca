#!/usr/bin/env bash
# Renders an HTML report in headless Chromium to a PNG and checks that the
# picture is not blank. Usage: .ci/render-html.sh REPORT.html OUT.png
set -euo pipefail
html=$(readlink -f "$1")
png=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium ontbreekt: installeer het met 'apt-get install -y chromium' (.ci/run doet dat)" >&2
  exit 3
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1000,1400 --screenshot="$png" "file://$html" >/dev/null 2>&1
python3 - "$png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height = 8, b"", 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    chunk = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height = struct.unpack(">II", chunk[:8])
    elif kind == b"IDAT":
        idat += chunk
    pos += 12 + length
raw = zlib.decompress(idat)
# Filtered scanlines: a blank page is almost all one byte value; a report has text and bars.
distinct = len(set(raw))
ink = sum(1 for b in raw[::7] if b not in (0, 255)) / max(1, len(raw[::7]))
print(f"png {width}x{height}, {distinct} distinct byte values, ink {ink:.3f}")
if width < 500 or height < 500 or distinct < 32 or ink < 0.005:
    sys.exit("the rendered page looks blank")
PY
