package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each schedule's rate, step by step, on a run of 5 epochs of 10 steps from a base rate of 0.1. */
class LearningRateScheduleTest {
    private static final long PER_EPOCH = 10;
    private static final long TOTAL = 50;

    private static double rate(LearningRateSchedule schedule, long step) {
        return schedule.rate(0.1, step, PER_EPOCH, TOTAL);
    }

    @Test
    void constantKeepsTheBaseRate() {
        for (long step = 0; step < TOTAL; step++) {
            assertEquals(0.1, rate(LearningRateSchedule.constant(), step));
        }
    }

    @Test
    void stepDecayMultipliesEveryFewEpochs() {
        LearningRateSchedule schedule = LearningRateSchedule.stepDecay(2, 0.5);
        assertEquals(0.1, rate(schedule, 0));
        assertEquals(0.1, rate(schedule, 19), "epochs 0 and 1 at the base rate");
        assertEquals(0.05, rate(schedule, 20), 1e-15);
        assertEquals(0.05, rate(schedule, 39), 1e-15);
        assertEquals(0.025, rate(schedule, 40), 1e-15);
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        LearningRateSchedule schedule = LearningRateSchedule.exponential(0.9);
        assertEquals(0.1, rate(schedule, 9));
        assertEquals(0.09, rate(schedule, 10), 1e-15);
        assertEquals(0.1 * Math.pow(0.9, 4), rate(schedule, 49), 1e-15);
    }

    @Test
    void cosineFallsFromTheBaseTowardsTheMinimum() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(0.1);
        assertEquals(0.1, rate(schedule, 0), 1e-15);
        assertEquals(0.01 + 0.09 * (1 + Math.cos(Math.PI * 25 / 50)) / 2, rate(schedule, 25), 1e-15);
        assertEquals(0.055, rate(schedule, 25), 1e-15, "half-way: the mean of base and minimum");
        for (long step = 1; step < TOTAL; step++) {
            assertTrue(rate(schedule, step) < rate(schedule, step - 1), "falls at step " + step);
            assertTrue(rate(schedule, step) > 0.01, "stays above the minimum");
        }
        assertTrue(LearningRateSchedule.cosine(0).rate(0.1, TOTAL - 1, PER_EPOCH, TOTAL) > 0, "the last rate is positive");
    }

    @Test
    void warmUpRampsLinearlyThenFollowsTheSchedule() {
        LearningRateSchedule schedule = LearningRateSchedule.exponential(0.5).withWarmUp(4);
        assertEquals(0.025, rate(schedule, 0), 1e-15);
        assertEquals(0.05, rate(schedule, 1), 1e-15);
        assertEquals(0.1, rate(schedule, 3), 1e-15);
        assertEquals(0.1, rate(schedule, 4), 1e-15);
        assertEquals(0.05, rate(schedule, 10), 1e-15);
    }

    @Test
    void badSettingsAreRejected() {
        assertEquals("factor must be in (0, 1], but is 1.5",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.exponential(1.5)).getMessage());
        assertEquals("everyEpochs must be at least 1, but is 0",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0, 0.5)).getMessage());
        assertEquals("minimum must be a fraction of the base rate in [0, 1], but is -1.0",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(-1)).getMessage());
        assertEquals("warm-up steps must be at least 1, but is 0",
                assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant().withWarmUp(0)).getMessage());
    }
}
