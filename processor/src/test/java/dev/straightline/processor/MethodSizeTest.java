package dev.straightline.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never compiles a method over 8,000 bytes of bytecode ({@code HugeMethodLimit}), so no
 * generated method may come near it: every method of the stress networks stays under 5,000 bytes.
 * Loops stay loops; only the structure of the network is unrolled.
 */
class MethodSizeTest {
    static final int BOUND = 5_000;

    static List<NetworkSource> stressNetworks() {
        List<NetworkSource> networks = new ArrayList<>();
        for (String precision : List.of("FLOAT", "DOUBLE")) {
            String p = precision.substring(0, 1);
            networks.add(NetworkSource.network("Wide" + p, 1024, "SOFTMAX_CROSS_ENTROPY").precision(precision)
                    .maxBatch(256).dense("wide", 1024, "RELU").dense("logits", 10, "IDENTITY"));
            NetworkSource deep = NetworkSource.network("Deep" + p, 64, "MEAN_SQUARED_ERROR").precision(precision);
            for (int i = 0; i < 10; i++) {
                deep.dense("layer" + i, 64, List.of("TANH", "RELU", "SOFTMAX", "ELU", "SELU").get(i % 5));
            }
            networks.add(deep.dense("output", 3, "IDENTITY"));
            networks.add(NetworkSource.network("Tiny" + p, 2, "BINARY_CROSS_ENTROPY").precision(precision)
                    .dense("hidden", 16, "SIGMOID").dense("output", 1, "IDENTITY"));
            networks.add(NetworkSource.network("Mlp" + p, 784, "SOFTMAX_CROSS_ENTROPY").precision(precision)
                    .maxBatch(128).dense("hidden1", 256, "RELU").dense("hidden2", 128, "RELU").dense("logits", 10, "IDENTITY"));
        }
        return networks;
    }

    @Test
    void everyGeneratedMethodStaysFarBelowHugeMethodLimit() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (NetworkSource network : stressNetworks()) {
            sources.add(network.file());
        }
        Compilation compilation = InMemoryCompiler.compile(sources.toArray(new JavaFileObject[0]));
        assertThat(compilation.errors()).isEmpty();
        int classes = 0;
        String largest = "";
        int largestLength = 0;
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS || !file.getName().endsWith("Net.class")) {
                continue;
            }
            classes++;
            try (InputStream in = file.openInputStream()) {
                for (Map.Entry<String, Integer> method : ClassFileMethods.codeLengths(in.readAllBytes()).entrySet()) {
                    String where = file.getName() + " " + method.getKey();
                    assertTrue(method.getValue() <= BOUND, where + " has " + method.getValue() + " bytes of bytecode");
                    if (method.getValue() > largestLength) {
                        largestLength = method.getValue();
                        largest = where;
                    }
                }
            }
        }
        assertThat(classes).isEqualTo(8);
        System.out.println("largest generated method: " + largest + ", " + largestLength + " bytes");
    }
}
