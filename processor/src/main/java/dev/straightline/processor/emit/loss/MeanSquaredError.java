package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.RuntimeTypes;
import dev.straightline.processor.plan.LayerPlan;

/** Half the squared error per sample, averaged over the batch (seed 003). */
final class MeanSquaredError extends RealTargetLoss {

    @Override
    public String runtimeName() {
        return "MEAN_SQUARED_ERROR";
    }

    @Override
    public String methodName() {
        return "meanSquaredError";
    }

    @Override
    public CodeBlock checkTargets(int outputs) {
        return CodeBlock.builder().addStatement("$T.rows($S, y, n, $L)", RuntimeTypes.CHECKS, "y", outputs).build();
    }

    @Override
    String formula() {
        return "Mean squared error of samples [from, to) of a batch of n: L = mean over s of ½‖H[s] − Y[s]‖², and\n"
                + "dH = (H − Y) / n.\n";
    }

    @Override
    CodeBlock perSample(LayerPlan output, Numeric numeric) {
        String t = numeric.name();
        int units = output.units();
        return CodeBlock.builder()
                .addStatement("$L[] h = $L[s]", t, output.out())
                .addStatement("$L[] dh = $L[s]", t, output.outGrad())
                .addStatement("int yo = s * $L", units)
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("$L error = h[j] - y[yo + j]", t)
                .addStatement("sampleLoss += $L * error", numeric.toDouble("error"))
                .addStatement("dh[j] = error * scale")
                .endControlFlow()
                .build();
    }

    @Override
    public String mean() {
        return "0.5 * total / n";
    }

    @Override
    public int weightedClasses(int outputs) {
        return 0;
    }

    @Override
    public String predictionDescription() {
        return "the output layer's values";
    }

    @Override
    public CodeBlock predictRow(int units, Numeric numeric, TypeName outType) {
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("out[o + j] = $Lz[j]", LossEmitter.narrowing(numeric, outType))
                .endControlFlow()
                .build();
    }

    @Override
    public boolean classifies(int outputs) {
        return false;
    }

    @Override
    public CodeBlock classify(int units, Numeric numeric) {
        throw new UnsupportedOperationException("a regression network does not classify");
    }
}
