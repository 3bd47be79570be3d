package dev.straightline.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.straightline.processor.model.Optimizer;
import java.util.List;

/**
 * Writes an optimizer: its state (arrays shaped like each parameter, plus a few scalars), the
 * statements that run once per step, and the update of one parameter row from its gradient row.
 * Layers call the update inside their weight-gradient pass, right after a row's gradient is complete
 * and while it is still in L1.
 */
interface OptimizerEmitter {
    /**
     * One row of a parameter: the field ({@code hidden1W}), the row index expression or {@code null}
     * for a bias, and whether it holds weights (weight decay applies to weights only).
     */
    record Row(String field, String index, boolean weights) {
        /** The same row of the state array with this suffix, such as {@code hidden1WM[k]}. */
        String state(String suffix) {
            return field + suffix + (index == null ? "" : "[" + index + "]");
        }

        String expression() {
            return field + (index == null ? "" : "[" + index + "]");
        }
    }

    /** A state array kept for every parameter: the field suffix and the tensor name's suffix in weight files. */
    record State(String suffix, String name) {}

    /** The state kept per parameter element, in the order the weight file stores it. */
    List<State> states();

    /** Scalar state and per-step values (fields of the generated class). */
    default List<FieldSpec> fields() {
        return List.of();
    }

    /** Scalar state that is saved with the weights, as {@code name → field} of a vector field; none by default. */
    default List<String[]> savedScalars() {
        return List.of();
    }

    /** Statements that reset the scalar state of a fresh network. */
    default CodeBlock resetScalars() {
        return CodeBlock.of("");
    }

    /** Statements run once per update step, before any parameter changes. */
    default CodeBlock beginStep() {
        return CodeBlock.of("");
    }

    /** Statements that update elements [from, to) (int expressions) of a parameter row from {@code gradient}. */
    CodeBlock update(Row parameter, String gradient, String from, String to);

    /**
     * The expression of the SGD step size when this optimizer is plain SGD, so that vector kernels
     * can apply it while they store the gradient; {@code null} for optimizers with state.
     */
    default String plainStepRate() {
        return null;
    }

    /** The initial learning rate. */
    double learningRate();

    /** The optimizer as the generated class's documentation names it. */
    String describe();

    static OptimizerEmitter of(Optimizer optimizer, Numeric numeric) {
        switch (optimizer.kind()) {
            case SGD: return new SgdEmitter(optimizer, numeric);
            case ADAGRAD:
            case RMSPROP: return new SquaredGradientEmitter(optimizer, numeric);
            case ADAM:
            case ADAMW: return new AdamEmitter(optimizer, numeric);
            default: throw new IllegalArgumentException("no emitter for " + optimizer.kind());
        }
    }
}
