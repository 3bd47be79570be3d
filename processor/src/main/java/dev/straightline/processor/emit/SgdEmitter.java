package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.straightline.processor.model.Sgd;
import dev.straightline.processor.plan.LayerPlan;
import dev.straightline.processor.plan.MemoryPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Minibatch SGD, θ ← θ − η·∇θ L, as one contiguous loop per weight row. It keeps no state. */
final class SgdEmitter implements OptimizerEmitter {
    private final Sgd sgd;
    private final MemoryPlan plan;
    private final Numeric numeric;

    SgdEmitter(Sgd sgd, MemoryPlan plan, Numeric numeric) {
        this.sgd = sgd;
        this.plan = plan;
        this.numeric = numeric;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of();
    }

    @Override
    public double learningRate() {
        return sgd.learningRate();
    }

    @Override
    public MethodSpec step() {
        String t = numeric.name();
        CodeBlock.Builder body = CodeBlock.builder().addStatement("$L rate = learningRate", t);
        for (LayerPlan layer : plan.layers()) {
            body.beginControlFlow("for (int k = 0; k < $L; k++)", layer.inputs())
                    .addStatement("$L[] w = $L[k]", t, layer.weights())
                    .addStatement("$L[] g = $L[k]", t, layer.weightGrad())
                    .beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                    .addStatement("w[j] -= rate * g[j]")
                    .endControlFlow()
                    .endControlFlow();
            if (layer.hasBias()) {
                body.beginControlFlow("for (int j = 0; j < $L; j++)", layer.units())
                        .addStatement("$L[j] -= rate * $L[j]", layer.bias(), layer.biasGrad())
                        .endControlFlow();
            }
        }
        return MethodSpec.methodBuilder(STEP)
                .addJavadoc("SGD: θ ← θ − η·∇θ L for every weight and bias.\n")
                .addModifiers(Modifier.PRIVATE)
                .addCode(body.build())
                .build();
    }
}
