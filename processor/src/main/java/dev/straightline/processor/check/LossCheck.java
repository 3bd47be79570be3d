package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.ActivationKind;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.model.LossKind;
import dev.straightline.processor.model.NetworkModel;

/** The loss fits the output layer: losses on logits need an identity output, softmax needs two classes. */
final class LossCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        if (network.layers().isEmpty() || !(network.output() instanceof DenseLayer output)) {
            return;
        }
        ActivationKind activation = output.activation().kind();
        LossKind loss = network.loss();
        if (loss == LossKind.SOFTMAX_CROSS_ENTROPY && output.units() == 1) {
            diagnostics.error(output.site().attribute("units"), Message.SOFTMAX_ONE_UNIT, output.name(), output.units());
        }
        if (loss == LossKind.MEAN_SQUARED_ERROR || activation == ActivationKind.IDENTITY) {
            return;
        }
        if (loss == LossKind.BINARY_CROSS_ENTROPY && activation == ActivationKind.SOFTMAX) {
            diagnostics.error(output.site().attribute("activation"), Message.BCE_ON_SOFTMAX, output.name());
        } else {
            String applied = loss == LossKind.SOFTMAX_CROSS_ENTROPY ? "softmax" : "sigmoid";
            diagnostics.error(output.site().attribute("activation"), Message.LOGITS_LOSS_ACTIVATION,
                    loss, applied, output.name(), activation);
        }
    }
}
