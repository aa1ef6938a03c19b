// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The proxy against a local echo server, no broker: it forwards bytes both ways, a cut ends the connection for the
 * client while new ones still work, a freeze holds bytes until thawed, and refused attempts are recorded.
 */
class FaultProxyTest {

    /** How long a read waits before the test takes "nothing came" for held bytes. */
    private static final int HELD_MILLIS = 500;

    @Test
    void forwardsUntilCutThenForwardsNewConnections() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             FaultProxy proxy = FaultProxy.start(echo.getLocalPort())) {
            Thread server = new Thread(() -> echoAll(echo));
            server.setDaemon(true);
            server.start();

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (Socket first = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    assertEquals('a', roundTrip(first, 'a'));
                    proxy.cutConnections();
                    assertEquals(-1, first.getInputStream().read(), "the cut connection ends");
                }
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                    assertEquals('b', roundTrip(second, 'b'));
                }
            });
        }
    }

    @Test
    void frozenProxyHoldsBytesWithoutClosingAndThawDeliversThem() throws Exception {
        try (ServerSocket echo = echoServer(); FaultProxy proxy = FaultProxy.start(echo.getLocalPort())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try (Socket early = connect(proxy)) {
                    assertEquals('a', roundTrip(early, 'a'));
                    proxy.freeze();
                    send(early, 'b');
                    assertThrows(SocketTimeoutException.class, () -> early.getInputStream().read(), "held");
                    try (Socket late = connect(proxy)) {
                        send(late, 'c');
                        assertThrows(SocketTimeoutException.class, () -> late.getInputStream().read(), "held");
                        assertEquals(2, proxy.connectionCount(), "frozen connections stay open");

                        proxy.thaw();

                        assertEquals('b', early.getInputStream().read());
                        assertEquals('c', late.getInputStream().read());
                    }
                }
            });
        }
    }

    @Test
    void refusedConnectionsAreResetAndEveryAttemptIsRecorded() throws Exception {
        try (ServerSocket echo = echoServer(); FaultProxy proxy = FaultProxy.start(echo.getLocalPort())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                Instant before = Instant.now();
                proxy.refuseNewConnections(true);
                try (Socket refused = connect(proxy)) {
                    assertThrows(SocketException.class, () -> roundTrip(refused, 'a'), "reset");
                }
                proxy.refuseNewConnections(false);
                try (Socket accepted = connect(proxy)) {
                    assertEquals('b', roundTrip(accepted, 'b'));
                }

                List<Instant> attempts = proxy.connectionAttempts();
                assertEquals(2, attempts.size(), attempts.toString());
                assertFalse(attempts.get(0).isBefore(before), attempts + " after " + before);
                assertFalse(attempts.get(1).isBefore(attempts.get(0)), attempts.toString());
            });
        }
    }

    private static ServerSocket echoServer() throws Exception {
        ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> echoAll(echo));
        server.setDaemon(true);
        server.start();
        return echo;
    }

    private static Socket connect(FaultProxy proxy) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(HELD_MILLIS);
        return socket;
    }

    private static void send(Socket socket, char sent) throws Exception {
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
    }

    private static int roundTrip(Socket socket, char sent) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(sent);
        out.flush();
        return socket.getInputStream().read();
    }

    private static void echoAll(ServerSocket echo) {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread connection = new Thread(() -> {
                    try (InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        for (int read = in.read(); read >= 0; read = in.read()) {
                            out.write(read);
                            out.flush();
                        }
                    } catch (Exception ended) {
                        // the proxy cut it
                    }
                });
                connection.setDaemon(true);
                connection.start();
            } catch (Exception closed) {
                return;
            }
        }
    }
}
