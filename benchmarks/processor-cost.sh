#!/bin/bash
# What the processor adds to a cold command-line javac: a 2-layer network, a 10-layer network whose
# hidden layers share one shape, and a 10-layer network of distinct widths, each compiled N times
# with the processor and once per round with -proc:none (the same declaration, nothing generated).
# Prints the median wall and CPU time of each, what each adds to -proc:none, and the generated lines.
#
# usage: benchmarks/processor-cost.sh [N]   (after mvn -DskipTests package; default N = 15;
#        PROCESSOR_JAR=other.jar measures another build of the processor)
set -euo pipefail
for tool in /usr/bin/time python3 javac; do
    command -v "$tool" > /dev/null || { echo "processor-cost.sh needs $tool (GNU time: apt-get install time)" >&2; exit 1; }
done
here=$(cd "$(dirname "$0")/.." && pwd)
runtime=$(ls "$here"/runtime/target/straightline-runtime-*.jar | grep -v sources | head -1)
processor=${PROCESSOR_JAR:-$(ls "$here"/processor/target/straightline-processor-*.jar | grep -v original | head -1)}
rounds=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

network() { # name, then the widths of the hidden layers
    local name=$1; shift
    mkdir -p "$work/$name/demo"
    {
        echo 'package demo; import dev.straightline.*;'
        echo '@Network(inputs = 32, loss = Loss.SOFTMAX_CROSS_ENTROPY) @Sgd(learningRate = 0.1)'
        echo 'public interface Deep {'
        local i=0
        for width in "$@"; do
            echo "    @Dense(units = $width, activation = Activation.RELU) Layer h$i();"
            i=$((i + 1))
        done
        echo '    @Dense(units = 10) Layer logits();'
        echo '}'
    } > "$work/$name/demo/Deep.java"
}
network two 64
network ten 64 64 64 64 64 64 64 64 64
network ten-distinct 64 60 56 52 48 44 40 36 32

timed() { # label, javac arguments...
    local label=$1; shift
    /usr/bin/time -f "$label %e %U %S" -a -o "$work/times" javac -cp "$runtime" -d "$work/out" "$@" > /dev/null
}
mkdir -p "$work/out"
for _ in $(seq "$rounds"); do
    timed none -proc:none "$work/ten/demo/Deep.java"
    for name in two ten ten-distinct; do
        timed "$name" -processorpath "$processor" -s "$work/out" "$work/$name/demo/Deep.java"
    done
done
for name in two ten ten-distinct; do
    javac -cp "$runtime" -processorpath "$processor" -proc:only -s "$work/out" "$work/$name/demo/Deep.java"
    echo "lines $name $(wc -l < "$work/out/demo/DeepNet.java")" >> "$work/lines"
done
python3 - "$work/times" "$work/lines" <<'EOF'
import collections, statistics, sys
wall, cpu = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    if line.startswith("Command"):
        continue
    label, elapsed, user, system = line.split()
    wall[label].append(float(elapsed))
    cpu[label].append(float(user) + float(system))
lines = dict(l.split()[1:] for l in open(sys.argv[2]))
base_wall, base_cpu = statistics.median(wall["none"]), statistics.median(cpu["none"])
print(f"{'javac':14} {'wall':>6} {'adds':>6} {'cpu':>6} {'adds':>6} {'lines':>6}  (medians of {len(wall['none'])} runs, s)")
for label in ["none", "two", "ten", "ten-distinct"]:
    w, c = statistics.median(wall[label]), statistics.median(cpu[label])
    print(f"{label:14} {w:6.2f} {w - base_wall:6.2f} {c:6.2f} {c - base_cpu:6.2f} {lines.get(label, '-'):>6}")
EOF
