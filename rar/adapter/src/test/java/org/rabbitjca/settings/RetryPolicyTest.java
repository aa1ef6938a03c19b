// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    @Test
    void delaysGrowByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(6, 1_000, 3.0, 20_000);

        assertEquals(1_000, policy.delayAfter(1));
        assertEquals(3_000, policy.delayAfter(2));
        assertEquals(9_000, policy.delayAfter(3));
        assertEquals(20_000, policy.delayAfter(4));
        assertEquals(20_000, policy.delayAfter(50));
    }

    @Test
    void retriesStopWhenTheAttemptsAreSpent() {
        RetryPolicy policy = new RetryPolicy(3, 0, 1.0, 0);

        assertTrue(policy.allowsRetryAfter(1));
        assertTrue(policy.allowsRetryAfter(2));
        assertFalse(policy.allowsRetryAfter(3));
        assertFalse(new RetryPolicy(1, 0, 1.0, 0).allowsRetryAfter(1), "one attempt means no retry");
    }
}
