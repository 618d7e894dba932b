#!/usr/bin/env bash
# Held-out proxy for data StoryMerge was never given: background statistics learned on half A of ntrex-dev full's
# events (split by a hash of the event id), the pair model trained on half A of every dev file (ecbplus-dev split by
# topic, so both incidents of a topic fall in one half), then measured on half B of ntrex-dev partial, of ntrex-dev-wide
# partial and full (18 of its 24 languages the background never saw) and of ecbplus-dev (independent English reports).
# Prints BCubed F1 at match log-odds −1, −0.5, 0, 0.41 (the default probability 0.6), 1 and 2 for each.
# Usage: bash benchmarks/heldout-wide.sh [extra storymerge.json settings as JSON, e.g. '{"storyProfileSample":32}']
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import hashlib, json, sys
work = sys.argv[1]
def half(key): return "A" if int(hashlib.md5(key.encode()).hexdigest(), 16) % 2 == 0 else "B"
def topic(event): return event.split(":")[1].split("_")[0]   # ecbplus:24_ecb and ecbplus:24_ecbplus: topic 24
for source, name in (("ntrex-dev/full", "full"), ("ntrex-dev/partial", "partial"), ("ntrex-dev-wide/partial", "wide"),
                     ("ntrex-dev-wide/full", "widefull"), ("ecbplus-dev/reports", "ecb")):
    files = {h: open(f"{work}/{name}-{h}.jsonl", "w", encoding="utf-8") for h in "AB"}
    for line in open(f"benchmarks/data/{source}.jsonl", encoding="utf-8"):
        event = json.loads(line)["event"]
        files[half(topic(event) if name == "ecb" else event)].write(line)
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
sm train "$work/full-A.jsonl" "$work/partial-A.jsonl" "$work/wide-A.jsonl" "$work/ecb-A.jsonl" --config "$work/config.json" --out "$work/model-A.json" >/dev/null 2>&1
python3 -c "
import json, sys
c = json.load(open(sys.argv[1])); c['pairModelFile'] = sys.argv[2]
json.dump(c, open(sys.argv[1], 'w'))" "$work/config.json" "$work/model-A.json"
for eval in partial-B wide-B widefull-B ecb-B; do
  sm bench --eval "$work/$eval.jsonl" --config "$work/config.json" --sweep --results "$work" --errors 0 2>/dev/null > "$work/out.txt"
  echo "$eval: default $(awk '/BCubed F1/ {print $3; exit}' "$work/out.txt");" \
    "$(sed -n '/threshold sweep/,/chart/p' "$work/out.txt" | awk '$1 ~ /^(-1.00|-0.50|0.00|0.50|1.00|2.00)$/ {printf "%s %s  ", $1, $4}')"
done
