package dev.straightline.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import java.util.List;

/** Writes an optimizer: its state fields and the {@code step()} that applies the computed gradients. */
interface OptimizerEmitter {
    /** Fields holding the optimizer's state (beside the parameters they belong to). */
    List<FieldSpec> fields();

    /** The private method {@value #STEP}{@code ()} that updates every parameter from its gradient. */
    MethodSpec step();

    /** The initial learning rate. */
    double learningRate();

    String STEP = "optimizerStep";
}
