// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The proxy forwards bytes both ways, and a cut ends the connection for the client while new ones still work. */
class FaultProxyTest {

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
