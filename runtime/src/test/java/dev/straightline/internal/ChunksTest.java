package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
    /** The chunks one part takes of a job of {@code count}, in the order it takes them. */
    private static List<Integer> takeAll(Chunks chunks, int part, int count) {
        List<Integer> taken = new ArrayList<>();
        for (int chunk; (chunk = chunks.next(part, taken.size(), count)) >= 0; ) {
            taken.add(chunk);
        }
        return taken;
    }

    @Test
    void aPartAloneTakesEveryChunkFirstToLast() {
        Chunks chunks = new Chunks();
        chunks.reset();
        assertEquals(List.of(0, 1, 2, 3, 4), takeAll(chunks, 0, 5));
        assertEquals(List.of(), takeAll(chunks, 0, 5), "nothing is left until the next reset");
        chunks.reset();
        assertEquals(List.of(0, 1, 2), takeAll(chunks, 0, 3));
    }

    @Test
    void partOneTakesChunksLastToFirstAndThePartsMeet() {
        Chunks chunks = new Chunks();
        chunks.reset();
        List<Integer> zero = new ArrayList<>();
        List<Integer> one = new ArrayList<>();
        // Part 1 is twice as fast: it takes two chunks for each of part 0's.
        for (int chunk = 0; chunk >= 0; ) {
            chunk = chunks.next(0, zero.size(), 7);
            if (chunk >= 0) {
                zero.add(chunk);
            }
            for (int i = 0; i < 2 && chunk >= 0; i++) {
                chunk = chunks.next(1, one.size(), 7);
                if (chunk >= 0) {
                    one.add(chunk);
                }
            }
        }
        assertEquals(List.of(0, 1, 2), zero);
        assertEquals(List.of(6, 5, 4, 3), one);
    }

    @Test
    void twoThreadsTakeEveryChunkExactlyOnce() {
        Chunks chunks = new Chunks();
        int count = 64;
        int[][] takenBy = new int[2][count];
        int[] jobs = new int[1];
        try (Team team = new Team((job, part) -> {
            for (int taken = 0, chunk; (chunk = chunks.next(part, taken, count)) >= 0; taken++) {
                takenBy[part][chunk]++;
                // A microsecond of work per chunk, so that the helper is awake before the caller is done.
                for (long start = System.nanoTime(); System.nanoTime() - start < 1_000; ) {
                    Thread.onSpinWait();
                }
            }
        }, "chunks-test")) {
            for (int job = 0; job < 500; job++) {
                chunks.reset();
                team.run(job);
                jobs[0]++;
            }
        }
        for (int chunk = 0; chunk < count; chunk++) {
            assertEquals(jobs[0], takenBy[0][chunk] + takenBy[1][chunk], "chunk " + chunk);
        }
        assertTrue(takenBy[1][count - 1] > 0, "the helper took chunks, starting from the last");
    }
}
