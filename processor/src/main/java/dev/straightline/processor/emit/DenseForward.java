package dev.straightline.processor.emit;

import static dev.straightline.processor.emit.DenseEmitter.ARRAYS;
import static dev.straightline.processor.emit.DenseEmitter.UNROLL;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.activation.ActivationEmitter;
import dev.straightline.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/**
 * The forward pass of a dense layer, {@code Z = X·W + b, H = g(Z)}: straight-line code for tiny
 * layers, otherwise contiguous loops over four weight rows at a time, and the vector kernels when
 * {@code Simd.ENABLED}.
 */
final class DenseForward {
    /**
     * Layers this wide take a single sample through the vector kernels too: one pass of eight or
     * sixteen FMA chains (16- or 8-lane vectors) over W's rows reads each row as one stream (M1's first
     * layer, 8 lanes, probe: 7.2 µs against 8.8 for the loops).
     */
    static final int SINGLE_SAMPLE_KERNEL_UNITS = 128;

    private final DenseEmitter dense;
    private final LayerPlan layer;
    private final Numeric numeric;
    private final ActivationEmitter activation;
    private final String t;
    private final boolean straightLine;

    DenseForward(DenseEmitter dense) {
        this.dense = dense;
        this.layer = dense.layer;
        this.numeric = dense.numeric;
        this.activation = dense.activation;
        this.t = dense.t;
        this.straightLine = dense.straightLine();
    }

    MethodSpec method() {
        int in = layer.inputs();
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(dense.forwardName())
                .addJavadoc("$L, forward for samples [from, to):\nZ = X·W$L, H = $L.\n"
                                + "Four weight rows at a time stay in L1 while every sample's row of Z passes by.\n",
                        dense.describe(), layer.hasBias() ? " + b" : "", activation.formula())
                .addModifiers(Modifier.PRIVATE);
        if (layer.isFirst()) {
            method.addParameter(numeric.vector(), "x").addParameter(TypeName.INT, "first");
        }
        method.addParameter(TypeName.INT, "from").addParameter(TypeName.INT, "to");
        CodeBlock.Builder body = CodeBlock.builder();
        if (straightLine) {
            body.add(straightLineSums());
        }
        if (!straightLine && dense.simd()) {
            if (layer.isFirst()) {
                body.add("// The vector kernels read the inputs as rows; the weight gradient reuses them.\n")
                        .beginControlFlow("if ($T.ENABLED)", RuntimeTypes.SIMD)
                        .beginControlFlow("for (int s = from; s < to; s++)")
                        .addStatement("System.arraycopy(x, (first + s) * $L, inputRows[s], 0, $L)", in, in)
                        .endControlFlow()
                        .endControlFlow();
            }
            if (units >= SINGLE_SAMPLE_KERNEL_UNITS) {
                body.add("// One sample reads W fastest in the kernel's passes of $L units; two or three in the loops below.\n",
                                SINGLE_SAMPLE_KERNEL_UNITS)
                        .beginControlFlow("if ($T.ENABLED && (to - from >= 4 || to - from == 1))", RuntimeTypes.SIMD);
            } else {
                body.add("// Fewer than four samples stream W once either way, and the loops below do it faster.\n")
                        .beginControlFlow("if ($T.ENABLED && to - from >= 4)", RuntimeTypes.SIMD);
            }
            body.addStatement("$T.kernels().forward($L, $L, $L, $L, from, to, $L, $L)", RuntimeTypes.SIMD, dense.forwardInputRows(), layer.weights(),
                            layer.hasBias() ? layer.bias() : "zeroBias", layer.pre(), in, units)
                    .nextControlFlow("else");
        }
        if (straightLine) {
            return finishForward(method, body);
        }
        body.beginControlFlow("for (int s = from; s < to; s++)");
        if (layer.hasBias()) {
            body.addStatement("System.arraycopy($L, 0, $L[s], 0, $L)", layer.bias(), layer.pre(), units);
        } else {
            body.addStatement("$T.fill($L[s], $L)", ARRAYS, layer.pre(), numeric.literal(0));
        }
        body.endControlFlow();
        int unrolled = in - in % UNROLL;
        dense.openTiles(body, "from", "to");
        if (unrolled > 0) {
            body.beginControlFlow("for (int k = 0; k < $L; k += $L)", unrolled, UNROLL);
            StringBuilder sum = new StringBuilder();
            for (int u = 0; u < UNROLL; u++) {
                body.addStatement("$L[] w$L = $L[$L]", t, u, layer.weights(), u == 0 ? "k" : "k + " + u);
                sum.append(u == 0 ? "" : " + ").append("x").append(u).append(" * w").append(u).append("[j]");
            }
            body.beginControlFlow("for (int s = s0; s < s1; s++)");
            inputRow(body);
            for (int u = 0; u < UNROLL; u++) {
                body.addStatement("$L x$L = $L", t, u, input(u == 0 ? "k" : "k + " + u));
            }
            body.addStatement("$L[] z = $L[s]", t, layer.pre())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("z[j] += $L", sum)
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        if (unrolled < in) {
            body.beginControlFlow("for (int k = $L; k < $L; k++)", unrolled, in)
                    .addStatement("$L[] w = $L[k]", t, layer.weights())
                    .beginControlFlow("for (int s = s0; s < s1; s++)");
            inputRow(body);
            body.addStatement("$L xk = $L", t, input("k"))
                    .addStatement("$L[] z = $L[s]", t, layer.pre())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("z[j] += xk * w[j]")
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        dense.closeTiles(body);
        if (dense.simd()) {
            body.endControlFlow();
        }
        return finishForward(method, body);
    }

    /**
     * Adds the activation, row by row, and dropout while training, and builds the forward method; a
     * layer split by units calls them in a method of their own, which its split step runs after Z.
     */
    private MethodSpec finishForward(MethodSpec.Builder method, CodeBlock.Builder body) {
        if (dense.byUnits()) {
            return method.addCode(body.addStatement("$L(from, to)", dense.activationName()).build()).build();
        }
        return method.addCode(activationRows(body).build()).build();
    }

    /** H = g(Z) and dropout for samples [from, to) of a layer split by units ({@link DenseEmitter#byUnits}). */
    MethodSpec activationMethod() {
        return MethodSpec.methodBuilder(dense.activationName())
                .addJavadoc("$L, samples [from, to): H = $L$L.\n", dense.describe(), activation.formula(),
                        layer.hasDropout() ? ", then dropout while training" : "")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addCode(activationRows(CodeBlock.builder()).build())
                .build();
    }

    /**
     * A part's share of Z for samples [0, n) of a layer split by units, from this part's own copy of
     * the inputs ({@code rows}): blocks of units taken first come, first served, so that when both
     * cores run alike each reads only its own columns of W and rows it wrote itself.
     */
    MethodSpec unitsMethod() {
        int in = layer.inputs();
        int units = layer.units();
        int block = DenseEmitter.UNIT_BLOCK;
        int blocks = (units + block - 1) / block;
        String end = units % block == 0 ? "block * " + block + " + " + block : "Math.min(block * " + block + " + " + block + ", " + units + ")";
        return MethodSpec.methodBuilder(dense.forwardUnitsName())
                .addJavadoc("$L, part {@code part}'s share of Z = X·W$L\nfor samples [0, n) when two threads split this "
                                + "layer by units. The part first copies every\nsample's inputs into its own {@code rows}, "
                                + "which its weight gradient reads again.\n",
                        dense.describe(), layer.hasBias() ? " + b" : "")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(numeric.vector(), "x")
                .addParameter(TypeName.INT, "n")
                .addParameter(numeric.matrix(), "rows")
                .addParameter(TypeName.INT, "part")
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("System.arraycopy(x, s * $L, rows[s], 0, $L)", in, in)
                .endControlFlow()
                .addComment("Blocks of $L units, first come, first served: part 0 takes them first to last, part 1 last to first.", block)
                .beginControlFlow("for (int taken = 0, block; (block = $L.next(part, taken, $L)) >= 0; taken++)",
                        DenseEmitter.UNIT_CHUNKS, blocks)
                .addStatement("$T.kernels().forward(rows, $L, $L, $L, 0, n, $L, $L, block * $L, $L)", RuntimeTypes.SIMD, layer.weights(),
                        layer.hasBias() ? layer.bias() : "zeroBias", layer.pre(), in, units, block, end)
                .endControlFlow()
                .build();
    }

    /**
     * A part's half of one sample's Z when two threads share a prediction: always the same half, so
     * that each core keeps its half of W in its own L2 from one prediction to the next.
     */
    MethodSpec halfMethod() {
        int in = layer.inputs();
        int half = dense.unitHalf();
        return MethodSpec.methodBuilder(dense.forwardHalfName())
                .addJavadoc("$L, part {@code part}'s half of one sample's Z = x·W$L when two threads share a\n"
                                + "prediction: units [0, $L) or [$L, $L), from the part's own copy of x in {@code rows}.\n",
                        dense.describe(), layer.hasBias() ? " + b" : "", half, half, layer.units())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(numeric.vector(), "x")
                .addParameter(numeric.matrix(), "rows")
                .addParameter(TypeName.INT, "part")
                .addStatement("System.arraycopy(x, 0, rows[0], 0, $L)", in)
                .addStatement("$T.kernels().forward(rows, $L, $L, $L, 0, 1, $L, $L, part == 0 ? 0 : $L, part == 0 ? $L : $L)",
                        RuntimeTypes.SIMD, layer.weights(), layer.hasBias() ? layer.bias() : "zeroBias", layer.pre(), in,
                        layer.units(), half, half, layer.units())
                .build();
    }

    private CodeBlock.Builder activationRows(CodeBlock.Builder body) {
        if (!activation.isIdentity()) {
            body.beginControlFlow("for (int s = from; s < to; s++)")
                    .addStatement("$L[] z = $L[s]", t, layer.pre())
                    .addStatement("$L[] h = $L[s]", t, layer.out())
                    .add(activation.forward(layer.units(), numeric))
                    .endControlFlow();
        }
        return body.add(dense.dropoutRows());
    }

    /** Z written out unit by unit, with every weight and bias read once into a local. */
    private CodeBlock straightLineSums() {
        int in = layer.inputs();
        int units = layer.units();
        CodeBlock.Builder code = CodeBlock.builder().add("// A tiny layer: the sums written out, the weights in locals.\n");
        for (int k = 0; k < in; k++) {
            code.addStatement("$L[] w$L = $L[$L]", t, k, layer.weights(), k);
        }
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < units; j++) {
                code.addStatement("$L w$L_$L = w$L[$L]", t, k, j, k, j);
            }
        }
        for (int j = 0; j < units && layer.hasBias(); j++) {
            code.addStatement("$L b$L = $L[$L]", t, j, layer.bias(), j);
        }
        code.beginControlFlow("for (int s = from; s < to; s++)");
        if (layer.isFirst()) {
            code.addStatement("int xo = (first + s) * $L", in);
        } else {
            code.addStatement("$L[] in = $L[s]", t, dense.forwardInputRows());
        }
        for (int k = 0; k < in; k++) {
            code.addStatement("$L x$L = $L", t, k, input(String.valueOf(k)));
        }
        code.addStatement("$L[] z = $L[s]", t, layer.pre());
        for (int j = 0; j < units; j++) {
            StringBuilder sum = new StringBuilder(layer.hasBias() ? "b" + j : "");
            for (int k = 0; k < in; k++) {
                sum.append(sum.length() == 0 ? "" : " + ").append("x").append(k).append(" * w").append(k).append('_').append(j);
            }
            code.addStatement("z[$L] = $L", j, sum);
        }
        return code.endControlFlow().build();
    }

    /** Declares where sample {@code s}'s input row starts: an offset into x, or the previous layer's row. */
    private void inputRow(CodeBlock.Builder body) {
        if (layer.isFirst()) {
            body.addStatement("int xo = (first + s) * $L", layer.inputs());
        } else {
            body.addStatement("$L[] in = $L[s]", t, dense.forwardInputRows());
        }
    }

    /** Input element {@code k} of the current sample, for the forward pass. */
    private String input(String k) {
        if (layer.isFirst()) {
            return k.equals("0") ? "x[xo]" : "x[xo + " + k + "]";
        }
        return "in[" + k + "]";
    }
}
