package dev.straightline.processor.emit.activation;

import com.palantir.javapoet.CodeBlock;
import dev.straightline.processor.emit.Numeric;

/**
 * An activation applied to each unit on its own. Subclasses give the two expressions; this class
 * writes them as contiguous loops over the row, the form HotSpot vectorizes.
 */
abstract class Elementwise implements ActivationEmitter {

    /** {@code g(z)}, with {@code z} the expression of one element. */
    abstract CodeBlock value(String z, Numeric numeric);

    /** {@code g'(z)·dh}, given expressions for one element of {@code z}, {@code h = g(z)} and {@code dh}. */
    abstract CodeBlock gradient(String z, String h, String dh, Numeric numeric);

    @Override
    public final CodeBlock forward(int units, Numeric numeric) {
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("h[j] = $L", value("z[j]", numeric))
                .endControlFlow()
                .build();
    }

    /** A line for the reader of the backward loop when its expression is not the formula as written, or null. */
    String gradientNote() {
        return null;
    }

    @Override
    public final CodeBlock backward(int units, Numeric numeric) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (gradientNote() != null) {
            code.add("// $L\n", gradientNote());
        }
        return code
                .beginControlFlow("for (int j = 0; j < $L; j++)", units)
                .addStatement("dz[j] = $L", gradient("z[j]", "h[j]", "dh[j]", numeric))
                .endControlFlow()
                .build();
    }
}
