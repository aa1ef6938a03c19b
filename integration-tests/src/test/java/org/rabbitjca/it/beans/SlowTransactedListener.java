// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.beans;

import com.rabbitmq.client.AMQP;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;
import org.rabbitjca.api.RabbitMessage;
import org.rabbitjca.api.RabbitMessageListener;

import java.util.HashMap;
import java.util.Map;

/**
 * Per message of queue {@value #QUEUE}, in a container transaction: publishes a marker to {@value #DONE} (through a
 * server-wide pool outside the transaction, so that the application's own resources, which Payara tears down and
 * sets up around the bean during a redeploy, play no part) carrying the message id and how many failed tries the
 * adapter counted before this
 * one, then works {@value #WORK_MILLIS} ms: the evidence a test reads across a redeploy.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "queue", propertyValue = SlowTransactedListener.QUEUE),
        @ActivationConfigProperty(propertyName = "declareQueue", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "prefetchCount", propertyValue = "10"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "5"),
        @ActivationConfigProperty(propertyName = "retryInitialDelayMillis", propertyValue = "100")
})
public class SlowTransactedListener implements RabbitMessageListener {

    /** The queue this bean consumes. */
    public static final String QUEUE = "it.redeploy";
    /** The queue of markers, one per call. */
    public static final String DONE = "it.redeploy.done";
    /** The header of a marker saying how many failed tries came before the call. */
    public static final String FAILED_BEFORE = "failed-before";
    /** How long each call works. */
    public static final long WORK_MILLIS = 1_500;

    /** A server-wide pool (post-boot commands), which outlives the redeploys of this application. */
    public static final String MARKERS = "rabbitmq/it-markers";

    @Resource(lookup = MARKERS)
    private RabbitConnectionFactory factory;

    @Override
    public void onMessage(RabbitMessage message) throws InterruptedException {
        Map<String, Object> headers = message.properties().getHeaders();
        Object attempts = headers == null ? null : headers.get("x-rabbitjca-attempts");
        Map<String, Object> marker = new HashMap<>();
        marker.put(FAILED_BEFORE, attempts == null ? 0 : ((Number) attempts).intValue());
        try (RabbitConnection connection = factory.getConnection()) {
            connection.publish("", DONE, new AMQP.BasicProperties.Builder().messageId(
                    message.properties().getMessageId()).headers(marker).build(), message.body());
        }
        // Simulated work, not synchronisation: a redeploy comes while calls are here, and their transactions end
        // after the container was marked undeployed.
        Thread.sleep(WORK_MILLIS);
    }
}
