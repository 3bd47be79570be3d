package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.model.Optimizer;
import java.util.List;

/** Adagrad: G ← G + g², θ ← θ − η·g / (√G + ε). */
final class AdagradEmitter implements OptimizerEmitter {
    private final Optimizer adagrad;
    private final Numeric numeric;

    AdagradEmitter(Optimizer adagrad, Numeric numeric) {
        this.adagrad = adagrad;
        this.numeric = numeric;
    }

    @Override
    public List<State> states() {
        return List.of(new State("G", "squares"));
    }

    @Override
    public double learningRate() {
        return adagrad.learningRate();
    }

    @Override
    public String describe() {
        return adagrad.describe();
    }

    @Override
    public CodeBlock update(Row parameter, String gradient, String from, String to) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L rate = learningRate", t)
                .addStatement("$L[] p = $L", t, parameter.expression())
                .addStatement("$L[] g = $L", t, gradient)
                .addStatement("$L[] squares = $L", t, parameter.state("G"))
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("$L gj = g[j]", t)
                .addStatement("$L sum = squares[j] + gj * gj", t)
                .addStatement("squares[j] = sum")
                .addStatement("p[j] -= rate * gj / ($L + $L)", numeric.math("sqrt", "sum"), numeric.literal(adagrad.epsilon()))
                .endControlFlow()
                .build();
    }
}
