// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.outbound;

import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * What the adapter's dynamic proxies answer to {@code equals}, {@code hashCode} and {@code toString}: a proxy is
 * equal only to itself and describes what it stands for.
 */
public final class ProxyIdentity {

    private ProxyIdentity() {
    }

    /** @return whether the method is one of {@link Object}'s, which {@link #answer} handles */
    public static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    /**
     * @param proxy the proxy called
     * @param method one of {@link Object}'s methods
     * @param args the call's arguments
     * @param description what {@code toString} says
     * @return the answer to the call
     */
    public static Object answer(Object proxy, Method method, Object[] args, Supplier<String> description) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> description.get();
        };
    }
}
