#!/usr/bin/env python3
"""Rewrites the stored golden summaries (cli/src/test/resources/golden) from the CLI, deliberately.

Only the keys named with --key (dotted paths, e.g. diagnostics.maxDissipationViolation) are taken from the new
output, as the CLI prints them; keys the new output has and the stored summary lacks are inserted where the CLI puts
them, if named. Every other key must be bit-identical (wallSeconds and provenance aside, as in GoldenSummaryTest):
if one differs, nothing is written and the differences are listed.

    mvn -B -o -q -pl cli -am package -DskipTests
    python3 cli/src/test/scripts/update_golden_summaries.py --key diagnostics.maxDissipationViolation \
        --key diagnostics.constraintViolations [--dry-run] [NAME ...]
"""
import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[4]
GOLDEN = ROOT / "cli/src/test/resources/golden"
JAR = ROOT / "cli/target/varflow.jar"
IGNORED = {"wallSeconds", "provenance"}


def flatten(tree, prefix=""):
    out = {}
    if isinstance(tree, dict):
        for k, v in tree.items():
            out.update(flatten(v, prefix + k + "."))
    else:
        out[prefix[:-1]] = tree
    return out


def run(command):
    args = ["java", "-jar", str(JAR)] + command.split(" ") + ["-q", "--threads", "2"]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"'{command}' exited with {done.returncode}: {done.stderr}")
    return done.stdout


def line_of(text, key):
    """The line of the pretty-printed JSON that holds key (its last path segment, within its parent block)."""
    parts = key.split(".")
    lines = text.split("\n")
    depth_at = 0
    i = 0
    for part in parts[:-1]:
        while not lines[i].strip().startswith(f'"{part}" :'):
            i += 1
        i += 1
    while i < len(lines):
        if lines[i].strip().startswith(f'"{parts[-1]}" :'):
            return i
        if lines[i].strip().startswith("}"):
            return None
        i += 1
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--key", action="append", default=[], help="dotted key to take from the new output")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("names", nargs="*")
    a = p.parse_args()
    cases = [l.split("|", 1) for l in (GOLDEN / "index.txt").read_text().splitlines() if l.strip()]
    bad = False
    for name, command in cases:
        if a.names and name not in a.names:
            continue
        old_text = (GOLDEN / f"{name}.json").read_text()
        new_text = run(command)
        old = {k: v for k, v in flatten(json.loads(old_text)).items() if k.split(".")[0] not in IGNORED}
        new = {k: v for k, v in flatten(json.loads(new_text)).items() if k.split(".")[0] not in IGNORED}
        diffs = [k for k in sorted(set(old) | set(new)) if k not in a.key and old.get(k, "<absent>") != new.get(k, "<absent>")]
        if diffs:
            bad = True
            for k in diffs:
                print(f"{name}: {k}: stored {old.get(k, '<absent>')!r}, now {new.get(k, '<absent>')!r}")
            continue
        old_lines = old_text.split("\n")
        new_lines = new_text.split("\n")
        changed = []
        for key in a.key:
            ni = line_of(new_text, key)
            if ni is None:
                continue
            oi = line_of("\n".join(old_lines), key)
            if oi is not None:
                if old_lines[oi] != new_lines[ni]:
                    changed.append(f"{key}: {old.get(key)!r} -> {new.get(key)!r}")
                    old_lines[oi] = new_lines[ni]
            else:
                # insert after the line that precedes it in the new output (present in the stored one)
                prev_key = new_lines[ni - 1].strip().split('"')[1]
                parent = key.rsplit(".", 1)[0] + "." if "." in key else ""
                oi = line_of("\n".join(old_lines), parent + prev_key)
                if not old_lines[oi].rstrip().endswith((",", "{", "[")):
                    old_lines[oi] = old_lines[oi] + ","  # the line before is no longer the last of its block
                old_lines.insert(oi + 1, new_lines[ni])
                changed.append(f"{key}: inserted {new.get(key)!r}")
        if changed:
            print(f"{name}: " + "; ".join(changed))
            if not a.dry_run:
                (GOLDEN / f"{name}.json").write_text("\n".join(old_lines))
    if bad:
        sys.exit("other keys differ: nothing written for those summaries")


if __name__ == "__main__":
    main()
