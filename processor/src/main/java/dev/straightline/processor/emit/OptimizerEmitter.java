package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import java.util.List;

/**
 * Writes an optimizer: its state fields and the update of one parameter row from its gradient
 * row. Layers call the update inside their weight-gradient pass, right after a row's gradient is
 * complete and while it is still in L1.
 */
interface OptimizerEmitter {
    /** Fields holding the optimizer's state (beside the parameters they belong to). */
    List<FieldSpec> fields();

    /** Statements that update the {@code width} values of {@code parameter} from {@code gradient} (both row expressions). */
    CodeBlock update(String parameter, String gradient, int width);

    /**
     * The expression of the SGD step size when this optimizer is plain SGD, so that vector kernels
     * can apply it while they store the gradient; {@code null} for optimizers with state.
     */
    String plainStepRate();

    /** The initial learning rate. */
    double learningRate();
}
