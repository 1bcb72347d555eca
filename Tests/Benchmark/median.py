"""Reads lines of "seconds kilobytes" (from /usr/bin/time -f "%e %M") and prints the median
seconds and the largest peak memory in megabytes: "0.123 45"."""
import statistics
import sys

rows = [line.split() for line in sys.stdin if line.strip()]
print(f"{statistics.median(float(r[0]) for r in rows):.3f} {max(int(r[1]) for r in rows) / 1024:.0f}")
