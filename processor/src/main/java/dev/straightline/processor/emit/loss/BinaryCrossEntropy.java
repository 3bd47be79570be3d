package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.RuntimeTypes;
import dev.straightline.processor.plan.LayerPlan;

/** Binary cross-entropy on logits, one independent label per output unit, fused with the sigmoid. */
final class BinaryCrossEntropy extends RealTargetLoss {

    @Override
    public String runtimeName() {
        return "BINARY_CROSS_ENTROPY";
    }

    @Override
    public String methodName() {
        return "binaryCrossEntropy";
    }

    @Override
    public CodeBlock checkTargets(int outputs) {
        return CodeBlock.builder().addStatement("$T.probabilities($S, y, n, $L)", RuntimeTypes.CHECKS, "y", outputs).build();
    }

    @Override
    String formula() {
        return "Binary cross-entropy of the logits of samples [from, to) of a batch of n, summed over the units and\n"
                + "averaged over the samples: −y·log σ(z) − (1 − y)·log(1 − σ(z)) is written\n"
                + "max(z, 0) − z·y + log(1 + e^−|z|), which never overflows; dZ = (σ(Z) − Y) / n.\n";
    }

    @Override
    CodeBlock perSample(LayerPlan output, Numeric numeric) {
        String t = numeric.name();
        int units = output.units();
        return CodeBlock.builder()
                .addStatement("$L[] z = $L[s]", t, output.out())
                .addStatement("$L[] dz = $L[s]", t, output.outGrad())
                .addStatement("int yo = s * $L", units)
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("$L target = y[yo + j]", t)
                .addStatement("sampleLoss += Math.max(z[j], $L) - z[j] * target + Math.log1p(Math.exp(-Math.abs(z[j])))",
                        numeric.literal(0))
                .addStatement("dz[j] = ($T.sigmoid(z[j]) - target) * scale", RuntimeTypes.FUNCTIONS)
                .endControlFlow()
                .build();
    }

    /** One output: class 0 and class 1; several outputs (multi-label) take no class weights. */
    @Override
    public int weightedClasses(int outputs) {
        return outputs == 1 ? 2 : 0;
    }

    @Override
    CodeBlock classWeight(int outputs, Numeric numeric) {
        if (outputs != 1) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .beginControlFlow("if (classWeights != null)")
                .addStatement("$L positive = y[s]", numeric.name())
                .addStatement("weight *= positive * classWeights[1] + ($L - positive) * classWeights[0]", numeric.literal(1))
                .endControlFlow()
                .build();
    }

    @Override
    public String predictionDescription() {
        return "the probability of each label, σ of the output layer's logits";
    }

    @Override
    public CodeBlock predictRow(int units, Numeric numeric, TypeName outType) {
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("out[o + j] = $L$T.sigmoid(z[j])", LossEmitter.narrowing(numeric, outType), RuntimeTypes.FUNCTIONS)
                .endControlFlow()
                .build();
    }

    @Override
    public boolean classifies(int outputs) {
        return outputs == 1;
    }

    @Override
    public CodeBlock classify(int units, Numeric numeric) {
        return CodeBlock.builder().addStatement("return z[0] >= $L ? 1 : 0", numeric.literal(0)).build();
    }
}
