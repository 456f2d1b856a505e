#!/bin/sh
# Render an .xlsx to PDF (LibreOffice headless) and each page to PNG (pdftoppm),
# to look at the printed 任务分解表 as an office would. Not used by the tests.
# Needs: apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk
# Usage: scripts/render_xlsx.sh FILE.xlsx [OUTDIR] [DPI]
set -eu
xlsx=${1:?usage: render_xlsx.sh FILE.xlsx [OUTDIR] [DPI]}
out=${2:-$(dirname "$xlsx")}
dpi=${3:-80}
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A private profile so a running LibreOffice (or another user's) does not block us.
soffice -env:UserInstallation=file://"$profile" --headless --calc \
  --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
pdf="$out/$(basename "${xlsx%.*}").pdf"
pdftoppm -r "$dpi" -png "$pdf" "${pdf%.pdf}"
ls "${pdf%.pdf}"*.png
