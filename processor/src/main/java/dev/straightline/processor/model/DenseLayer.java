package dev.straightline.processor.model;

import dev.straightline.processor.Site;

/** A fully connected layer, {@code H = g(X·W + b)}, with dropout on H while training when {@code dropout > 0}. */
public record DenseLayer(String name, int units, Activation activation, InitKind init, boolean bias, double dropout,
        Site site, String dropoutLayer, Site dropoutSite) implements LayerModel {

    /**
     * This layer with dropout {@code rate} on its output, declared by the {@code @Dropout} method
     * {@code layer} at {@code site}.
     */
    public DenseLayer withDropoutLayer(double rate, String layer, Site site) {
        return new DenseLayer(name, units, activation, init, bias, rate, this.site, layer, site);
    }

    /** Where the dropout is declared: the {@code @Dropout} method, or this layer's attribute. */
    public Site dropoutDeclaration() {
        return dropoutSite != null ? dropoutSite : site.attribute("dropout");
    }

    /** The initialiser with {@link InitKind#AUTO} resolved. */
    public InitKind resolvedInit() {
        if (init != InitKind.AUTO) {
            return init;
        }
        return activation.kind().rectifies() ? InitKind.HE : InitKind.GLOROT_UNIFORM;
    }
}
