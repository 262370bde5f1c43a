#!/usr/bin/env bash
# Browser test of the web page: serves the sample collection on a loopback port, loads pages in headless
# Chromium, asserts from the rendered DOM that a search for "Алматы" shows results with highlighted
# entities, that a two-word query typed into the form and sent with Enter finds results (scripts/cdp-form.py drives
# the browser over the DevTools protocol), that the attention chart, a facet exclusion, the export links and the
# calendar's dates work, that an entity page pages through its articles, and saves screenshots (desktop and phone size) to out/screenshots/ for a person to look at.
# Usage: scripts/browser-test.sh [path/to/tilshi]   (CI runs it from .ci/run after `swift test`).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

tilshi="${1:-}"
if [ -z "$tilshi" ]; then
    swift build --product tilshi >/dev/null
    tilshi="$(swift build --show-bin-path)/tilshi"
fi

work="$(mktemp -d)"
shots="out/screenshots"
mkdir -p "$shots"
port="${TILSHI_TEST_PORT:-$((20000 + RANDOM % 20000))}"
server_pid=""
chrome_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    if [ -n "$chrome_pid" ]; then kill "$chrome_pid" 2>/dev/null || true; wait "$chrome_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

token="browser-test-token-$RANDOM$RANDOM$RANDOM"
"$tilshi" demo --db "$work/demo.sqlite" --port "$port" --write-token "$token" >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if curl -fsS "$base/api/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "browser-test: server exited" >&2; exit 1; fi
    sleep 0.2
done
curl -fsS "$base/api/health" >/dev/null

browser() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" "$@" 2>/dev/null; }

fail=0
passed=0
failed=0
check() { # check NAME FILE PATTERN: the DOM must contain PATTERN (extended regex)
    if grep -Eq "$3" "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1 (no /$3/ in the DOM)"; fail=1; failed=$((failed + 1)); fi
}

query="%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B" # Алматы
browser --dump-dom "$base/?q=$query" >"$work/search.html"
check "search shows results" "$work/search.html" 'class="result card"'
check "snippets highlight the query" "$work/search.html" '<mark class="hit">Алматы'
check "entities are highlighted by type" "$work/search.html" 'class="ent ent-[A-Z_]+"'
check "the page script ran under the content security policy" "$work/search.html" '<html[^>]* class="js"'

document_id="$(grep -Eo 'href="/documents/[0-9]+"' "$work/search.html" | head -1 | grep -Eo '[0-9]+')"
browser --dump-dom "$base/documents/$document_id" >"$work/document.html"
check "document view marks entities" "$work/document.html" '<span class="lbl">'
check "document view lists the facts" "$work/document.html" 'id="facts"'
check "legend buttons for entity types" "$work/document.html" 'aria-pressed="true"'

# A real form submission: a two-word query typed into the search box and sent with Enter. The browser encodes the
# space as "+", which the server must read as a space.
devtools_port=$((port + 1))
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/cdp-profile" \
    --remote-debugging-port="$devtools_port" about:blank >/dev/null 2>&1 &
chrome_pid=$!
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$devtools_port/json/version" >/dev/null 2>&1; then break; fi
    sleep 0.2
done
if python3 scripts/cdp-form.py "$devtools_port" "$base/" "Алматы қаласы" >"$work/form.html" 2>"$work/form.log"; then :; else cat "$work/form.log" >&2; fi
kill "$chrome_pid" 2>/dev/null || true; wait "$chrome_pid" 2>/dev/null || true; chrome_pid=""
check "the form sends the two words with +" "$work/form.html" '^http://[^ ]*/\?q=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B\+%D2%9B'
check "the form's two words are read as a space" "$work/form.html" 'value="Алматы қаласы"'
check "the two-word search finds articles" "$work/form.html" 'class="result card"'
if grep -q 'ignored the characters\|ескерілмеді' "$work/form.html"; then
    echo "FAIL the two-word search warned about its characters"; fail=1; failed=$((failed + 1))
else
    echo "ok   the two-word search has no warning"; passed=$((passed + 1))
fi

# Attention over time, a facet exclusion and the exports of the current search.
check "attention chart above the results" "$work/search.html" '<svg class="chart"'
check "chart bars link to a date range" "$work/search.html" '<a href="/\?q=[^"]*from=[0-9-]+&amp;to=[0-9-]+"><rect class="chart-bar"'
exclude_href="$(grep -Eo 'class="exclude" href="[^"]*[?;]not=[^"]+"' "$work/search.html" | sed -n 2p | sed -E 's/.*href="([^"]+)"/\1/; s/&amp;/\&/g')"
browser --dump-dom "$base$exclude_href" >"$work/excluded.html"
check "a facet value can be excluded" "$work/excluded.html" 'id="exclusions"'
check "the exclusion can be taken back" "$work/excluded.html" '↺'
check "export links on the page" "$work/search.html" 'id="exports"'
for format in csv jsonl entities ics; do
    href="$(grep -Eo "href=\"[^\"]+\" data-format=\"$format\"" "$work/search.html" | head -1 | sed -E 's/href="([^"]+)".*/\1/; s/&amp;/\&/g')"
    if [ -n "$href" ] && curl -fsS "$base$href" -o "$work/export.$format" && [ -s "$work/export.$format" ]; then
        echo "ok   export $format downloads"; passed=$((passed + 1))
    else
        echo "FAIL export $format (link '$href')"; fail=1; failed=$((failed + 1))
    fi
done
check "the CSV export has one row per document" "$work/export.csv" '^id,title,published,source,url,entities'
check "the calendar export is iCalendar" "$work/export.ics" 'BEGIN:VCALENDAR'

# The calendar shows the sample articles' events on their dates (the samples carry their established dates).
browser --dump-dom "$base/events" >"$work/events.html"
check "calendar has a dated month" "$work/events.html" '<h2>Қараша 2016</h2>'
check "calendar lists an event on its day" "$work/events.html" '<span class="date">5 қараша 2016'
check "results show publication dates" "$work/search.html" '<div class="meta"><span>(қазан|қараша) 2016'

# A document whose title and text carry markup: the browser must show it as text and run none of it.
hostile_id="$(curl -fsS -X POST "$base/api/documents" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data '{"title":"Сынақ <script>alert(1)</script> <img src=x onerror=alert(2)>","text":"Алматыда <script>document.title=\"pwned\"</script> көрме өтті. <b>қалың</b>"}' \
    | grep -Eo '"added":\[[0-9]+' | grep -Eo '[0-9]+$')"
browser --dump-dom "$base/documents/$hostile_id" >"$work/hostile.html"
check "hostile title is shown as text" "$work/hostile.html" 'Сынақ &lt;script&gt;alert\(1\)&lt;/script&gt; &lt;img'
if [ "$(grep -o '<script' "$work/hostile.html" | wc -l)" -eq 1 ] && ! grep -q '<img' "$work/hostile.html" && ! grep -q '<title>pwned' "$work/hostile.html" \
    && ! grep -q '<b>қалың' "$work/hostile.html"; then
    echo "ok   no markup from the document reached the DOM"; passed=$((passed + 1))
else
    echo "FAIL markup from the document reached the DOM"; fail=1; failed=$((failed + 1))
fi

# The entity page: one row per article, paged (two a page here, so the sample collection has several pages).
entity_id="$(curl -fsS "$base/api/entities?pageSize=1" | grep -Eo '"id":[0-9]+' | head -1 | grep -Eo '[0-9]+')"
browser --dump-dom "$base/entities/$entity_id?pageSize=2" >"$work/entity.html"
check "entity page lists its articles" "$work/entity.html" '<ol class="articles" id="articles"'
check "entity page rows have snippets with the name marked" "$work/entity.html" '<p class="snippet">.*<mark class="hit">'
check "entity page has a next page" "$work/entity.html" 'href="/entities/[0-9]+\?page=2&amp;pageSize=2" rel="next"'
next_href="$(grep -Eo 'href="/entities/[0-9]+\?page=2&amp;pageSize=2" rel="next"' "$work/entity.html" | head -1 | sed -E 's/href="([^"]+)".*/\1/; s/&amp;/\&/g')"
browser --dump-dom "$base$next_href" >"$work/entity-2.html"
check "entity page 2 links back" "$work/entity-2.html" 'rel="prev"'
check "entity page 2 says which page" "$work/entity-2.html" 'бет 2 / [0-9]+'
if [ "$(grep -Eo '<li><a href="/documents/[0-9]+"><b>' "$work/entity.html" | sort)" != "$(grep -Eo '<li><a href="/documents/[0-9]+"><b>' "$work/entity-2.html" | sort)" ]; then
    echo "ok   entity pages 1 and 2 show different articles"; passed=$((passed + 1))
else
    echo "FAIL entity pages 1 and 2 show the same articles"; fail=1; failed=$((failed + 1))
fi

for size in "1280,900:desktop" "390,844:phone"; do
    window="${size%%:*}"; name="${size##*:}"
    browser --window-size="$window" --screenshot="$shots/entity-paged-$name.png" "$base/entities/$entity_id?pageSize=2" >/dev/null
    browser --window-size="$window" --screenshot="$shots/entity-page2-$name.png" "$base$next_href" >/dev/null
    browser --window-size="$window" --screenshot="$shots/search-$name.png" "$base/?q=$query" >/dev/null
    browser --window-size="$window" --screenshot="$shots/document-$name.png" "$base/documents/$document_id" >/dev/null
done
for size in "1280,900:desktop" "390,844:phone"; do
    window="${size%%:*}"; name="${size##*:}"
    browser --window-size="$window" --screenshot="$shots/entity-$name.png" "$base/entities/1" >/dev/null
    browser --window-size="$window" --screenshot="$shots/events-$name.png" "$base/events" >/dev/null
    browser --window-size="$window" --screenshot="$shots/search-excluded-$name.png" "$base$exclude_href" >/dev/null
done
echo "screenshots in $shots/"

# Last, as the choice is remembered in a cookie of the browser profile: English interface, Latin script.
browser --dump-dom "$base/?q=$query&lang=en&script=latn" >"$work/search-en.html"
check "English interface" "$work/search-en.html" '<html lang="en"'
check "Latin script" "$work/search-en.html" 'Almaty'
browser --window-size=390,844 --screenshot="$shots/search-phone-en-latn.png" "$base/?q=$query" >/dev/null

echo "browser-test: $passed passed, $failed failed"
if [ "$fail" -ne 0 ]; then exit 1; fi
