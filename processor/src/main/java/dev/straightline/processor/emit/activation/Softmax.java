package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.emit.SoftmaxRow;

/**
 * softmax(z)ᵢ = e^(zᵢ − m) / Σⱼ e^(zⱼ − m), with m = max z so no exponent overflows. Its Jacobian is
 * ∂hᵢ/∂zⱼ = hᵢ(δᵢⱼ − hⱼ) (seed 003), so dzᵢ = hᵢ(dhᵢ − Σⱼ hⱼ dhⱼ).
 */
final class Softmax implements ActivationEmitter {
    @Override
    public String formula() {
        return "softmax(Z) over each row";
    }

    @Override
    public String backwardFormula() {
        return "dZ = H ⊙ (dH − Σⱼ Hⱼ dHⱼ)";
    }

    @Override
    public CodeBlock forward(int units, Numeric numeric) {
        String t = numeric.name();
        return CodeBlock.builder()
                .add(SoftmaxRow.exponentials("z", "h[j]", "", units, numeric))
                .addStatement("$L scale = $L / rowSum", t, numeric.literal(1))
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("h[j] *= scale")
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock backward(int units, Numeric numeric) {
        String t = numeric.name();
        return CodeBlock.builder()
                .addStatement("$L dot = $L", t, numeric.literal(0))
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dot += h[j] * dh[j]")
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dz[j] = h[j] * (dh[j] - dot)")
                .endControlFlow()
                .build();
    }
}
