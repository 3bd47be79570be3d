package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.model.NetworkModel;

/** One concern of checking a network model. Reports every problem it finds; never throws. */
interface Check {
    void check(NetworkModel network, Diagnostics diagnostics);
}
