// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testserver.payara;

import java.util.regex.Pattern;

/**
 * What Payara and GlassFish, one code base, write the same way in their logs: a deployment, an endpoint the
 * container refused the adapter, a transaction rolled back at an undeploy.
 */
public final class GlassfishLog {

    private GlassfishLog() {
    }

    /** @return how many times the log reports the application deployed (a failed deployment reports nothing) */
    public static int deployments(String log, String application) {
        return (int) Pattern.compile("(?<![\\w.-])" + Pattern.quote(application) + " was successfully deployed")
                .matcher(log).results().count();
    }

    /** @return how many times the container refused the adapter an endpoint instance: RAR7004 */
    public static long endpointRefusals(String log) {
        return log.lines().filter(line -> line.contains("RAR7004")).count();
    }

    /** @return whether the container rolled back a transaction under way at an undeploy */
    public static boolean rolledBackTransactionsAtUndeploy(String log) {
        return log.contains("Marking Tx for rollback");
    }
}
