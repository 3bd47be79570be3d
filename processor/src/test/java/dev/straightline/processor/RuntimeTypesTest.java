package dev.straightline.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import dev.straightline.processor.emit.RuntimeTypes;
import org.junit.jupiter.api.Test;

/** Generated code names runtime types without the processor loading them; each name must exist. */
class RuntimeTypesTest {
    @Test
    void everyRuntimeTypeTheGeneratedCodeNamesExists() throws ClassNotFoundException {
        for (ClassName type : RuntimeTypes.ALL) {
            assertEquals(type.canonicalName(), Class.forName(type.reflectionName()).getCanonicalName());
        }
    }
}
