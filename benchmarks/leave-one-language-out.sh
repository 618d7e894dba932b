#!/usr/bin/env bash
# Leave one language out: background statistics and lexicon learned from ntrex-dev full without the language, and the
# pair model trained on every dev file without it (ntrex-dev full and partial, ntrex-dev-wide partial, ecbplus-dev); then
# the language's pairs measured on ntrex-dev partial and full and on ntrex-dev-wide partial (whose other 18
# languages the shipped background never saw either). Prints each run's BCubed F1 and the recall of every language
# pair that holds the language left out, with the lowest.
# Usage: bash benchmarks/leave-one-language-out.sh [LANG ...]   (default: tr ja; ja is in no training file at all)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/StoryMerge.Cli -c Release -nologo -v quiet >/dev/null
sm() { dotnet src/StoryMerge.Cli/bin/Release/net10.0/storymerge.dll "$@"; }
for lang in "${@:-tr ja}"; do
  for l in $lang; do
    python3 -c "
import json, sys
for name, source in (('train', 'ntrex-dev/full'), ('partial', 'ntrex-dev/partial'), ('wide', 'ntrex-dev-wide/partial')):
    with open(f'{sys.argv[2]}/{name}-{sys.argv[1]}.jsonl', 'w', encoding='utf-8') as out:
        for line in open(f'benchmarks/data/{source}.jsonl', encoding='utf-8'):
            if json.loads(line).get('lang') != sys.argv[1]: out.write(line)" "$l" "$work"
    sm learn "$work/train-$l.jsonl" --out "$work/background-$l.json" >/dev/null
    python3 -c "
import json, sys
c = json.load(open('storymerge.json')); c['backgroundFile'] = sys.argv[1]
json.dump(c, open(sys.argv[2], 'w'))" "$work/background-$l.json" "$work/config-$l.json"
    sm train "$work/train-$l.jsonl" "$work/partial-$l.jsonl" "$work/wide-$l.jsonl" benchmarks/data/ecbplus-dev/reports.jsonl \
      --config "$work/config-$l.json" --out "$work/model-$l.json" >/dev/null 2>&1
    python3 -c "
import json, sys
c = json.load(open(sys.argv[1])); c['pairModelFile'] = sys.argv[2]
json.dump(c, open(sys.argv[1], 'w'))" "$work/config-$l.json" "$work/model-$l.json"
    for eval in ntrex-dev/partial ntrex-dev/full ntrex-dev-wide/partial; do
      sm bench --eval "benchmarks/data/$eval.jsonl" --config "$work/config-$l.json" --errors 0 2>/dev/null > "$work/out.txt"
      f1=$(awk '/BCubed F1/ {print $3; exit}' "$work/out.txt")
      awk -v l="$l" -v eval="$eval" -v f1="$f1" '
        $1 ~ /^[a-z][a-z]-[a-z][a-z]$/ && $1 ~ ("(^" l "-|-" l "$)") { n++; s = s " " $1 "=" $2; if (min == "" || $2 < min) { min = $2; worst = $1 } if ($2 < 0.90) below++ }
        END { printf "without %s, %s: BCubed F1 %s; %d pairs with %s, lowest %s %s, %d below 0.90\n  %s\n", l, eval, f1, n, l, worst, min, below, s }' "$work/out.txt"
    done
  done
done
