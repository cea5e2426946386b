#!/usr/bin/env bash
# Rebuilds the embedded Chinese font subsets in assets/fonts from Debian's fonts-noto-cjk.
# The subset holds ASCII, Latin-1, general punctuation, CJK symbols, full-width forms and
# every character of GB2312 (6,763 hanzi), plus any character used in the Go sources.
# Characters outside it fall back to the system's fonts at run time.
#   needs: apt-get install fonts-noto-cjk fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto
out=assets/fonts
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys, pathlib
cs = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            cs.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for rng in [(0x20, 0x7F), (0xA0, 0x100), (0x2000, 0x2070), (0x2100, 0x2200), (0x2190, 0x2200),
            (0x2460, 0x24FF), (0x2500, 0x2600), (0x2600, 0x2700), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
    cs.update(chr(c) for c in range(*rng))
for p in pathlib.Path(".").rglob("*"):
    if p.suffix in (".go", ".tmpl", ".json") and "testdata" not in p.parts:
        cs.update(p.read_text(encoding="utf-8"))
pathlib.Path(sys.argv[1]).write_text("".join(sorted(c for c in cs if c.isprintable())), encoding="utf-8")
PY
for style in Regular Bold; do
  pyftsubset "$src/NotoSansCJK-$style.ttc" --font-number=2 --text-file="$chars" \
    --layout-features='*' --no-hinting \
    --output-file="$out/NotoSansSC-$style.otf"
done
rm -f "$chars"
ls -l "$out"
