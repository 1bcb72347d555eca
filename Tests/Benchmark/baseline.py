#!/usr/bin/env python3
"""Plain-stdlib baseline for the benchmark: reads every case file of a business case
and computes the same per-law totals as `rendementsmeter report` (submitted and
approved cases, central estimate, own price years, one-year lines), so the app's
speed can be put beside an interpreted script doing the same reading.

Usage: baseline.py CASES_FOLDER  -> prints 'Totaal avoided deployed effort' in cents.
"""
import json
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_EVEN

CASE = re.compile(r"^C-[0-9]{4,9}\.json$")


def cents(text):
    return int((Decimal(text) * 100).to_integral_value())


def rounded(value):
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def units(quantity):
    if "count" in quantity:
        return Decimal(quantity["count"])
    return Decimal(quantity["rate"]) * Decimal(quantity["periods"])


def main(folder):
    per_law = {}
    counted = 0
    for name in sorted(os.listdir(folder)):
        if not CASE.match(name):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            case = json.load(handle)
        if case["status"] not in ("ingediend", "goedgekeurd"):
            continue
        counted += 1
        share = Decimal(case["attribution"]) / 100
        for line in case["avoided"]:
            item = line["item"]
            value = rounded(Decimal(cents(item["unitPrice"])) * units(line["quantity"]) * Decimal(line["likelihood"]) / 100 * share)
            if item["kind"] == "kosten":
                per_law.setdefault(item["law"], [0, 0, 0])[0] += value
        for line in case["deployed"]:
            item = line["item"]
            value = rounded(Decimal(cents(item["unitPrice"])) * units(line["quantity"]))
            if item["kind"] == "kosten":
                per_law.setdefault(item["law"], [0, 0, 0])[1] += value
        effort = case["effort"]
        spent = sum(rounded(Decimal(cents(worker["hourlyRate"])) * Decimal(worker["hours"])) for worker in effort["workers"])
        spent += rounded(Decimal(cents(effort["volunteerRate"])) * Decimal(effort["volunteerHours"]))
        spent += sum(cents(cost["amount"]) for cost in effort["otherCosts"])
        per_law.setdefault(effort["law"], [0, 0, 0])[2] += spent
    total = [sum(values[index] for values in per_law.values()) for index in range(3)]
    print(f"cases {counted}")
    print("Totaal", *total)


if __name__ == "__main__":
    main(sys.argv[1])
