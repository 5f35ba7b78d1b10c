#!/usr/bin/env bash
# Install the Debian packages lkjip needs: Chromium (the PDF engine, lkjip.peramban: its
# headless shell prints, the same PDFs as the browser from less memory; the browser is for
# looking at JupyterLab and the HTML, and prints where the shell is missing), Pango
# (WeasyPrint's, used where no browser is found), poppler-utils (pdftotext/pdftoppm, used by
# tests) and DejaVu fonts.
set -euo pipefail
pkgs=(chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils fonts-dejavu-core shared-mime-info)
# wanted, not needed: where the distribution has no such package (Debian before bookworm's
# Chromium 120, Ubuntu's snap Chromium) the browser prints instead
optional=(chromium-headless-shell)
terpasang() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${pkgs[@]}"; do
  terpasang "$p" || missing+=("$p")
done
extra=()
for p in "${optional[@]}"; do
  terpasang "$p" || extra+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#extra[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  for p in "${extra[@]}"; do  # only what this distribution has
    apt-cache show "$p" >/dev/null 2>&1 && missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "Memasang paket sistem: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif [ ${#missing[@]} -gt 0 ]; then
  echo "Paket sistem yang dibutuhkan belum terpasang: ${missing[*]}" >&2
  echo "Pasang dengan: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
