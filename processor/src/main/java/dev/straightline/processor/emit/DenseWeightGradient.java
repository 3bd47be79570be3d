package dev.straightline.processor.emit;

import static dev.straightline.processor.emit.DenseEmitter.ARRAYS;
import static dev.straightline.processor.emit.DenseEmitter.UNROLL;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/**
 * The weight gradient of a dense layer, {@code dW = Xᵀ·dZ}, with the optimizer's update fused into
 * each row while it is in L1.
 */
final class DenseWeightGradient {
    private final DenseEmitter dense;
    private final LayerPlan layer;
    private final Numeric numeric;
    private final String t;
    private final OptimizerEmitter optimizer;

    DenseWeightGradient(DenseEmitter dense, OptimizerEmitter optimizer) {
        this.dense = dense;
        this.layer = dense.layer;
        this.numeric = dense.numeric;
        this.t = dense.t;
        this.optimizer = optimizer;
    }

    /**
     * dW = Xᵀ·dZ for rows [k0, k1), row by row, and when {@code update} is set the optimizer's update
     * of that row while it is still in L1. The bias is updated on the calling thread, not here.
     */
    MethodSpec method() {
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(dense.weightGradientName())
                .addJavadoc("$L, rows [k0, k1) of the weight gradient for samples [0, n): dW = Xᵀ·dZ; with\n"
                        + "{@code update}, each row of W is updated right after its gradient, which then lives only in\n"
                        + "the L1 row {@code scratch} when the batch is one tile: dW is not written back.\n",
                        dense.describe())
                .addModifiers(Modifier.PRIVATE);
        if (layer.isFirst()) {
            method.addParameter(numeric.vector(), "x");
        }
        method.addParameter(TypeName.INT, "n")
                .addParameter(TypeName.INT, "k0")
                .addParameter(TypeName.INT, "k1")
                .addParameter(numeric.vector(), "scratch")
                .addParameter(TypeName.BOOLEAN, "update");
        CodeBlock.Builder body = CodeBlock.builder();
        String stepRate = dense.l2 > 0 ? null : optimizer.plainStepRate();
        if (stepRate != null) {
            singleSampleStep(body, stepRate);
        }
        // One chain: the single-sample step, else the kernels, else the loops.
        boolean chained = stepRate != null;
        if (dense.simd()) {
            if (chained) {
                body.nextControlFlow("else if ($T.ENABLED)", RuntimeTypes.SIMD);
            } else {
                body.beginControlFlow("if ($T.ENABLED)", RuntimeTypes.SIMD);
            }
            chained = true;
            // With a penalty the kernel stores dW, and the penalty joins each row before the update.
            String rate = dense.l2 > 0 ? null : optimizer.plainStepRate();
            if (rate != null) {
                body.addStatement("$T.kernels().weightGradient($L, $L, $L, $L, n, k0, k1, $L, $L, update, scratch)", RuntimeTypes.SIMD,
                        dense.inputRows(), layer.preGrad(), layer.weights(), layer.weightGrad(), units, rate);
            } else {
                body.addStatement("$T.kernels().weightGradient($L, $L, $L, $L, n, k0, k1, $L, 0, false, scratch)", RuntimeTypes.SIMD,
                        dense.inputRows(), layer.preGrad(), layer.weights(), layer.weightGrad(), units)
                        .beginControlFlow("for (int k = k0; k < k1; k++)")
                        .add(penalty(layer.weightGrad() + "[k]"))
                        .beginControlFlow("if (update)")
                        .add(optimizer.update(new OptimizerEmitter.Row(layer.weights(), "k", true), layer.weightGrad() + "[k]",
                                "0", String.valueOf(units)))
                        .endControlFlow()
                        .endControlFlow();
            }
        }
        if (chained) {
            body.nextControlFlow("else");
        }
        dense.openTiles(body, "0", "n");
        body.add("// Row k of dW gathers X[s][k]·dZ[s] over the samples, four at a time.\n")
                .beginControlFlow("for (int k = k0; k < k1; k++)")
                .addStatement(dense.tiled ? "$L[] dw = update && n <= $L ? scratch : $L[k]" : "$L[] dw = update ? scratch : $L[k]",
                        dense.tiled ? new Object[] {t, dense.tile, layer.weightGrad()} : new Object[] {t, layer.weightGrad()});
        if (dense.tiled) {
            body.beginControlFlow("if (s0 == 0)").addStatement("$T.fill(dw, 0, $L, $L)", ARRAYS, units, numeric.literal(0)).endControlFlow();
        } else {
            body.addStatement("$T.fill(dw, 0, $L, $L)", ARRAYS, units, numeric.literal(0));
        }
        body.addStatement("int s = s0")
                .beginControlFlow("for (; s + $L < s1; s += $L)", UNROLL - 1, UNROLL);
        StringBuilder sum = new StringBuilder();
        for (int u = 0; u < UNROLL; u++) {
            body.addStatement("$L x$L = $L", t, u, inputOf(u == 0 ? "s" : "s + " + u));
            sum.append(u == 0 ? "" : " + ").append("x").append(u).append(" * d").append(u).append("[j]");
        }
        for (int u = 0; u < UNROLL; u++) {
            body.addStatement("$L[] d$L = $L[$L]", t, u, layer.preGrad(), u == 0 ? "s" : "s + " + u);
        }
        body.beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dw[j] += $L", sum)
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (; s < s1; s++)")
                .addStatement("$L xs = $L", t, inputOf("s"))
                .addStatement("$L[] d = $L[s]", t, layer.preGrad())
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dw[j] += xs * d[j]")
                .endControlFlow()
                .endControlFlow()
                .add(dense.l2 > 0 && dense.tiled ? CodeBlock.builder().beginControlFlow("if (s1 == n)").add(penalty("dw")).endControlFlow().build()
                        : penalty("dw"))
                .beginControlFlow(dense.tiled ? "if (update && s1 == n)" : "if (update)")
                .add(optimizer.update(new OptimizerEmitter.Row(layer.weights(), "k", true), "dw", "0", String.valueOf(units)))
                .endControlFlow()
                .endControlFlow();
        dense.closeTiles(body);
        if (chained) {
            body.endControlFlow();
        }
        return method.addCode(body.build()).build();
    }

    /**
     * Opens a branch for plain SGD's step on one sample, which the caller continues with
     * {@code else}: each row of W takes {@code rate·(x[k]·dZ[0])} in one pass, the values the
     * gradient row would hold (0 + x·d is x·d) and the kernels' sums too (an FMA onto zero is one
     * rounded product), without clearing that row, writing it and reading it back (M1 at batch 1 in
     * plain Java, probe of 35 alternating rounds: 0.58× the time of those three loops).
     */
    private void singleSampleStep(CodeBlock.Builder body, String rate) {
        body.add("// One sample: row k of W steps by X[0][k]·dZ[0] at once, with no gradient row.\n")
                .beginControlFlow("if (update && n == 1)")
                .addStatement("$L rate = $L", t, rate)
                .addStatement("$L[] d = $L[0]", t, layer.preGrad())
                .beginControlFlow("for (int k = k0; k < k1; k++)")
                .addStatement("$L xs = $L", t, layer.isFirst() ? "x[k]" : inputOf("0"))
                .addStatement("$L[] p = $L[k]", t, layer.weights())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("p[j] -= rate * (xs * d[j])")
                .endControlFlow()
                .endControlFlow();
    }

    /**
     * A part's share of the weight gradient of a layer split by units ({@link DenseEmitter#byUnits}),
     * from this part's own copy of the inputs, and with {@code update} the optimizer's step on what it
     * computed: chunks of rows of one half of the units, taken first come, first served.
     */
    MethodSpec unitsMethod() {
        int in = layer.inputs();
        int units = layer.units();
        int half = dense.unitHalf();
        int rowsPerChunk = DenseEmitter.UNIT_SPLIT_GRADIENT_ROWS;
        int chunksPerHalf = (in + rowsPerChunk - 1) / rowsPerChunk;
        MethodSpec.Builder method = MethodSpec.methodBuilder(dense.weightGradientUnitsName())
                .addJavadoc("$L, part {@code part}'s share of the weight gradient\nfor samples [0, n): dW = Xᵀ·dZ, with X from "
                        + "this part's {@code rows}; with {@code update}, the\noptimizer's step on the same rows and columns of W.\n",
                        dense.describe())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "n")
                .addParameter(numeric.matrix(), "rows")
                .addParameter(TypeName.INT, "part")
                .addParameter(numeric.vector(), "scratch")
                .addParameter(TypeName.BOOLEAN, "update");
        CodeBlock.Builder body = CodeBlock.builder();
        if (chunksPerHalf > 1) {
            body.add("// Chunks of $L rows of units [0, $L) or [$L, $L), first come, first served: part 0 takes the first\n"
                    + "// half's rows first to last, part 1 the second half's last to first; then each goes on into the other's.\n",
                    rowsPerChunk, half, half, units);
        } else {
            body.add("// Units [0, $L) or [$L, $L), first come, first served: part 0 takes the first half, part 1 the\n"
                    + "// second, each with all $L rows.\n", half, half, units, in);
        }
        body.beginControlFlow("for (int taken = 0, chunk; (chunk = $L.next(part, taken, $L)) >= 0; taken++)",
                DenseEmitter.UNIT_CHUNKS, 2 * chunksPerHalf);
        // The same lines whatever the width, so that the source does not grow with it.
        String firstHalf;
        if (chunksPerHalf > 1) {
            body.addStatement("int k0 = chunk % $L * $L", chunksPerHalf, rowsPerChunk)
                    .addStatement("int k1 = Math.min(k0 + $L, $L)", rowsPerChunk, in);
            firstHalf = "chunk < " + chunksPerHalf;
        } else {
            body.addStatement("int k0 = 0").addStatement("int k1 = $L", in);
            firstHalf = "chunk == 0";
        }
        body.addStatement("int j0 = $L ? 0 : $L", firstHalf, half)
                .addStatement("int j1 = $L ? $L : $L", firstHalf, half, units);
        String rate = dense.l2 > 0 ? null : optimizer.plainStepRate();
        if (rate != null) {
            body.addStatement("$T.kernels().weightGradient(rows, $L, $L, $L, n, k0, k1, $L, j0, j1, $L, update, scratch)",
                    RuntimeTypes.SIMD, layer.preGrad(), layer.weights(), layer.weightGrad(), units, rate);
        } else {
            body.addStatement("$T.kernels().weightGradient(rows, $L, $L, $L, n, k0, k1, $L, j0, j1, 0, false, scratch)",
                            RuntimeTypes.SIMD, layer.preGrad(), layer.weights(), layer.weightGrad(), units)
                    .beginControlFlow("for (int k = k0; k < k1; k++)")
                    .add(penalty(layer.weightGrad() + "[k]", "j0", "j1"))
                    .beginControlFlow("if (update)")
                    .add(optimizer.update(new OptimizerEmitter.Row(layer.weights(), "k", true), layer.weightGrad() + "[k]", "j0", "j1"))
                    .endControlFlow()
                    .endControlFlow();
        }
        return method.addCode(body.endControlFlow().build()).build();
    }

    private CodeBlock penalty(String row) {
        return penalty(row, "0", String.valueOf(layer.units()));
    }

    /** With an L2 penalty, adds 2λ·W[k] to elements [from, to) of the gradient row {@code row}; nothing otherwise. */
    private CodeBlock penalty(String row, String from, String to) {
        if (dense.l2 == 0) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add("// The penalty λ‖W‖² adds 2λ·W to the gradient.\n")
                .addStatement("$L[] penalized = $L", t, row)
                .addStatement("$L[] w = $L[k]", t, layer.weights())
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("penalized[j] += $L * w[j]", numeric.literal(2 * dense.l2))
                .endControlFlow()
                .build();
    }

    /** Input element {@code k} of sample {@code s} (an expression such as {@code s + 1}), for the backward pass. */
    private String inputOf(String s) {
        if (!layer.isFirst()) {
            return layer.previous().trainingOut() + "[" + s + "][k]";
        }
        String row = s.equals("s") ? "s" : "(" + s + ")";
        return "x[" + row + " * " + layer.inputs() + " + k]";
    }
}
