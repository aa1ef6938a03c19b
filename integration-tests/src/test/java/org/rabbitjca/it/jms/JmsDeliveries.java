// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the JMS-face tests' beans received, per queue, in arrival order, each as its fields by name. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JmsDeliveries {

    private final Map<String, List<Map<String, String>>> received = new ConcurrentHashMap<>();

    /** Records one received message's description. */
    public void record(String queue, Map<String, String> description) {
        received.computeIfAbsent(queue, name -> new CopyOnWriteArrayList<>()).add(Map.copyOf(description));
    }

    /** @return the descriptions of the queue's messages whose message id is {@code messageId}, in order */
    public List<Map<String, String>> of(String queue, String messageId) {
        return received.getOrDefault(queue, List.of()).stream()
                .filter(description -> messageId.equals(description.get("messageId"))).toList();
    }
}
