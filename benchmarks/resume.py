#!/usr/bin/env python3
"""Resume after kills, measured: how soon a re-run of `storymerge ingest` files new stories, and whether the events
after K kills equal those of an uninterrupted run.

Usage: python3 benchmarks/resume.py --stories 20000 --kills 5 [--work DIR]
Needs the Release builds: dotnet build -c Release src/StoryMerge.Cli benchmarks/StoryMerge.Scale
The feed and the uninterrupted run come from the scale benchmark (the same generator, the same ingest).
"""
import argparse, os, signal, sqlite3, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cli = os.path.join(root, "src/StoryMerge.Cli/bin/Release/net10.0/storymerge.dll")
scale = os.path.join(root, "benchmarks/StoryMerge.Scale/bin/Release/net10.0/StoryMerge.Scale.dll")

parser = argparse.ArgumentParser()
parser.add_argument("--stories", type=int, default=20000)
parser.add_argument("--kills", type=int, default=5)
parser.add_argument("--work", default="/tmp/storymerge-resume")
args = parser.parse_args()
os.makedirs(args.work, exist_ok=True)

def count(db):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM stories").fetchone()[0]
    except sqlite3.Error:
        return 0

def events(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        rows = c.execute("SELECT event_id, id FROM stories JOIN memberships ON story_seq = seq").fetchall()
    groups = {}
    for event, story in rows:
        groups.setdefault(event, []).append(story)
    event_of = {}
    for members in groups.values():
        key = " ".join(sorted(members))
        for m in members:
            event_of[m] = key
    return event_of

feed = os.path.join(args.work, f"feed-{args.stories}.jsonl")
whole = os.path.join(args.work, f"scale-{args.stories}.db")
if not (os.path.exists(feed) and os.path.exists(whole)):
    print(f"uninterrupted run (scale benchmark, {args.stories} stories)...", flush=True)
    subprocess.run(["dotnet", scale, "--stories", str(args.stories), "--work", args.work, "--seed", "7"], check=True, stdout=subprocess.DEVNULL)

resumed = os.path.join(args.work, f"resumed-{args.stories}.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(resumed + suffix): os.remove(resumed + suffix)

for k in range(1, args.kills + 2):
    before = count(resumed)
    started = time.monotonic()
    process = subprocess.Popen(["dotnet", cli, "ingest", feed, "--db", resumed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first_new = None
    target = args.stories * k // (args.kills + 1)
    while process.poll() is None:
        n = count(resumed)
        if first_new is None and n > before: first_new = time.monotonic() - started
        if k <= args.kills and n >= target:
            process.send_signal(signal.SIGKILL)
            process.wait()
            break
        time.sleep(0.05)
    after = count(resumed)
    label = f"kill {k}" if k <= args.kills else "last run"
    print(f"run {k}: started with {before} stored, first new story committed after {first_new if first_new is None else round(first_new, 2)} s, "
          f"{'killed' if k <= args.kills else 'finished'} with {after} stored ({label})", flush=True)

a, b = events(whole), events(resumed)
differ = sorted(s for s in a if a.get(s) != b.get(s))
print(f"stories {len(a)} uninterrupted, {len(b)} resumed; stories whose event differs: {len(differ)}")
sys.exit(0 if not differ and len(a) == len(b) else 1)
