package dev.straightline.processor.emit;

import dev.straightline.processor.plan.LayerPlan;
import dev.straightline.processor.plan.MemoryPlan;
import java.nio.charset.StandardCharsets;

/**
 * The canonical description of a network's function, such as
 * {@code 784 -> hidden: Dense(256, RELU) -> logits: Dense(10, IDENTITY)}, and its 64-bit
 * fingerprint. Weight files carry both; precision, loss and optimizer are not part of it, since
 * the same weights compute the same function under any of them.
 */
final class Architecture {
    private Architecture() {}

    static String describe(int inputs, MemoryPlan plan) {
        StringBuilder text = new StringBuilder().append(inputs);
        for (LayerPlan layer : plan.layers()) {
            text.append(" -> ").append(layer.name()).append(": Dense(").append(layer.units()).append(", ")
                    .append(layer.layer().activation().describe()).append(layer.hasBias() ? "" : ", no bias").append(')');
        }
        return text.toString();
    }

    /** 64-bit FNV-1a of the UTF-8 description. */
    static long fingerprint(String description) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : description.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
