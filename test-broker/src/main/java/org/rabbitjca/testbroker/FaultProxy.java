// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that tests put between a client and a broker node to break the network on purpose:
 * <ul>
 *   <li>{@link #cutConnections()} drops every connection at once, as a failing switch or a restarted load balancer
 *       would; new connections are forwarded as before.</li>
 *   <li>{@link #freeze()} makes the network silent without closing anything, as a hung peer or a dropped route
 *       would: only heartbeats (or TCP keepalive) can tell. {@link #thaw()} delivers what was held back.</li>
 *   <li>{@link #refuseNewConnections(boolean)} makes the broker unreachable for new connections while the proxy
 *       still sees, and records, every attempt.</li>
 *   <li>{@link #connectionAttempts()} tells when clients connected, so reconnect delays can be observed from
 *       outside the client.</li>
 * </ul>
 *
 * <p>Threading: every method may be called from any thread. Each forwarded connection uses two daemon threads,
 * one per direction; {@link #close()} ends them all.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Instant> attempts = new CopyOnWriteArrayList<>();
    /** Guards {@link #frozen}; pumps wait on it while frozen and are woken by thaw, cut and close. */
    private final Object valve = new Object();
    private boolean frozen;
    private volatile boolean refusing;
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

    /** @return how many connections are being forwarded (or held while frozen) */
    public int connectionCount() {
        return sockets.size() / 2;
    }

    /** Drops every forwarded connection at once, frozen or not; later connections are forwarded again. */
    public void cutConnections() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        wakePumps();
    }

    /**
     * Stops forwarding in both directions without closing anything: bytes that arrive are held (the first
     * buffer in the proxy, the rest in the kernel until TCP flow control stops the sender), and an end of stream
     * or error on one side is not passed on to the other. New connections are accepted and opened to the broker,
     * but nothing crosses them either. Idempotent.
     */
    public void freeze() {
        synchronized (valve) {
            frozen = true;
        }
    }

    /** Forwards again, starting with what was held back, in order; passes on ends held back. Idempotent. */
    public void thaw() {
        synchronized (valve) {
            frozen = false;
            valve.notifyAll();
        }
    }

    /**
     * @param refuse {@code true}: accept each new connection, record it in {@link #connectionAttempts()}, and
     *               reset it at once (RST), so the client's connect succeeds and its first read fails with
     *               "Connection reset"; {@code false}: forward new connections again. Established connections
     *               are left alone either way.
     */
    public void refuseNewConnections(boolean refuse) {
        refusing = refuse;
    }

    /**
     * @return when each connection was accepted, oldest first: forwarded, refused or accepted while frozen
     */
    public List<Instant> connectionAttempts() {
        return List.copyOf(attempts);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException failure) {
                continue; // the listener was closed: the loop ends
            }
            attempts.add(Instant.now());
            if (refusing) {
                reset(client);
            } else {
                forward(client);
            }
        }
    }

    private void forward(Socket client) {
        Socket broker;
        try {
            broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException refused) {
            reset(client); // the broker is down: the client sees its connection reset
            return;
        }
        sockets.add(client);
        sockets.add(broker);
        daemon("fault-proxy-up-" + client.getPort(), () -> pump(client, broker));
        daemon("fault-proxy-down-" + client.getPort(), () -> pump(broker, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            // Not try-with-resources: closing a socket's stream closes the socket, and a frozen hang-up must wait.
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                awaitThawed(from, to);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side closed or was cut
        } finally {
            awaitThawed(from, to); // a frozen network does not pass on a hang-up either
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    /** Returns once the proxy is thawed or closed, or the connection was cut. */
    private void awaitThawed(Socket from, Socket to) {
        synchronized (valve) {
            while (frozen && !closed && !from.isClosed() && !to.isClosed()) {
                try {
                    valve.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void wakePumps() {
        synchronized (valve) {
            valve.notifyAll();
        }
    }

    /** Stops accepting and drops every connection, frozen or not. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cutConnections();
    }

    /** Closes with SO_LINGER 0, so the peer gets a RST rather than an orderly end of stream. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // closing is all that is left
        }
        closeQuietly(socket);
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
