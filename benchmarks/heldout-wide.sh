#!/usr/bin/env bash
# Held-out proxy for data StoryMerge was never given: background statistics learned on one half of ntrex-dev
# full's events (split by a hash of the event id), then measured on the other half of ntrex-dev partial, on the
# same half of ntrex-dev-wide partial (18 of its 24 languages the background never saw) and on ecbplus-dev
# (independent English reports). Prints BCubed F1 at thresholds 1.5, 2.5, 3.5 and 4.5 for each.
# Usage: bash benchmarks/heldout-wide.sh [extra storymerge.json settings as JSON, e.g. '{"storyProfileSample":32}']
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import hashlib, json, sys
work = sys.argv[1]
def half(event): return "A" if int(hashlib.md5(event.encode()).hexdigest(), 16) % 2 == 0 else "B"
for source, name in (("ntrex-dev/full", "full"), ("ntrex-dev/partial", "partial"), ("ntrex-dev-wide/partial", "wide")):
    files = {h: open(f"{work}/{name}-{h}.jsonl", "w", encoding="utf-8") for h in "AB"}
    for line in open(f"benchmarks/data/{source}.jsonl", encoding="utf-8"):
        files[half(json.loads(line)["event"])].write(line)
PY
dotnet build src/StoryMerge.Cli -c Release -nologo -v quiet >/dev/null
sm() { dotnet src/StoryMerge.Cli/bin/Release/net10.0/storymerge.dll "$@"; }
sm learn "$work/full-A.jsonl" --out "$work/background-A.json" >/dev/null
python3 -c "
import json, sys
c = json.load(open('storymerge.json'))
def merge(a, b):
    for k, v in b.items():
        if isinstance(v, dict): merge(a.setdefault(k, {}), v)
        else: a[k] = v
merge(c, json.loads(sys.argv[1])); c['backgroundFile'] = sys.argv[2]
json.dump(c, open(sys.argv[3], 'w'))" "${1:-{\}}" "$work/background-A.json" "$work/config.json"
for eval in "$work/partial-B.jsonl" "$work/wide-B.jsonl" benchmarks/data/ecbplus-dev/reports.jsonl; do
  echo -n "$(basename "$eval"): "
  sm bench --eval "$eval" --config "$work/config.json" --sweep --results "$work" --errors 0 2>/dev/null \
    | sed -n '/threshold sweep/,/chart/p' | awk '$1 ~ /^(1.5|2.5|3.5|4.5)0$/ {printf "%s %s  ", $1, $4}'
  echo
done
