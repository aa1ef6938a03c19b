// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabbitjca.it.beans.CountingListener;
import org.rabbitjca.it.beans.PoisonListener;
import org.rabbitjca.it.support.BrokerClient;
import org.rabbitjca.it.support.ClassBroker;
import org.rabbitjca.it.support.DeployedProbes;
import org.rabbitjca.it.support.ProbeServerExtension;
import org.rabbitjca.it.support.ServerWithOwnNode;
import org.rabbitjca.testbroker.Poll;
import org.rabbitjca.testbroker.RabbitNode;
import org.rabbitjca.testserver.Http;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees at Payara Micro's {@code /health/ready} and {@code /metrics} with the
 * {@code rabbitmq-jca-microprofile} jar in the application: an entry per pool and bean, DOWN with the reason while
 * the broker is killed (three rounds, each followed by UP and the same entries, none doubled), BLOCKED while a
 * memory alarm holds publishers, nothing about the broker in liveness; and counts equal to what the test did.
 */
@ServerWithOwnNode
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthAndMetricsIT extends DeployedProbes {

    private static final String POOL = "pool it-probe";
    private static final String BEAN = "bean " + CountingListener.class.getName();
    private static final String POOL_TAG = "pool=\"it-probe\"";
    private static final String POISON_TAG = "bean=\"" + PoisonListener.class.getName() + "\"";
    private static final String QUEUE = "it.health";
    private static final int ROUNDS = 3;
    private static final int BEANS = 7; // the standard probe war's

    @Test
    @Order(1)
    void readinessHasAnEntryPerPoolAndBeanAndLivenessNothingOfTheBroker() throws Exception {
        publishOnce();
        Http.Page ready = Http.page(base, "/health/ready");
        Http.Page live = Http.page(base, "/health/live");

        assertAll(() -> assertEquals(200, ready.status(), ready.body()),
                () -> assertEquals("UP", entry(ready.body(), POOL), ready.body()),
                () -> assertEquals("UP", entry(ready.body(), BEAN), ready.body()),
                () -> assertEquals(BEANS, count(ready.body(), "\"bean "), ready.body()),
                () -> assertFalse(live.body().contains("rabbitmq-jca"), live.body()));
    }

    @Test
    @Order(2)
    void theCountsAreWhatWasPublishedAndDelivered() throws Exception {
        BrokerClient.declareEmpty(ClassBroker.current(), QUEUE, Map.of());
        String metrics = metrics();
        long published = value(metrics, "rabbitjca_pool_published", POOL_TAG);
        long confirmed = value(metrics, "rabbitjca_pool_confirmed", POOL_TAG);
        long delivered = value(metrics, "rabbitjca_bean_delivered", POISON_TAG);
        long acknowledged = value(metrics, "rabbitjca_bean_acknowledged", POISON_TAG);
        long retried = value(metrics, "rabbitjca_bean_retried", POISON_TAG);
        long deadLettered = value(metrics, "rabbitjca_bean_dead_lettered", POISON_TAG);

        Map<String, String> answer = post("api/probe/publish-concurrently?queue=" + QUEUE
                + "&threads=10&perThread=100");
        assertEquals("1000", answer.get("confirmed"), answer.toString());
        // 8 good messages (one try each) and 2 poison ones (3 tries each, then the dead-letter queue)
        BrokerClient.publish(ClassBroker.current(), PoisonListener.QUEUE, "hm", 10,
                i -> i < 2 ? Map.of(PoisonListener.POISON, true) : null);
        String after = Poll.until(Duration.ofSeconds(60), HealthAndMetricsIT::metrics,
                page -> value(page, "rabbitjca_bean_dead_lettered", POISON_TAG) == deadLettered + 2
                        && value(page, "rabbitjca_bean_acknowledged", POISON_TAG) == acknowledged + 8);

        assertAll(() -> assertEquals(published + 1000, value(after, "rabbitjca_pool_published", POOL_TAG)),
                () -> assertEquals(confirmed + 1000, value(after, "rabbitjca_pool_confirmed", POOL_TAG)),
                () -> assertEquals(1000, ClassBroker.current().queueMessageCount(QUEUE)),
                () -> assertEquals(delivered + 8 + 2 * 3, value(after, "rabbitjca_bean_delivered", POISON_TAG)),
                () -> assertEquals(acknowledged + 8, value(after, "rabbitjca_bean_acknowledged", POISON_TAG)),
                () -> assertEquals(retried + 2 * 2, value(after, "rabbitjca_bean_retried", POISON_TAG)),
                () -> assertEquals(deadLettered + 2, value(after, "rabbitjca_bean_dead_lettered", POISON_TAG)),
                () -> assertTrue(after.contains("rabbitjca_pool_confirm_wait_seconds{"), "the confirm wait in seconds"),
                () -> assertTrue(value(after, "rabbitjca_pool_channels_open", POOL_TAG) >= 1, "channels open"));
    }

    @Test
    @Order(3)
    void aKilledBrokerIsDownWithItsReasonUntilItIsBackEachTime() throws Exception {
        RabbitNode node = ClassBroker.current();
        for (int round = 1; round <= ROUNDS; round++) {
            publishOnce();
            node.kill9();
            Http.Page down = Poll.until(Duration.ofSeconds(30), () -> Http.page(base, "/health/ready"),
                    page -> page.status() == 503 && entry(page.body(), POOL).startsWith("DOWN")
                            && entry(page.body(), BEAN).startsWith("DOWN"));
            node.restart();
            Http.Page up = Poll.until(Duration.ofSeconds(60), () -> Http.page(base, "/health/ready"),
                    page -> page.status() == 200);
            String metrics = metrics();
            int finished = round;
            assertAll("round " + round,
                    () -> assertEquals(503, down.status(), down.body()),
                    () -> assertTrue(entry(down.body(), POOL).matches("DOWN since \\S+: the connection was lost: "
                            + ".+\\. Next attempt at \\S+\\."), down.body()),
                    () -> assertTrue(entry(down.body(), BEAN).matches("DOWN since \\S+: not consuming queue '"
                            + CountingListener.QUEUE + "': .+"), down.body()),
                    () -> assertEquals(200, up.status(), up.body()),
                    () -> assertEquals("UP", entry(up.body(), POOL), up.body()),
                    () -> assertEquals(1, count(up.body(), "\"pool "), "one entry per pool: " + up.body()),
                    () -> assertEquals(BEANS, count(up.body(), "\"bean "), "one entry per bean: " + up.body()),
                    () -> assertEquals(finished, value(metrics, "rabbitjca_bean_restarts",
                            "bean=\"" + CountingListener.class.getName() + "\"")),
                    () -> assertEquals(finished, value(metrics, "rabbitjca_pool_connection_recoveries", POOL_TAG)));
        }
    }

    @Test
    @Order(4)
    void aMemoryAlarmShowsThePoolBlockedWithTheBrokersReasonUntilItClears() throws Exception {
        RabbitNode node = ClassBroker.current();
        publishOnce();
        node.rabbitmqctl("set_vm_memory_high_watermark", "0");
        Http.Page blocked;
        try {
            blocked = Poll.until(Duration.ofSeconds(60), () -> {
                publishOnce(); // the broker blocks a connection when it publishes
                return Http.page(base, "/health/ready");
            }, page -> entry(page.body(), POOL).startsWith("BLOCKED"));
        } finally {
            node.rabbitmqctl("set_vm_memory_high_watermark", "0.4");
        }
        Http.Page up = Poll.until(Duration.ofSeconds(30), () -> Http.page(base, "/health/ready"),
                page -> page.status() == 200);
        String metrics = metrics();

        assertAll(() -> assertEquals(503, blocked.status(), blocked.body()),
                () -> assertTrue(entry(blocked.body(), POOL).matches("BLOCKED since \\S+: the broker blocks "
                        + "publishing: low on memory \\(a memory or disk alarm\\)\\."), blocked.body()),
                () -> assertEquals("UP", entry(blocked.body(), BEAN), "a consumer is not blocked: " + blocked.body()),
                () -> assertEquals("UP", entry(up.body(), POOL), up.body()),
                () -> assertTrue(metrics.matches("(?s).*rabbitjca_pool_blocked_time_seconds\\{[^}]*" + POOL_TAG
                        + "[^}]*} [0-9.]*[1-9].*"), "blocked time above zero"));
    }

    private void publishOnce() throws Exception {
        post("api/probe/publish-concurrently?queue=" + QUEUE + "&threads=1&perThread=1");
    }

    private Map<String, String> post(String pathAndQuery) throws Exception {
        return Http.post(base, pathAndQuery, Duration.ofMinutes(2));
    }

    private static String metrics() throws Exception {
        Http.Page page = Http.page(ProbeServerExtension.current().base(), "/metrics");
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    /** @return the readiness check's data entry for a pool or bean, or "" when there is none */
    private static String entry(String health, String key) {
        Matcher found = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(health);
        return found.find() ? found.group(1) : "";
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** @return the value of a Prometheus sample whose labels include {@code label} */
    private static long value(String metrics, String name, String label) {
        Matcher found = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (found.find()) {
            if (found.group(1).contains(label)) {
                return (long) Double.parseDouble(found.group(2));
            }
        }
        throw new AssertionError("no " + name + " with " + label + " in /metrics");
    }
}
