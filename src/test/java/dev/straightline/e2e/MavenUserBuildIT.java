package dev.straightline.e2e;

import static dev.straightline.e2e.UserProject.command;
import static dev.straightline.e2e.UserProject.tool;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user builds with Maven: the runtime as a dependency, the processor in
 * {@code annotationProcessorPaths}. The build gets a fresh local repository holding the packaged
 * Straightline artifacts, and reads everything else (plugins) from this build's own repository.
 */
class MavenUserBuildIT {
    @TempDir
    Path work;

    @Test
    void mavenBuildGeneratesTheNetworkAndItTrains() throws IOException {
        Path project = work.resolve("quadrants");
        UserProject.copyTo(project);
        Path repository = work.resolve("repository");
        install(repository, "straightline-parent", "pom", UserProject.ROOT.resolve("pom.xml"), null);
        install(repository, "straightline-runtime", "jar", UserProject.ROOT.resolve("runtime/pom.xml"), UserProject.runtimeJar());
        install(repository, "straightline-processor", "jar",
                UserProject.ROOT.resolve("processor/target/dependency-reduced-pom.xml"), UserProject.processorJar());
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>"
                + Path.of(System.getProperty("outer.repository")).toUri() + "</url></mirror></mirrors></settings>\n");

        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        UserProject.run(project, command(mvn, "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository, "package"));
        assertTrue(Files.isRegularFile(project.resolve("target/generated-sources/annotations/com/example/QuadrantsNet.java")));

        String output = UserProject.run(project, command(tool("java"),
                "-cp", project.resolve("target/quadrants-1.0.jar") + File.pathSeparator + UserProject.runtimeJar(),
                "com.example.Main"));
        UserProject.assertTrainedOutput(output);
    }

    /** Lays an artifact out as {@code mvn install} would, without any record of a remote origin. */
    private static void install(Path repository, String artifact, String packaging, Path pom, Path jar) throws IOException {
        Path folder = Files.createDirectories(repository.resolve("dev/straightline").resolve(artifact).resolve(UserProject.VERSION));
        String base = artifact + "-" + UserProject.VERSION;
        Files.copy(pom, folder.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, folder.resolve(base + "." + packaging), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
