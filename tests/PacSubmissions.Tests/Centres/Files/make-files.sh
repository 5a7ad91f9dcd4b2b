#!/bin/sh
# Makes the register files the tests import, once, with LibreOffice Calc (CI does not install it; the results are
# committed): source/register-update.csv (UTF-8, commas) opened in Calc and saved as a European spreadsheet saves its
# CSV: separated by ';', in Windows-1252, text quoted only where a field needs it. Needs soffice with Calc
# (Debian: libreoffice-calc-nogui). Run from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Import: ',' (44), '"' (34), UTF-8 (76), from line 1. Export: ';' (59), '"' (34), Windows-1252 (1), from line 1,
# default cell format, no language, text not quoted unless needed (false), numbers as shown (true), no formulas (false).
soffice -env:UserInstallation=file://"$profile"/lo --headless \
  --infilter="Text - txt - csv (StarCalc):44,34,76,1" \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1,,0,false,true,false' \
  --outdir "$profile/out" "$here/source/register-update.csv" >/dev/null
cp "$profile/out/register-update.csv" "$here/register-update-semicolon-1252.csv"
