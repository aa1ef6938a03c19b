// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.rabbitjca.outbound.ProxyIdentity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wraps rabbitmq-jms's sessions, contexts, producers and consumers so that the methods Jakarta Messaging forbids
 * inside a Jakarta EE web or EJB container are refused with the reason and what to do instead: rabbitmq-jms would
 * run listeners and asynchronous sends on threads of its own, outside the container's transactions and security.
 * Dynamic proxies, because those interfaces have a hundred methods and only a few differ; every object they return
 * that is itself a session, producer or consumer is wrapped too. {@code createQueue(name)} and
 * {@code createTopic(name)} give the adapter's {@link RabbitQueue} and {@link RabbitTopic}.
 */
final class ContainerRestrictions {

    static final String LISTENER = "listeners run on threads the container does not manage; receive with a "
            + "message-driven bean (implements jakarta.jms.MessageListener) on the rabbitmq-jca adapter";
    static final String CLIENT_ID = "a pooled connection is shared over time by many components; a durable "
            + "subscription belongs on a message-driven bean's activation config";
    static final String CONSUME = "the container feeds message-driven beans itself; use a message-driven bean on "
            + "the rabbitmq-jca adapter";
    private static final String TEMPORARY = "a temporary destination is an exclusive queue of the pool's shared "
            + "AMQP connection and would outlive this JMS connection; reply to a named queue (setJMSReplyTo)";
    private static final String ASYNC = "send() already returns once the broker confirmed the message; inside a "
            + "JTA transaction it is sent at commit";

    /** Forbidden methods, by interface simple name and method name, with the reason. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("Session.setMessageListener", LISTENER),
            Map.entry("Session.getMessageListener", LISTENER),
            Map.entry("Session.run", LISTENER),
            Map.entry("MessageConsumer.setMessageListener", LISTENER),
            Map.entry("MessageConsumer.getMessageListener", LISTENER),
            Map.entry("JMSConsumer.setMessageListener", LISTENER),
            Map.entry("JMSConsumer.getMessageListener", LISTENER),
            Map.entry("JMSContext.setExceptionListener", LISTENER),
            Map.entry("JMSContext.getExceptionListener", LISTENER),
            Map.entry("JMSContext.setClientID", CLIENT_ID),
            Map.entry("JMSContext.stop", "close the context instead"),
            Map.entry("JMSContext.createContext", "inject or create a second JMSContext from the ConnectionFactory"),
            Map.entry("Session.createTemporaryQueue", TEMPORARY),
            Map.entry("Session.createTemporaryTopic", TEMPORARY),
            Map.entry("JMSContext.createTemporaryQueue", TEMPORARY),
            Map.entry("JMSContext.createTemporaryTopic", TEMPORARY));

    /** The wrapped interfaces, most specific first; a proxy implements those of them its target implements. */
    private static final List<Class<?>> WRAPPED = List.of(QueueSession.class, TopicSession.class, Session.class,
            QueueSender.class, TopicPublisher.class, MessageProducer.class, QueueReceiver.class,
            TopicSubscriber.class, MessageConsumer.class, JMSContext.class, JMSProducer.class, JMSConsumer.class);

    private ContainerRestrictions() {
    }

    static Session session(Session session) {
        return (Session) wrap(session);
    }

    static JMSContext context(JMSContext context) {
        return (JMSContext) wrap(context);
    }

    /** @return the refusal of a forbidden method, as a checked JMS exception */
    static IllegalStateException refused(String method, String reason) {
        return new IllegalStateException(message(method, reason));
    }

    private static String message(String method, String reason) {
        return method + " is not allowed inside a Jakarta EE container (Jakarta Messaging forbids it in web and EJB "
                + "components): " + reason + ".";
    }

    private static Object wrap(Object target) {
        Class<?>[] interfaces = WRAPPED.stream().filter(type -> type.isInstance(target)).toArray(Class<?>[]::new);
        if (interfaces.length == 0) {
            return target;
        }
        return Proxy.newProxyInstance(ContainerRestrictions.class.getClassLoader(), interfaces,
                (proxy, method, args) -> invoke(target, proxy, method, args));
    }

    private static Object invoke(Object target, Object proxy, Method method, Object[] args) throws Throwable {
        if (ProxyIdentity.isObjectMethod(method)) {
            return ProxyIdentity.answer(proxy, method, args, target::toString);
        }
        String refusal = refusal(method, args);
        if (refusal != null) {
            String name = simpleName(method) + "." + method.getName();
            throw Arrays.asList(method.getExceptionTypes()).contains(JMSException.class)
                    ? refused(name, refusal) : new IllegalStateRuntimeException(message(name, refusal));
        }
        Object result;
        try {
            result = isDestinationByName(method) ? destination(method.getName(), (String) args[0])
                    : method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
        return result == target ? proxy : wrap(result);
    }

    /** @return whether it is {@code createQueue(name)} or {@code createTopic(name)} of a session or context */
    private static boolean isDestinationByName(Method method) {
        return (method.getName().equals("createQueue") || method.getName().equals("createTopic"))
                && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class;
    }

    /**
     * rabbitmq-jms would make a destination of its own JMS format (Java-serialized bodies on exchanges of its own);
     * a name given to the adapter's face means the RabbitMQ queue, or routing key on {@code amq.topic}, instead.
     */
    private static Object destination(String method, String name) {
        return method.equals("createQueue") ? RabbitQueue.named(name) : RabbitTopic.named(name);
    }

    private static String refusal(Method method, Object[] args) {
        String refusal = REFUSED.get(simpleName(method) + "." + method.getName());
        if (refusal != null) {
            return refusal;
        }
        boolean asynchronous = args != null && Arrays.stream(args).anyMatch(CompletionListener.class::isInstance);
        return asynchronous && (method.getName().equals("send") || method.getName().equals("setAsync"))
                ? "an asynchronous send completes on a thread the container does not manage; " + ASYNC : null;
    }

    /** @return the name of the forbidden method's interface as the specification lists it, e.g. {@code Session} */
    private static String simpleName(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        return Session.class.isAssignableFrom(declaring) ? "Session"
                : MessageConsumer.class.isAssignableFrom(declaring) ? "MessageConsumer"
                : declaring.getSimpleName();
    }
}
