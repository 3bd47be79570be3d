package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;

/** A loss whose targets are real rows as wide as the output layer, passed as {@code y}. */
abstract class RealTargetLoss extends AveragedLoss {
    @Override
    public final String targetName() {
        return "y";
    }

    @Override
    public final TypeName targetType(Numeric numeric) {
        return numeric.vector();
    }
}
