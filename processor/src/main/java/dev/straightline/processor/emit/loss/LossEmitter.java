package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.model.LossKind;
import dev.straightline.processor.plan.LayerPlan;

/**
 * Writes one loss: the method that computes the batch's mean loss and the gradient with respect to
 * the output layer's {@code H} (for the losses on logits, {@code H} is {@code Z}), and the link
 * that turns an output row into a prediction.
 */
public interface LossEmitter {
    /** The constant of {@code dev.straightline.Loss}. */
    String runtimeName();

    /** The name of the generated loss method, such as {@code softmaxCrossEntropy}. */
    String methodName();

    /** The name of the targets parameter of public methods: {@code labels} or {@code y}. */
    String targetName();

    /** {@code int[]} for class labels, or a vector of the network's precision. */
    TypeName targetType(Numeric numeric);

    /** Statements that validate {@code n} targets in the parameter {@link #targetName()}. */
    CodeBlock checkTargets(int outputs);

    /**
     * The loss method, {@code (targets, int from, int to, int n)}: writes the output gradient of
     * samples [from, to) of a batch of n, and returns their summed loss as a {@code double}.
     */
    MethodSpec lossMethod(LayerPlan output, Numeric numeric);

    /** The batch's mean loss as a {@code double} expression of the summed loss {@code total} and {@code n}. */
    String mean();

    /** The number of classes {@code setClassWeights} takes, or 0 when the loss has no classes. */
    int weightedClasses(int outputs);

    /** What {@code predict} returns, for its documentation. */
    String predictionDescription();

    /**
     * Statements that write the prediction for one row {@code z} (the output layer's {@code H})
     * into {@code out[o .. o + units)}; {@code out} has the element type {@code outType}.
     */
    CodeBlock predictRow(int units, Numeric numeric, TypeName outType);

    /** Whether {@code classify} makes sense for this loss and output width. */
    boolean classifies(int outputs);

    /** Statements that return the class of row {@code z}. */
    CodeBlock classify(int units, Numeric numeric);

    static LossEmitter of(LossKind loss) {
        switch (loss) {
            case MEAN_SQUARED_ERROR: return new MeanSquaredError();
            case BINARY_CROSS_ENTROPY: return new BinaryCrossEntropy();
            case SOFTMAX_CROSS_ENTROPY: return new SoftmaxCrossEntropy();
            default: throw new IllegalArgumentException("no emitter for " + loss);
        }
    }

    /** A cast to {@code outType} when it is narrower than the network's precision. */
    static String narrowing(Numeric numeric, TypeName outType) {
        return outType.equals(numeric.scalar()) ? "" : "(" + outType + ") ";
    }
}
