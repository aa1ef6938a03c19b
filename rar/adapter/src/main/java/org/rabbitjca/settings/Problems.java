// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems so that one exception reports all of them. Not thread-safe; use per validation. */
final class Problems {

    private final List<String> problems = new ArrayList<>();

    void add(String problem) {
        problems.add(problem);
    }

    /** @return how many problems were found so far: compare before and after a check to tell whether it failed */
    int count() {
        return problems.size();
    }

    /** @return whether no problem was found so far */
    boolean isEmpty() {
        return problems.isEmpty();
    }

    int atLeast(String property, Integer value, int defaultValue, int min, String meaning) {
        int effective = value == null ? defaultValue : value;
        if (effective < min) {
            add(property + " is " + effective + " but must be at least " + min + " (" + meaning + ")");
        }
        return effective;
    }

    int between(String property, Integer value, int defaultValue, int min, int max, String meaning) {
        int effective = value == null ? defaultValue : value;
        if (effective < min || effective > max) {
            add(property + " is " + effective + " but must be between " + min + " and " + max + " (" + meaning + ")");
        }
        return effective;
    }

    String notBlank(String property, String value, String defaultValue, String example) {
        String effective = value == null ? defaultValue : value.trim();
        if (effective == null || effective.isEmpty()) {
            add(property + " is empty; set it, for example to '" + example + "'");
        }
        return effective;
    }

    void throwIfAny(String where) throws InvalidSettingsException {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(where, List.copyOf(problems));
        }
    }
}
