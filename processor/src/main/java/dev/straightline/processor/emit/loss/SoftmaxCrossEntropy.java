package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/** Softmax cross-entropy on logits with integer labels, fused with the softmax (seed 003). */
final class SoftmaxCrossEntropy implements LossEmitter {
    private static final ClassName CHECKS = ClassName.get("dev.straightline.internal", "Checks");

    @Override
    public String runtimeName() {
        return "SOFTMAX_CROSS_ENTROPY";
    }

    @Override
    public String methodName() {
        return "softmaxCrossEntropy";
    }

    @Override
    public String targetName() {
        return "labels";
    }

    @Override
    public TypeName targetType(Numeric numeric) {
        return ArrayTypeName.of(TypeName.INT);
    }

    @Override
    public CodeBlock checkTargets(int outputs) {
        return CodeBlock.builder().addStatement("$T.labels(labels, n, $L)", CHECKS, outputs).build();
    }

    @Override
    public MethodSpec lossMethod(LayerPlan output, Numeric numeric) {
        String t = numeric.name();
        int units = output.units();
        return MethodSpec.methodBuilder(methodName())
                .addJavadoc("Softmax cross-entropy of the logits of samples [0, n), averaged:\n"
                        + "L = mean over s of (log Σⱼ e^Z[s][j] − Z[s][label]), and\n"
                        + "dZ = (softmax(Z) − onehot(label)) / n. Subtracting the row maximum keeps\n"
                        + "every exponent ≤ 0 (log-sum-exp).\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(numeric.scalar())
                .addParameter(ArrayTypeName.of(TypeName.INT), "labels")
                .addParameter(TypeName.INT, "n")
                .addStatement("double total = 0.0")
                .addStatement("$L scale = $L / n", t, numeric.literal(1))
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("$L[] z = $L[s]", t, output.out())
                .addStatement("$L[] dz = $L[s]", t, output.outGrad())
                .addStatement("$L rowMax = z[0]", t)
                .beginControlFlow("for (int j = 1; j < $L; j++)", units)
                .addStatement("rowMax = Math.max(rowMax, z[j])")
                .endControlFlow()
                .addStatement("$L rowSum = $L", t, numeric.literal(0))
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dz[j] = $L", numeric.math("exp", "z[j] - rowMax"))
                .addStatement("rowSum += dz[j]")
                .endControlFlow()
                .addStatement("$L norm = scale / rowSum", t)
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dz[j] *= norm")
                .endControlFlow()
                .addStatement("int label = labels[s]")
                .addStatement("dz[label] -= scale")
                .addStatement("total += rowMax + Math.log(rowSum) - z[label]")
                .endControlFlow()
                .addStatement("return $L", numeric.fromDouble("total / n"))
                .build();
    }

    @Override
    public String predictionDescription() {
        return "class probabilities, the softmax of the output layer's logits";
    }

    @Override
    public CodeBlock predictRow(int units, Numeric numeric, TypeName outType) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L rowMax = z[0]", t)
                .beginControlFlow("for (int j = 1; j < $L; j++)", units)
                .addStatement("rowMax = Math.max(rowMax, z[j])")
                .endControlFlow()
                .addStatement("$L rowSum = $L", t, numeric.literal(0))
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("$L e = $L", t, numeric.math("exp", "z[j] - rowMax"))
                .addStatement("out[o + j] = $Le", LossEmitter.narrowing(numeric, outType))
                .addStatement("rowSum += e")
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("out[o + j] /= rowSum")
                .endControlFlow()
                .build();
    }

    @Override
    public boolean classifies(int outputs) {
        return true;
    }

    @Override
    public CodeBlock classify(int units, Numeric numeric) {
        return CodeBlock.builder()
                .addStatement("int best = 0")
                .beginControlFlow("for (int j = 1; j < $L; j++)", units)
                .beginControlFlow("if (z[j] > z[best])")
                .addStatement("best = j")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return best")
                .build();
    }
}
