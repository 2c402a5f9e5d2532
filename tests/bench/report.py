"""Collect benchmark figures, print them as one table and write them as JSON."""

import json
import os
import platform
import statistics
import time
from pathlib import Path

RESULTS: list[dict] = []
OUT = Path(os.environ.get("BENCH_OUT", "bench-results/latest.json"))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def record(group: str, name: str, **figures) -> dict:
    row = {"group": group, "name": name, **figures}
    RESULTS.append(row)
    return row


def time_calls(fn, *, repeat: int = 30, warmup: int = 3) -> dict:
    """Call fn repeatedly; return p50/p95/max in milliseconds."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return {"p50_ms": round(statistics.median(samples), 1), "p95_ms": round(percentile(samples, 95), 1),
            "max_ms": round(max(samples), 1), "n": repeat}


def machine() -> dict:
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            mem = f.readline().split(":")[1].strip()
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "platform": platform.platform()}


def write_and_print() -> None:
    if not RESULTS:
        return
    keys = []
    for row in RESULTS:
        for k in row:
            if k not in keys:
                keys.append(k)
    widths = {k: max(len(k), *(len(str(r.get(k, ""))) for r in RESULTS)) for k in keys}
    line = " | ".join(k.ljust(widths[k]) for k in keys)
    print("\n" + line + "\n" + "-+-".join("-" * widths[k] for k in keys))
    for r in RESULTS:
        print(" | ".join(str(r.get(k, "")).ljust(widths[k]) for k in keys))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"machine": machine(), "generated_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                               "results": RESULTS}, indent=2, ensure_ascii=False))
    print(f"\nWritten to {OUT}")
