package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.model.Optimizer;
import dev.straightline.processor.model.OptimizerKind;
import java.util.List;

/**
 * The optimizers that divide each step by the root of an accumulated squared gradient s:
 * Adagrad sums it, s ← s + g², RMSprop keeps a running mean, s ← ρ·s + (1 − ρ)·g²; then
 * θ ← θ − η·g / (√s + ε).
 */
final class SquaredGradientEmitter implements OptimizerEmitter {
    private final Optimizer optimizer;
    private final Numeric numeric;
    private final boolean runningMean;

    SquaredGradientEmitter(Optimizer optimizer, Numeric numeric) {
        this.optimizer = optimizer;
        this.numeric = numeric;
        this.runningMean = optimizer.kind() == OptimizerKind.RMSPROP;
    }

    @Override
    public List<State> states() {
        return List.of(runningMean ? new State("S", "meanSquare") : new State("G", "squares"));
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }

    @Override
    public String describe() {
        return optimizer.describe();
    }

    @Override
    public CodeBlock update(Row parameter, String gradient, String from, String to) {
        String t = numeric.name();
        String accumulated = runningMean
                ? numeric.literal(optimizer.rho()) + " * squares[j] + " + numeric.literal(1 - optimizer.rho()) + " * gj * gj"
                : "squares[j] + gj * gj";
        return CodeBlock.builder()
                .addStatement("$L rate = learningRate", t)
                .addStatement("$L[] p = $L", t, parameter.expression())
                .addStatement("$L[] g = $L", t, gradient)
                .addStatement("$L[] squares = $L", t, parameter.state(states().get(0).suffix()))
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("$L gj = g[j]", t)
                .addStatement("$L sj = $L", t, accumulated)
                .addStatement("squares[j] = sj")
                .addStatement("p[j] -= rate * gj / ($L + $L)", numeric.math("sqrt", "sj"), numeric.literal(optimizer.epsilon()))
                .endControlFlow()
                .build();
    }
}
