package dev.straightline.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes how a generated network splits its steps into jobs that one thread, or the caller and a
 * runtime {@code Team} helper, run in parts: the step's state in fields, {@code setThreads},
 * {@code run(job)} and {@code runPart(job, part)}. Parts split samples for the per-sample passes
 * (forward, loss, deltas) and weight rows for the transposes and weight gradients, always at
 * multiples of four, so that two threads compute bitwise what one computes. A first layer split by
 * units on the Vector API path ({@link DenseEmitter#byUnits}) is cut into chunks instead, which the
 * parts take first come, first served from a runtime {@code Chunks}: a chunk computes the same
 * values whichever part takes it.
 */
final class TeamWriter {
    /** Batches below this stay on the calling thread: each part must hold at least one block of four samples. */
    static final int MIN_SPLIT_BATCH = 8;

    private final NetworkContext c;

    TeamWriter(NetworkContext context) {
        this.c = context;
    }

    /** Whether two threads split the first layer by units on the Vector API path ({@link DenseEmitter#byUnits}). */
    boolean byUnits() {
        return c.layers.get(0).byUnits();
    }

    /** Whether some layer passes its gradient back through a copy of Wᵀ. */
    boolean transposes() {
        return c.layers.stream().anyMatch(l -> l.plan().weightsT() != null);
    }

    /**
     * Whether every layer that copies Wᵀ has a Vector API path, whose kernels take the dot products with
     * W itself below four samples: then the copy is skipped for those batches when the kernels run.
     */
    boolean kernelsSkipSmallTransposes() {
        return c.layers.stream().filter(l -> l.plan().weightsT() != null).allMatch(DenseEmitter::simd);
    }

    List<FieldSpec> constants() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(job("TRANSPOSE", 0, "Job: copy W into Wᵀ, rows split between the parts."));
        fields.add(job("FORWARD_LOSS", 1, "Job: forward pass and loss, samples split between the parts."));
        fields.add(job("FORWARD_LOSS_DELTAS", 2, "Job: forward pass, loss and every layer's dZ, samples split."));
        fields.add(job("WEIGHT_GRADIENTS", 3, "Job: weight gradients and their update, rows split."));
        if (c.network.gradientClipNorm() > 0) {
            fields.add(job("UPDATE_WEIGHTS", 4, "Job: the optimizer's step on the weights from the stored, clipped gradient, rows split."));
        }
        if (byUnits()) {
            fields.add(job("FIRST_LAYER_BY_UNITS", 5, "Job: the first layer's Z for every sample, its units split between the parts"
                    + (transposes() ? ",\nand the copy of W into Wᵀ, rows split." : ".")));
            fields.add(job("REST_LOSS_DELTAS", 6,
                    "Job: the forward pass after the first layer's Z, loss and every layer's dZ, samples split."));
        }
        if (c.layers.get(0).sharesSamples()) {
            fields.add(job("SAMPLE_FIRST_LAYER", 7, "Job: one sample's first-layer Z for a prediction, its units in two halves."));
        }
        fields.add(FieldSpec.builder(TypeName.INT, "MIN_SPLIT_BATCH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Smaller batches run on the calling thread alone.\n")
                .initializer("$L", MIN_SPLIT_BATCH).build());
        return fields;
    }

    /** The two jobs of a step whose first layer is split by units, up to its deltas. */
    private CodeBlock restOfStepByUnits() {
        DenseEmitter first = c.layers.get(0);
        return CodeBlock.builder()
                .add("$<case FIRST_LAYER_BY_UNITS:\n$>")
                .add(transposes() ? CodeBlock.of("transposeWeights(part);\n") : CodeBlock.of(""))
                .addStatement("$L(stepX, n, inputRowsOf(part), part)", first.forwardUnitsName())
                .addStatement("break")
                .add("$<case REST_LOSS_DELTAS:\n$>")
                .addStatement("forwardAfterFirstZ(stepX, 0, from, to)")
                .addStatement("partLoss[part] = $L(stepTargets, from, to, n)", c.loss.methodName())
                .addStatement("backward(from, to, n)")
                .addStatement("break")
                .add(first.sharesSamples()
                        ? CodeBlock.builder().add("$<case SAMPLE_FIRST_LAYER:\n$>")
                                .addStatement("$L(stepX, inputRowsOf(part), part)", first.forwardHalfName())
                                .addStatement("break").build()
                        : CodeBlock.of(""))
                .build();
    }

    private static FieldSpec job(String name, int value, String doc) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(doc + "\n").initializer("$L", value).build();
    }

    List<FieldSpec> fields() {
        int widest = c.plan.layers().stream().mapToInt(l -> l.units()).max().orElseThrow();
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.builder(RuntimeTypes.TEAM, "team", Modifier.PRIVATE)
                .addJavadoc("The caller and one helper thread after {@code setThreads(2)}; null for one thread.\n").build());
        fields.add(FieldSpec.builder(TypeName.INT, "parts", Modifier.PRIVATE)
                .addJavadoc("Parts of the running job: 2 when the team shares it, else 1.\n").initializer("1").build());
        fields.add(FieldSpec.builder(c.numeric.vector(), "stepX", Modifier.PRIVATE)
                .addJavadoc("The inputs, targets, size and mode of the running step, for both threads; cleared after it.\n").build());
        fields.add(FieldSpec.builder(c.targetType(), "stepTargets", Modifier.PRIVATE).build());
        fields.add(FieldSpec.builder(TypeName.INT, "stepN", Modifier.PRIVATE).build());
        fields.add(FieldSpec.builder(NetworkContext.FLOATS, "stepWeights", Modifier.PRIVATE)
                .addJavadoc("The running step's per-sample weights, from a runtime batch; null for all 1.\n").build());
        fields.add(FieldSpec.builder(TypeName.BOOLEAN, "stepUpdate", Modifier.PRIVATE).build());
        if (c.network.gradientClipNorm() > 0) {
            fields.add(FieldSpec.builder(c.numeric.scalar(), "clipScale", Modifier.PRIVATE)
                    .addJavadoc("This step's factor that brings the gradient's norm down to the clip norm, or 1.\n").build());
        }
        if (byUnits()) {
            fields.add(FieldSpec.builder(TypeName.BOOLEAN, "stepByUnits", Modifier.PRIVATE)
                    .addJavadoc("Whether the running step splits the first layer by units: two parts on the Vector API path.\n").build());
            fields.add(FieldSpec.builder(RuntimeTypes.CHUNKS, DenseEmitter.UNIT_CHUNKS, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The chunks of the first layer's jobs that two parts split by units take first come, first\n"
                            + "served, so that a core slowed by a neighbour takes fewer instead of holding the other up.\n")
                    .initializer("new $T()", RuntimeTypes.CHUNKS).build());
            fields.add(FieldSpec.builder(c.numeric.matrix(), "helperInputRows", Modifier.PRIVATE)
                    .addJavadoc("The helper's own copy of the step's input rows when the first layer is split by units, so\n"
                            + "that each core reads inputs it copied itself; null without a helper or the Vector API.\n").build());
        }
        fields.add(FieldSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), "partLoss", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The summed loss of each part's samples.\n")
                .initializer("new double[$T.PARTS]", RuntimeTypes.TEAM).build());
        int rowLength = widest + 64 / c.numeric.bytes();
        FieldSpec.Builder rows = FieldSpec.builder(c.numeric.matrix(), "gradientRows", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("One row of a weight gradient per part during a step, as wide as the widest layer, and a\n"
                        + "cache line more: the two parts write their rows all through the step, and rows that\n"
                        + "shared a line would pass it between the cores at every write.\n");
        if (c.layers.stream().anyMatch(DenseEmitter::simd)) {
            rows.addJavadoc("On the Vector API path, each part's scratch for the weight-gradient kernel instead.\n")
                    .initializer("new $L[$T.PARTS][$T.ENABLED ? Math.max($L, $T.kernels().weightGradientScratch(MAX_BATCH)) : $L]",
                            c.numeric.name(), RuntimeTypes.TEAM, RuntimeTypes.SIMD, rowLength, RuntimeTypes.SIMD, rowLength);
        } else {
            rows.initializer("new $L[$T.PARTS][$L]", c.numeric.name(), RuntimeTypes.TEAM, rowLength);
        }
        fields.add(rows.build());
        return fields;
    }

    List<MethodSpec> publicMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(MethodSpec.methodBuilder("setThreads")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeName.INT, "threads")
                .addStatement("$T.threads(threads, $T.PARTS)", RuntimeTypes.CHECKS, RuntimeTypes.TEAM)
                .beginControlFlow("if (threads > 1 && team == null)")
                .addCode(byUnits() ? CodeBlock.of("helperInputRows = $T.ENABLED ? new $L[MAX_BATCH][INPUTS] : null;\n",
                        RuntimeTypes.SIMD, c.numeric.name()) : CodeBlock.of(""))
                .addStatement("team = new $T(this::runPart, $S)", RuntimeTypes.TEAM, "straightline-" + c.network.generatedName())
                .nextControlFlow("else if (threads == 1 && team != null)")
                .addStatement("team.close()")
                .addStatement("team = null")
                .addCode(byUnits() ? CodeBlock.of("helperInputRows = null;\n") : CodeBlock.of(""))
                .endControlFlow()
                .build());
        methods.add(MethodSpec.methodBuilder("threads")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return team == null ? 1 : $T.PARTS", RuntimeTypes.TEAM)
                .build());
        return methods;
    }

    List<MethodSpec> privateMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(MethodSpec.methodBuilder("beginStep")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(c.numeric.vector(), "x")
                .addParameter(c.targetType(), "targets")
                .addParameter(TypeName.INT, "n")
                .addParameter(TypeName.BOOLEAN, "update")
                .addStatement("stepX = x")
                .addStatement("stepTargets = targets")
                .addStatement("stepN = n")
                .addStatement("stepUpdate = update")
                .build());
        methods.add(MethodSpec.methodBuilder("endStep")
                .addJavadoc("Lets go of the caller's arrays.\n")
                .addModifiers(Modifier.PRIVATE)
                .addStatement("stepX = null")
                .addStatement("stepTargets = null")
                .addStatement("stepWeights = null")
                .addCode(c.hasDropout() ? CodeBlock.of("stepDropout = false;\n") : CodeBlock.of(""))
                .build());
        methods.add(MethodSpec.methodBuilder("run")
                .addJavadoc("Runs one job of the step: shared with the helper when there is one and the batch is\n"
                        + "large enough, otherwise as one part on this thread.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "job")
                .addCode(byUnits() ? CodeBlock.of("$L.reset();\n", DenseEmitter.UNIT_CHUNKS) : CodeBlock.of(""))
                .beginControlFlow("if (team != null && stepN >= MIN_SPLIT_BATCH)")
                .addStatement("parts = $T.PARTS", RuntimeTypes.TEAM)
                .addStatement("team.run(job)")
                .nextControlFlow("else")
                .addStatement("parts = 1")
                .addStatement("runPart(job, 0)")
                .endControlFlow()
                .build());
        CodeBlock.Builder jobs = CodeBlock.builder()
                .addStatement("int n = stepN")
                .addStatement("int from = $T.boundary(n, part, parts)", RuntimeTypes.TEAM)
                .addStatement("int to = $T.boundary(n, part + 1, parts)", RuntimeTypes.TEAM)
                .beginControlFlow("switch (job)");
        if (transposes()) {
            jobs.add("case TRANSPOSE:\n$>").addStatement("transposeWeights(part)").addStatement("break").add("$<");
        }
        jobs.add("case FORWARD_LOSS:\n$>")
                .addStatement("forward(stepX, 0, from, to)")
                .addStatement("partLoss[part] = $L(stepTargets, from, to, n)", c.loss.methodName())
                .addStatement("break")
                .add("$<case FORWARD_LOSS_DELTAS:\n$>")
                .addStatement("forward(stepX, 0, from, to)")
                .addStatement("partLoss[part] = $L(stepTargets, from, to, n)", c.loss.methodName())
                .addStatement("backward(from, to, n)")
                .addStatement("break")
                .add(byUnits() ? restOfStepByUnits() : CodeBlock.of(""))
                .add("$<case WEIGHT_GRADIENTS:\n$>")
                .addStatement("weightGradients(stepX, n, part, stepUpdate)")
                .addStatement("break")
                .add(c.network.gradientClipNorm() > 0
                        ? CodeBlock.builder().add("$<case UPDATE_WEIGHTS:\n$>").addStatement("updateWeights(part)").addStatement("break").build()
                        : CodeBlock.of(""))
                .add("$<default:\n$>")
                .addStatement("throw new $T($S + job)", IllegalStateException.class, "no job ")
                .add("$<")
                .endControlFlow();
        methods.add(MethodSpec.methodBuilder("runPart")
                .addJavadoc("Part {@code part} of {@code parts} of a job: samples [from, to) of the batch, or the part's\n"
                        + "rows of each layer. Both parts write disjoint rows.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "job")
                .addParameter(TypeName.INT, "part")
                .addCode(jobs.build())
                .build());
        if (byUnits()) {
            methods.add(MethodSpec.methodBuilder("inputRowsOf")
                    .addJavadoc("The input rows part {@code part} copies and reads when the first layer is split by units.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .returns(c.numeric.matrix())
                    .addParameter(TypeName.INT, "part")
                    .addStatement("return part == 0 ? inputRows : helperInputRows")
                    .build());
        }
        methods.add(MethodSpec.methodBuilder("meanLoss")
                .addJavadoc("The batch's mean loss from the parts' sums, added in part order.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(c.numeric.scalar())
                .addParameter(TypeName.INT, "n")
                .addStatement("double total = partLoss[0]")
                .beginControlFlow("for (int p = 1; p < parts; p++)")
                .addStatement("total += partLoss[p]")
                .endControlFlow()
                .addStatement("return $L", c.numeric.fromDouble(c.loss.mean()))
                .build());
        if (transposes()) {
            CodeBlock.Builder copies = CodeBlock.builder();
            for (DenseEmitter layer : c.layers) {
                if (layer.plan().weightsT() != null) {
                    copies.add(layer.transposeCall(c.kernels));
                }
            }
            methods.add(MethodSpec.methodBuilder("transposeWeights")
                    .addJavadoc("Part {@code part} of copying each layer's W into Wᵀ, for dX = dZ·Wᵀ.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(TypeName.INT, "part")
                    .addCode(copies.build())
                    .build());
            for (DenseEmitter layer : c.layers) {
                if (layer.plan().weightsT() != null) {
                    methods.addAll(c.kernels.methodFor(layer, SharedKernels.Kind.TRANSPOSE));
                }
            }
        }
        return methods;
    }
}
