package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.Activation;
import dev.straightline.processor.model.ActivationKind;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.model.LayerModel;
import dev.straightline.processor.model.NetworkModel;

/** Activation parameters are set only where they apply and within range; threshold units get a warning. */
final class ActivationCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        for (LayerModel layer : network.layers()) {
            if (layer instanceof DenseLayer dense) {
                check(dense, diagnostics);
            }
        }
    }

    private static void check(DenseLayer layer, Diagnostics diagnostics) {
        Activation activation = layer.activation();
        ActivationKind kind = activation.kind();
        double alpha = activation.alpha();
        if (!kind.hasAlpha() && !Double.isNaN(alpha)) {
            diagnostics.error(layer.site().attribute("alpha"), Message.ALPHA_NOT_APPLICABLE, kind);
        }
        if (kind == ActivationKind.LEAKY_RELU && !(alpha >= 0 && alpha < 1)) {
            diagnostics.error(layer.site().attribute("alpha"), Message.ALPHA_RANGE, kind, "in [0, 1)", alpha);
        }
        if (kind == ActivationKind.ELU && !(alpha > 0 && Double.isFinite(alpha))) {
            diagnostics.error(layer.site().attribute("alpha"), Message.ALPHA_RANGE, kind, "positive and finite", alpha);
        }
        if (kind == ActivationKind.HEAVISIDE) {
            diagnostics.warning(layer.site().attribute("activation"), Message.HEAVISIDE_CANNOT_LEARN, layer.name());
        }
    }
}
