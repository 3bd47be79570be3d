package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.model.LayerModel;
import dev.straightline.processor.model.NetworkModel;

/** Dropout rates lie in [0, 1), and the output layer has none. */
final class DropoutCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        for (LayerModel layer : network.layers()) {
            if (!(layer instanceof DenseLayer dense) || dense.dropout() == 0) {
                continue;
            }
            if (!(dense.dropout() > 0 && dense.dropout() < 1)) {
                diagnostics.error(dense.dropoutDeclaration(), Message.BAD_DROPOUT, dense.name(), dense.dropout());
            } else if (layer == network.output()) {
                diagnostics.error(dense.dropoutDeclaration(), Message.DROPOUT_ON_OUTPUT, dense.name());
            }
        }
    }
}
