package dev.straightline.processor.emit;

import static dev.straightline.processor.emit.DenseEmitter.ARRAYS;
import static dev.straightline.processor.emit.DenseEmitter.UNROLL;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.activation.ActivationEmitter;
import dev.straightline.processor.plan.LayerPlan;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The deltas of a dense layer's backward pass, top-down and with the weights of the forward pass:
 * {@code dZ} from {@code dH}, {@code db}, and {@code dX = dZ·Wᵀ} for the previous layer.
 */
final class DenseBackward {
    private final DenseEmitter dense;
    private final LayerPlan layer;
    private final Numeric numeric;
    private final ActivationEmitter activation;
    private final String t;

    DenseBackward(DenseEmitter dense) {
        this.dense = dense;
        this.layer = dense.layer;
        this.numeric = dense.numeric;
        this.activation = dense.activation;
        this.t = dense.t;
    }

    /**
     * The deltas of the backward pass, top-down and with the weights as they were in the forward
     * pass: dZ from dH, db, and the gradient passed to the previous layer.
     */
    MethodSpec method() {
        int in = layer.inputs();
        int units = layer.units();
        MethodSpec.Builder method = MethodSpec.methodBuilder(dense.backwardName())
                .addJavadoc("$L, deltas for samples [from, to) of a batch of n:\n$L$L.\n", dense.describe(),
                        activation.backwardFormula(),
                        layer.isFirst() ? "" : ", dX = dZ·Wᵀ (into " + dense.previousName() + "'s dH)")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addParameter(TypeName.INT, "n");
        CodeBlock.Builder body = CodeBlock.builder();
        if (layer.hasDropout()) {
            body.add("// Through the dropout: the next layer's gradient reached only the kept outputs, scaled.\n")
                    .beginControlFlow("for (int s = from; s < to; s++)")
                    .addStatement("$L[] dh = $L[s]", t, layer.outGrad())
                    .addStatement("$L[] m = $L[s]", t, layer.mask())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                    .addStatement("dh[j] *= m[j]")
                    .endControlFlow()
                    .endControlFlow();
        }
        if (!activation.isIdentity()) {
            CodeBlock rule = activation.backward(units, numeric);
            String ruleText = rule.toString();
            body.beginControlFlow("for (int s = from; s < to; s++)");
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
        if (!layer.isFirst()) {
            body.add("// dX = dZ·Wᵀ, with the rows of Wᵀ copied before this pass: computed like a forward pass, in\n"
                    + "// contiguous rows.\n");
            if (dense.simd()) {
                body.beginControlFlow("if ($T.ENABLED && n < 4)", RuntimeTypes.SIMD)
                        .add("// Fewer samples take dot products with the rows of W in the kernels, and Wᵀ is not copied.\n")
                        .addStatement("$T.kernels().inputGradient($L, $L, $L, from, to, $L, $L)", RuntimeTypes.SIMD,
                                layer.preGrad(), layer.weights(), layer.previous().outGrad(), units, in)
                        .nextControlFlow("else if ($T.ENABLED)", RuntimeTypes.SIMD)
                        .addStatement("$T.kernels().forward($L, $L, zeroBias, $L, from, to, $L, $L)", RuntimeTypes.SIMD, layer.preGrad(),
                                layer.weightsT(), layer.previous().outGrad(), units, in)
                        .nextControlFlow("else")
                        .add(inputGradientLoops())
                        .endControlFlow();
            } else {
                body.add(inputGradientLoops());
            }
        }
        return method.addCode(body.build()).build();
    }

    /** dX = dZ·Wᵀ as axpy loops over the rows of Wᵀ, four at a time, like the forward pass. */
    private CodeBlock inputGradientLoops() {
        int in = layer.inputs();
        int units = layer.units();
        String dx = layer.previous().outGrad();
        CodeBlock.Builder code = CodeBlock.builder()
                .beginControlFlow("for (int s = from; s < to; s++)")
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
            code.beginControlFlow("for (int s = from; s < to; s++)")
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
                    .beginControlFlow("for (int s = from; s < to; s++)")
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

    /** Whether code reads the row named {@code row} (a whole word followed by {@code [}). */
    static boolean uses(String code, String row) {
        return Pattern.compile("\\b" + row + "\\[").matcher(code).find();
    }
}
