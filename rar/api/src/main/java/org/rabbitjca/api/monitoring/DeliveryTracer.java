// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

import org.rabbitjca.api.RabbitMessage;

/**
 * Starts a consumer span for each delivery to the message-driven beans of one application, registered with
 * {@link RabbitMonitoring#trace}: the adapter cannot reach the server's tracer itself (on Payara it belongs to each
 * application), so an application-side jar that can lends it one. Called on the delivery's thread, before the
 * bean's {@code onMessage}; the span it starts is current until {@link TracedDelivery#close}.
 */
public interface DeliveryTracer {

    /**
     * @param message the delivery, whose {@link RabbitMessage#traceParent()} is the span's parent when it has one
     * @return the started span, current on this thread
     */
    TracedDelivery start(RabbitMessage message);

    /** One delivery's span. */
    interface TracedDelivery extends AutoCloseable {
        /** @param failure what the bean threw: the span ends as an error */
        void failed(Throwable failure);

        /** Ends the span and makes the previous context current again. */
        @Override
        void close();
    }
}
