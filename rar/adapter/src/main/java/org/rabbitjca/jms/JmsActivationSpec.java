// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import jakarta.jms.MessageListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ConfigProperty;
import org.rabbitjca.inbound.ListenerInvoker;
import org.rabbitjca.inbound.RabbitActivationSpec;
import org.rabbitjca.settings.EndpointConfiguration;
import org.rabbitjca.settings.InvalidSettingsException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The activation config of a message-driven bean implementing {@link MessageListener}: the standard Jakarta
 * Messaging properties ({@code destinationType}, {@code destination} or {@code destinationLookup},
 * {@code acknowledgeMode}) on top of every property a {@link RabbitActivationSpec} has, which keep their meaning
 * (concurrency, prefetch, retries, dead-lettering, connection properties). The destination is a RabbitMQ queue.
 */
@Activation(messageListeners = MessageListener.class)
public class JmsActivationSpec extends RabbitActivationSpec {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String QUEUE_TYPE = "jakarta.jms.Queue";

    private String destinationType;
    private String destination;
    private String destinationLookup;
    private String acknowledgeMode;
    private String messageSelector;
    private String trustedPackages;
    private transient String lookedUpQueue;

    /** @return the destinationType property, or {@code null} when not set */
    public String getDestinationType() {
        return destinationType;
    }

    /** @param destinationType see the description */
    @ConfigProperty(description = "jakarta.jms.Queue, the default and the only type supported: the bean consumes "
            + "a RabbitMQ queue. For a topic, consume a queue bound to the topic's exchange (properties queue, "
            + "declareQueue, exchange, exchangeType=topic, routingKeys).")
    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType;
    }

    /** @return the destination property, or {@code null} when not set */
    public String getDestination() {
        return destination;
    }

    /** @param destination see the description */
    @ConfigProperty(description = "The RabbitMQ queue the bean consumes (the same as the queue property; set one "
            + "of destination, destinationLookup and queue).")
    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** @return the destinationLookup property, or {@code null} when not set */
    public String getDestinationLookup() {
        return destinationLookup;
    }

    /** @param destinationLookup see the description */
    @ConfigProperty(description = "The JNDI name of a RabbitQueue admin object whose queue the bean consumes, "
            + "looked up when the bean is activated.")
    public void setDestinationLookup(String destinationLookup) {
        this.destinationLookup = destinationLookup;
    }

    /** @return the acknowledgeMode property, or {@code null} when not set */
    public String getAcknowledgeMode() {
        return acknowledgeMode;
    }

    /** @param acknowledgeMode see the description */
    @ConfigProperty(description = "Auto-acknowledge or Dups-ok-acknowledge; accepted and ignored: the adapter "
            + "acknowledges a delivery when onMessage returns, or when the bean's transaction commits.")
    public void setAcknowledgeMode(String acknowledgeMode) {
        this.acknowledgeMode = acknowledgeMode;
    }

    /** @return the messageSelector property, or {@code null} when not set */
    public String getMessageSelector() {
        return messageSelector;
    }

    /** @param messageSelector see the description */
    @ConfigProperty(description = "Not supported: a bean with a selector fails its deployment. RabbitMQ routes by "
            + "routing key: bind the queue with the routingKeys property, or filter in onMessage.")
    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    /** @return the trustedPackages property, or {@code null} when not set */
    public String getTrustedPackages() {
        return trustedPackages;
    }

    /** @param trustedPackages see the description */
    @ConfigProperty(description = "Comma-separated packages (with their sub-packages) whose classes an "
            + "ObjectMessage may hold, besides java.lang, java.util, java.time and java.math. Default: none. A "
            + "Java-serialized body (content type application/x-java-serialized-object) of any other class is "
            + "never deserialized: the delivery goes to the dead-letter target at once, with the reason.")
    public void setTrustedPackages(String trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    /** @return the queue: {@code destination}, the queue of {@code destinationLookup}, or {@code queue} */
    @Override
    public String getQueue() {
        return destination != null ? destination : lookedUpQueue != null ? lookedUpQueue : super.getQueue();
    }

    @Override
    public ListenerInvoker<?> listener() {
        return new JmsListener(packages());
    }

    @Override
    public EndpointConfiguration configuration(String where) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        if (destinationType != null && !destinationType.isBlank() && !destinationType.trim().equals(QUEUE_TYPE)) {
            problems.add("activation property 'destinationType' is '" + destinationType + "'; only " + QUEUE_TYPE
                    + " is supported: for a topic, consume a queue bound to the topic's exchange (properties queue, "
                    + "declareQueue, exchange, exchangeType=topic, routingKeys)");
        }
        if (messageSelector != null && !messageSelector.isBlank()) {
            problems.add("activation property 'messageSelector' is set; message selectors are not supported: bind "
                    + "the queue with the routingKeys property, or filter in onMessage");
        }
        long destinations = Arrays.asList(destination, destinationLookup, super.getQueue()).stream()
                .filter(value -> value != null && !value.isBlank()).count();
        if (destinations > 1) {
            problems.add("activation properties 'destination', 'destinationLookup' and 'queue' name the same "
                    + "thing; set one of them");
        } else if (destinationLookup != null && !destinationLookup.isBlank()) {
            lookUp(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(where, problems);
        }
        return super.configuration(where);
    }

    private void lookUp(List<String> problems) {
        try {
            Object found = new InitialContext().lookup(destinationLookup.trim());
            if (found instanceof RabbitQueue queue) {
                lookedUpQueue = queue.getDestinationName();
            } else {
                problems.add("activation property 'destinationLookup' names '" + destinationLookup + "', which is "
                        + found + ", not a queue of rabbitmq-jca (an admin object of class " + RabbitQueue.class
                        .getName() + ")");
            }
        } catch (NamingException missing) {
            problems.add("activation property 'destinationLookup' names '" + destinationLookup + "', which cannot "
                    + "be looked up (" + missing.getMessage() + "); declare the admin object, or set destination "
                    + "to the queue's name");
        }
    }

    private List<String> packages() {
        return trustedPackages == null ? List.of() : Arrays.stream(trustedPackages.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "JmsActivationSpec[queue=" + getQueue() + ", " + describeConnectionProperties() + "]";
    }
}
