#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots/ (the report, the app after a run, Compare) by running the browser
# end-to-end test in Debian's headless Chromium (/usr/bin/chromium, /usr/bin/chromedriver; all traffic on 127.0.0.1).
#   bash docs/screenshots.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for f in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$f" ] || { echo "screenshots: $f is missing (Debian: apt-get install chromium chromium-driver)" >&2; exit 2; }
done
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$HERE" && mvn -q -B ${MAVEN_OFFLINE:+-o} -pl statecraft-app -am test -Dtest=BrowserEndToEndTest \
   -Dsurefire.failIfNoSpecifiedTests=false -Dstatecraft.screenshots="$TMP")
mkdir -p "$HERE/docs/screenshots"
for n in app-run app-compare report-ranking-section report-pareto-section report-concession-section \
         report-harm-section report-replay-section report-tension-section; do
  cp "$TMP/$n.png" "$HERE/docs/screenshots/$n.png"
done
echo "screenshots: wrote $(ls "$HERE/docs/screenshots" | wc -l) files to docs/screenshots/"
