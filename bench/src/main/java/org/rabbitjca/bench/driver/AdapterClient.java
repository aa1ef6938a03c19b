// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import org.rabbitjca.bench.app.ConsumingListener;
import org.rabbitjca.testserver.Http;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * Drives the benchmark war in Payara Micro: the load runs inside the server, through EJBs and the pooled factory,
 * and the server answers what it achieved.
 */
final class AdapterClient {

    private final URL base;
    private final RawClient filler;

    AdapterClient(URL base, RawClient filler) {
        this.base = base;
        this.filler = filler;
    }

    /**
     * @return what {@code callers} threads publishing one message per call achieved (messages/s, errors, p50/p99 µs)
     */
    Map<String, String> publish(String queue, int callers, long millis, boolean confirmed) throws Exception {
        return Http.post(base, "api/bench/publish?queue=" + queue + "&threads=" + callers + "&millis=" + millis
                + "&confirmed=" + confirmed, Duration.ofMillis(millis).plusMinutes(5));
    }

    /** @return what {@code callers} callers sending through the JMS face, a context per call, achieved */
    Map<String, String> sendJms(String queue, int callers, long millis) throws Exception {
        return Http.post(base, "api/bench/send-jms?queue=" + queue + "&threads=" + callers + "&millis=" + millis,
                Duration.ofMillis(millis).plusMinutes(5));
    }

    /**
     * @param mode {@code none}, {@code transaction} or {@code xa} ({@link org.rabbitjca.bench.app.BenchOrders})
     * @return what {@code callers} callers placing orders achieved; {@code messages} counts orders
     */
    Map<String, String> orders(String queue, int callers, long millis, String mode) throws Exception {
        return Http.post(base, "api/bench/orders?queue=" + queue + "&threads=" + callers + "&millis=" + millis
                + "&mode=" + mode, Duration.ofMillis(millis).plusMinutes(5));
    }

    /** @return what one caller publishing with publishAsync achieved */
    Map<String, String> publishAsync(String queue, long millis) throws Exception {
        return Http.post(base, "api/bench/publish-async?queue=" + queue + "&millis=" + millis,
                Duration.ofMillis(millis).plusMinutes(5));
    }

    /**
     * Fills the listener's queue from outside and waits until the listener consumed it all.
     *
     * @param listenerQueue the queue of {@link ConsumingListener} or its transacted twin
     * @return the listener's rate from its first to its last message, messages/s
     */
    double consume(String listenerQueue, int messages) throws Exception {
        Http.post(base, "api/bench/consumed/reset", Duration.ofSeconds(30));
        filler.fill(listenerQueue, messages);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, String> consumed = Http.get(base, "api/bench/consumed?listener=" + listenerQueue);
        while (Long.parseLong(consumed.get("messages")) < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(listenerQueue + " consumed only " + consumed + " of " + messages);
            }
            Thread.sleep(100);
            consumed = Http.get(base, "api/bench/consumed?listener=" + listenerQueue);
        }
        return messages / (Double.parseDouble(consumed.get("millis")) / 1000);
    }

    /** @return the server's heap in use after a full collection, bytes */
    long heapAfterGc() throws Exception {
        return Long.parseLong(Http.get(base, "api/pool/heap").get("heap"));
    }

    /** Makes the idle pool open {@code channels} channels at once and take them all back. */
    void fillIdlePool(int channels) throws Exception {
        Http.post(base, "api/pool/fill?count=" + channels, Duration.ofMinutes(2));
    }

    /** @return messages per second of a publish answer */
    static double rate(Map<String, String> answer) {
        return Long.parseLong(answer.get("messages")) / (Double.parseDouble(answer.get("millis")) / 1000);
    }
}
