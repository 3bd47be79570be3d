package dev.straightline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The user's project under {@code src/test/projects/quadrants}, the packaged jars, and running tools on them. */
final class UserProject {
    static final String VERSION = System.getProperty("straightline.version");
    static final Path ROOT = Path.of(System.getProperty("straightline.root")).toAbsolutePath().normalize();
    static final Path SOURCE = ROOT.resolve("src/test/projects/quadrants");

    private UserProject() {}

    static Path runtimeJar() {
        return packaged("runtime", "straightline-runtime");
    }

    static Path processorJar() {
        return packaged("processor", "straightline-processor");
    }

    private static Path packaged(String module, String artifact) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(artifact + "-" + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run 'mvn verify' from " + ROOT + " so it is packaged first");
        return jar;
    }

    /** The user's Java sources. */
    static List<String> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    /** Copies the project to {@code target}, filling the {@code @name@} placeholders of its POM from system properties. */
    static void copyTo(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(SOURCE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (file.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(copy, fillPlaceholders(Files.readString(file)));
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static String fillPlaceholders(String pom) {
        for (String name : List.of("straightline.version", "compiler.plugin.version", "resources.plugin.version",
                "jar.plugin.version", "surefire.plugin.version", "clean.plugin.version", "install.plugin.version")) {
            pom = pom.replace("@" + name + "@", System.getProperty(name));
        }
        assertTrue(!java.util.regex.Pattern.compile("@[a-z][a-z.]*@").matcher(pom).find(), "unfilled placeholder in the user POM:\n" + pom);
        return pom;
    }

    /** The output of a finished command; fails the test if it did not exit with 0. */
    static String run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> command(String... words) {
        return new ArrayList<>(List.of(words));
    }

    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Checks what the user's program printed: it learned the quadrants and classifies the four probes. */
    static void assertTrainedOutput(String output) {
        String accuracyLine = output.lines().filter(l -> l.startsWith("accuracy=")).findFirst()
                .orElseThrow(() -> new AssertionError("no accuracy line in:\n" + output));
        double accuracy = Double.parseDouble(accuracyLine.substring("accuracy=".length()));
        assertTrue(accuracy >= 0.95, "the user's network learned the quadrants: " + output);
        assertTrue(output.contains("quadrant(0.5, 0.5)=0"), output);
        assertTrue(output.contains("quadrant(-0.5, 0.5)=1"), output);
        assertTrue(output.contains("quadrant(-0.5, -0.5)=2"), output);
        assertTrue(output.contains("quadrant(0.5, -0.5)=3"), output);
        assertTrue(output.contains("hidden weights [2, 16]"), output);
    }
}
