// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.monitoring.Condition;
import org.rabbitjca.api.monitoring.Measure;
import org.rabbitjca.api.monitoring.RabbitMonitoring;
import org.rabbitjca.broker.BrokerConnections;
import org.rabbitjca.broker.ConnectionGroup;
import org.rabbitjca.broker.ConnectionRole;
import org.rabbitjca.settings.ConnectionProperties;
import org.rabbitjca.settings.ConnectionSettings;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A pool created again on the same connections is the same resource; one on other connections is another. */
class PoolResourceTest {

    private final BrokerConnections connections = new BrokerConnections();

    @AfterEach
    void cleanUp() {
        connections.close();
        RabbitMonitoring.resources().forEach(RabbitMonitoring::unregister);
    }

    @Test
    void aPoolOnTheSameConnectionsGoesOnCountingInTheSameEntry() throws Exception {
        ConnectionGroup group = connections.acquire(settings(), ConnectionRole.PUBLISH, 1);
        ConnectionGroup other = connections.acquire(settings(), ConnectionRole.PUBLISH, 2);

        PoolResource first = PoolResource.of(group, "orders");
        first.counters().increment(Measure.PUBLISHED);
        PoolResource again = PoolResource.of(connections.acquire(settings(), ConnectionRole.PUBLISH, 1), "orders");
        PoolResource elsewhere = PoolResource.of(other, "orders");

        assertAll(() -> assertSame(first, again, "a redeployed application's pool"),
                () -> assertEquals(1, again.value(Measure.PUBLISHED)),
                () -> assertNotSame(first, elsewhere),
                () -> assertEquals("orders #2", elsewhere.name()),
                () -> assertEquals(2, RabbitMonitoring.resources().size()),
                () -> assertEquals(Condition.IDLE, first.state().condition(), "no connection opened yet"));
    }

    private static ConnectionSettings settings() throws Exception {
        return ConnectionSettings.resolve("test", new ConnectionProperties() { });
    }
}
