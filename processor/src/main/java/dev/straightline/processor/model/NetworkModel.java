package dev.straightline.processor.model;

import dev.straightline.processor.Site;
import java.util.List;

/**
 * Everything the processor knows about one @Network type, read once from the source.
 *
 * @param userType the annotated type's name as written in code, e.g. {@code Outer.Inner}
 * @param generatedName the simple name of the class to generate, e.g. {@code Outer_InnerNet}
 * @param straightLine whether tiny layers are written as straight-line code
 * @param gradientClipNorm the global norm gradients are clipped to before an update; 0 for no clipping
 * @param l2 the L2 penalty λ on the weights; 0 for none
 */
public record NetworkModel(
        String packageName,
        String userType,
        String generatedName,
        boolean userTypeIsInterface,
        int inputs,
        int maxBatch,
        PrecisionKind precision,
        long seed,
        boolean straightLine,
        double gradientClipNorm,
        double l2,
        LossKind loss,
        Optimizer optimizer,
        List<LayerModel> layers,
        Site site) {

    public NetworkModel {
        layers = List.copyOf(layers);
    }

    /** The output layer. */
    public LayerModel output() {
        return layers.get(layers.size() - 1);
    }

    /** Width of the input of layer {@code index}. */
    public int inputsOf(int index) {
        return index == 0 ? inputs : layers.get(index - 1).units();
    }
}
