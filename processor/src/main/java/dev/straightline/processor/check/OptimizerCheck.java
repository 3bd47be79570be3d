package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.NetworkModel;

/** There is an optimizer, and its settings are usable. */
final class OptimizerCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        if (network.optimizer() == null) {
            diagnostics.error(network.site(), Message.MISSING_OPTIMIZER, network.userType());
            return;
        }
        double rate = network.optimizer().learningRate();
        if (!(rate > 0 && Double.isFinite(rate))) {
            diagnostics.error(network.optimizer().site().attribute("learningRate"), Message.BAD_LEARNING_RATE, rate);
        }
    }
}
