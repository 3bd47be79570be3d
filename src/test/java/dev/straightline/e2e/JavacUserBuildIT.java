package dev.straightline.e2e;

import static dev.straightline.e2e.UserProject.command;
import static dev.straightline.e2e.UserProject.tool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user compiles with plain javac: the runtime on the class path, the processor on the processor path. */
class JavacUserBuildIT {
    @TempDir
    Path work;

    @Test
    void plainJavacGeneratesTheNetworkAndItTrains() throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));
        List<String> javac = command(tool("javac"), "-Xlint:all", "-Werror", "--release", "17",
                "-processorpath", UserProject.processorJar().toString(),
                "-cp", UserProject.runtimeJar().toString(),
                "-d", classes.toString(), "-s", generated.toString());
        javac.addAll(UserProject.javaSources());
        String compilerOutput = UserProject.run(work, javac);
        assertEquals("", compilerOutput.strip(), "javac prints nothing, not even a warning");
        assertTrue(Files.isRegularFile(generated.resolve("com/example/QuadrantsNet.java")));

        String output = UserProject.run(work, command(tool("java"),
                "-cp", classes + File.pathSeparator + UserProject.runtimeJar(), "com.example.Main"));
        UserProject.assertTrainedOutput(output);
    }

    @Test
    void theProcessorJarCarriesJavaPoetRelocated() throws IOException {
        try (JarFile jar = new JarFile(UserProject.processorJar().toFile())) {
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("com/palantir/")),
                    "JavaPoet must not appear under its own name: users would get it on their path");
            assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("dev/straightline/processor/shaded/javapoet/")));
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("dev.straightline.processor.NetworkProcessor", services.strip());
            String incremental = new String(jar.getInputStream(jar.getEntry("META-INF/gradle/incremental.annotation.processors"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("dev.straightline.processor.NetworkProcessor,isolating", incremental.strip());
        }
    }
}
