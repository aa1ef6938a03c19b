// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.util.concurrent.TimeUnit;

/**
 * What Payara's transaction log holds in the server's heap: its file handles, which payara/Payara#7849 keeps after
 * logged (two-phase) transactions, counted from jcmd's class histogram.
 */
final class TransactionLog {

    /** The class of Payara's transaction-log handles. */
    static final String HANDLE_CLASS = "com.sun.jts.CosTransactions.LogFileHandle";

    private TransactionLog() {
    }

    /** @return live transaction-log handles in the server's heap (0 when the class is absent) */
    static long handles(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true)
                .start();
        String histogram = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(1, TimeUnit.MINUTES);
        return histogram.lines().filter(line -> line.trim().endsWith(" " + HANDLE_CLASS))
                .mapToLong(line -> Long.parseLong(line.trim().split("\\s+")[1])).sum();
    }
}
