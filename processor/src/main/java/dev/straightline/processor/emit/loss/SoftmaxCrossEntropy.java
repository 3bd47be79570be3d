package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.RuntimeTypes;
import dev.straightline.processor.emit.SoftmaxRow;
import dev.straightline.processor.plan.LayerPlan;

/** Softmax cross-entropy on logits with integer labels, fused with the softmax (seed 003). */
final class SoftmaxCrossEntropy extends AveragedLoss {

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
        return CodeBlock.builder().addStatement("$T.labels(labels, n, $L)", RuntimeTypes.CHECKS, outputs).build();
    }

    @Override
    String formula() {
        return "Softmax cross-entropy of the logits of samples [from, to) of a batch of n, averaged:\n"
                + "L = mean over s of (log Σⱼ e^Z[s][j] − Z[s][label]), and\n"
                + "dZ = (softmax(Z) − onehot(label)) / n. Subtracting the row maximum keeps\n"
                + "every exponent ≤ 0 (log-sum-exp).\n";
    }

    @Override
    CodeBlock perSample(LayerPlan output, Numeric numeric) {
        String t = numeric.name();
        int units = output.units();
        return CodeBlock.builder()
                .addStatement("$L[] z = $L[s]", t, output.out())
                .addStatement("$L[] dz = $L[s]", t, output.outGrad())
                .add(SoftmaxRow.exponentials("z", "dz[j]", "", units, numeric))
                .addStatement("$L norm = scale / rowSum", t)
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dz[j] *= norm")
                .endControlFlow()
                .addStatement("int label = labels[s]")
                .addStatement("dz[label] -= scale")
                .addStatement("sampleLoss += rowMax + Math.log(rowSum) - z[label]")
                .build();
    }

    @Override
    public int weightedClasses(int outputs) {
        return outputs;
    }

    @Override
    CodeBlock classWeight(int outputs, Numeric numeric) {
        return CodeBlock.builder()
                .beginControlFlow("if (classWeights != null)")
                .addStatement("weight *= classWeights[labels[s]]")
                .endControlFlow()
                .build();
    }

    @Override
    public String predictionDescription() {
        return "class probabilities, the softmax of the output layer's logits";
    }

    @Override
    public CodeBlock predictRow(int units, Numeric numeric, TypeName outType) {
        return CodeBlock.builder()
                .add(SoftmaxRow.exponentials("z", "out[o + j]", LossEmitter.narrowing(numeric, outType), units, numeric))
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
