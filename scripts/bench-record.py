#!/usr/bin/env python3
"""Adds this benchmark run to docs/bench-history.jsonl: one JSON line with
the date, the commit, the machine, and the numbers bench-browser wrote to
target/bench/browser-summary.json, plus the first view's files compressed
with brotli (quality 11, as a static host would precompress them).

Run by scripts/bench.sh; the history is kept in the repository, so each
run can be compared with the ones before it."""

import datetime
import json
import os
import platform
import subprocess
import sys
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMMARY = os.path.join(ROOT, "target/bench/browser-summary.json")
HISTORY = os.path.join(ROOT, "docs/bench-history.jsonl")


def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def brotli_size(path):
    """The file's size with brotli -q 11 (set-up installs brotli)."""
    with open(path, "rb") as f:
        out = subprocess.run(["brotli", "-c", "-q", "11"], stdin=f, capture_output=True, check=True)
    return len(out.stdout)


def dist_path(url):
    """The built file a first-view URL served (the site is at /tien-do/)."""
    path = urlparse(url).path
    if not path.startswith("/tien-do/"):
        return None
    rel = path[len("/tien-do/"):] or "index.html"
    return os.path.join(ROOT, "dist", rel)


def main():
    with open(SUMMARY) as f:
        summary = json.load(f)
    first = summary.get("first view", {})
    total = 0
    for entry in first.get("files", []):
        path = dist_path(entry["url"])
        size = brotli_size(path) if path and os.path.exists(path) else None
        entry["bytes_brotli"] = size
        total += size or 0
    first["bytes_brotli"] = total
    cpu = run("sh", "-c", "lscpu | sed -n 's/^Model name: *//p' | head -1")
    mem_kib = run("sh", "-c", "awk '/MemTotal/ {print $2}' /proc/meminfo")
    record = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
        "commit": run("git", "rev-parse", "--short", "HEAD") + ("-dirty" if run("git", "status", "--porcelain") else ""),
        "machine": {
            "cores": os.cpu_count(),
            "memory_gib": round(int(mem_kib or 0) / 1048576),
            "cpu": cpu,
            "os": platform.platform(),
            "chromium": run("sh", "-c", "chromium --version 2>/dev/null || true"),
        },
        "results": summary,
    }
    with open(HISTORY, "a") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"added to {os.path.relpath(HISTORY, ROOT)}: first view {first.get('requests')} requests, "
          f"{first.get('bytes_gzip', 0):.0f} B gzip, {total} B brotli")


if __name__ == "__main__":
    sys.exit(main())
