// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} (version 00): which trace a message belongs to and which operation sent
 * it. The adapter puts one in the {@value #HEADER} header of every message it publishes, unless the application
 * set one, and reads it back on delivery ({@link RabbitMessage#traceId()}).
 *
 * @param traceId the trace, 32 lower-case hex digits, not all zero
 * @param parentId the operation that sent the message, 16 lower-case hex digits, not all zero
 * @param flags the trace flags, 2 hex digits; {@code 01} means sampled
 */
public record TraceParent(String traceId, String parentId, String flags) {

    /** The message header that carries it, as OpenTelemetry's instrumentation of amqp-client writes it. */
    public static final String HEADER = "traceparent";
    /** The message header that carries the vendors' trace state, kept when present. */
    public static final String STATE_HEADER = "tracestate";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** @throws IllegalArgumentException when a part is not what W3C trace context allows */
    public TraceParent {
        if (!FORMAT.matcher("00-" + traceId + "-" + parentId + "-" + flags).matches()
                || traceId.chars().allMatch(c -> c == '0') || parentId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("Not a W3C traceparent: 00-" + traceId + "-" + parentId + "-" + flags);
        }
    }

    /**
     * @param header a header's value (a String, or amqp-client's LongString), or {@code null}
     * @return the trace context it holds; empty when it holds none a W3C parser accepts
     */
    public static Optional<TraceParent> parse(Object header) {
        if (header == null) {
            return Optional.empty();
        }
        var parts = FORMAT.matcher(header.toString().strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceParent(parts.group(1), parts.group(2), parts.group(3)));
        } catch (IllegalArgumentException allZero) {
            return Optional.empty();
        }
    }

    /** @return a new trace, sampled, so that a consumer that records traces records its side */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16), randomHex(8), "01");
    }

    /** @return the same trace and flags, sent by a new operation whose parent this is */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8), flags);
    }

    /** @return the header's value, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01} */
    public String header() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (isZero(random));
        return HEX.formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
