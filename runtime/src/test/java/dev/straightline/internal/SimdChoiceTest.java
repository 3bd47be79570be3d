package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The vector kernels are chosen once per JVM, from its flags and its hardware. */
class SimdChoiceTest {
    private static String run(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrintSimd.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void plainJavaWithoutTheModule() throws Exception {
        assertTrue(run().contains("simd=false"));
    }

    @Test
    void vectorKernelsWithTheModule() throws Exception {
        assertTrue(run("--add-modules", "jdk.incubator.vector").contains("simd=true"));
    }

    @Test
    void plainJavaWhenDisabledByProperty() throws Exception {
        assertTrue(run("--add-modules", "jdk.incubator.vector", "-Dstraightline.simd=false").contains("simd=false"));
    }

    @Test
    void plainJavaWithAWarningWhenTheCpuHasNarrowerVectors() throws Exception {
        String output = run("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=16");
        assertTrue(output.contains("simd=false"), output);
        assertTrue(output.contains("this CPU's vectors are 128 bits wide; the kernels need 256"), output);
    }
}
