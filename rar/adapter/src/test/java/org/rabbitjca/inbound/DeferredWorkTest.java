// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.inbound;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeferredWorkTest {

    private final ManualTimer timer = new ManualTimer();
    private final ManualWorkManager workManager = new ManualWorkManager();
    private final DeferredWork later = new DeferredWork(new ContainerServices(workManager, timer, null), 250, "test");
    private final List<String> ran = new ArrayList<>();

    @Test
    void theTimerOnlyHandsTheTaskToTheWorkManagerAfterItsDelay() {
        later.runLater(1_000, () -> ran.add("restart"));
        assertEquals(List.of(1_000L), timer.delays(), "scheduled with its delay");
        assertEquals(0, workManager.scheduled(), "nothing handed over before the delay");

        timer.fireNext();
        assertAll(() -> assertEquals(List.of(), ran, "the timer thread did not run the task itself"),
                () -> assertEquals(1, workManager.scheduled()));

        workManager.runNext();
        assertEquals(List.of("restart"), ran);
    }

    @Test
    void aTaskTheWorkManagerRefusesIsOfferedAgainAfterTheRetryDelay() {
        later.runLater(0, () -> ran.add("restart"));
        workManager.refuseAll();

        timer.fireNext();

        assertAll(() -> assertEquals(List.of(250L), timer.delays(), "scheduled again with the retry delay"),
                () -> assertEquals(List.of(), ran));
    }

    @Test
    void onceTheTimerIsCancelledNothingMoreIsScheduledAndNothingFails() {
        timer.cancel(); // the adapter stops

        assertDoesNotThrow(() -> later.runLater(0, () -> ran.add("restart")));
        assertAll(() -> assertEquals(List.of(), timer.delays()), () -> assertEquals(0, workManager.scheduled()));
    }
}
