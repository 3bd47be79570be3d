package dev.straightline.internal;

import dev.straightline.Activation;
import dev.straightline.Layer;
import dev.straightline.Tensor;

/** The {@link Layer} view of a {@code @Dropout} layer: a width and a name, no parameters. */
public final class DropoutView implements Layer {
    private final String name;
    private final int units;

    public DropoutView(String name, int units) {
        this.name = name;
        this.units = units;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return units;
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public Tensor weights() {
        throw noParameters();
    }

    @Override
    public Tensor weightGradient() {
        throw noParameters();
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    public Tensor bias() {
        throw noParameters();
    }

    @Override
    public Tensor biasGradient() {
        throw noParameters();
    }

    private IllegalStateException noParameters() {
        return new IllegalStateException("dropout layer '" + name + "' has no parameters");
    }

    @Override
    public String toString() {
        return name + ": Dropout(" + units + ")";
    }
}
