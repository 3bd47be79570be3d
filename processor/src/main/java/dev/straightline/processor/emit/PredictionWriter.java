package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the prediction side of a generated class: {@code predict} in its three forms, {@code classify}, and their helpers. */
final class PredictionWriter {
    private final NetworkContext c;

    PredictionWriter(NetworkContext context) {
        this.c = context;
    }

    List<MethodSpec> publicMethods() {
        TypeName vector = c.numeric.vector();
        String what = c.loss.predictionDescription();
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(MethodSpec.methodBuilder("predict")
                .addJavadoc("Writes the prediction for one sample into {@code out}: $L. Allocates nothing.\n", what)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(vector, "x")
                .addParameter(vector, "out")
                .addStatement("$T.exactLength($S, x.length, INPUTS)", RuntimeTypes.CHECKS, "x")
                .addStatement("$T.exactLength($S, out.length, OUTPUTS)", RuntimeTypes.CHECKS, "out")
                .addStatement("$L", sampleForward())
                .addStatement("writePredictions(out, 0, 1)")
                .build());
        methods.add(MethodSpec.methodBuilder("predict")
                .addJavadoc("The prediction for one sample, in a new array: $L.\n", what)
                .addModifiers(Modifier.PUBLIC)
                .returns(vector)
                .addParameter(vector, "x")
                .addStatement("$T out = new $L[OUTPUTS]", vector, c.numeric.name())
                .addStatement("predict(x, out)")
                .addStatement("return out")
                .build());
        methods.add(MethodSpec.methodBuilder("predict")
                .addJavadoc("Writes predictions for {@code n} samples, row-major in {@code x}, into {@code out}\n"
                        + "({@code n × OUTPUTS} values): $L. Any {@code n} is accepted;\n"
                        + "samples are processed in chunks of {@code MAX_BATCH}.\n", what)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(vector, "x")
                .addParameter(TypeName.INT, "n")
                .addParameter(vector, "out")
                .addStatement("$T.sampleCount($S, n)", RuntimeTypes.CHECKS, "predict")
                .addStatement("$T.wholeRows($S, x.length, n, INPUTS)", RuntimeTypes.CHECKS, "x")
                .addStatement("$T.output($S, out.length, (long) n * OUTPUTS)", RuntimeTypes.CHECKS, "out")
                .beginControlFlow("for (int first = 0; first < n; first += MAX_BATCH)")
                .addStatement("int count = Math.min(MAX_BATCH, n - first)")
                .addStatement("forward(x, first, 0, count)")
                .addStatement("writePredictions(out, first, count)")
                .endControlFlow()
                .build());
        if (c.loss.classifies(c.outputs())) {
            methods.add(MethodSpec.methodBuilder("classify")
                    .addJavadoc(c.outputs() == 1
                            ? "The predicted label of one sample: 1 when its probability is at least ½, else 0.\n"
                            : "The most probable class of one sample.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.INT)
                    .addParameter(vector, "x")
                    .addStatement("$T.exactLength($S, x.length, INPUTS)", RuntimeTypes.CHECKS, "x")
                    .addStatement("$L", sampleForward())
                    .addStatement("$T z = $L[0]", vector, c.plan.output().out())
                    .addCode(c.loss.classify(c.outputs(), c.numeric))
                    .build());
        }
        return methods;
    }

    /** {@code predictBatch} of {@code TrainableNetwork}, over float arrays whatever the precision. */
    MethodSpec predictBatch() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("predictBatch")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(NetworkContext.FLOATS, "x")
                .addParameter(TypeName.INT, "n")
                .addParameter(NetworkContext.FLOATS, "out");
        if (!c.staged()) {
            return method.addStatement("predict(x, n, out)").build();
        }
        // The forward pass numbers the staged rows from 0 in every chunk: the inputs are checked here, with their own numbers.
        return method.addStatement("$T.sampleCount($S, n)", RuntimeTypes.CHECKS, "predictBatch")
                .addStatement("$T.rows($S, x, n, INPUTS)", RuntimeTypes.CHECKS, "x")
                .addStatement("$T.output($S, out.length, (long) n * OUTPUTS)", RuntimeTypes.CHECKS, "out")
                .beginControlFlow("for (int first = 0; first < n; first += MAX_BATCH)")
                .addStatement("int count = Math.min(MAX_BATCH, n - first)")
                .addStatement("stage(x, first, count)")
                .addStatement("forward(stagedX, 0, 0, count)")
                .addStatement("writePredictions(out, first, count)")
                .endControlFlow()
                .build();
    }

    /** Whether two threads may share one sample's forward pass ({@link DenseEmitter#sharesSamples}). */
    private boolean sharesSamples() {
        return c.layers.get(0).sharesSamples();
    }

    /** The call that runs one sample through the network, into row 0 of every buffer. */
    private CodeBlock sampleForward() {
        return sharesSamples() ? CodeBlock.of("forwardSample(x)") : CodeBlock.of("forward(x, 0, 0, 1)");
    }

    List<MethodSpec> privateMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        if (sharesSamples()) {
            methods.add(MethodSpec.methodBuilder("forwardSample")
                    .addJavadoc("One sample through every layer, into row 0 of every buffer. With the helper awake on the\n"
                            + "Vector API path, the two threads take half the first layer's units each, and each reads\n"
                            + "only its half of W. A parked helper is not waited for: waking it takes as long as this\n"
                            + "sample takes alone (Team.runIfAwake).\n"
                            + "Every unit's sum is the same whichever thread computes it.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(c.numeric.vector(), "x")
                    .beginControlFlow("if (team != null && $T.ENABLED)", RuntimeTypes.SIMD)
                    .addStatement("stepX = x")
                    .beginControlFlow("try")
                    .beginControlFlow("if (team.runIfAwake(SAMPLE_FIRST_LAYER))")
                    .addStatement("forwardAfterFirstZ(x, 0, 0, 1)")
                    .addStatement("return")
                    .endControlFlow()
                    .nextControlFlow("finally")
                    .addStatement("stepX = null")
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("forward(x, 0, 0, 1)")
                    .build());
        }
        methods.add(writePredictions(c.numeric.scalar()));
        if (c.staged()) {
            methods.add(writePredictions(TypeName.FLOAT));
            methods.add(MethodSpec.methodBuilder("stage")
                    .addJavadoc("Copies samples [first, first + n) of float inputs into the double staging rows.\n")
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(NetworkContext.FLOATS, "x")
                    .addParameter(TypeName.INT, "first")
                    .addParameter(TypeName.INT, "n")
                    .addStatement("int offset = first * INPUTS")
                    .beginControlFlow("for (int i = 0; i < n * INPUTS; i++)")
                    .addStatement("stagedX[i] = x[offset + i]")
                    .endControlFlow()
                    .build());
        }
        return methods;
    }

    private MethodSpec writePredictions(TypeName element) {
        return MethodSpec.methodBuilder("writePredictions")
                .addJavadoc("Writes the predictions of rows [0, n) into rows [first, first + n) of out.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(com.palantir.javapoet.ArrayTypeName.of(element), "out")
                .addParameter(TypeName.INT, "first")
                .addParameter(TypeName.INT, "n")
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("$T z = $L[s]", c.numeric.vector(), c.plan.output().out())
                .addStatement("int o = (first + s) * OUTPUTS")
                .addCode(c.loss.predictRow(c.outputs(), c.numeric, element))
                .endControlFlow()
                .build();
    }

}
