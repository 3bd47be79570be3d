package dev.straightline.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads that share the passes of a generated network's step: the caller and one persistent
 * helper. {@link #run} hands a job to both, runs part 0 on the caller, and returns when the helper
 * has finished part 1. No thread is created, no lock taken and nothing allocated per job: the helper
 * spins on a volatile counter while jobs follow each other, and parks after {@value #SPIN_NANOS} ns
 * of idleness. Which part does what depends only on the job's sizes, never on timing, so results are
 * the same on every run.
 *
 * <p>The helper holds its network only weakly: a network that becomes unreachable is collected and
 * its helper ends. {@link #close()} ends it at once.
 */
public final class Team implements AutoCloseable {
    /** Parts per job: this machine class has two cores. */
    public static final int PARTS = 2;

    /** How long an idle helper spins before it parks: longer than the gap between two steps of a training loop. */
    static final long SPIN_NANOS = 1_000_000;

    /** One job of a generated network, split into {@link #PARTS} parts that write disjoint memory. */
    @FunctionalInterface
    public interface Work {
        void run(int job, int part);
    }

    private static final Cleaner CLEANER = Cleaner.create();

    private final Work work;
    private final Handoff handoff;
    private final Cleaner.Cleanable cleanable;
    private int generation;
    /** When {@link #runIfAwake} was last called; at first, long enough ago not to count as frequent. */
    private long lastAskedNanos = System.nanoTime() - 2 * SPIN_NANOS;

    public Team(Work work, String name) {
        this.work = work;
        this.handoff = new Handoff();
        Thread helper = new Thread(new Helper(handoff, new WeakReference<>(work)), name);
        helper.setDaemon(true);
        handoff.helper = helper;
        this.cleanable = CLEANER.register(this, handoff::close);
        helper.start();
    }

    /**
     * Runs part 0 of {@code job} on this thread and part 1 on the helper, and returns when both are
     * done. An exception in either part is rethrown here, after both have finished.
     */
    public void run(int job) {
        Handoff h = handoff;
        h.job = job;
        int g = ++generation;
        h.posted = g;
        if (h.parked) {
            LockSupport.unpark(h.helper);
        }
        Throwable own = null;
        try {
            work.run(job, 0);
        } catch (Throwable t) {
            own = t;
        }
        h.awaitFinished(g);
        Throwable helpers = h.failure;
        if (helpers != null) {
            h.failure = null;
            if (own == null) {
                own = helpers;
            } else {
                own.addSuppressed(helpers);
            }
        }
        if (own instanceof RuntimeException) {
            throw (RuntimeException) own;
        }
        if (own instanceof Error) {
            throw (Error) own;
        }
        if (own != null) {
            throw new IllegalStateException(own);
        }
    }

    /**
     * Runs {@code job} as {@link #run} does and returns true while the helper is awake. A helper that
     * has parked (idle for {@value #SPIN_NANOS} ns) takes microseconds to wake (median 4–5 µs on a
     * 2-core VM, 11 at the 90th percentile), as long as a short job such as one prediction takes
     * alone: then this runs nothing, returns false, and the caller does the job alone. It also wakes
     * the helper for the jobs that follow, but only when the previous call came less than
     * {@value #SPIN_NANOS} ns before (calls are frequent, and the helper parked in a pause): waking
     * it for calls further apart would cost each of them the wake-up, and the helper would park
     * again before the next. For jobs whose results do not depend on how they are split. A wake
     * that races with the helper waking on its own costs at most one more spell of spinning.
     */
    public boolean runIfAwake(int job) {
        Handoff h = handoff;
        long now = System.nanoTime();
        long previous = lastAskedNanos;
        lastAskedNanos = now;
        if (h.parked) {
            if (now - previous < SPIN_NANOS) {
                h.woken = true;
                LockSupport.unpark(h.helper);
            }
            return false;
        }
        run(job);
        return true;
    }

    /** Ends the helper thread. The team must not be used afterwards. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** Whether the helper thread is still running (for tests). */
    public boolean helperAlive() {
        return handoff.helper.isAlive();
    }

    /** Whether the helper has parked, idle (for tests). */
    public boolean helperParked() {
        return handoff.parked;
    }

    /**
     * The first of samples (or rows) [0, n) that part {@code part} of {@code parts} takes; part
     * {@code parts} starts at n. Inner boundaries fall on multiples of four, so that every
     * four-sample and four-row block of the kernels is the same block as with one part, and
     * results are bitwise the same.
     */
    public static int boundary(int n, int part, int parts) {
        if (part <= 0) {
            return 0;
        }
        if (part >= parts) {
            return n;
        }
        return (int) ((long) n * part / parts) & ~3;
    }

    /** The state the caller and the helper share; it references neither the team nor the work. */
    private static final class Handoff {
        volatile int posted;
        volatile int finished;
        volatile boolean parked;
        volatile boolean closed;
        /** Set by {@link #runIfAwake} to wake a parked helper with no job; cleared by the helper. */
        volatile boolean woken;
        /** Written before {@link #posted}, read after it. */
        int job;
        /** Written before {@link #finished}, read after it. */
        Throwable failure;
        Thread helper;

        void awaitFinished(int g) {
            int spins = 0;
            while (finished != g) {
                if (++spins < 1 << 16) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        void close() {
            closed = true;
            LockSupport.unpark(helper);
        }
    }

    private static final class Helper implements Runnable {
        private final Handoff h;
        private final WeakReference<Work> work;

        Helper(Handoff handoff, WeakReference<Work> work) {
            this.h = handoff;
            this.work = work;
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                int g = awaitPosted(seen);
                if (g == seen) {
                    return;
                }
                Work w = work.get();
                if (w == null) {
                    return;
                }
                try {
                    w.run(h.job, 1);
                } catch (Throwable t) {
                    h.failure = t;
                }
                w = null;
                seen = g;
                h.finished = g;
            }
        }

        /** Spins, then parks, until a job after {@code seen} is posted; returns {@code seen} when closed. */
        private int awaitPosted(int seen) {
            long start = 0;
            int spins = 0;
            while (true) {
                int g = h.posted;
                if (g != seen) {
                    return g;
                }
                if (h.closed) {
                    return seen;
                }
                if ((++spins & 255) != 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long now = System.nanoTime();
                if (start == 0) {
                    start = now;
                } else if (now - start > SPIN_NANOS) {
                    h.parked = true;
                    while (h.posted == seen && !h.closed && !h.woken) {
                        LockSupport.park(this);
                    }
                    h.woken = false;
                    h.parked = false;
                    start = 0;
                }
            }
        }
    }
}
