// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rabbitjca.api.ChannelOperationRefusedException;
import org.rabbitjca.api.RabbitConnection;
import org.rabbitjca.settings.PoolSettings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The channel view refuses exactly the operations the pool owns, each with its alternative, and passes everything
 * else to the pooled channel; a closed handle refuses everything and closes idempotently. The pooled channel is a
 * {@link PooledChannelFake}, which records what reaches it.
 */
class RestrictedChannelViewTest {

    private final PooledChannelFake pooled = new PooledChannelFake();
    private final List<String> reached = pooled.reached();
    private RabbitConnection handle;

    @BeforeEach
    void openAHandle() throws Exception {
        handle = (RabbitConnection) pooled.managedConnection(PooledChannelFake.pool(true, 5_000)).getConnection(null,
                null);
        reached.clear();
    }

    @Test
    void everyRefusedNameIsARealChannelMethod() {
        Set<String> channelMethods = Arrays.stream(Channel.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());

        assertEquals(Set.of(), RestrictedChannelView.REFUSED.keySet().stream()
                .filter(name -> !channelMethods.contains(name)).collect(Collectors.toSet()));
    }

    @Test
    void eachRefusedOperationSaysWhatToUseAndNeverReachesTheChannel() throws Exception {
        Channel view = handle.channel();
        List<String> allowed = new ArrayList<>();
        for (Method method : Channel.class.getMethods()) {
            if (!RestrictedChannelView.REFUSED.containsKey(method.getName())) {
                continue;
            }
            try {
                method.invoke(view, defaults(method));
                allowed.add(method.getName());
            } catch (InvocationTargetException refused) {
                ChannelOperationRefusedException refusal = assertInstanceOf(ChannelOperationRefusedException.class,
                        refused.getCause(), method.toString());
                assertTrue(refusal.getMessage().startsWith("Channel." + method.getName() + " is not allowed on a "
                        + "pooled rabbitmq-jca channel: " + RestrictedChannelView.REFUSED.get(method.getName())),
                        refusal.getMessage());
            }
        }

        assertAll(() -> assertEquals(List.of(), allowed, "refused names that went through"),
                () -> assertEquals(List.of(), reached, "what reached the pooled channel"));
    }

    @Test
    void everyOtherOperationGoesToThePooledChannel() throws Exception {
        handle.channel().queueDeclarePassive("orders");
        handle.channel().basicQos(10);

        assertEquals(List.of("isOpen", "queueDeclarePassive", "isOpen", "basicQos"), reached);
    }

    @Test
    void aClosedHandleRefusesEverythingAndClosesOnlyOnce() {
        Channel viewBefore = handle.channel();
        handle.close();

        ChannelOperationRefusedException channel = assertThrows(ChannelOperationRefusedException.class,
                handle::channel);
        ChannelOperationRefusedException view = assertThrows(ChannelOperationRefusedException.class,
                () -> viewBefore.queueDeclarePassive("orders"));
        ChannelOperationRefusedException publish = assertThrows(ChannelOperationRefusedException.class,
                () -> handle.publish("", "orders", null, new byte[0]));
        assertAll(() -> assertTrue(channel.getMessage().startsWith("This RabbitConnection is closed")),
                () -> assertTrue(view.getMessage().startsWith("This RabbitConnection is closed")),
                () -> assertTrue(publish.getMessage().startsWith("This RabbitConnection is closed")),
                () -> assertDoesNotThrow(handle::close, "close is idempotent"),
                () -> assertEquals(List.of(), reached, "nothing reached the pooled channel after close"));
    }

    private static Object[] defaults(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(PooledChannelFake::zeroOf).toArray();
    }
}
