// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.sample;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

import java.util.ArrayList;
import java.util.List;

/** The last events the audit bean received, newest last; kept in memory for the sample's page. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditTrail {

    private static final int KEEP = 100;
    private final List<String> events = new ArrayList<>();

    /** @param event an event just received */
    public synchronized void add(String event) {
        if (events.size() == KEEP) {
            events.remove(0);
        }
        events.add(event);
    }

    /** @return a copy of the events received so far */
    public synchronized List<String> list() {
        return List.copyOf(events);
    }
}
