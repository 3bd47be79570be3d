package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.model.Optimizer;
import java.util.List;

/**
 * Minibatch SGD, θ ← θ − η·g, as one contiguous loop per parameter row; with momentum μ a velocity
 * per parameter, v ← μ·v + g, θ ← θ − η·v, or with Nesterov θ ← θ − η·(g + μ·v).
 */
final class SgdEmitter implements OptimizerEmitter {
    private final Optimizer sgd;
    private final Numeric numeric;
    private final boolean momentum;

    SgdEmitter(Optimizer sgd, Numeric numeric) {
        this.sgd = sgd;
        this.numeric = numeric;
        this.momentum = sgd.momentum() > 0;
    }

    @Override
    public List<State> states() {
        return momentum ? List.of(new State("V", "velocity")) : List.of();
    }

    @Override
    public String plainStepRate() {
        return momentum ? null : "learningRate";
    }

    @Override
    public double learningRate() {
        return sgd.learningRate();
    }

    @Override
    public String describe() {
        return sgd.describe();
    }

    @Override
    public CodeBlock update(Row parameter, String gradient, String from, String to) {
        String t = numeric.name();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$L rate = learningRate", t)
                .addStatement("$L[] p = $L", t, parameter.expression())
                .addStatement("$L[] g = $L", t, gradient);
        if (!momentum) {
            return code.beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                    .addStatement("p[j] -= rate * g[j]")
                    .endControlFlow()
                    .build();
        }
        String mu = numeric.literal(sgd.momentum());
        code.addStatement("$L[] v = $L", t, parameter.state("V"))
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("$L vj = $L * v[j] + g[j]", t, mu)
                .addStatement("v[j] = vj");
        if (sgd.nesterov()) {
            code.addStatement("p[j] -= rate * (g[j] + $L * vj)", mu);
        } else {
            code.addStatement("p[j] -= rate * vj");
        }
        return code.endControlFlow().build();
    }
}
