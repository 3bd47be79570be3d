package dev.straightline.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.activation.ActivationEmitter;
import dev.straightline.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes a dense layer: its fields, its forward method {@code Z = X·W + b, H = g(Z)} and its
 * backward method {@code dZ = g'(Z) ⊙ dH, dW = Xᵀ·dZ, db = Σ dZ, dX = dZ·Wᵀ} (seed 000 §2.2.1),
 * one sample per row. Inner loops run over the contiguous unit index {@code j}, with the
 * reduction index unrolled by {@value #UNROLL} ({@code anchors/jvm-limits.md}, rules 1–3).
 */
final class DenseEmitter {
    static final int UNROLL = 4;
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    /** Layers narrower than one 8-float vector gain nothing from the vector kernels and stay plain Java. */
    static final int SIMD_MIN_UNITS = 8;

    /** Bytes of activation rows one tile of samples may hold, so that the tile stays in a 32 KB L1 with the weights. */
    static final int TILE_BYTES = 16 * 1024;

    private final LayerPlan layer;
    private final Numeric numeric;
    private final ActivationEmitter activation;
    private final String t;
    private final int tile;
    private final boolean tiled;
    private final boolean straightLine;

    /** Layers with at most this many weights, and no dimension above {@link #STRAIGHT_LINE_WIDTH}, are written straight-line. */
    static final int STRAIGHT_LINE_WEIGHTS = 128;
    static final int STRAIGHT_LINE_WIDTH = 16;

    DenseEmitter(LayerPlan layer, Numeric numeric, int maxBatch, boolean straightLineAllowed) {
        this.layer = layer;
        this.numeric = numeric;
        this.activation = ActivationEmitter.of(layer.layer().activation());
        this.t = numeric.name();
        int rows = TILE_BYTES / (numeric.bytes() * layer.units());
        this.tile = Math.max(UNROLL, rows - rows % UNROLL);
        this.tiled = maxBatch > tile;
        this.straightLine = straightLineAllowed && layer.inputs() * layer.units() <= STRAIGHT_LINE_WEIGHTS
                && layer.inputs() <= STRAIGHT_LINE_WIDTH && layer.units() <= STRAIGHT_LINE_WIDTH;
    }

    /**
     * Whether the forward pass is straight-line code: for tiny layers, loops with constant bounds
     * still cost 1.2–1.8× more than the same sums written out with the weights in locals
     * ({@code anchors/jvm-limits.md}, Q3 and rule 7).
     */
    boolean straightLine() {
        return straightLine;
    }

    /** Whether this layer has a Vector API path, taken at run time when {@code Simd.ENABLED}. */
    boolean simd() {
        return numeric.isFloat() && layer.units() >= SIMD_MIN_UNITS && !straightLine;
    }

    /** The rows of this layer's input for the kernels: the previous layer's H, or the staged input rows. */
    private String inputRows() {
        return layer.isFirst() ? "inputRows" : layer.previous().out();
    }

    /** Opens the loop over tiles of samples [s0, s1) when batches can exceed one tile, or declares the one tile. */
    private void openTiles(CodeBlock.Builder body) {
        if (tiled) {
            body.add("// Samples in tiles of $L, whose rows of $L fit in L1.\n", tile, layer.units() + " values")
                    .beginControlFlow("for (int s0 = 0; s0 < n; s0 += $L)", tile)
                    .addStatement("int s1 = Math.min(n, s0 + $L)", tile);
        } else {
            body.addStatement("int s0 = 0").addStatement("int s1 = n");
        }
    }

    private void closeTiles(CodeBlock.Builder body) {
        if (tiled) {
            body.endControlFlow();
        }
    }

    LayerPlan plan() {
        return layer;
    }

    /** A one-line description for comments: {@code hidden: Dense(784 → 256, RELU)}. */
    String describe() {
        return layer.name() + ": Dense(" + layer.inputs() + " → " + layer.units() + ", "
                + layer.layer().activation().describe() + (layer.hasBias() ? "" : ", no bias") + ")";
    }

    List<FieldSpec> fields() {
        int in = layer.inputs();
        int units = layer.units();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(array(layer.weights(), 2, "new $L[$L][$L]", in, units)
                .addJavadoc("$L weights W, [$L][$L]: row k holds the weights from input k.\n", describe(), in, units).build());
        if (layer.hasBias()) {
            fields.add(array(layer.bias(), 1, "new $L[$L]", units).build());
        }
        fields.add(array(layer.weightGrad(), 2, "new $L[$L][$L]", in, units).build());
        if (layer.hasBias()) {
            fields.add(array(layer.biasGrad(), 1, "new $L[$L]", units).build());
        }
        fields.add(array(layer.pre(), 2, "new $L[MAX_BATCH][$L]", units)
                .addJavadoc(activation.isIdentity() ? "Z = H, one row per sample.\n" : "Z, one row per sample.\n").build());
        if (!activation.isIdentity()) {
            fields.add(array(layer.out(), 2, "new $L[MAX_BATCH][$L]", units).build());
            fields.add(array(layer.outGrad(), 2, "new $L[MAX_BATCH][$L]", units).build());
        }
        fields.add(array(layer.preGrad(), 2, "new $L[MAX_BATCH][$L]", units).build());
        if (layer.weightsT() != null) {
            fields.add(array(layer.weightsT(), 2, "new $L[$L][$L]", units, in)
                    .addJavadoc("Wᵀ, [$L][$L], copied from W in each backward pass of four or more samples.\n", units, in).build());
        }
        fields.add(FieldSpec.builder(RuntimeTypes.LAYER, layer.view(), Modifier.PRIVATE, Modifier.FINAL).build());
        return fields;
    }

    private FieldSpec.Builder array(String name, int rank, String format, Object... sizes) {
        TypeName type = rank == 1 ? numeric.vector() : numeric.matrix();
        Object[] arguments = new Object[sizes.length + 1];
        arguments[0] = t;
        System.arraycopy(sizes, 0, arguments, 1, sizes.length);
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).initializer(format, arguments);
    }

    /** Constructs the {@code Layer} view; runs in the constructor. */
    CodeBlock createView() {
        String name = layer.name();
        CodeBlock weights = CodeBlock.of("$T.matrix($S, $L)", RuntimeTypes.TENSORS, name + ".weight", layer.weights());
        CodeBlock weightGrad = CodeBlock.of("$T.matrix($S, $L)", RuntimeTypes.TENSORS, name + ".weight.grad", layer.weightGrad());
        CodeBlock.Builder code = CodeBlock.builder().add("$L = new $T($S, $L, $L, $T.$L,\n$>$>$L,\n$L",
                layer.view(), RuntimeTypes.LAYER_VIEW, name, layer.inputs(), layer.units(), RuntimeTypes.ACTIVATION,
                layer.layer().activation().kind(), weights, weightGrad);
        if (layer.hasBias()) {
            code.add(",\n$T.vector($S, $L),\n$T.vector($S, $L)", RuntimeTypes.TENSORS, name + ".bias", layer.bias(),
                    RuntimeTypes.TENSORS, name + ".bias.grad", layer.biasGrad());
        }
        return code.add(");\n$<$<").build();
    }

    /** The parameter tensors, weights then bias, as expressions on the view. */
    List<String> parameterViews() {
        List<String> views = new ArrayList<>(List.of(layer.view() + ".weights()"));
        if (layer.hasBias()) {
            views.add(layer.view() + ".bias()");
        }
        return views;
    }

    /** The gradient tensors, in the order of {@link #parameterViews()}. */
    List<String> gradientViews() {
        List<String> views = new ArrayList<>(List.of(layer.view() + ".weightGradient()"));
        if (layer.hasBias()) {
            views.add(layer.view() + ".biasGradient()");
        }
        return views;
    }

    /** Draws the weights from {@code random} and zeroes the bias. */
    CodeBlock initialize() {
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T.fill($L, $T.$L, random)", RuntimeTypes.INITIALIZERS, layer.weights(), RuntimeTypes.INIT, layer.layer().resolvedInit());
        if (layer.hasBias()) {
            code.addStatement("$T.fill($L, $L)", ARRAYS, layer.bias(), numeric.literal(0));
        }
        return code.build();
    }

    /** Overrides the user's layer method, public so that code in any package can inspect the layer. */
    MethodSpec accessor() {
        return MethodSpec.methodBuilder(layer.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.LAYER)
                .addStatement("return $L", layer.view())
                .build();
    }

    String forwardName() {
        return layer.name() + "Forward";
    }

    String backwardName() {
        return layer.name() + "Backward";
    }

    /** The call of the forward method from {@code forward(x, first, n)}. */
    CodeBlock forwardCall() {
        return layer.isFirst() ? CodeBlock.of("$L(x, first, n);\n", forwardName()) : CodeBlock.of("$L(n);\n", forwardName());
    }

    /** The call of the backward method from {@code backward(n)}. */
    CodeBlock backwardCall() {
        return CodeBlock.of("$L(n);\n", backwardName());
    }

    MethodSpec forward() {
        int in = layer.inputs();
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(forwardName())
                .addJavadoc("$L, forward for samples [0, n):\nZ = X·W$L, H = $L.\n"
                                + "Four weight rows at a time stay in L1 while every sample's row of Z passes by.\n",
                        describe(), layer.hasBias() ? " + b" : "", activation.formula())
                .addModifiers(Modifier.PRIVATE);
        if (layer.isFirst()) {
            method.addParameter(numeric.vector(), "x").addParameter(TypeName.INT, "first");
        }
        method.addParameter(TypeName.INT, "n");
        CodeBlock.Builder body = CodeBlock.builder();
        if (straightLine) {
            body.add(straightLineSums());
        }
        if (!straightLine && simd()) {
            if (layer.isFirst()) {
                body.add("// The vector kernels read the inputs as rows; the weight gradient reuses them.\n")
                        .beginControlFlow("if ($T.ENABLED)", RuntimeTypes.SIMD)
                        .beginControlFlow("for (int s = 0; s < n; s++)")
                        .addStatement("System.arraycopy(x, (first + s) * $L, inputRows[s], 0, $L)", in, in)
                        .endControlFlow()
                        .endControlFlow();
            }
            body.add("// Fewer than four samples stream W once either way, and the loops below do it faster.\n")
                    .beginControlFlow("if ($T.ENABLED && n >= 4)", RuntimeTypes.SIMD)
                    .addStatement("$T.kernels().forward($L, $L, $L, $L, n, $L, $L)", RuntimeTypes.SIMD, inputRows(), layer.weights(),
                            layer.hasBias() ? layer.bias() : "zeroBias", layer.pre(), in, units)
                    .nextControlFlow("else");
        }
        if (straightLine) {
            return finishForward(method, body);
        }
        body.beginControlFlow("for (int s = 0; s < n; s++)");
        if (layer.hasBias()) {
            body.addStatement("System.arraycopy($L, 0, $L[s], 0, $L)", layer.bias(), layer.pre(), units);
        } else {
            body.addStatement("$T.fill($L[s], $L)", ARRAYS, layer.pre(), numeric.literal(0));
        }
        body.endControlFlow();
        int unrolled = in - in % UNROLL;
        openTiles(body);
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
        closeTiles(body);
        if (simd()) {
            body.endControlFlow();
        }
        return finishForward(method, body);
    }

    /** Adds the activation, row by row, and builds the forward method. */
    private MethodSpec finishForward(MethodSpec.Builder method, CodeBlock.Builder body) {
        if (!activation.isIdentity()) {
            body.beginControlFlow("for (int s = 0; s < n; s++)")
                    .addStatement("$L[] z = $L[s]", t, layer.pre())
                    .addStatement("$L[] h = $L[s]", t, layer.out())
                    .add(activation.forward(layer.units(), numeric))
                    .endControlFlow();
        }
        return method.addCode(body.build()).build();
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
        code.beginControlFlow("for (int s = 0; s < n; s++)");
        if (layer.isFirst()) {
            code.addStatement("int xo = (first + s) * $L", in);
        } else {
            code.addStatement("$L[] in = $L[s]", t, layer.previous().out());
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
            body.addStatement("$L[] in = $L[s]", t, layer.previous().out());
        }
    }

    /** Input element {@code k} of the current sample, for the forward pass. */
    private String input(String k) {
        if (layer.isFirst()) {
            return k.equals("0") ? "x[xo]" : "x[xo + " + k + "]";
        }
        return "in[" + k + "]";
    }

    /** Input element {@code k} of sample {@code s} (an expression such as {@code s + 1}), for the backward pass. */
    private String inputOf(String s) {
        if (!layer.isFirst()) {
            return layer.previous().out() + "[" + s + "][k]";
        }
        String row = s.equals("s") ? "s" : "(" + s + ")";
        return "x[" + row + " * " + layer.inputs() + " + k]";
    }

    String weightGradientName() {
        return layer.name() + "WeightGradient";
    }

    /** The call of the weight-gradient method from {@code weightGradients(x, n, update)}. */
    CodeBlock weightGradientCall() {
        return layer.isFirst()
                ? CodeBlock.of("$L(x, n, update);\n", weightGradientName())
                : CodeBlock.of("$L(n, update);\n", weightGradientName());
    }

    /**
     * The deltas of the backward pass, top-down and with the weights as they were in the forward
     * pass: dZ from dH, db, and the gradient passed to the previous layer.
     */
    MethodSpec backward() {
        int in = layer.inputs();
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(backwardName())
                .addJavadoc("$L, backward for samples [0, n):\n$L$L$L.\n", describe(),
                        activation.backwardFormula(), layer.hasBias() ? ", db = Σₛ dZ[s]" : "",
                        layer.isFirst() ? "" : ", dX = dZ·Wᵀ (into " + layer.previous().name() + "'s dH)")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "n");
        CodeBlock.Builder body = CodeBlock.builder();
        if (!activation.isIdentity()) {
            CodeBlock rule = activation.backward(units, numeric);
            String ruleText = rule.toString();
            body.beginControlFlow("for (int s = 0; s < n; s++)");
            if (uses(ruleText, "z")) {
                body.addStatement("$L[] z = $L[s]", t, layer.pre());
            }
            if (uses(ruleText, "h")) {
                body.addStatement("$L[] h = $L[s]", t, layer.out());
            }
            if (uses(ruleText, "dh")) {
                body.addStatement("$L[] dh = $L[s]", t, layer.outGrad());
            }
            body.addStatement("$L[] dz = $L[s]", t, layer.preGrad()).add(rule).endControlFlow();
        }
        if (layer.hasBias()) {
            body.addStatement("$L[] db = $L", t, layer.biasGrad())
                    .addStatement("$T.fill(db, $L)", ARRAYS, numeric.literal(0))
                    .beginControlFlow("for (int s = 0; s < n; s++)")
                    .addStatement("$L[] dz = $L[s]", t, layer.preGrad())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("db[j] += dz[j]")
                    .endControlFlow()
                    .endControlFlow();
        }
        if (!layer.isFirst()) {
            body.add("// dX = dZ·Wᵀ. From four samples on, Wᵀ is copied once and dX is computed like a forward\n"
                    + "// pass, with contiguous rows; fewer samples take dot products with the rows of W.\n")
                    .beginControlFlow("if (n >= 4)")
                    .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                    .addStatement("$L[] w = $L[k]", t, layer.weights())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("$L[j][k] = w[j]", layer.weightsT())
                    .endControlFlow()
                    .endControlFlow();
            if (simd()) {
                body.beginControlFlow("if ($T.ENABLED)", RuntimeTypes.SIMD)
                        .addStatement("$T.kernels().forward($L, $L, zeroBias, $L, n, $L, $L)", RuntimeTypes.SIMD, layer.preGrad(),
                                layer.weightsT(), layer.previous().outGrad(), units, in)
                        .nextControlFlow("else")
                        .add(inputGradientLoops())
                        .endControlFlow();
            } else {
                body.add(inputGradientLoops());
            }
            body.nextControlFlow("else")
                    .beginControlFlow("for (int s = 0; s < n; s++)")
                    .addStatement("$L[] dz = $L[s]", t, layer.preGrad())
                    .addStatement("$L[] dx = $L[s]", t, layer.previous().outGrad())
                    .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                    .addStatement("$L[] w = $L[k]", t, layer.weights())
                    .addStatement("$L sum = $L", t, numeric.literal(0))
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("sum += dz[j] * w[j]")
                    .endControlFlow()
                    .addStatement("dx[k] = sum")
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        return method.addCode(body.build()).build();
    }

    /** dX = dZ·Wᵀ as axpy loops over the rows of Wᵀ, four at a time, like the forward pass. */
    private CodeBlock inputGradientLoops() {
        int in = layer.inputs();
        int units = layer.units();
        String dx = layer.previous().outGrad();
        CodeBlock.Builder code = CodeBlock.builder()
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("$T.fill($L[s], $L)", ARRAYS, dx, numeric.literal(0))
                .endControlFlow();
        int unrolled = units - units % UNROLL;
        if (unrolled > 0) {
            code.beginControlFlow("for (int j = 0; j < $L; j += $L)", unrolled, UNROLL);
            StringBuilder sum = new StringBuilder();
            for (int u = 0; u < UNROLL; u++) {
                code.addStatement("$L[] t$L = $L[$L]", t, u, layer.weightsT(), u == 0 ? "j" : "j + " + u);
                sum.append(u == 0 ? "" : " + ").append("a").append(u).append(" * t").append(u).append("[k]");
            }
            code.beginControlFlow("for (int s = 0; s < n; s++)")
                    .addStatement("$L[] dz = $L[s]", t, layer.preGrad());
            for (int u = 0; u < UNROLL; u++) {
                code.addStatement("$L a$L = dz[$L]", t, u, u == 0 ? "j" : "j + " + u);
            }
            code.addStatement("$L[] dx = $L[s]", t, dx)
                    .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                    .addStatement("dx[k] += $L", sum)
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        if (unrolled < units) {
            code.beginControlFlow("for (int j = $L; j < $L; j++)", unrolled, units)
                    .addStatement("$L[] tj = $L[j]", t, layer.weightsT())
                    .beginControlFlow("for (int s = 0; s < n; s++)")
                    .addStatement("$L a = $L[s][j]", t, layer.preGrad())
                    .addStatement("$L[] dx = $L[s]", t, dx)
                    .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                    .addStatement("dx[k] += a * tj[k]")
                    .endControlFlow()
                    .endControlFlow()
                    .endControlFlow();
        }
        return code.build();
    }

    /**
     * dW = Xᵀ·dZ, row by row, and when {@code update} is set the optimizer's update of that row
     * while it is still in L1; then the bias.
     */
    MethodSpec weightGradient(OptimizerEmitter optimizer) {
        int in = layer.inputs();
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(weightGradientName())
                .addJavadoc("$L, weight gradient for samples [0, n): dW = Xᵀ·dZ; with {@code update}, each\n"
                        + "row of W$L is updated right after its gradient, which then lives only in the scratch row\n"
                        + "{@code gradientRow} (in L1) when the batch is one tile: dW is not written back.\n",
                        describe(), layer.hasBias() ? " and b" : "")
                .addModifiers(Modifier.PRIVATE);
        if (layer.isFirst()) {
            method.addParameter(numeric.vector(), "x");
        }
        method.addParameter(TypeName.INT, "n").addParameter(TypeName.BOOLEAN, "update");
        CodeBlock.Builder body = CodeBlock.builder();
        if (simd()) {
            body.beginControlFlow("if ($T.ENABLED)", RuntimeTypes.SIMD);
            String rate = optimizer.plainStepRate();
            if (rate != null) {
                body.addStatement("$T.kernels().weightGradient($L, $L, $L, $L, n, $L, $L, $L, update)", RuntimeTypes.SIMD, inputRows(),
                        layer.preGrad(), layer.weights(), layer.weightGrad(), in, units, rate);
            } else {
                body.addStatement("$T.kernels().weightGradient($L, $L, $L, $L, n, $L, $L, 0, false)", RuntimeTypes.SIMD, inputRows(),
                        layer.preGrad(), layer.weights(), layer.weightGrad(), in, units)
                        .beginControlFlow("if (update)")
                        .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                        .add(optimizer.update(layer.weights() + "[k]", layer.weightGrad() + "[k]", units))
                        .endControlFlow()
                        .endControlFlow();
            }
            body.nextControlFlow("else");
        }
        openTiles(body);
        body.add("// Row k of dW gathers X[s][k]·dZ[s] over the samples, four at a time.\n")
                .beginControlFlow("for (int k = 0; k < $L; k++)", in)
                .addStatement(tiled ? "$L[] dw = update && n <= $L ? gradientRow : $L[k]" : "$L[] dw = update ? gradientRow : $L[k]",
                        tiled ? new Object[] {t, tile, layer.weightGrad()} : new Object[] {t, layer.weightGrad()});
        if (tiled) {
            body.beginControlFlow("if (s0 == 0)").addStatement("$T.fill(dw, $L)", ARRAYS, numeric.literal(0)).endControlFlow();
        } else {
            body.addStatement("$T.fill(dw, $L)", ARRAYS, numeric.literal(0));
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
                .beginControlFlow(tiled ? "if (update && s1 == n)" : "if (update)")
                .add(optimizer.update(layer.weights() + "[k]", "dw", units))
                .endControlFlow()
                .endControlFlow();
        closeTiles(body);
        if (simd()) {
            body.endControlFlow();
        }
        if (layer.hasBias()) {
            body.beginControlFlow("if (update)")
                    .add(optimizer.update(layer.bias(), layer.biasGrad(), units))
                    .endControlFlow();
        }
        return method.addCode(body.build()).build();
    }

    /** Whether code reads the row named {@code row} (a whole word followed by {@code [}). */
    private static boolean uses(String code, String row) {
        return Pattern.compile("\\b" + row + "\\[").matcher(code).find();
    }

    /** Throws if this layer's gradient holds a NaN or infinity (checked on db, or on dZ without a bias). */
    CodeBlock requireFiniteGradient() {
        CodeBlock.Builder code = CodeBlock.builder();
        String message = "gradient of layer '" + layer.name() + "' is not finite; the parameters were not updated";
        if (layer.hasBias()) {
            code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                    .beginControlFlow("if (!$L)", numeric.isFinite(layer.biasGrad() + "[j]"));
        } else {
            code.beginControlFlow("for (int s = 0; s < n; s++)")
                    .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                    .beginControlFlow("if (!$L)", numeric.isFinite(layer.preGrad() + "[s][j]"));
        }
        code.addStatement("throw new $T($S)", RuntimeTypes.NON_FINITE, message).endControlFlow().endControlFlow();
        if (!layer.hasBias()) {
            code.endControlFlow();
        }
        return code.build();
    }
}
