package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class TeamTest {
    /** Records which thread ran each part of the last job, and adds the job to a per-part sum. */
    private static final class Recorder implements Team.Work {
        final Thread[] threads = new Thread[Team.PARTS];
        final long[] sums = new long[Team.PARTS];
        volatile int failOnPart = -1;

        @Override
        public void run(int job, int part) {
            threads[part] = Thread.currentThread();
            sums[part] += job;
            if (part == failOnPart) {
                throw new IllegalArgumentException("part " + part + " failed");
            }
        }
    }

    @Test
    void partZeroRunsOnTheCallerAndPartOneOnTheSameHelperEveryTime() {
        Recorder recorder = new Recorder();
        try (Team team = new Team(recorder, "test-helper")) {
            team.run(3);
            Thread helper = recorder.threads[1];
            assertSame(Thread.currentThread(), recorder.threads[0]);
            assertNotSame(Thread.currentThread(), helper);
            assertEquals("test-helper", helper.getName());
            assertTrue(helper.isDaemon());
            for (int job = 1; job <= 1000; job++) {
                team.run(job);
                assertSame(helper, recorder.threads[1]);
            }
            // Every write of the helper is visible to the caller when run returns.
            assertEquals(3 + 1000 * 1001 / 2, recorder.sums[0]);
            assertEquals(3 + 1000 * 1001 / 2, recorder.sums[1]);
        }
    }

    @Test
    void aParkedHelperWakesUpForTheNextJob() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (Team team = new Team(recorder, "test-helper")) {
            team.run(1);
            Thread.sleep(5 * Team.SPIN_NANOS / 1_000_000 + 20);
            assertEquals(Thread.State.WAITING, recorder.threads[1].getState(), "an idle helper parks");
            team.run(2);
            assertEquals(3, recorder.sums[1]);
        }
    }

    @Test
    void runIfAwakeRunsNothingOnAParkedHelperAndWakesItOnlyForFrequentCalls() throws InterruptedException {
        Recorder recorder = new Recorder();
        try (Team team = new Team(recorder, "test-helper")) {
            team.run(1);
            awaitParked(team);
            assertFalse(team.runIfAwake(2), "a parked helper would take longer to wake than a short job");
            assertEquals(1, recorder.sums[0], "nothing ran on the caller");
            assertEquals(1, recorder.sums[1], "nothing ran on the helper");
            // Waking the helper for calls far apart would cost each of them the wake-up, for nothing.
            long watched = System.nanoTime() + Team.SPIN_NANOS / 2;
            while (System.nanoTime() < watched) {
                assertTrue(team.helperParked(), "a call long after the one before does not wake the helper");
            }
            // Calls less than a spell of spinning apart wake it, and once it is awake they share the job.
            // (A caller held up past that spell finds the helper parked again and does not wake it; the
            // call after it does.)
            int attempts = 0;
            while (!team.runIfAwake(4)) {
                assertTrue(++attempts < 1000, "the helper never woke");
                awaitAwake(team);
            }
            assertTrue(attempts >= 1, "the first call after the pause ran alone");
            assertEquals(5, recorder.sums[0]);
            assertEquals(5, recorder.sums[1]);
            assertNotSame(recorder.threads[0], recorder.threads[1]);
        }
    }

    private static void awaitParked(Team team) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!team.helperParked()) {
            assertTrue(System.nanoTime() < deadline, "the helper is still awake");
            Thread.sleep(1);
        }
    }

    /** Spins until the helper is awake, for less than half the gap that counts as frequent calls. */
    private static void awaitAwake(Team team) {
        long deadline = System.nanoTime() + Team.SPIN_NANOS / 2;
        while (team.helperParked() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aFailureInEitherPartIsRethrownAfterBothPartsFinished() {
        Recorder recorder = new Recorder();
        try (Team team = new Team(recorder, "test-helper")) {
            recorder.failOnPart = 1;
            IllegalArgumentException helpers = assertThrows(IllegalArgumentException.class, () -> team.run(5));
            assertEquals("part 1 failed", helpers.getMessage());
            assertEquals(5, recorder.sums[0], "the caller's part ran");
            recorder.failOnPart = 0;
            IllegalArgumentException own = assertThrows(IllegalArgumentException.class, () -> team.run(7));
            assertEquals("part 0 failed", own.getMessage());
            assertEquals(12, recorder.sums[1], "the helper's part ran too");
            recorder.failOnPart = -1;
            team.run(1);
            assertEquals(13, recorder.sums[1], "the team still works");
        }
    }

    @Test
    void jobsCreateNoThreadAndAllocateNothing() {
        Recorder recorder = new Recorder();
        try (Team team = new Team(recorder, "test-helper")) {
            for (int i = 0; i < 20_000; i++) {
                team.run(1);
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long started = threads.getTotalStartedThreadCount();
            // The JIT may allocate once while it compiles: the quietest of five rounds counts.
            long quietest = Long.MAX_VALUE;
            for (int round = 0; round < 5 && quietest > 0; round++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 100_000; i++) {
                    team.run(1);
                }
                quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
            }
            assertEquals(started, threads.getTotalStartedThreadCount(), "threads started during the jobs");
            assertEquals(0, quietest, "bytes allocated by the caller during 100,000 jobs");
        }
    }

    @Test
    void closeEndsTheHelper() throws InterruptedException {
        Recorder recorder = new Recorder();
        Team team = new Team(recorder, "test-helper");
        team.run(1);
        team.close();
        recorder.threads[1].join(5_000);
        assertFalse(team.helperAlive());
    }

    @Test
    void theHelperEndsWhenItsWorkIsCollected() throws InterruptedException {
        Thread helper = startAndForget();
        for (int i = 0; i < 100 && helper.isAlive(); i++) {
            System.gc();
            helper.join(100);
        }
        assertFalse(helper.isAlive(), "the helper of an unreachable team still runs");
    }

    private static Thread startAndForget() {
        Recorder recorder = new Recorder();
        Team team = new Team(recorder, "test-helper");
        team.run(1);
        return recorder.threads[1];
    }

    @Test
    void boundariesFallOnMultiplesOfFourAndCoverEverything() {
        assertEquals(0, Team.boundary(32, 0, Team.PARTS));
        assertEquals(16, Team.boundary(32, 1, Team.PARTS));
        assertEquals(32, Team.boundary(32, 2, Team.PARTS));
        assertEquals(4, Team.boundary(9, 1, Team.PARTS));
        assertEquals(392, Team.boundary(784, 1, Team.PARTS));
        assertEquals(0, Team.boundary(7, 1, Team.PARTS), "fewer than eight: the first part is empty");
        assertEquals(50, Team.boundary(50, 1, 1), "one part takes everything");
        for (int n = 0; n < 300; n++) {
            int middle = Team.boundary(n, 1, Team.PARTS);
            assertEquals(0, middle % 4);
            assertTrue(middle <= n - middle, n + " splits at " + middle);
        }
    }
}
