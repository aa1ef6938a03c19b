// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it.jms;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rabbitjca.it.probe.ConnectProbe;
import org.rabbitjca.it.transactional.Ending;

import javax.naming.InitialContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Sends through the adapter's JMS face and answers {@code key=value} lines: counts of confirmed and failed sends,
 * the exception a failed send gave with its cause chain, and the refusals of what the container rules forbid.
 */
@Path("jms")
@Produces(MediaType.TEXT_PLAIN)
@ConnectionFactoryDefinition(name = JmsProbe.ANNOTATED_POOL, interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = "rabbitmq-jca", maxPoolSize = 4, properties = "connectionName=it-jms-annotated")
// transactional = false: Payara refuses an XA pool of an adapter that declares NoTransaction (RAR7092); the sends
// follow the JTA transaction all the same, as a synchronization.
@JMSConnectionFactoryDefinition(name = JmsProbe.JMS_ANNOTATED_POOL, resourceAdapter = "rabbitmq-jca",
        transactional = false, maxPoolSize = 4, properties = "connectionName=it-jms-jms-annotated")
public class JmsProbe {

    /** A JMS pool declared by {@code @ConnectionFactoryDefinition}. */
    public static final String ANNOTATED_POOL = "java:app/jms/annotated";
    /** A JMS pool declared by {@code @JMSConnectionFactoryDefinition}. */
    public static final String JMS_ANNOTATED_POOL = "java:app/jms/jms-annotated";
    /** A JMS pool the server's administrator declares (asadmin). */
    public static final String SERVER_POOL = "jms/server-pool";

    /** The JMS pool the probe sends through unless told otherwise. */
    public static final String POOL = "java:app/jms/probe";
    /** The admin-object queue. */
    public static final String ADMIN_QUEUE = "java:app/jms/admin-queue";
    /** The RabbitMQ queue behind {@link #ADMIN_QUEUE}. */
    public static final String ADMIN_QUEUE_NAME = "it.jms.admin";
    /** The admin-object queue a bean finds by {@code destinationLookup}. */
    public static final String LOOKUP_QUEUE = "java:app/jms/lookup-queue";
    /** The RabbitMQ queue behind {@link #LOOKUP_QUEUE}. */
    public static final String LOOKUP_QUEUE_NAME = "it.jms.lookup";

    @Resource(lookup = POOL)
    private ConnectionFactory factory;

    @Inject
    @JMSConnectionFactory(POOL)
    private JMSContext injected;

    @Resource(lookup = ADMIN_QUEUE)
    private Queue adminQueue;

    @EJB
    private JmsSender sender;

    @EJB
    private JmsDeliveries deliveries;

    @Resource
    private ManagedExecutorService executor;

    /** Sends {@code threads} × {@code perThread} text messages {@code t<thread>-<i>}, a context per thread. */
    @POST
    @Path("send-concurrently")
    public String sendConcurrently(@QueryParam("queue") String queue, @QueryParam("threads") int threads,
                                   @QueryParam("perThread") int perThread) throws Exception {
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("none");
        List<Future<?>> senders = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int t = thread;
            senders.add(executor.submit(() -> {
                try (JMSContext jms = factory.createContext()) {
                    Queue destination = jms.createQueue(queue);
                    for (int i = 0; i < perThread; i++) {
                        try {
                            jms.createProducer().send(destination, "t" + t + "-" + i);
                            confirmed.incrementAndGet();
                        } catch (RuntimeException failure) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet("none", failure.toString());
                        }
                    }
                }
            }));
        }
        for (Future<?> each : senders) {
            each.get(5, TimeUnit.MINUTES);
        }
        return "confirmed=" + confirmed + "\nfailed=" + failed + "\nfirstFailure=" + firstFailure + "\n";
    }

    /**
     * Opens and closes contexts and connections (each with a session closed and a second one) without sending: each
     * must give its channel back.
     */
    @POST
    @Path("open-and-close")
    public String openAndClose(@QueryParam("times") int times) throws Exception {
        for (int i = 0; i < times; i++) {
            factory.createContext().close();
            try (Connection connection = factory.createConnection()) {
                connection.createSession().close();
                connection.createSession(); // a closed session makes room for the next one
            }
        }
        return "done=" + times + "\n";
    }

    /** Sends one text message with every header and property an application sets, and one bytes message. */
    @POST
    @Path("send-headers")
    public String sendHeaders(@QueryParam("queue") String queue) throws Exception {
        Queue destination = injected.createQueue(queue);
        TextMessage text = injected.createTextMessage("héllo");
        text.setJMSCorrelationID("corr-1");
        text.setJMSType("order.created");
        text.setStringProperty("region", "eu");
        text.setIntProperty("lines", 42);
        text.setBooleanProperty("urgent", true);
        injected.createProducer().setPriority(7).setTimeToLive(600_000).setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(destination, text);
        BytesMessage bytes = injected.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        injected.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(destination, bytes);
        return "textMessageId=" + text.getJMSMessageID() + "\ntimestamp=" + text.getJMSTimestamp() + "\n";
    }

    /** Sends one message to the admin-object queue with the classic API. */
    @POST
    @Path("send-admin-queue")
    public String sendAdminQueue(@QueryParam("body") String body) throws Exception {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(adminQueue).send(session.createTextMessage(body));
        }
        return "queue=" + adminQueue.getQueueName() + "\n";
    }

    /** Sends one message to the admin-object queue through the factory seen as a QueueConnectionFactory. */
    @POST
    @Path("send-queue-api")
    public String sendQueueApi(@QueryParam("body") String body) throws Exception {
        try (QueueConnection connection = ((QueueConnectionFactory) factory).createQueueConnection()) {
            QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createSender(adminQueue).send(session.createTextMessage(body));
        }
        return "queue=" + adminQueue.getQueueName() + "\n";
    }

    /** Sends {@code count} messages inside a container transaction that ends as asked. */
    @POST
    @Path("send-in-transaction")
    public String sendInTransaction(@QueryParam("factory") @DefaultValue(POOL) String pool,
                                    @QueryParam("queue") String queue, @QueryParam("count") int count,
                                    @QueryParam("prefix") String prefix, @QueryParam("ending") Ending ending) {
        try {
            sender.send(pool, queue, count, prefix, ending);
            return "outcome=returned\n";
        } catch (Exception failure) {
            return ConnectProbe.failedWithChain(failure);
        }
    }

    /** @return {@code count}, then each recorded message of that id as {@code <i>.<field>=<value>} */
    @GET
    @Path("received")
    public String received(@QueryParam("queue") String queue, @QueryParam("messageId") String messageId) {
        List<Map<String, String>> messages = deliveries.of(queue, messageId);
        StringBuilder answer = new StringBuilder("count=" + messages.size() + "\n");
        for (int i = 0; i < messages.size(); i++) {
            for (Map.Entry<String, String> field : messages.get(i).entrySet()) {
                answer.append(i).append('.').append(field.getKey()).append('=')
                        .append(field.getValue().replace('\n', ' ')).append('\n');
            }
        }
        return answer.toString();
    }

    /** Calls every method the container rules forbid and answers what each threw. */
    @POST
    @Path("refusals")
    public String refusals(@QueryParam("queue") String queue) throws Exception {
        Map<String, String> refusals = new LinkedHashMap<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        try (Connection connection = factory.createConnection()) {
            refuse(refusals, "Connection.setClientID", () -> connection.setClientID("mine"));
            refuse(refusals, "Connection.setExceptionListener", () -> connection.setExceptionListener(e -> { }));
            refuse(refusals, "Connection.stop", connection::stop);
            refuse(refusals, "Connection.createConnectionConsumer",
                    () -> connection.createConnectionConsumer(adminQueue, null, null, 1));
            Session session = connection.createSession();
            refuse(refusals, "Connection.secondSession", connection::createSession);
            refuse(refusals, "Session.setMessageListener", () -> session.setMessageListener(message -> { }));
            refuse(refusals, "Session.createTemporaryQueue", session::createTemporaryQueue);
            Queue destination = session.createQueue(queue);
            refuse(refusals, "MessageConsumer.setMessageListener",
                    () -> session.createConsumer(destination).setMessageListener(message -> { }));
            MessageProducer producer = session.createProducer(destination);
            refuse(refusals, "MessageProducer.asyncSend",
                    () -> producer.send(session.createTextMessage("async"), listener));
        }
        try (JMSContext jms = factory.createContext()) {
            refuse(refusals, "JMSContext.setClientID", () -> jms.setClientID("mine"));
            refuse(refusals, "JMSContext.createContext", () -> jms.createContext(JMSContext.AUTO_ACKNOWLEDGE));
            refuse(refusals, "JMSContext.stop", jms::stop);
            refuse(refusals, "JMSContext.createTemporaryQueue", jms::createTemporaryQueue);
            refuse(refusals, "JMSConsumer.setMessageListener",
                    () -> jms.createConsumer(jms.createQueue(queue)).setMessageListener(message -> { }));
            refuse(refusals, "JMSProducer.setAsync", () -> jms.createProducer().setAsync(listener));
        }
        refuse(refusals, "ConnectionFactory.credentials", () -> factory.createContext("guest", "guest"));
        return refusals.entrySet().stream().map(entry -> "refused." + entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void refuse(Map<String, String> refusals, String name, Call call) {
        try {
            call.run();
            refusals.put(name, "ALLOWED");
        } catch (Exception refused) {
            refusals.put(name, refused.getClass().getSimpleName() + ": " + refused.getMessage());
        }
    }
}
