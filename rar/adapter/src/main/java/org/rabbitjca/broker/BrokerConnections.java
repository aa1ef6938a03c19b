// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.Address;
import org.rabbitjca.settings.ConnectionSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The physical connections of one resource adapter instance, shared by every pool and endpoint with equal settings
 * and role, reference-counted: a group is closed when the last share taken of it is given back, and every group
 * when the adapter stops. Endpoints give their shares back when they are deactivated. An outbound pool takes one
 * share when it creates its first channel and never gives it back (a JCA managed connection factory has no end of
 * life), so a group a pool uses stays open until the adapter stops; a pool created again with equal settings (an
 * application redeployed with its own pool) takes another share of the same group, not a new group.
 * Thread-safe (all methods synchronized; they are called on deployment and pool start-up, not per message).
 */
public final class BrokerConnections implements AutoCloseable {

    private record Key(ConnectionSettings settings, ConnectionRole role, int size) {
    }

    private static final class Entry {
        final ConnectionGroup group;
        int users;

        Entry(ConnectionGroup group) {
            this.group = group;
        }
    }

    private final Map<Key, Entry> groups = new HashMap<>();
    /** One per broker (its address set): kept for the adapter's life, one small object per broker. */
    private final Map<Set<Address>, ReconnectSignal> reconnected = new HashMap<>();
    private boolean closed;

    /**
     * Takes a share of the group of connections for these settings, creating it (without connecting yet) if needed.
     *
     * @param settings the connection settings
     * @param role what the channels are used for
     * @param size how many physical connections the group holds
     * @return the shared group; give it back with {@link #release(ConnectionGroup)}
     */
    public synchronized ConnectionGroup acquire(ConnectionSettings settings, ConnectionRole role, int size) {
        if (closed) {
            throw new IllegalStateException("The rabbitmq-jca resource adapter is stopped; redeploy it");
        }
        Entry entry = groups.computeIfAbsent(new Key(settings, role, size),
                key -> new Entry(new ConnectionGroup(settings, role, size, reconnected.computeIfAbsent(
                        Set.copyOf(settings.addresses()), addresses -> new ReconnectSignal()))));
        entry.users++;
        return entry.group;
    }

    /**
     * Gives back a share taken with {@link #acquire}; giving back the last share closes the group's connections.
     *
     * @param group the group acquired before
     */
    public synchronized void release(ConnectionGroup group) {
        groups.entrySet().removeIf(mapping -> {
            Entry entry = mapping.getValue();
            if (entry.group != group || --entry.users > 0) {
                return false;
            }
            group.close();
            return true;
        });
    }

    /** Closes every connection; later {@link #acquire} calls fail. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        groups.values().forEach(entry -> entry.group.close());
        groups.clear();
    }
}
