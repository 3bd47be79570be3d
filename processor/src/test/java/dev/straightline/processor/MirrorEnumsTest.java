package dev.straightline.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.straightline.processor.model.ActivationKind;
import dev.straightline.processor.model.InitKind;
import dev.straightline.processor.model.LossKind;
import dev.straightline.processor.model.PrecisionKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor reads the runtime's enums by constant name, into enums of its own (it must not
 * load the user's runtime classes). Both sides must list the same constants.
 */
class MirrorEnumsTest {
    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    @Test
    void everyRuntimeConstantHasAProcessorMirror() {
        assertEquals(names(dev.straightline.Activation.values()), names(ActivationKind.values()));
        assertEquals(names(dev.straightline.Loss.values()), names(LossKind.values()));
        assertEquals(names(dev.straightline.Init.values()), names(InitKind.values()));
        assertEquals(names(dev.straightline.Precision.values()), names(PrecisionKind.values()));
    }
}
