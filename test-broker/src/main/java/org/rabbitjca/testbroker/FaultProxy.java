// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that tests put between a client and a broker node to break the network on purpose:
 * {@link #cutConnections()} drops every connection at once, as a failing switch or a restarted load balancer would;
 * new connections are forwarded as before. Each connection uses two daemon threads; {@link #close()} ends them all.
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /**
     * Starts forwarding a free loopback port to {@code 127.0.0.1:targetPort}.
     *
     * @param targetPort the broker's port
     * @return the running proxy
     */
    public static FaultProxy start(int targetPort) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            FaultProxy proxy = new FaultProxy(listener, targetPort);
            daemon("fault-proxy-accept-" + listener.getLocalPort(), proxy::acceptLoop);
            return proxy;
        } catch (IOException failure) {
            throw new RabbitNodeException("Cannot open a proxy port on loopback", failure);
        }
    }

    /** @return the port clients connect to */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return {@code 127.0.0.1:port}, for the client's addresses setting */
    public String addresses() {
        return "127.0.0.1:" + port();
    }

    /** @return how many connections are being forwarded */
    public int connectionCount() {
        return sockets.size() / 2;
    }

    /** Drops every forwarded connection at once; later connections are forwarded again. */
    public void cutConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(broker);
                daemon("fault-proxy-up-" + client.getPort(), () -> pump(client, broker));
                daemon("fault-proxy-down-" + client.getPort(), () -> pump(broker, client));
            } catch (IOException failure) {
                // the listener was closed, or the broker refused this one connection: the client sees it closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Stops accepting and drops every connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cutConnections();
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyClosed) {
            // nothing left to release
        }
    }
}
