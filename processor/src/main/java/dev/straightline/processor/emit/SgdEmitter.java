package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.straightline.processor.model.Sgd;
import java.util.List;

/** Minibatch SGD, θ ← θ − η·∇θ L, as one contiguous loop per parameter row. It keeps no state. */
final class SgdEmitter implements OptimizerEmitter {
    private final Sgd sgd;
    private final Numeric numeric;

    SgdEmitter(Sgd sgd, Numeric numeric) {
        this.sgd = sgd;
        this.numeric = numeric;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of();
    }

    @Override
    public String plainStepRate() {
        return "learningRate";
    }

    @Override
    public double learningRate() {
        return sgd.learningRate();
    }

    @Override
    public CodeBlock update(String parameter, String gradient, int width) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L rate = learningRate", t)
                .addStatement("$L[] p = $L", t, parameter)
                .addStatement("$L[] g = $L", t, gradient)
                .beginControlFlow("for (int j = 0; j < $L; j++)", width)
                .addStatement("p[j] -= rate * g[j]")
                .endControlFlow()
                .build();
    }
}
