#!/usr/bin/env bash
# Install the Debian packages lkjip needs: Chromium (the PDF engine, lkjip.peramban: its
# headless shell prints, the same PDFs as the browser from less memory; the browser is for
# looking at JupyterLab and the HTML, and prints where the shell is missing), Pango
# (WeasyPrint's, used where no browser is found), poppler-utils (pdftotext/pdftoppm, used by
# tests) and DejaVu fonts.
set -euo pipefail
pkgs=(chromium chromium-headless-shell libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils fonts-dejavu-core shared-mime-info)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Memasang paket sistem: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Paket sistem yang dibutuhkan belum terpasang: ${missing[*]}" >&2
  echo "Pasang dengan: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
