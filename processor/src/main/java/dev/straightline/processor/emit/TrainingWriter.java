package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the training side of a generated class: the public {@code trainBatch},
 * {@code computeGradients} and {@code loss} methods (typed, and over a runtime {@code Batch}), and
 * the private passes they run: {@code forward} top to bottom, the loss, {@code backward} bottom to
 * top, then the optimizer step.
 */
final class TrainingWriter {
    private final NetworkContext c;

    TrainingWriter(NetworkContext context) {
        this.c = context;
    }

    List<MethodSpec> publicMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(typed("trainBatch",
                "One optimizer step on samples [0, n): forward, loss, backward, update.\n"
                        + "@return the mean loss of the batch before the update\n"
                        + "@throws $T if the loss or a gradient is NaN or infinite; then nothing is updated\n",
                CodeBlock.builder().addStatement("return lossAndGradients(x, $L, n, true)", c.target()).build()));
        methods.add(typed("computeGradients",
                "Forward, loss and backward on samples [0, n), without an update: afterwards the\n"
                        + "gradient tensors hold the gradient of the batch's mean loss.\n@return the mean loss\n"
                        + "@throws $T if the loss or a gradient is NaN or infinite\n",
                CodeBlock.builder().addStatement("return lossAndGradients(x, $L, n, false)", c.target()).build()));
        methods.add(typed("loss", "The mean loss on samples [0, n); nothing is changed.\n",
                CodeBlock.builder()
                        .addStatement("beginStep(x, $L, n, false)", c.target())
                        .beginControlFlow("try")
                        .addStatement("run(FORWARD_LOSS)")
                        .addStatement("return meanLoss(n)")
                        .nextControlFlow("finally")
                        .addStatement("endStep()")
                        .endControlFlow()
                        .build()));
        return methods;
    }

    private MethodSpec typed(String name, String javadoc, CodeBlock body) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(c.numeric.scalar())
                .addParameter(c.numeric.vector(), "x")
                .addParameter(c.targetType(), c.target())
                .addParameter(TypeName.INT, "n")
                .addStatement("checkBatch($S, x, $L, n)", name, c.target())
                .addCode(body);
        if (javadoc.contains("$T")) {
            method.addJavadoc(javadoc, RuntimeTypes.NON_FINITE);
        } else {
            method.addJavadoc(javadoc);
        }
        return method.build();
    }

    /** The {@code TrainableNetwork} methods over a runtime batch. */
    List<MethodSpec> batchMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(overBatch("trainBatch", CodeBlock.builder()
                .addStatement("double loss = lossAndGradients($L, $L, n, true)", c.batchFeatures(), c.batchTargets())
                .addStatement("writePredictions(batch.predictions(), 0, n)")
                .addStatement("return loss")
                .build()));
        methods.add(overBatch("computeGradients", CodeBlock.builder()
                .addStatement("double loss = lossAndGradients($L, $L, n, false)", c.batchFeatures(), c.batchTargets())
                .addStatement("writePredictions(batch.predictions(), 0, n)")
                .addStatement("return loss")
                .build()));
        methods.add(overBatch("evaluateBatch", CodeBlock.builder()
                .addStatement("beginStep($L, $L, n, false)", c.batchFeatures(), c.batchTargets())
                .addStatement("double loss")
                .beginControlFlow("try")
                .addStatement("run(FORWARD_LOSS)")
                .addStatement("loss = meanLoss(n)")
                .nextControlFlow("finally")
                .addStatement("endStep()")
                .endControlFlow()
                .addStatement("writePredictions(batch.predictions(), 0, n)")
                .addStatement("return loss")
                .build()));
        return methods;
    }

    private MethodSpec overBatch(String name, CodeBlock body) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.DOUBLE)
                .addParameter(RuntimeTypes.BATCH, "batch")
                .addStatement("$T.batch(batch, INPUTS, OUTPUTS)", RuntimeTypes.CHECKS)
                .addStatement("int n = batch.size()");
        if (c.staged()) {
            method.addStatement("$T.batchSize($S, n, MAX_BATCH)", RuntimeTypes.CHECKS, name)
                    .addStatement("stage(batch.features(), 0, n)");
            if (!c.usesLabels()) {
                method.beginControlFlow("for (int i = 0; i < n * OUTPUTS; i++)")
                        .addStatement("stagedY[i] = batch.targets()[i]")
                        .endControlFlow();
            }
        }
        return method.addStatement("checkBatch($S, $L, $L, n)", name, c.batchFeatures(), c.batchTargets())
                .addStatement("stepWeights = batch.weights()")
                .addCode(body)
                .build();
    }

    /**
     * Scales the stored gradient, every weight and bias, so that its global norm is at most the
     * clip norm; summed on the calling thread in a fixed order, so two threads clip identically.
     */
    private MethodSpec clipGradient() {
        CodeBlock.Builder sum = CodeBlock.builder().addStatement("double squares = 0");
        CodeBlock.Builder scale = CodeBlock.builder();
        for (DenseEmitter layer : c.layers) {
            sum.add(layer.gradientSquares());
            scale.add(layer.scaleBiasGradient());
        }
        return MethodSpec.methodBuilder("clipGradient")
                .addJavadoc("Clips the gradient to the global norm $L: the weights' rows are scaled as they are\nupdated, the biases here.\n",
                        c.network.gradientClipNorm())
                .addModifiers(Modifier.PRIVATE)
                .addCode(sum.build())
                .addStatement("double norm = Math.sqrt(squares)")
                .addStatement("clipScale = norm > $L ? $L : $L", c.network.gradientClipNorm(),
                        c.numeric.fromDouble(c.network.gradientClipNorm() + " / norm"), c.numeric.literal(1))
                .addCode(scale.build())
                .build();
    }

    /**
     * The step's copy of Wᵀ before the backward pass: none without a layer that needs it; skipped for
     * fewer than four samples when the kernels of every such layer take those dot products with W.
     */
    private static CodeBlock transposeJob(TeamWriter team) {
        if (!team.transposes()) {
            return CodeBlock.of("");
        }
        if (!team.kernelsSkipSmallTransposes()) {
            return CodeBlock.of("run(TRANSPOSE);\n");
        }
        return CodeBlock.builder()
                .add("// Wᵀ for dX = dZ·Wᵀ; the kernels take fewer than four samples' dot products with W itself.\n")
                .beginControlFlow("if (n >= 4 || !$T.ENABLED)", RuntimeTypes.SIMD)
                .addStatement("run(TRANSPOSE)")
                .endControlFlow()
                .build();
    }

    List<MethodSpec> privateMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(MethodSpec.methodBuilder("checkBatch")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "method")
                .addParameter(c.numeric.vector(), "x")
                .addParameter(c.targetType(), c.target())
                .addParameter(TypeName.INT, "n")
                .addStatement("$T.batchSize(method, n, MAX_BATCH)", RuntimeTypes.CHECKS)
                .addStatement("$T.wholeRows($S, x.length, n, INPUTS)", RuntimeTypes.CHECKS, "x")
                .addCode(c.loss.checkTargets(c.outputs()))
                .build());
        boolean dropout = c.hasDropout();
        boolean clips = c.network.gradientClipNorm() > 0;
        TeamWriter team = new TeamWriter(c);
        boolean byUnits = team.byUnits();
        CodeBlock.Builder step = CodeBlock.builder()
                // Clipping needs the whole gradient before the first update: it is stored, not fused.
                .addStatement(clips ? "beginStep(x, $L, n, false)" : "beginStep(x, $L, n, update)", c.target())
                .beginControlFlow("try");
        if (dropout) {
            step.addStatement("stepDropout = true");
        }
        CodeBlock transpose = transposeJob(team);
        CodeBlock beginOptimizer = c.optimizer.beginStep().isEmpty() ? CodeBlock.of("") : CodeBlock.of("beginOptimizerStep();\n");
        if (byUnits) {
            step.add("// Two threads on the Vector API path split the first layer by its units (and copy Wᵀ in\n"
                            + "// the same job), then the samples.\n")
                    .addStatement("stepByUnits = $T.ENABLED && team != null && n >= MIN_SPLIT_BATCH", RuntimeTypes.SIMD)
                    .beginControlFlow("if (stepByUnits)")
                    .addStatement("run(FIRST_LAYER_BY_UNITS)")
                    .addStatement("run(REST_LOSS_DELTAS)")
                    .nextControlFlow("else")
                    .add(transpose)
                    .addStatement("run(FORWARD_LOSS_DELTAS)")
                    .endControlFlow();
        } else {
            step.add(transpose).addStatement("run(FORWARD_LOSS_DELTAS)");
        }
        step.addStatement("$T loss = meanLoss(n)", c.numeric.scalar())
                .beginControlFlow("if (!$L)", c.numeric.isFinite("loss"))
                .addStatement("throw new $T($S + loss + $S)", RuntimeTypes.NON_FINITE, "the mean loss of the batch is ",
                        "; the parameters were not updated")
                .endControlFlow()
                .addStatement("biasGradients(n)")
                .addStatement("requireFiniteGradients(n)");
        if (clips) {
            step.addStatement("run(WEIGHT_GRADIENTS)")
                    .beginControlFlow("if (update)")
                    .addStatement("clipGradient()")
                    .add(beginOptimizer)
                    .addStatement("updateBiases()")
                    .addStatement("run(UPDATE_WEIGHTS)")
                    .endControlFlow();
        } else {
            step.beginControlFlow("if (update)")
                    .add(beginOptimizer)
                    .addStatement("updateBiases()")
                    .endControlFlow()
                    .addStatement("run(WEIGHT_GRADIENTS)");
        }
        step.add(dropout ? CodeBlock.builder().beginControlFlow("if (update)").addStatement("dropoutStep++").endControlFlow().build()
                        : CodeBlock.of(""))
                .addStatement("return loss")
                .nextControlFlow("finally")
                .addStatement("endStep()")
                .endControlFlow();
        if (clips) {
            methods.add(clipGradient());
            CodeBlock.Builder updates = CodeBlock.builder();
            for (DenseEmitter layer : c.layers) {
                updates.add(layer.weightUpdateCall(c.kernels));
                methods.addAll(c.kernels.methodFor(layer, SharedKernels.Kind.WEIGHT_UPDATE));
            }
            methods.add(MethodSpec.methodBuilder("updateWeights")
                    .addJavadoc("Part {@code part} of the optimizer's step on every layer's weights, from the stored (and\nclipped) gradient.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, "part")
                    .addCode(updates.build())
                    .build());
        }
        methods.add(MethodSpec.methodBuilder("lossAndGradients")
                .addJavadoc("Forward, loss and the deltas of every layer (top-down, with the weights of the forward\n"
                        + "pass), then the bias gradients and a check that they are finite, then every weight\n"
                        + "gradient, and with {@code update} the optimizer's step fused into it. Nothing is updated\n"
                        + "unless every check passed. The jobs run in two parts when the network has threads.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(c.numeric.scalar())
                .addParameter(c.numeric.vector(), "x")
                .addParameter(c.targetType(), c.target())
                .addParameter(TypeName.INT, "n")
                .addParameter(TypeName.BOOLEAN, "update")
                .addCode(step.build())
                .build());
        CodeBlock.Builder forward = CodeBlock.builder();
        CodeBlock.Builder afterFirstZ = CodeBlock.builder();
        CodeBlock.Builder backward = CodeBlock.builder();
        CodeBlock.Builder weights = CodeBlock.builder().addStatement("$L[] scratch = gradientRows[part]", c.numeric.name());
        CodeBlock.Builder finite = CodeBlock.builder();
        CodeBlock.Builder biases = CodeBlock.builder();
        CodeBlock.Builder biasUpdates = CodeBlock.builder();
        for (DenseEmitter layer : c.layers) {
            forward.add(layer.forwardCall(c.kernels));
            if (layer.plan().isFirst()) {
                forward.add(inputCheck());
                afterFirstZ.addStatement("$L(from, to)", layer.activationName()).add(inputCheck());
            } else {
                afterFirstZ.add(layer.forwardCall(c.kernels));
            }
            if (layer.byUnits()) {
                weights.beginControlFlow("if (stepByUnits)")
                        .addStatement("$L(n, inputRowsOf(part), part, scratch, update)", layer.weightGradientUnitsName())
                        .nextControlFlow("else")
                        .add(layer.weightGradientCall(c.kernels))
                        .endControlFlow();
            } else {
                weights.add(layer.weightGradientCall(c.kernels));
            }
            finite.add(layer.requireFiniteGradient());
            biases.add(layer.biasGradient());
            biasUpdates.add(layer.biasUpdate(c.optimizer));
        }
        for (int i = c.layers.size() - 1; i >= 0; i--) {
            backward.add(c.layers.get(i).backwardCall(c.kernels));
        }
        methods.add(forwardMethod("forward", "Runs every layer, first to last, on rows [from, to); row s of each buffer holds sample\n"
                + "first + s of x. Throws if one of those samples is not finite, before any layer after the first.\n", forward.build()));
        if (byUnits) {
            methods.add(forwardMethod("forwardAfterFirstZ",
                    "{@link #forward} from the first layer's Z on, which two parts computed by units: rows [from, to).\n",
                    afterFirstZ.build()));
        }
        methods.add(MethodSpec.methodBuilder("backward")
                .addJavadoc("Back-propagates the loss gradient of samples [from, to) of a batch of n, last layer to first.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addParameter(TypeName.INT, "n")
                .addCode(backward.build())
                .build());
        methods.add(MethodSpec.methodBuilder("biasGradients")
                .addJavadoc("Every layer's db = Σₛ dZ[s], summed in sample order on the calling thread.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "n")
                .addCode(biases.build())
                .build());
        if (!c.optimizer.beginStep().isEmpty()) {
            methods.add(MethodSpec.methodBuilder("beginOptimizerStep")
                    .addJavadoc("The optimizer's values for this step, computed once before any parameter changes.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .addCode(c.optimizer.beginStep())
                    .build());
        }
        methods.add(MethodSpec.methodBuilder("updateBiases")
                .addJavadoc("The optimizer's step on every bias, on the calling thread.\n")
                .addModifiers(Modifier.PRIVATE)
                .addCode(biasUpdates.build())
                .build());
        methods.add(MethodSpec.methodBuilder("weightGradients")
                .addJavadoc("Part {@code part} of every layer's weight gradient (its share of each layer's rows), and\n"
                        + "with {@code update} the optimizer's step.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(c.numeric.vector(), "x")
                .addParameter(TypeName.INT, "n")
                .addParameter(TypeName.INT, "part")
                .addParameter(TypeName.BOOLEAN, "update")
                .addCode(weights.build())
                .build());
        methods.add(MethodSpec.methodBuilder("requireFiniteGradients")
                .addJavadoc("A NaN or infinity anywhere in a layer's dZ reaches its bias gradient (a sum of dZ rows),\n"
                        + "and its weight gradient is a product of finite inputs and dZ: checking those suffices.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "n")
                .addCode(finite.build())
                .build());
        for (DenseEmitter layer : c.layers) {
            methods.addAll(c.kernels.methodFor(layer, SharedKernels.Kind.FORWARD));
            methods.addAll(c.kernels.methodFor(layer, SharedKernels.Kind.BACKWARD));
            methods.addAll(c.kernels.methodFor(layer, SharedKernels.Kind.WEIGHT_GRADIENT));
            if (layer.byUnits()) {
                methods.addAll(layer.unitMethods(c.optimizer));
            }
        }
        methods.add(c.loss.lossMethod(c.plan.output(), c.numeric));
        return methods;
    }

    /** A forward pass over rows [from, to) whose row s holds sample first + s of x. */
    private MethodSpec forwardMethod(String name, String javadoc, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(c.numeric.vector(), "x")
                .addParameter(TypeName.INT, "first")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addCode(body)
                .build();
    }

    /**
     * The check that the forward pass's inputs are finite, after the first layer: of its Z when that
     * is narrower than the input (a non-finite input makes its whole row of Z non-finite), else of x.
     */
    private CodeBlock inputCheck() {
        LayerPlan first = c.plan.first();
        if (first.units() < first.inputs()) {
            return CodeBlock.of("$T.finiteInputs($S, x, first, from, to, INPUTS, $L, $L);\n", RuntimeTypes.CHECKS, "x",
                    first.pre(), first.units());
        }
        return CodeBlock.of("$T.finiteRows($S, x, first + from, first + to, INPUTS);\n", RuntimeTypes.CHECKS, "x");
    }
}
