// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Joins texts from different sources (the adapter's, the broker's, the JDK's) into readable messages. */
public final class Sentences {

    /** Always hours, minutes, seconds and milliseconds: {@code LocalTime.toString} drops zero seconds. */
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Sentences() {
    }

    /**
     * @param text a sentence that may or may not end with a full stop (or another closing mark)
     * @return the text ending with exactly one, so that another sentence can follow it
     */
    public static String end(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!") ? trimmed : trimmed + ".";
    }

    /**
     * @param instant when something happened or will
     * @return its time of day on the server's clock, to the millisecond, e.g. {@code 14:03:07.250}, as messages
     *         say since when or until when; the date is left out, outages and alarms being short
     */
    public static String clock(Instant instant) {
        return CLOCK.format(LocalTime.ofInstant(instant, ZoneId.systemDefault()));
    }
}
