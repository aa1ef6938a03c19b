// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.api.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pools and message-driven beans the deployed adapter serves now. A pool appears when the container first asks
 * it for a channel and stays until the adapter stops; a bean appears when its activation starts and goes when it
 * ends (undeploy). One per deployed adapter: this class is loaded from the .rar, which applications see.
 * Thread-safe.
 */
public final class RabbitMonitoring {

    /** Told when resources come and go, e.g. to register and remove metrics. */
    public interface Listener {
        /** @param resource a resource that appeared */
        void added(MonitoredResource resource);

        /** @param resource a resource that is gone */
        void removed(MonitoredResource resource);
    }

    private static final List<MonitoredResource> RESOURCES = new CopyOnWriteArrayList<>();
    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final Map<ClassLoader, DeliveryTracer> TRACERS = new ConcurrentHashMap<>();

    private RabbitMonitoring() {
    }

    /** @return the resources now, pools and beans in the order they appeared */
    public static List<MonitoredResource> resources() {
        return List.copyOf(RESOURCES);
    }

    /**
     * Adds a listener, and tells it at once of every resource there is.
     *
     * @param listener told of every resource added or removed from now on; remove it when its application stops
     */
    public static synchronized void addListener(Listener listener) {
        LISTENERS.add(Objects.requireNonNull(listener, "listener"));
        RESOURCES.forEach(listener::added);
    }

    /** @param listener a listener added before; it is told nothing more */
    public static void removeListener(Listener listener) {
        LISTENERS.remove(listener);
    }

    /**
     * Called by the adapter when it starts serving a resource.
     *
     * @param resource the new resource
     */
    public static synchronized void register(MonitoredResource resource) {
        RESOURCES.add(Objects.requireNonNull(resource, "resource"));
        LISTENERS.forEach(listener -> listener.added(resource));
    }

    /**
     * Called by the adapter when a resource ends; a resource not registered is ignored.
     *
     * @param resource the resource that ended
     */
    public static synchronized void unregister(MonitoredResource resource) {
        if (RESOURCES.remove(resource)) {
            LISTENERS.forEach(listener -> listener.removed(resource));
        }
    }

    /**
     * Lends the adapter a tracer for the message-driven beans of one application.
     *
     * @param application the application's class loader (its beans' classes come from it)
     * @param tracer starts a consumer span per delivery; {@code null} takes it back (do so when the application
     *               stops)
     */
    public static void trace(ClassLoader application, DeliveryTracer tracer) {
        if (tracer == null) {
            TRACERS.remove(application);
        } else {
            TRACERS.put(application, tracer);
        }
    }

    /**
     * @param application a bean's class loader
     * @return the tracer its application lent, or {@code null}
     */
    public static DeliveryTracer tracerOf(ClassLoader application) {
        return application == null ? null : TRACERS.get(application);
    }
}
