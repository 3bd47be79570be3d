package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.model.Optimizer;
import java.util.List;

/** RMSprop: s ← ρ·s + (1 − ρ)·g², θ ← θ − η·g / (√s + ε). */
final class RmsPropEmitter implements OptimizerEmitter {
    private final Optimizer rmsProp;
    private final Numeric numeric;

    RmsPropEmitter(Optimizer rmsProp, Numeric numeric) {
        this.rmsProp = rmsProp;
        this.numeric = numeric;
    }

    @Override
    public List<State> states() {
        return List.of(new State("S", "meanSquare"));
    }

    @Override
    public double learningRate() {
        return rmsProp.learningRate();
    }

    @Override
    public String describe() {
        return rmsProp.describe();
    }

    @Override
    public CodeBlock update(Row parameter, String gradient, String from, String to) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L rate = learningRate", t)
                .addStatement("$L[] p = $L", t, parameter.expression())
                .addStatement("$L[] g = $L", t, gradient)
                .addStatement("$L[] meanSquare = $L", t, parameter.state("S"))
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("$L gj = g[j]", t)
                .addStatement("$L sj = $L * meanSquare[j] + $L * gj * gj", t, numeric.literal(rmsProp.rho()),
                        numeric.literal(1 - rmsProp.rho()))
                .addStatement("meanSquare[j] = sj")
                .addStatement("p[j] -= rate * gj / ($L + $L)", numeric.math("sqrt", "sj"), numeric.literal(rmsProp.epsilon()))
                .endControlFlow()
                .build();
    }
}
