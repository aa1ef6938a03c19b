// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;

import java.util.ArrayList;
import java.util.List;

/** The container's side of a managed connection: records each event it is told, by name, in order. */
final class ConnectionEventRecorder implements ConnectionEventListener {

    private final List<String> events = new ArrayList<>();

    /** @return the events so far: {@code closed}, {@code error}, {@code local transaction ...} */
    List<String> events() {
        return events;
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        events.add("closed");
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        events.add("local transaction started");
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        events.add("local transaction committed");
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        events.add("local transaction rolled back");
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        events.add("error");
    }
}
