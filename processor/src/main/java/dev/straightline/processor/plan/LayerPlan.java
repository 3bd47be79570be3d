package dev.straightline.processor.plan;

import dev.straightline.processor.model.DenseLayer;

/**
 * Where one layer's data lives in the generated class. Every buffer is a field allocated once:
 * parameters and gradients as one array per weight row ({@code [inputs][units]}), activations
 * and their gradients as one array per sample ({@code [maxBatch][units]}), because HotSpot
 * vectorizes a loop only when each array is indexed by the bare loop variable
 * ({@code anchors/jvm-limits.md}, rule 1).
 *
 * @param index position in the network, 0 for the layer fed by the input
 * @param inputs width of the layer's input
 * @param previous the layer feeding this one, or {@code null} for the first layer
 * @param weights {@code W}, {@code [inputs][units]}
 * @param bias {@code b}, {@code [units]}, or {@code null} without bias
 * @param weightGrad {@code dW}
 * @param biasGrad {@code db}, or {@code null} without bias
 * @param pre {@code Z = X·W + b}, one row per sample
 * @param out {@code H = g(Z)}; the same field as {@code pre} for the identity activation
 * @param outGrad {@code dH}, the loss gradient with respect to {@code H}
 * @param preGrad {@code dZ}; the same field as {@code outGrad} for the identity activation
 * @param weightsT {@code Wᵀ}, {@code [units][inputs]}, refreshed each step to compute {@code dX = dZ·Wᵀ}
 *     with contiguous rows; {@code null} for the first layer, which passes no gradient on
 * @param dropped {@code H ⊙ mask}, what the next layer reads while training, or {@code null} without dropout
 * @param mask the dropout mask of each sample: 0, or 1/(1 − rate) for a kept output; {@code null} without dropout
 */
public record LayerPlan(
        int index,
        DenseLayer layer,
        int inputs,
        LayerPlan previous,
        String weights,
        String bias,
        String weightGrad,
        String biasGrad,
        String pre,
        String out,
        String outGrad,
        String preGrad,
        String weightsT,
        String view,
        String dropped,
        String mask) {

    public String name() {
        return layer.name();
    }

    public int units() {
        return layer.units();
    }

    public boolean isFirst() {
        return previous == null;
    }

    public boolean hasBias() {
        return bias != null;
    }

    public boolean hasDropout() {
        return dropped != null;
    }

    /**
     * The rows the next layer reads in a training step: {@link #dropped()} with dropout, else {@link #out()}.
     */
    public String trainingOut() {
        return dropped != null ? dropped : out;
    }
}
