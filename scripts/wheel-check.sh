#!/usr/bin/env bash
# The wheel a user installs holds every file the commands need: build it, install it in a clean venv (outside
# the source tree), and run build, export --format all, query and validate from an empty folder.
#   bash scripts/wheel-check.sh [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
python="${1:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOVKG_STATE_DIR="$work/state"  # the builds here are not the user's last build
"$python" -m pip wheel -q --no-deps -w "$work/dist" . 2>&1 | grep -v '^WARNING: Location' || true
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/govkg-*.whl 2>&1 | grep -v '^WARNING: Location' || true
cd "$work"
govkg="$work/venv/bin/govkg"
"$govkg" --version
"$govkg" build --out out >/dev/null
"$govkg" export out/tianjin-2023.ttl --format all --out out/all >/dev/null
"$govkg" query projects --graph out/tianjin-2023.ttl --format csv | head -3
"$govkg" validate out/tianjin-2023.ttl
# reports published as Word or PDF files: a .docx of the bundled report builds; PDFium (pypdfium2) loads
"$work/venv/bin/python" - <<'PY'
import zipfile
from xml.sax.saxutils import escape
from govkg.build import BUNDLED_REPORT
body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>"
               for line in BUNDLED_REPORT.read_text(encoding="utf-8").splitlines() if line.strip())
with zipfile.ZipFile("tianjin-2023.docx", "w") as docx:
    docx.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                  f'2006/main"><w:body>{body}</w:body></w:document>')
import pypdfium2
pypdfium2.PdfDocument.new().close()
PY
"$govkg" build tianjin-2023.docx --out docx --no-html >docx.log && grep -q "docx→text" docx.log
# a build folder of several reports (the provincial seeds when ../shared is there) as the input of every command
provinces="$root/../shared/seeds/provinces-2025"
if [ -d "$provinces" ]; then
    "$govkg" build "$provinces" --out corpus --html --workers 2 >/dev/null
    echo "wheel-check: $(ls corpus/*.ttl | wc -l) graphs, folder with views $(du -sm corpus | cut -f1) MB"
else
    mkdir reports
    bundled="$("$work/venv/bin/python" -c 'from govkg.build import BUNDLED_REPORT; print(BUNDLED_REPORT)')"
    cp "$bundled" reports/a-2023.txt && cp "$bundled" reports/b-2023.txt && echo "b" >> reports/b-2023.txt
    "$govkg" build reports --out corpus >/dev/null
fi
"$govkg" query compare_targets --graph corpus --format csv | head -3
"$govkg" export corpus --format all --out corpus-all >/dev/null
"$govkg" validate corpus >/dev/null
if "$work/venv/bin/python" -c "import graph" 2>/dev/null || "$work/venv/bin/python" -c "import ontology" 2>/dev/null; then
    echo "wheel-check: the wheel installs a generic top-level package (graph or ontology)" >&2
    exit 1
fi
echo "wheel-check: ok"
