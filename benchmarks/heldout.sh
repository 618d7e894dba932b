#!/usr/bin/env bash
# Held-out estimate of StoryMerge's quality on ntrex-dev: the 62 events are split in two halves by a hash of
# the event id; background statistics are learned on one half of full.jsonl and the other half of partial.jsonl
# (and of full.jsonl) is measured, both ways round. Needs python3 (for the split) and the .NET SDK.
# Usage: bash benchmarks/heldout.sh [extra storymerge.json settings as JSON, e.g. '{"scoring":{"matchThreshold":4}}']
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import hashlib, json, sys
work = sys.argv[1]
for name in ("full", "partial"):
    halves = {"A": open(f"{work}/{name}-A.jsonl", "w"), "B": open(f"{work}/{name}-B.jsonl", "w")}
    for line in open(f"benchmarks/data/ntrex-dev/{name}.jsonl", encoding="utf-8"):
        event = json.loads(line)["event"]
        halves["A" if int(hashlib.md5(event.encode()).hexdigest(), 16) % 2 == 0 else "B"].write(line)
PY
dotnet build src/StoryMerge.Cli -c Release -nologo -v quiet >/dev/null
sm() { dotnet src/StoryMerge.Cli/bin/Release/net10.0/storymerge.dll "$@"; }
extra=${1:-'{}'}
for pair in "A B" "B A"; do
  set -- $pair
  sm learn "$work/full-$1.jsonl" --out "$work/background-$1.json" >/dev/null
  python3 -c "import json,sys; c=json.loads(sys.argv[1]); c['backgroundFile']=sys.argv[2]; print(json.dumps(c))" "$extra" "$work/background-$1.json" > "$work/config-$1.json"
  for set in partial full; do
    echo "learned on half $1, measured on $set half $2:"
    sm bench --eval "$work/$set-$2.jsonl" --config "$work/config-$1.json" --errors 0 | grep -E "BCubed F1|cross-language pair recall"
  done
done
