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

    final LayerPlan layer;
    final Numeric numeric;
    final ActivationEmitter activation;
    final String t;
    final int tile;
    final boolean tiled;
    private final boolean straightLine;

    /** Layers with at most this many weights, and no dimension above {@link #STRAIGHT_LINE_WIDTH}, are written straight-line. */
    static final int STRAIGHT_LINE_WEIGHTS = 128;
    static final int STRAIGHT_LINE_WIDTH = 16;

    /** The L2 penalty λ of the network's weights; 0 for none. */
    final double l2;
    private final int maxBatch;
    private final boolean straightLineAllowed;
    /** Whether this emitter writes a kernel that layers of one shape share, reading their arrays from parameters. */
    private final boolean generic;
    /** Whether the network's updates are fused into the weight gradient (no gradient clipping), as {@link #byUnits} needs. */
    private final boolean fusedUpdates;

    /**
     * Units per block of the vector kernels ({@code DenseKernels.UNIT_BLOCK}): a layer split by units
     * splits at a multiple of it.
     */
    static final int UNIT_BLOCK = 32;

    /**
     * Rows per chunk of the weight gradient of a layer split by units: two of the vector kernel's
     * 96-row chunks, so M1's 784 rows make five chunks of each half of its units.
     */
    static final int UNIT_SPLIT_GRADIENT_ROWS = 192;

    /** The field of a network split by units that hands out its chunks ({@code Chunks}). */
    static final String UNIT_CHUNKS = "unitChunks";

    DenseEmitter(LayerPlan layer, Numeric numeric, int maxBatch, boolean straightLineAllowed, double l2,
            boolean fusedUpdates) {
        this(layer, numeric, maxBatch, straightLineAllowed, l2, fusedUpdates, false);
    }

    private DenseEmitter(LayerPlan layer, Numeric numeric, int maxBatch, boolean straightLineAllowed, double l2,
            boolean fusedUpdates, boolean generic) {
        this.generic = generic;
        this.fusedUpdates = fusedUpdates;
        this.maxBatch = maxBatch;
        this.straightLineAllowed = straightLineAllowed;
        this.l2 = l2;
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

    /**
     * Whether two threads split this layer's forward pass and weight gradient by its units on the
     * Vector API path, each part taking its own columns of W for all samples, instead of splitting
     * the forward pass by samples and the gradient by rows of W. Then neither core reads a line of W
     * that the other just wrote: with the rows split, each step moved the half of W the other core
     * had updated (M1: 200 KB). Only the first layer, whose input each part copies for itself, and
     * only when the update is fused into the gradient, so that no job after it touches W by rows.
     */
    boolean byUnits() {
        return layer.isFirst() && simd() && fusedUpdates && layer.units() >= 2 * UNIT_BLOCK;
    }

    /**
     * Whether two threads share one sample's forward pass through this layer, half its units each
     * ({@code forwardSample}): a first layer split by units that takes one sample through the vector
     * kernels, whose sums the halves repeat bit for bit. Narrower layers sum one sample in the plain
     * loops, in another order, and take too little time to share.
     */
    boolean sharesSamples() {
        return byUnits() && layer.units() >= DenseForward.SINGLE_SAMPLE_KERNEL_UNITS;
    }

    /**
     * The rows of this layer's input in a training step, for the weight gradient: the staged input
     * rows, or the previous layer's H (after its dropout, if it has one).
     */
    String inputRows() {
        return layer.isFirst() ? "inputRows" : layer.previous().trainingOut();
    }

    /** The rows of this layer's input in a forward pass: with dropout on the previous layer, chosen by {@code stepDropout}. */
    String forwardInputRows() {
        if (layer.isFirst()) {
            return "inputRows";
        }
        LayerPlan previous = layer.previous();
        return previous.hasDropout() ? "(stepDropout ? " + previous.dropped() + " : " + previous.out() + ")" : previous.out();
    }

    /** In a training step, H ⊙ mask into the dropped rows, with a fresh mask per sample; nothing without dropout. */
    CodeBlock dropoutRows() {
        if (!layer.hasDropout()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add("// Inverted dropout, only while training: the next layer reads H ⊙ mask.\n")
                .beginControlFlow("if (stepDropout)")
                .beginControlFlow("for (int s = from; s < to; s++)")
                .addStatement("$T.fill($L[s], $L, $L, dropoutSeed, dropoutStep, $L, s)", RuntimeTypes.DROPOUT_MASKS, layer.mask(),
                        layer.units(), layer.layer().dropout(), layer.index())
                .addStatement("$L[] h = $L[s]", t, layer.out())
                .addStatement("$L[] m = $L[s]", t, layer.mask())
                .addStatement("$L[] d = $L[s]", t, layer.dropped())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("d[j] = h[j] * m[j]")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /**
     * Opens the loop over tiles of samples [s0, s1) within [{@code from}, {@code to}) (names of ints)
     * when batches can exceed one tile, or declares the one tile.
     */
    void openTiles(CodeBlock.Builder body, String from, String to) {
        if (tiled) {
            body.add("// Samples in tiles of $L, whose rows of $L fit in L1.\n", tile, layer.units() + " values")
                    .beginControlFlow("for (int s0 = $L; s0 < $L; s0 += $L)", from, to, tile)
                    .addStatement("int s1 = Math.min($L, s0 + $L)", to, tile);
        } else {
            body.addStatement("int s0 = $L", from).addStatement("int s1 = $L", to);
        }
    }

    void closeTiles(CodeBlock.Builder body) {
        if (tiled) {
            body.endControlFlow();
        }
    }

    LayerPlan plan() {
        return layer;
    }

    /** A one-line description for comments: {@code hidden: Dense(784 → 256, RELU)}; no name for a shared kernel. */
    String describe() {
        return (generic ? "" : layer.name() + ": ") + "Dense(" + layer.inputs() + " → " + layer.units() + ", "
                + layer.layer().activation().describe() + (layer.hasBias() ? "" : ", no bias") + ")";
    }

    /** The layer before this one, as comments name it. */
    String previousName() {
        return generic ? "the previous layer" : layer.previous().name();
    }

    /**
     * This layer's code with its arrays named as in the math (W, b, Z, H, dZ, …, X for the previous
     * layer's H, dX for its dH), so that layers of one shape can share it: see {@link SharedKernels}.
     */
    DenseEmitter generic() {
        LayerPlan previous = layer.previous();
        LayerPlan input = previous == null ? null : new LayerPlan(previous.index(), previous.layer(), previous.inputs(),
                previous.previous(), null, null, null, null, null, "X", "dX", null, null, null,
                previous.hasDropout() ? "Xd" : null, null);
        boolean identity = layer.out().equals(layer.pre());
        LayerPlan plan = new LayerPlan(layer.index(), layer.layer(), layer.inputs(), input, "W", layer.hasBias() ? "b" : null,
                "dW", layer.hasBias() ? "db" : null, "Z", identity ? "Z" : "H", identity ? "dZ" : "dH", "dZ",
                layer.weightsT() == null ? null : "Wt", layer.view(), layer.hasDropout() ? "Hd" : null,
                layer.hasDropout() ? "mask" : null);
        return new DenseEmitter(plan, numeric, maxBatch, straightLineAllowed, l2, fusedUpdates, true);
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
        if (layer.hasDropout()) {
            fields.add(array(layer.dropped(), 2, "new $L[MAX_BATCH][$L]", units)
                    .addJavadoc("H ⊙ mask while training (dropout $L), one row per sample.\n", layer.layer().dropout()).build());
            fields.add(array(layer.mask(), 2, "new $L[MAX_BATCH][$L]", units).build());
        }
        if (layer.weightsT() != null) {
            fields.add(array(layer.weightsT(), 2, "new $L[$L][$L]", units, in)
                    .addJavadoc("Wᵀ, [$L][$L], copied from W in each backward pass of four or more samples.\n", units, in).build());
        }
        fields.add(FieldSpec.builder(RuntimeTypes.LAYER, layer.view(), Modifier.PRIVATE, Modifier.FINAL).build());
        String dropout = layer.layer().dropoutLayer();
        if (dropout != null) {
            fields.add(FieldSpec.builder(RuntimeTypes.LAYER, dropout + "Layer", Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T($S, $L)", RuntimeTypes.DROPOUT_VIEW, dropout, layer.units())
                    .addJavadoc("The parameterless view of the dropout layer '$L' after this one.\n", dropout).build());
        }
        return fields;
    }

    private FieldSpec.Builder array(String name, int rank, String format, Object... sizes) {
        TypeName type = rank == 1 ? numeric.vector() : numeric.matrix();
        Object[] arguments = new Object[sizes.length + 1];
        arguments[0] = t;
        System.arraycopy(sizes, 0, arguments, 1, sizes.length);
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).initializer(format, arguments);
    }

    /** The optimizer's state arrays of this layer: one shaped like W and one like b per kind of state. */
    List<FieldSpec> stateFields(OptimizerEmitter optimizer) {
        List<FieldSpec> fields = new ArrayList<>();
        for (OptimizerEmitter.State state : optimizer.states()) {
            fields.add(array(layer.weights() + state.suffix(), 2, "new $L[$L][$L]", layer.inputs(), layer.units())
                    .addJavadoc("$L: the optimizer's $L of each weight.\n", layer.name(), state.name()).build());
            if (layer.hasBias()) {
                fields.add(array(layer.bias() + state.suffix(), 1, "new $L[$L]", layer.units()).build());
            }
        }
        return fields;
    }

    /** Tensor views of the optimizer's state arrays, saved after the parameters. */
    List<CodeBlock> stateViews(OptimizerEmitter optimizer) {
        List<CodeBlock> views = new ArrayList<>();
        for (OptimizerEmitter.State state : optimizer.states()) {
            views.add(CodeBlock.of("$T.matrix($S, $L)", RuntimeTypes.TENSORS, layer.name() + ".weight." + state.name(),
                    layer.weights() + state.suffix()));
            if (layer.hasBias()) {
                views.add(CodeBlock.of("$T.vector($S, $L)", RuntimeTypes.TENSORS, layer.name() + ".bias." + state.name(),
                        layer.bias() + state.suffix()));
            }
        }
        return views;
    }

    /** Zeroes the optimizer's state arrays, for a fresh network. */
    CodeBlock resetState(OptimizerEmitter optimizer) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (OptimizerEmitter.State state : optimizer.states()) {
            code.beginControlFlow("for ($L[] row : $L)", t, layer.weights() + state.suffix())
                    .addStatement("$T.fill(row, $L)", ARRAYS, numeric.literal(0))
                    .endControlFlow();
            if (layer.hasBias()) {
                code.addStatement("$T.fill($L, $L)", ARRAYS, layer.bias() + state.suffix(), numeric.literal(0));
            }
        }
        return code.build();
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

    /** The user's {@code @Dropout} method after this layer, implemented with a parameterless view; none without one. */
    List<MethodSpec> dropoutAccessor() {
        String name = layer.layer().dropoutLayer();
        if (name == null) {
            return List.of();
        }
        return List.of(MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.LAYER)
                .addStatement("return $L", name + "Layer")
                .build());
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

    String activationName() {
        return layer.name() + "Activation";
    }

    String forwardUnitsName() {
        return layer.name() + "ForwardUnits";
    }

    String forwardHalfName() {
        return layer.name() + "ForwardHalf";
    }

    String weightGradientUnitsName() {
        return layer.name() + "WeightGradientUnits";
    }

    /**
     * Where a layer split by units splits its units in halves, for its weight gradient's chunks: half
     * the units rounded down to a block, so that both halves start on one (M1: 64; 100 units: 48).
     */
    int unitHalf() {
        return layer.units() / 2 / UNIT_BLOCK * UNIT_BLOCK;
    }

    /**
     * The methods of a layer split by units ({@link #byUnits}): its activation, a part's share of its
     * forward pass and weight gradient, and a part's half of one sample's forward pass when it shares
     * samples ({@link #sharesSamples}).
     */
    List<MethodSpec> unitMethods(OptimizerEmitter optimizer) {
        DenseForward forward = new DenseForward(this);
        List<MethodSpec> methods = new ArrayList<>(List.of(forward.activationMethod(), forward.unitsMethod(),
                new DenseWeightGradient(this, optimizer).unitsMethod()));
        if (sharesSamples()) {
            methods.add(forward.halfMethod());
        }
        return methods;
    }

    String backwardName() {
        return layer.name() + "Backward";
    }

    /** The call of the forward method from {@code forward(x, first, from, to)}. */
    CodeBlock forwardCall(SharedKernels kernels) {
        return CodeBlock.of("$L$L);\n", kernels.open(this, SharedKernels.Kind.FORWARD),
                layer.isFirst() ? "x, first, from, to" : "from, to");
    }

    /** The call of the backward method from {@code backward(from, to, n)}. */
    CodeBlock backwardCall(SharedKernels kernels) {
        return CodeBlock.of("$Lfrom, to, n);\n", kernels.open(this, SharedKernels.Kind.BACKWARD));
    }

    /** The call that copies this layer's rows [k0, k1) of W into Wᵀ, for one part of the transpose job. */
    CodeBlock transposeCall(SharedKernels kernels) {
        return CodeBlock.of("$L$T.boundary($L, part, parts), $T.boundary($L, part + 1, parts));\n",
                kernels.open(this, SharedKernels.Kind.TRANSPOSE), RuntimeTypes.TEAM, layer.inputs(), RuntimeTypes.TEAM,
                layer.inputs());
    }

    String transposeName() {
        return layer.name() + "Transpose";
    }

    /**
     * Copies rows [k0, k1) of W into the columns of Wᵀ (only layers that pass a gradient back have Wᵀ):
     * four rows of Wᵀ at a time, each written in a contiguous run while W's rows are read across.
     */
    MethodSpec transpose() {
        int units = layer.units();
        int unrolled = units - units % UNROLL;
        CodeBlock.Builder code = CodeBlock.builder();
        if (unrolled > 0) {
            code.beginControlFlow("for (int j = 0; j < $L; j += $L)", unrolled, UNROLL);
            for (int u = 0; u < UNROLL; u++) {
                code.addStatement("$L[] t$L = $L[$L]", t, u, layer.weightsT(), u == 0 ? "j" : "j + " + u);
            }
            code.beginControlFlow("for (int k = k0; k < k1; k++)").addStatement("$L[] w = $L[k]", t, layer.weights());
            for (int u = 0; u < UNROLL; u++) {
                code.addStatement("t$L[k] = w[$L]", u, u == 0 ? "j" : "j + " + u);
            }
            code.endControlFlow().endControlFlow();
        }
        if (unrolled < units) {
            code.beginControlFlow("for (int j = $L; j < $L; j++)", unrolled, units)
                    .addStatement("$L[] tj = $L[j]", t, layer.weightsT())
                    .beginControlFlow("for (int k = k0; k < k1; k++)")
                    .addStatement("tj[k] = $L[k][j]", layer.weights())
                    .endControlFlow()
                    .endControlFlow();
        }
        return MethodSpec.methodBuilder(transposeName())
                .addJavadoc("$L: copies rows [k0, k1) of W into columns [k0, k1) of Wᵀ.\n", describe())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "k0")
                .addParameter(TypeName.INT, "k1")
                .addCode(code.build())
                .build();
    }

    /** db = Σₛ dZ[s] over samples [0, n), on the calling thread, in sample order. */
    CodeBlock biasGradient() {
        if (!layer.hasBias()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.fill($L, $L)", ARRAYS, layer.biasGrad(), numeric.literal(0))
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("$L[] dz = $L[s]", t, layer.preGrad())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("$L[j] += dz[j]", layer.biasGrad())
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /** Adds this layer's Σ W² to {@code squares}. */
    CodeBlock weightSquares() {
        return CodeBlock.builder()
                .beginControlFlow("for ($L[] row : $L)", t, layer.weights())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("squares += $L * row[j]", numeric.toDouble("row[j]"))
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /** Adds this layer's squared gradient elements, weights and bias, to {@code squares}. */
    CodeBlock gradientSquares() {
        CodeBlock.Builder code = CodeBlock.builder()
                .beginControlFlow("for ($L[] row : $L)", t, layer.weightGrad())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("squares += $L * row[j]", numeric.toDouble("row[j]"))
                .endControlFlow()
                .endControlFlow();
        if (layer.hasBias()) {
            code.beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                    .addStatement("squares += $L * $L[j]", numeric.toDouble(layer.biasGrad() + "[j]"), layer.biasGrad())
                    .endControlFlow();
        }
        return code.build();
    }

    /** db ·= clipScale. */
    CodeBlock scaleBiasGradient() {
        if (!layer.hasBias()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("$L[j] *= clipScale", layer.biasGrad())
                .endControlFlow()
                .build();
    }

    String weightUpdateName() {
        return layer.name() + "UpdateWeights";
    }

    /** The call of this layer's share of the update job. */
    CodeBlock weightUpdateCall(SharedKernels kernels) {
        return CodeBlock.of("$L$T.boundary($L, part, parts), $T.boundary($L, part + 1, parts));\n",
                kernels.open(this, SharedKernels.Kind.WEIGHT_UPDATE), RuntimeTypes.TEAM, layer.inputs(), RuntimeTypes.TEAM,
                layer.inputs());
    }

    /** Rows [k0, k1) of W: the stored gradient row scaled by {@code clipScale}, then the optimizer's step. */
    MethodSpec weightUpdate(OptimizerEmitter optimizer) {
        return MethodSpec.methodBuilder(weightUpdateName())
                .addJavadoc("$L: the optimizer's step on rows [k0, k1) of W from the clipped gradient.\n", describe())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "k0")
                .addParameter(TypeName.INT, "k1")
                .beginControlFlow("for (int k = k0; k < k1; k++)")
                .addStatement("$L[] dw = $L[k]", t, layer.weightGrad())
                .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                .addStatement("dw[j] *= clipScale")
                .endControlFlow()
                .addCode(optimizer.update(new OptimizerEmitter.Row(layer.weights(), "k", true), "dw", "0",
                        String.valueOf(layer.units())))
                .endControlFlow()
                .build();
    }

    /** The optimizer's step on the bias, on the calling thread. */
    CodeBlock biasUpdate(OptimizerEmitter optimizer) {
        if (!layer.hasBias()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .add("// $L\n{\n$>", layer.name())
                .add(optimizer.update(new OptimizerEmitter.Row(layer.bias(), null, false), layer.biasGrad(), "0",
                        String.valueOf(layer.units())))
                .add("$<}\n")
                .build();
    }

    MethodSpec forward() {
        return new DenseForward(this).method();
    }

    MethodSpec backward() {
        return new DenseBackward(this).method();
    }

    MethodSpec weightGradient(OptimizerEmitter optimizer) {
        return new DenseWeightGradient(this, optimizer).method();
    }

    String weightGradientName() {
        return layer.name() + "WeightGradient";
    }

    /** The call of the weight-gradient method from {@code weightGradients(x, n, part, parts, update)}: this part's rows. */
    CodeBlock weightGradientCall(SharedKernels kernels) {
        return CodeBlock.of("$L$Ln, $T.boundary($L, part, parts), $T.boundary($L, part + 1, parts), scratch, update);\n",
                kernels.open(this, SharedKernels.Kind.WEIGHT_GRADIENT), layer.isFirst() ? "x, " : "", RuntimeTypes.TEAM,
                layer.inputs(), RuntimeTypes.TEAM, layer.inputs());
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
