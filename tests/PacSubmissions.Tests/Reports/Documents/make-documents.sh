#!/bin/sh
# Remakes the committed test documents from the sources in source/ with the real producers: LibreOffice for
# .fodt -> .odt/.docx/.pdf, poppler's pdfattach, Chromium's print to PDF for .html. Run from anywhere; needs soffice and chromium.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
office() { soffice -env:UserInstallation=file://"$profile"/lo --headless --convert-to "$1" --outdir "$here" "source/$2" >/dev/null; }
print() { # print FILE.html OUT.pdf [--no-pdf-header-footer]
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile/chromium" ${3:-} --print-to-pdf="$here/$2" "file://$here/source/$1" 2>/dev/null
}

office odt odt-styles-changes-frames.fodt
office docx odt-styles-changes-frames.fodt
office ott odt-styles-changes-frames.fodt
office pdf pdf-two-columns.fodt
office pdf pdf-question-table.fodt
print browser-one-page.html browser-one-page.pdf
print browser-one-page.html browser-one-page-bare.pdf --no-pdf-header-footer
print browser-three-pages.html browser-three-pages.pdf
print browser-chinese.html browser-chinese.pdf
print browser-arabic.html browser-arabic.pdf
office pdf pdf-hint-link.fodt
print browser-synthetic-bold.html browser-synthetic-bold.pdf --no-pdf-header-footer
# Active content (ActiveContentTests): the plain form as ODT and PDF, the same with a hyperlink that runs a macro and
# with a section linked from a share, a PDF with an attachment (poppler's pdfattach, the way a PDF tool adds one) and
# LibreOffice's hybrid PDF, which carries the ODF it was made from.
office odt active-form.fodt
office pdf active-form.fodt
office odt active-script-link.fodt
office odt active-linked-section.fodt
pdfattach active-form.pdf source/active-annex.txt active-pdf-attachment.pdf
cp source/active-form.fodt "$profile/active-hybrid.fodt"
soffice -env:UserInstallation=file://"$profile"/lo --headless --convert-to 'pdf:writer_pdf_Export:{"IsAddStream":{"type":"boolean","value":"true"}}' --outdir "$here" "$profile/active-hybrid.fodt" >/dev/null
