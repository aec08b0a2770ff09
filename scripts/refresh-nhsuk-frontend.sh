#!/usr/bin/env bash
# Vendors the compiled NHS.UK frontend (CSS, JS and the assets the CSS and the layout use) into
# the web project, so that the site needs no Node.js to build or run.
# Usage: scripts/refresh-nhsuk-frontend.sh [version]   (default: the latest 10.x release)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/src/Commonweal.Web/wwwroot/lib/nhsuk-frontend"
version="${1:-$(npm view 'nhsuk-frontend@10' version 2>/dev/null | tail -n 1 | awk '{print $NF}' | tr -d "'")}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "nhsuk-frontend@$version" --silent >/dev/null 2>&1)
tar -xzf "$work/nhsuk-frontend-$version.tgz" -C "$work"
dist="$work/package/dist/nhsuk"

rm -rf "$dest"
mkdir -p "$dest/assets"
cp "$dist/nhsuk-frontend.min.css" "$dist/nhsuk-frontend.min.js" "$dest/"
cp -R "$dist/assets/." "$dest/assets/"

# The compiled CSS points at /assets/ at the site root; ours live beside the CSS file.
sed -i 's#url(/assets/#url(assets/#g' "$dest/nhsuk-frontend.min.css"
# Frutiger is licensed to the NHS and served from its own domain; Commonweal is not an NHS
# service and makes no requests to other sites, so the font stack falls back to Arial.
sed -i -E 's#@font-face\{[^}]*assets\.nhs\.uk[^}]*\}##g' "$dest/nhsuk-frontend.min.css"
# Source maps are not vendored, so their references would only cause 404s.
sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##; s#//\# sourceMappingURL=.*$##' "$dest/nhsuk-frontend.min.css" "$dest/nhsuk-frontend.min.js"

licence="$(find "$work/package" -maxdepth 1 -iname 'licen[cs]e*' | head -n 1)"
if [[ -n "$licence" ]]; then
    cp "$licence" "$dest/LICENCE"
else
    # The npm package ships no licence file; this is the MIT licence of the nhsuk-frontend repository.
    cat > "$dest/LICENCE" <<'LICENCE'
MIT License

Copyright (c) 2019 NHS.UK

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENCE
fi

echo "$version" > "$dest/VERSION"

# Every relative url(...) in the CSS must resolve to a vendored file.
missing=0
while read -r ref; do
    if [[ ! -f "$dest/$ref" ]]; then
        echo "Missing asset referenced by the CSS: $ref" >&2
        missing=1
    fi
done < <(grep -o 'url([^)]*)' "$dest/nhsuk-frontend.min.css" | sed 's/^url(//; s/)$//; s/^["'\'']//; s/["'\'']$//' | grep -v -E '^(https?:|data:|#)' | sort -u)
if [[ "$missing" -ne 0 ]]; then
    exit 1
fi

echo "nhsuk-frontend $version vendored into ${dest#"$root"/}"
