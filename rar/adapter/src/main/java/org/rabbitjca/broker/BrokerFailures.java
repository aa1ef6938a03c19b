// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import org.rabbitjca.api.BrokerUnavailableException;
import org.rabbitjca.api.BrokerUnreachableException;
import org.rabbitjca.api.LoginRefusedException;
import org.rabbitjca.api.TlsHandshakeException;
import org.rabbitjca.api.VirtualHostRefusedException;
import org.rabbitjca.settings.ConnectionSettings;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

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
        String mechanism = settings.externalLogin() ? "EXTERNAL (the client certificate)" : "PLAIN";
        String where = "the broker at " + settings.describeAddresses() + " (virtual host '" + settings.virtualHost()
                + "', user '" + settings.username() + "')";
        Throwable cause = Causes.root(failure);
        if (failure instanceof AuthenticationFailureException
                || failure instanceof PossibleAuthenticationFailureException) {
            return new LoginRefusedException("Login refused by " + where + " with mechanism " + mechanism + ": "
                    + (settings.externalLogin() ? "check that keyStore holds a certificate the broker trusts and that "
                    + "a user named after its subject exists (rabbitmqctl list_users)."
                    : "check the 'username' and 'password' properties and that the user exists (rabbitmqctl "
                    + "list_users). Note that 'guest' may log in from localhost only."), failure);
        }
        CloseReason closed = CloseReason.find(failure);
        int replyCode = closed == null ? 0 : closed.replyCode();
        if (replyCode == AMQP.NOT_ALLOWED || replyCode == AMQP.ACCESS_REFUSED) {
            return new VirtualHostRefusedException("Virtual host '" + settings.virtualHost() + "' does not exist or "
                    + "user '" + settings.username() + "' may not use it, at " + settings.describeAddresses()
                    + ": check 'virtualHost' and the user's permissions (rabbitmqctl list_permissions -p "
                    + settings.virtualHost() + ").", failure);
        }
        if (cause instanceof UnknownHostException) {
            return new BrokerUnreachableException("Cannot resolve the host name in 'addresses' ("
                    + settings.describeAddresses() + "): " + cause.getMessage() + " is unknown to DNS. Check the "
                    + "spelling or the DNS configuration.", failure);
        }
        if (cause instanceof ConnectException) {
            return new BrokerUnreachableException("Cannot reach " + where + ": connection refused. Is RabbitMQ "
                    + "running and listening on that address and port? Check 'addresses'"
                    + (settings.tls().enabled() ? " (TLS listeners usually use port 5671)." : "."), failure);
        }
        if (cause instanceof SocketTimeoutException || failure instanceof TimeoutException) {
            return new BrokerUnreachableException("Timed out after " + settings.connectionTimeoutMillis()
                    + " ms connecting to " + where + ": the host may be down, a firewall may drop the packets, or "
                    + "the port may not speak AMQP" + (settings.tls().enabled() ? " over TLS" : "") + ". Check "
                    + "'addresses' and 'connectionTimeoutMillis'.", failure);
        }
        SSLException tls = Causes.find(failure, SSLException.class);
        if (tls != null) {
            return new TlsHandshakeException("TLS handshake with " + where + " failed: " + TlsFailures.explain(tls,
                    settings.tls()), failure);
        }
        if (settings.tls().enabled() && isReset(cause)) {
            return new TlsHandshakeException("TLS handshake with " + where + " failed: the broker closed the "
                    + "connection. It may require a client certificate (set keyStore) or refuse the protocol "
                    + "versions in tlsProtocols (" + String.join(", ", settings.tls().protocols()) + ").", failure);
        }
        return new BrokerUnavailableException("Cannot open a connection to " + where + ": " + failure, failure);
    }

    private static boolean isReset(Throwable cause) {
        return cause instanceof SocketException || cause instanceof EOFException;
    }
}
