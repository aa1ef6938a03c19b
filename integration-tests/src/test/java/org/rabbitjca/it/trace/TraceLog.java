// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.trace;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What {@link TracedListener} saw of each message, by message id, as {@code key=value} lines. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TraceLog {

    private final Map<String, String> seen = new ConcurrentHashMap<>();

    /**
     * @param messageId the message
     * @param lines what the bean saw
     */
    public void saw(String messageId, String lines) {
        seen.put(messageId, lines);
    }

    /** @return what the bean saw of the message, or "seen=false" */
    public String of(String messageId) {
        return seen.getOrDefault(messageId, "seen=false\n");
    }
}
