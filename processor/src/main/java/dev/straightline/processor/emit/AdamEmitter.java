package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.straightline.processor.model.Optimizer;
import dev.straightline.processor.model.OptimizerKind;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Adam, and AdamW with decoupled weight decay: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g²,
 * θ ← θ − η/(1 − β₁ᵗ) · m / (√(v/(1 − β₂ᵗ)) + ε); AdamW first shrinks weights by (1 − η·λ). The
 * bias corrections are computed once per step from β₁ᵗ and β₂ᵗ, which are saved with the weights.
 */
final class AdamEmitter implements OptimizerEmitter {
    private final Optimizer adam;
    private final Numeric numeric;
    private final boolean decoupledDecay;

    AdamEmitter(Optimizer adam, Numeric numeric) {
        this.adam = adam;
        this.numeric = numeric;
        this.decoupledDecay = adam.kind() == OptimizerKind.ADAMW && adam.weightDecay() > 0;
    }

    @Override
    public List<State> states() {
        return List.of(new State("M", "mean"), new State("V", "meanSquare"));
    }

    @Override
    public List<FieldSpec> fields() {
        String t = numeric.name();
        FieldSpec powers = FieldSpec.builder(numeric.vector(), "adamPowers", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("β₁ᵗ and β₂ᵗ after t update steps, for the bias corrections.\n")
                .initializer("{$L, $L}", numeric.literal(1), numeric.literal(1)).build();
        FieldSpec step = FieldSpec.builder(numeric.scalar(), "adamStep", Modifier.PRIVATE)
                .addJavadoc("This step's η/(1 − β₁ᵗ).\n").build();
        FieldSpec correction = FieldSpec.builder(numeric.scalar(), "adamCorrection", Modifier.PRIVATE)
                .addJavadoc("This step's 1/(1 − β₂ᵗ).\n").build();
        if (!decoupledDecay) {
            return List.of(powers, step, correction);
        }
        FieldSpec shrink = FieldSpec.builder(numeric.scalar(), "adamShrink", Modifier.PRIVATE)
                .addJavadoc("This step's decoupled weight decay factor 1 − η·λ.\n").build();
        return List.of(powers, step, correction, shrink);
    }

    @Override
    public List<String[]> savedScalars() {
        return List.<String[]>of(new String[] {"optimizer.betaPowers", "adamPowers"});
    }

    @Override
    public CodeBlock resetScalars() {
        return CodeBlock.builder()
                .addStatement("adamPowers[0] = $L", numeric.literal(1))
                .addStatement("adamPowers[1] = $L", numeric.literal(1))
                .build();
    }

    @Override
    public CodeBlock beginStep() {
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("adamPowers[0] *= $L", numeric.literal(adam.beta1()))
                .addStatement("adamPowers[1] *= $L", numeric.literal(adam.beta2()))
                .addStatement("adamStep = learningRate / ($L - adamPowers[0])", numeric.literal(1))
                .addStatement("adamCorrection = $L / ($L - adamPowers[1])", numeric.literal(1), numeric.literal(1));
        if (decoupledDecay) {
            code.addStatement("adamShrink = $L - learningRate * $L", numeric.literal(1), numeric.literal(adam.weightDecay()));
        }
        return code.build();
    }

    @Override
    public double learningRate() {
        return adam.learningRate();
    }

    @Override
    public String describe() {
        return adam.describe();
    }

    @Override
    public CodeBlock update(Row parameter, String gradient, String from, String to) {
        String t = numeric.name();
        boolean decay = decoupledDecay && parameter.weights();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$L step = adamStep", t)
                .addStatement("$L correction = adamCorrection", t);
        if (decay) {
            code.addStatement("$L shrink = adamShrink", t);
        }
        code.addStatement("$L[] p = $L", t, parameter.expression())
                .addStatement("$L[] g = $L", t, gradient)
                .addStatement("$L[] mean = $L", t, parameter.state("M"))
                .addStatement("$L[] meanSquare = $L", t, parameter.state("V"))
                .beginControlFlow("for (int j = $L; j < $L; j++)", from, to)
                .addStatement("$L gj = g[j]", t)
                .addStatement("$L mj = $L * mean[j] + $L * gj", t, numeric.literal(adam.beta1()), numeric.literal(1 - adam.beta1()))
                .addStatement("$L vj = $L * meanSquare[j] + $L * gj * gj", t, numeric.literal(adam.beta2()),
                        numeric.literal(1 - adam.beta2()))
                .addStatement("mean[j] = mj")
                .addStatement("meanSquare[j] = vj");
        String direction = "step * mj / (" + numeric.math("sqrt", "vj * correction") + " + " + numeric.literal(adam.epsilon()) + ")";
        if (decay) {
            code.addStatement("p[j] = p[j] * shrink - $L", direction);
        } else {
            code.addStatement("p[j] -= $L", direction);
        }
        return code.endControlFlow().build();
    }
}
