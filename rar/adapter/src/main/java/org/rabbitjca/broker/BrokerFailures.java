// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.AMQP;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.settings.ConnectionSettings;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Translates a failure to open a connection into a {@link BrokerUnavailableException} whose message says which of
 * the distinct causes it is (unreachable, DNS, timeout, login refused, virtual host, TLS) and what to check. The
 * message names the addresses, user and virtual host, never the password.
 */
public final class BrokerFailures {

    private BrokerFailures() {
    }

    /**
     * @param settings the settings the connection was opened with
     * @param failure what amqp-client threw
     * @return the exception to throw to applications, with {@code failure} as cause
     */
    public static BrokerUnavailableException connectFailed(ConnectionSettings settings, Exception failure) {
        String where = "the broker at " + settings.describeAddresses() + " (virtual host '" + settings.virtualHost()
                + "', user '" + settings.username() + "')";
        return new BrokerUnavailableException(describe(settings, failure, where), failure);
    }

    private static String describe(ConnectionSettings settings, Exception failure, String where) {
        Throwable cause = rootOf(failure);
        if (failure instanceof AuthenticationFailureException || failure instanceof PossibleAuthenticationFailureException) {
            return "Login refused by " + where + " (mechanism PLAIN): check the 'username' and 'password' properties "
                    + "and that the user exists (rabbitmqctl list_users). Note that 'guest' may log in from localhost only.";
        }
        CloseReason closed = CloseReason.find(failure);
        int replyCode = closed == null ? 0 : closed.replyCode();
        if (replyCode == AMQP.NOT_ALLOWED || replyCode == AMQP.ACCESS_REFUSED) {
            return "Virtual host '" + settings.virtualHost() + "' does not exist or user '" + settings.username()
                    + "' may not use it, at " + settings.describeAddresses() + ": check 'virtualHost' and the user's "
                    + "permissions (rabbitmqctl list_permissions -p " + settings.virtualHost() + ").";
        }
        if (cause instanceof UnknownHostException) {
            return "Cannot resolve the host name in 'addresses' (" + settings.describeAddresses() + "): "
                    + cause.getMessage() + " is unknown to DNS. Check the spelling or the DNS configuration.";
        }
        if (cause instanceof ConnectException) {
            return "Cannot reach " + where + ": connection refused. Is RabbitMQ running and listening on that "
                    + "address and port? Check 'addresses'.";
        }
        if (cause instanceof SocketTimeoutException || failure instanceof TimeoutException) {
            return "Timed out after " + settings.connectionTimeoutMillis() + " ms connecting to " + where
                    + ": the host may be down or a firewall may drop the packets. Check 'addresses' and "
                    + "'connectionTimeoutMillis'.";
        }
        if (cause instanceof SSLException) {
            return "TLS handshake with " + where + " failed: " + cause.getMessage();
        }
        return "Cannot open a connection to " + where + ": " + failure;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
