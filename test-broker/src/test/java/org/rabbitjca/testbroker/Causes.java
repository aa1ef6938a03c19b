// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.fail;

/** Finds an exception of a given type in a cause chain, for asserting on what a client library wrapped. */
final class Causes {

    private Causes() {
    }

    /** @return the first throwable of type {@code type} in the chain starting at {@code thrown} */
    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return fail("No " + type.getName() + " in the cause chain of " + thrown, thrown);
    }
}
