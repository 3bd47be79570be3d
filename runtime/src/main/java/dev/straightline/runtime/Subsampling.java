package dev.straightline.runtime;

import dev.straightline.Loss;
import dev.straightline.Tensor;
import java.util.List;

/**
 * Training a logistic model on all positives but only a fraction f of the negatives multiplies the
 * odds it predicts by 1/f (seed 000 tutorial, question 1). Either weight the kept negatives by 1/f
 * while training ({@code setClassWeights(1 / f, 1)}), or train unweighted and correct the model
 * afterwards: log-odds − log(1/f), that is, add log f to the output bias.
 */
public final class Subsampling {
    private Subsampling() {}

    /**
     * Adds log {@code keptFraction} to the output bias of a one-output binary cross-entropy network
     * trained on data whose negatives were kept with probability {@code keptFraction}, so that its
     * probabilities describe the full population again.
     */
    public static void correctOutputBias(TrainableNetwork network, double keptFraction) {
        if (!(keptFraction > 0 && keptFraction <= 1)) {
            throw new IllegalArgumentException("keptFraction must be in (0, 1], but is " + keptFraction);
        }
        if (network.loss() != Loss.BINARY_CROSS_ENTROPY || network.outputs() != 1) {
            throw new IllegalArgumentException("the correction is for a logistic model: binary cross-entropy with one "
                    + "output, but the network has " + network.loss() + " with " + network.outputs() + " outputs");
        }
        List<Tensor> parameters = network.parameters();
        Tensor bias = parameters.get(parameters.size() - 1);
        if (!bias.name().endsWith(".bias")) {
            throw new IllegalArgumentException("the output layer has no bias to correct; declare it with bias = true");
        }
        bias.set(0, bias.get(0) + Math.log(keptFraction));
    }
}
