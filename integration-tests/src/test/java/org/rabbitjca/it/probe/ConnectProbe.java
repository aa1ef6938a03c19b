// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.probe;

import com.rabbitmq.client.MessageProperties;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.api.PublishTimeoutException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.api.RabbitConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Publishes one confirmed message through a pooled factory (by JNDI name) the way an application does, or sends
 * one through a JMS pool, and answers what happened as {@code key=value} lines: {@code outcome=published}, or the
 * exception's class, message and cause. Not an EJB, so the exceptions arrive unwrapped.
 */
@Path("connect")
@Produces(MediaType.TEXT_PLAIN)
public class ConnectProbe {

    /** Publishes once to {@code queue} through the pool. */
    @POST
    public String publishOnce(@QueryParam("factory") String factory, @QueryParam("queue") String queue)
            throws NamingException {
        RabbitConnectionFactory pool = lookup(factory);
        long start = System.nanoTime();
        try {
            publish(pool, queue);
            return "outcome=published\nmillis=" + millisSince(start) + "\n";
        } catch (RuntimeException failure) {
            return describe(failure) + "millis=" + millisSince(start) + "\n";
        }
    }

    /**
     * Sends one text message through the JMS pool {@code factory}, with the classic API, to {@code queue}, or to
     * {@code topic}.
     */
    @POST
    @Path("jms")
    public String sendOnce(@QueryParam("factory") String factory, @QueryParam("queue") String queue,
                           @QueryParam("topic") String topic) throws NamingException {
        ConnectionFactory pool = (ConnectionFactory) new InitialContext().lookup(factory);
        long start = System.nanoTime();
        try (Connection connection = pool.createConnection()) {
            Session session = connection.createSession();
            Destination destination = topic != null ? session.createTopic(topic) : session.createQueue(queue);
            session.createProducer(destination).send(session.createTextMessage("once"));
            return "outcome=sent\nmillis=" + millisSince(start) + "\n";
        } catch (JMSException failure) {
            return failedWithChain(failure) + "millis=" + millisSince(start) + "\n";
        }
    }

    /** @return {@code outcome=failed}, the exception's class and message, and its cause chain on one line */
    public static String failedWithChain(Throwable failure) {
        return "outcome=failed\nexception=" + failure.getClass().getName() + "\nmessage="
                + oneLine(failure.getMessage()) + "\nchain=" + chain(failure) + "\n";
    }

    /** @return every exception of the chain, outermost first, as {@code Class: message | Class: message} */
    public static String chain(Throwable failure) {
        List<String> links = new ArrayList<>();
        for (Throwable cause = failure; cause != null && links.size() < 10; cause = cause.getCause()) {
            links.add(cause.getClass().getName() + ": " + oneLine(cause.getMessage()));
        }
        return String.join(" | ", links);
    }

    /**
     * Publishes every 20 ms for {@code millis}, as a busy application would while the broker is down, and counts
     * the calls and those that failed at once (the circuit breaker) rather than trying to connect.
     */
    @POST
    @Path("repeatedly")
    public String publishRepeatedly(@QueryParam("factory") String factory, @QueryParam("queue") String queue,
                                    @QueryParam("millis") long millis) throws NamingException, InterruptedException {
        RabbitConnectionFactory pool = lookup(factory);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int calls = 0;
        int failedAtOnce = 0;
        String lastFailFast = "";
        while (System.nanoTime() < deadline) {
            calls++;
            try {
                publish(pool, queue);
            } catch (RuntimeException failure) {
                if (failure.getMessage().contains("Failing at once")) {
                    failedAtOnce++;
                    lastFailFast = failure.getMessage();
                }
            }
            Thread.sleep(20);
        }
        return "calls=" + calls + "\nfailedAtOnce=" + failedAtOnce + "\nfailFastMessage=" + oneLine(lastFailFast)
                + "\n";
    }

    /**
     * Publishes with confirms, one after the other, for {@code millis}, as a steady producer does while a broker
     * node fails, and counts what was confirmed and what failed, and when: {@code confirmed}, {@code failed},
     * {@code firstFailureMillis} and {@code resumedMillis} (the first confirm after the first failure), from the
     * start, -1 when none.
     */
    @POST
    @Path("steadily")
    public String publishSteadily(@QueryParam("factory") String factory, @QueryParam("queue") String queue,
                                  @QueryParam("millis") long millis) throws NamingException, InterruptedException {
        RabbitConnectionFactory pool = lookup(factory);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        int confirmed = 0;
        int failed = 0;
        long firstFailure = -1;
        long resumed = -1;
        String failure = "";
        while (System.nanoTime() < deadline) {
            try {
                publish(pool, queue);
                confirmed++;
                if (firstFailure >= 0 && resumed < 0) {
                    resumed = millisSince(start);
                }
            } catch (RuntimeException refused) {
                failed++;
                if (firstFailure < 0) {
                    firstFailure = millisSince(start);
                    failure = refused.getMessage();
                }
                Thread.sleep(20);
            }
        }
        return "confirmed=" + confirmed + "\nfailed=" + failed + "\nfirstFailureMillis=" + firstFailure
                + "\nresumedMillis=" + resumed + "\nfirstFailure=" + oneLine(failure) + "\n";
    }

    /**
     * Publishes every 100 ms until a publish fails for another reason than a confirm timeout (a frozen network
     * times confirms out before the heartbeat declares the peer dead), at most {@code millis}.
     */
    @POST
    @Path("until-lost")
    public String publishUntilConnectionLost(@QueryParam("factory") String factory,
                                             @QueryParam("queue") String queue, @QueryParam("millis") long millis)
            throws NamingException, InterruptedException {
        RabbitConnectionFactory pool = lookup(factory);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            try {
                publish(pool, queue);
            } catch (PublishTimeoutException stillWaiting) {
                continue;
            } catch (RuntimeException lost) {
                return describe(lost) + "millis=" + millisSince(start) + "\n";
            }
            Thread.sleep(100);
        }
        return "outcome=still-connected\nmillis=" + millisSince(start) + "\n";
    }

    private static void publish(RabbitConnectionFactory factory, String queue) {
        try (RabbitConnection connection = factory.getConnection()) {
            connection.publish("", queue, MessageProperties.PERSISTENT_BASIC,
                    "probe".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static RabbitConnectionFactory lookup(String jndiName) throws NamingException {
        return (RabbitConnectionFactory) new InitialContext().lookup(jndiName);
    }

    private static String describe(RuntimeException failure) {
        Throwable cause = failure.getCause();
        String causeText = cause == null ? "" : cause.getClass().getName() + ": " + oneLine(cause.getMessage());
        return "outcome=failed\nexception=" + failure.getClass().getName() + "\nmessage="
                + oneLine(failure.getMessage()) + "\ncause=" + causeText + "\n";
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
