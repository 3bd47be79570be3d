#!/usr/bin/env python3
"""Summarise a JMH JSON result (-rf json): mean ± error, best iteration, ratios and fractions of peak.

Usage: python3 benchmarks/summarize.py results.json
Ratios compare variants measured in the same run: to the hand-written reference, or for
TwoThreadBenchmark to one thread (plain or vector) in the same run. AlternatingThreadsBenchmark
alternates one thread and two from one iteration to the next: its speedups are those of
neighbouring iterations; TwoNetworksBenchmark cycles through one network on one thread, on
two, and two networks at once. On a shared machine the best iteration is the
most repeatable figure, so both mean and best are shown.
"""
import json
import sys

# The count: a training step is 2·params FLOPs forward plus 2·params backward per sample.
M1_PARAMS = 784 * 128 + 128 + 128 * 10 + 10                       # 101,770
M2_PARAMS = 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10     # 235,146
FLOPS_PER_SAMPLE = {"TrainStepBenchmark": 4 * M1_PARAMS, "TwoThreadBenchmark": 4 * M1_PARAMS,
                    "DeepTrainStepBenchmark": 4 * M2_PARAMS}
PREDICT_FLOPS = 2 * M1_PARAMS  # one forward pass
PEAK_FLOPS_PER_CALL = 2048 * 8 * 8 * 2
FIRST_LAYER_BYTES = 784 * 128 * 4  # what one M1 prediction must read at least once

rows = {}
alternating = []
ceilings = []
networks = []
for result in json.load(open(sys.argv[1])):
    bench, variant = result["benchmark"].rsplit(".", 2)[-2:]
    params = ",".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items()))
    metric = result["primaryMetric"]
    samples = [x for fork in metric["rawData"] for x in fork]
    if bench == "TwoThreadCeilingBenchmark":
        ceilings.append((params, variant, metric["rawData"][0], metric["scoreUnit"]))
        continue
    if bench == "TwoNetworksBenchmark":
        networks.append((params, variant, metric["rawData"][0], metric["scoreUnit"]))
        continue
    if bench == "AlternatingThreadsBenchmark":
        alternating.append((params, variant, metric["rawData"][0], metric["scoreUnit"]))
        continue
    seconds = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3}[metric["scoreUnit"]]
    rows[(bench, params, variant)] = (metric["score"], metric["scoreError"], min(samples), metric["scoreUnit"], seconds)

peak = None
if ("PeakBenchmark", "", "fmaPeak") in rows:
    p = rows[("PeakBenchmark", "", "fmaPeak")]
    peak = (PEAK_FLOPS_PER_CALL / (p[0] * p[4]) / 1e9, PEAK_FLOPS_PER_CALL / (p[2] * p[4]) / 1e9)
    print(f"peak (8 FMA accumulators): {peak[0]:.1f} GFLOP/s mean, {peak[1]:.1f} best\n")
# On a CPU with 512-bit vectors (AVX-512), the peak with them: twice the FLOPs per call.
wide = None
if peak and ("PeakBenchmark", "", "fmaPeak512") in rows:
    p = rows[("PeakBenchmark", "", "fmaPeak512")]
    wide = (2 * PEAK_FLOPS_PER_CALL / (p[0] * p[4]) / 1e9, 2 * PEAK_FLOPS_PER_CALL / (p[2] * p[4]) / 1e9)
    print(f"peak with 512-bit vectors: {wide[0]:.1f} GFLOP/s mean, {wide[1]:.1f} best ({wide[0] / peak[0]:.2f}× the 256-bit peak)\n")
floor = rows.get(("PeakBenchmark", "", "readFirstLayerWeights"))
if floor:
    print(f"read floor (M1's first-layer weights, {FIRST_LAYER_BYTES:,} bytes, once): {floor[0]:.1f} ± {floor[1]:.1f} {floor[3]}, "
          f"best {floor[2]:.1f} ({FIRST_LAYER_BYTES / (floor[2] * floor[4]) / 1e9:.0f} GB/s)")
    for variant in ("generated", "generatedVector", "generatedVectorTwoThreads", "handWritten"):
        r = rows.get(("PredictBenchmark", "", variant))
        if r:
            print(f"  predict {variant}: {r[0] / floor[0]:.2f}× the floor (best {r[2] / floor[2]:.2f}×)")
    print()

wide_header, wide_rule = (" % of 512-bit peak, mean |", "---|") if wide else ("", "")
print("| benchmark | variant | mean ± error | best | ratio to hand-written (mean / best) | GFLOP/s mean / best | % of peak mean / best |" + wide_header)
print("|---|---|---|---|---|---|---|" + wide_rule)
for (bench, params, variant) in sorted(rows):
    if bench == "PeakBenchmark":
        continue
    r = rows[(bench, params, variant)]
    reference = "oneThreadVector" if variant.endswith("Vector") else "oneThread"
    h = rows.get((bench, params, "handWritten")) or (rows.get((bench, params, reference)) if bench == "TwoThreadBenchmark" else None)
    flops = None
    if bench in FLOPS_PER_SAMPLE:
        flops = int(params.split("=")[1]) * FLOPS_PER_SAMPLE[bench]
    elif bench == "PredictBenchmark":
        flops = PREDICT_FLOPS
    elif bench == "KernelBenchmark":
        flops = 2 * int(params.split("=")[1]) * 784 * 128
    ratio = f"{r[0] / h[0]:.2f} / {r[2] / h[2]:.2f}" if h else ""
    if flops is None:
        print(f"| {bench} {params} | {variant} | {r[0]:.1f} ± {r[1]:.1f} {r[3]} | {r[2]:.1f} | {ratio} | | |")
        continue
    g = (flops / (r[0] * r[4]) / 1e9, flops / (r[2] * r[4]) / 1e9)
    pct = f"{100 * g[0] / peak[0]:.0f} % / {100 * g[1] / peak[1]:.0f} %" if peak else ""
    wide_pct = f" {100 * g[0] / wide[0]:.0f} % |" if wide else ""
    print(f"| {bench} {params} | {variant} | {r[0]:.1f} ± {r[1]:.1f} {r[3]} | {r[2]:.1f} | {ratio} | {g[0]:.1f} / {g[1]:.1f} | {pct} |{wide_pct}")

if alternating:
    # Iterations alternate one thread (even) and two (odd): each neighbouring pair gives a speedup.
    print("\n| AlternatingThreadsBenchmark | variant | pairs | one thread: median (best) | two threads: median (best) "
          "| speedup of the pairs: median (quartiles) | best two / best one |")
    print("|---|---|---|---|---|---|---|")
    for params, variant, raw, unit in sorted(alternating):
        one, two = raw[0::2], raw[1::2]
        pairs = sorted(a / b for a, b in zip(one, two))
        q = lambda v, f: sorted(v)[min(len(v) - 1, int(f * len(v)))]
        print(f"| {params} | {variant} | {len(pairs)} | {q(one, 0.5):.1f} ({min(one):.1f}) {unit} | {q(two, 0.5):.1f} ({min(two):.1f}) {unit} "
              f"| {q(pairs, 0.5):.2f} ({q(pairs, 0.25):.2f}–{q(pairs, 0.75):.2f}) | {min(one) / min(two):.2f} |")

if ceilings:
    # Iterations cycle through the step on one thread and two, then the FMA ceiling on one and two:
    # each four neighbours give the step's speedup, the ceiling's, and the one as a fraction of the other.
    print("\n| TwoThreadCeilingBenchmark | variant | quads | step: one / two threads, median (best) "
          "| step speedup: median (quartiles), best/best | ceiling speedup: median (quartiles), best/best "
          "| step speedup / ceiling speedup: median (quartiles) |")
    print("|---|---|---|---|---|---|---|")
    for params, variant, raw, unit in sorted(ceilings):
        quads = len(raw) // 4
        one, two, c_one, c_two = (raw[k:4 * quads:4] for k in range(4))
        step = [a / b for a, b in zip(one, two)]
        ceiling = [a / b for a, b in zip(c_one, c_two)]
        fraction = [a / b for a, b in zip(step, ceiling)]
        q = lambda v, f: sorted(v)[min(len(v) - 1, int(f * len(v)))]
        spread = lambda v: f"{q(v, 0.5):.2f} ({q(v, 0.25):.2f}–{q(v, 0.75):.2f})"
        print(f"| {params} | {variant} | {quads} | {q(one, 0.5):.1f} ({min(one):.1f}) / {q(two, 0.5):.1f} ({min(two):.1f}) {unit} "
              f"| {spread(step)}, {min(one) / min(two):.2f} | {spread(ceiling)}, {min(c_one) / min(c_two):.2f} | {spread(fraction)} |")

if networks:
    # Iterations cycle through one network on one thread, the same on two, and two networks at once
    # (one step each, one per core): each three neighbours give the shared step's speedup, the
    # independent steps' (two steps per operation), and the one as a fraction of the other.
    print("\n| TwoNetworksBenchmark | variant | triples | one network, one thread / two threads / two networks at once: median (best) "
          "| shared step speedup: median (quartiles) | two networks at once, throughput: median (quartiles) "
          "| shared / independent: median (quartiles) |")
    print("|---|---|---|---|---|---|---|")
    for params, variant, raw, unit in sorted(networks):
        triples = len(raw) // 3
        one, two, pair = (raw[k:3 * triples:3] for k in range(3))
        shared = [a / b for a, b in zip(one, two)]
        independent = [2 * a / b for a, b in zip(one, pair)]
        fraction = [a / b for a, b in zip(shared, independent)]
        q = lambda v, f: sorted(v)[min(len(v) - 1, int(f * len(v)))]
        spread = lambda v: f"{q(v, 0.5):.2f} ({q(v, 0.25):.2f}–{q(v, 0.75):.2f})"
        print(f"| {params} | {variant} | {triples} | {q(one, 0.5):.1f} ({min(one):.1f}) / {q(two, 0.5):.1f} ({min(two):.1f}) / "
              f"{q(pair, 0.5):.1f} ({min(pair):.1f}) {unit} | {spread(shared)} | {spread(independent)} | {spread(fraction)} |")
