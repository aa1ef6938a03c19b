// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

/** Joins texts from different sources (the adapter's, the broker's, the JDK's) into readable messages. */
public final class Sentences {

    private Sentences() {
    }

    /**
     * @param text a sentence that may or may not end with a full stop (or another closing mark)
     * @return the text ending with exactly one, so that another sentence can follow it
     */
    public static String end(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }
}
