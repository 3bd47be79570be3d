package dev.straightline.processor.model;

import dev.straightline.processor.Site;

/** A fully connected layer, {@code H = g(X·W + b)}, with dropout on H while training when {@code dropout > 0}. */
public record DenseLayer(String name, int units, Activation activation, InitKind init, boolean bias, double dropout,
        Site site) implements LayerModel {

    /** The initialiser with {@link InitKind#AUTO} resolved. */
    public InitKind resolvedInit() {
        if (init != InitKind.AUTO) {
            return init;
        }
        return activation.kind().rectifies() ? InitKind.HE : InitKind.GLOROT_UNIFORM;
    }
}
