// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Walks the cause chain of an exception, which is how the adapter tells failures apart: amqp-client, the JDK and
 * containers wrap the exception that says what happened in others. A chain is walked once per throwable, so that a
 * cause that loops back to an earlier one ends the walk instead of looping forever.
 */
public final class Causes {

    private Causes() {
    }

    /**
     * @param failure an exception
     * @return {@code failure}, its cause, that one's cause, and so on to the root, each once
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /**
     * @param failure an exception
     * @param type the type looked for
     * @return the first throwable of {@code type} in the chain from {@code failure}, or {@code null} when none is
     */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return chain(failure).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    /**
     * @param failure an exception
     * @return the last throwable of its chain: {@code failure} itself when it has no cause
     */
    public static Throwable root(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }

    /**
     * @param failure an exception
     * @return the message of the deepest throwable in its chain that has one, usually the most precise, or
     *         {@code null} when none has
     */
    public static String deepestMessage(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).getMessage() != null) {
                return chain.get(i).getMessage();
            }
        }
        return null;
    }
}
