// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import org.rabbitjca.api.ChannelOperationRefusedException;
import org.rabbitjca.broker.Causes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The {@link Channel} an application sees through {@code RabbitConnection.channel()}: every call goes to the pooled
 * channel behind the handle, except the operations the pool owns, which are refused with the alternative to use.
 * A dynamic proxy, because {@code Channel} has well over a hundred methods and only the refused ones differ.
 */
final class RestrictedChannelView {

    private static final String CONSUME = "consumers on a pooled channel would outlive your use of it; consume with "
            + "a message-driven bean implementing RabbitMessageListener, or poll with basicGet";
    private static final String LISTENER = "listeners on a pooled channel would outlive your use of it and reach the "
            + "next user; publish() reports returns and confirms as exceptions";
    private static final String TX = "channel transactions would stay on the pooled channel for its whole life; "
            + "use publisher confirms (publisherConfirms=true on the pool) for safe publishing";

    /** Refused methods, by name, with the reason and what to use instead (package-private for its test). */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("close", "the pool owns the channel; close the RabbitConnection handle instead"),
            Map.entry("abort", "the pool owns the channel; close the RabbitConnection handle instead"),
            Map.entry("getConnection", "the physical connection is shared by the whole pool"),
            Map.entry("confirmSelect", "publisher confirms are a pool setting: set publisherConfirms=true on the "
                    + "connection pool"),
            Map.entry("waitForConfirms", "publish() already waits for its confirm; publishAsync() returns a future"),
            Map.entry("waitForConfirmsOrDie",
                    "publish() already waits for its confirm; publishAsync() returns a future"),
            Map.entry("txSelect", TX),
            Map.entry("txCommit", TX),
            Map.entry("txRollback", TX),
            Map.entry("basicConsume", CONSUME),
            Map.entry("basicCancel", CONSUME),
            Map.entry("setDefaultConsumer", CONSUME),
            Map.entry("basicPublish", "use RabbitConnection.publish() or publishAsync(), which track confirms and "
                    + "returns"),
            Map.entry("addShutdownListener", LISTENER),
            Map.entry("removeShutdownListener", LISTENER),
            Map.entry("addReturnListener", LISTENER),
            Map.entry("removeReturnListener", LISTENER),
            Map.entry("clearReturnListeners", LISTENER),
            Map.entry("addConfirmListener", LISTENER),
            Map.entry("removeConfirmListener", LISTENER),
            Map.entry("clearConfirmListeners", LISTENER),
            Map.entry("notifyListeners", LISTENER),
            Map.entry("rpc", "raw protocol methods could close or re-mode the pooled channel"),
            Map.entry("asyncRpc", "raw protocol methods could close or re-mode the pooled channel"),
            Map.entry("asyncCompletableRpc", "raw protocol methods could close or re-mode the pooled channel"));

    private RestrictedChannelView() {
    }

    static Channel of(ChannelHandle handle) {
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> invoke(handle, proxy, method, args));
    }

    private static Object invoke(ChannelHandle handle, Object proxy, Method method, Object[] args) throws Throwable {
        if (ProxyIdentity.isObjectMethod(method)) {
            return ProxyIdentity.answer(proxy, method, args, () -> "restricted view of " + handle);
        }
        String refusal = REFUSED.get(method.getName());
        if (refusal != null) {
            throw new ChannelOperationRefusedException("Channel." + method.getName() + " is not allowed on a pooled "
                    + "rabbitmq-jca channel: " + refusal + ".");
        }
        RabbitManagedConnection managed = handle.managed();
        try {
            return method.invoke(managed.channel(), args);
        } catch (InvocationTargetException failure) {
            // A channel error arrives as an IOException wrapping the shutdown signal; give the broker's reason.
            Throwable cause = failure.getCause();
            ShutdownSignalException signal = Causes.find(cause, ShutdownSignalException.class);
            throw signal == null ? cause : ChannelCloseReasons.toException(managed.description(), signal);
        }
    }
}
