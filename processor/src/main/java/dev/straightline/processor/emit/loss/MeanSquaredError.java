package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/** Half the squared error per sample, averaged over the batch (seed 003). */
final class MeanSquaredError implements LossEmitter {
    private static final ClassName CHECKS = ClassName.get("dev.straightline.internal", "Checks");

    @Override
    public String runtimeName() {
        return "MEAN_SQUARED_ERROR";
    }

    @Override
    public String methodName() {
        return "meanSquaredError";
    }

    @Override
    public String targetName() {
        return "y";
    }

    @Override
    public TypeName targetType(Numeric numeric) {
        return numeric.vector();
    }

    @Override
    public CodeBlock checkTargets(int outputs) {
        return CodeBlock.builder().addStatement("$T.rows($S, y, n, $L)", CHECKS, "y", outputs).build();
    }

    @Override
    public MethodSpec lossMethod(LayerPlan output, Numeric numeric) {
        String t = numeric.name();
        int units = output.units();
        return MethodSpec.methodBuilder(methodName())
                .addJavadoc("Mean squared error of samples [0, n): L = mean over s of ½‖H[s] − Y[s]‖², and\n"
                        + "dH = (H − Y) / n.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(numeric.scalar())
                .addParameter(numeric.vector(), "y")
                .addParameter(TypeName.INT, "n")
                .addStatement("double total = 0.0")
                .addStatement("$L scale = $L / n", t, numeric.literal(1))
                .beginControlFlow("for (int s = 0; s < n; s++)")
                .addStatement("$L[] h = $L[s]", t, output.out())
                .addStatement("$L[] dh = $L[s]", t, output.outGrad())
                .addStatement("int yo = s * $L", units)
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("$L error = h[j] - y[yo + j]", t)
                .addStatement("total += $L * error", numeric.toDouble("error"))
                .addStatement("dh[j] = error * scale")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $L", numeric.fromDouble("0.5 * total / n"))
                .build();
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
