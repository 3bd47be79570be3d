package dev.straightline.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.runtime.EpochResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurveTest {
    @Test
    void drawsTrainingAndValidationLossAsAPng(@TempDir Path folder) throws Exception {
        List<EpochResult> history = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            history.add(new EpochResult(e, 1.0 / e, 0.5, 0.4 + 0.01 * Math.abs(e - 6), 0.8, 0.001, 40_000, 1));
        }
        Path file = folder.resolve("curve.png");
        LearningCurve.write(history, 6, "test", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(LearningCurve.WIDTH, image.getWidth());
        assertEquals(LearningCurve.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawn chart has many colours, this one " + colours.size());
    }
}
