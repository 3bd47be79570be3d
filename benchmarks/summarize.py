#!/usr/bin/env python3
"""Summarise a JMH JSON result (-rf json): mean ± error, best iteration, and generated/hand-written ratios.

Usage: python3 benchmarks/summarize.py results.json
On a shared machine the best iteration is the most repeatable figure; ratios are taken from one run.
"""
import json
import sys

FLOPS_PER_SAMPLE = 409_088  # 784-128-10 training step: 4 x 101,770 multiply-adds, 2 FLOPs each

rows = {}
for result in json.load(open(sys.argv[1])):
    name = result["benchmark"].rsplit(".", 2)
    bench, variant = name[-2], name[-1]
    params = ",".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items()))
    metric = result["primaryMetric"]
    samples = [x for fork in metric["rawData"] for x in fork]
    rows[(bench, params, variant)] = (metric["score"], metric["scoreError"], min(samples), metric["scoreUnit"])

print(f"| benchmark | params | generated mean ± error | best | hand-written mean ± error | best | ratio (mean) | ratio (best) | GFLOP/s (best) |")
print("|---|---|---|---|---|---|---|---|---|")
for (bench, params, variant) in sorted(rows):
    if variant != "generated":
        continue
    g = rows[(bench, params, "generated")]
    h = rows.get((bench, params, "handWritten"))
    unit = g[3]
    gflops = ""
    if bench == "TrainStepBenchmark" and unit == "us/op":
        batch = int(params.split("=")[1])
        gflops = f"{batch * FLOPS_PER_SAMPLE / (g[2] * 1e3):.1f}"
    if h:
        print(f"| {bench} | {params} | {g[0]:.1f} ± {g[1]:.1f} {unit} | {g[2]:.1f} | {h[0]:.1f} ± {h[1]:.1f} | {h[2]:.1f} "
              f"| {g[0] / h[0]:.2f} | {g[2] / h[2]:.2f} | {gflops} |")
