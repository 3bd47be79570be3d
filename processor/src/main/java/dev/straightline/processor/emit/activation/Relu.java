package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/** max(0, z); derivative 1 for z > 0 and 0 otherwise (0 at the kink). */
final class Relu extends Elementwise {
    @Override
    public String formula() {
        return "relu(Z)";
    }

    @Override
    public String backwardFormula() {
        return "dZ = [Z > 0] ⊙ dH";
    }

    @Override
    CodeBlock value(String z, Numeric numeric) {
        return CodeBlock.of("$L", "Math.max(" + z + ", " + numeric.literal(0) + ")");
    }

    /**
     * {@code dh · clamp(z·2²⁰⁰, 0, 1)} (2¹²⁰⁰ in double): the scale lifts every positive value, the
     * smallest subnormal included, to at least 1, so the factor is exactly 1 or 0. C2 vectorizes the
     * min and max, while {@code z > 0 ? dh : 0} compiles to a branch that mispredicts on about half
     * the units (twice the time of the whole row at 128 units, measured).
     */
    @Override
    CodeBlock gradient(String z, String h, String dh, Numeric numeric) {
        String scale = numeric.isFloat() ? "0x1p100f" : "0x1p600";
        return CodeBlock.of("$L * Math.min(Math.max($L * $L * $L, $L), $L)", dh, z, scale, scale,
                numeric.literal(0), numeric.literal(1));
    }

    @Override
    String gradientNote() {
        return "[z > 0] without a branch: z is scaled until every positive value is at least 1, then clamped to [0, 1]";
    }
}
