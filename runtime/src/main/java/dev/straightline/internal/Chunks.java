package dev.straightline.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The chunks of one job that the parts of a {@link Team} share first come, first served: part 0
 * takes them first to last and part 1 last to first, until they meet. When one core runs slower
 * than the other (a busy neighbour on a shared host, a lower clock), it takes fewer chunks instead
 * of holding the other up at the end of the job; when both run alike, each takes about its half,
 * the same half every step, and keeps its data in its own caches.
 *
 * <p>A chunk computes the same values whichever part takes it, so results never depend on timing:
 * only which core does the work does. One atomic increment per chunk; no lock, no allocation.
 */
public final class Chunks {
    /**
     * The count of chunks claimed, in the middle of an array 128 bytes long, so that no other
     * object's fields share its cache line: both cores write it.
     */
    private static final int SLOT = 16;

    private final AtomicIntegerArray claimed = new AtomicIntegerArray(2 * SLOT);

    /** Makes every chunk available again. Called before each job that shares them, before the job is handed over. */
    public void reset() {
        claimed.set(SLOT, 0);
    }

    /**
     * The next chunk of {@code count} for part {@code part} (0 or 1), which has taken {@code taken}
     * chunks of this job so far; -1 when every chunk is taken. A part that runs alone takes them all,
     * first to last.
     */
    public int next(int part, int taken, int count) {
        if (claimed.getAndIncrement(SLOT) >= count) {
            return -1;
        }
        return part == 0 ? taken : count - 1 - taken;
    }
}
