// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.jms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.Set;

/**
 * Reads a Java-serialized body, refusing every class outside the allow-list before it is loaded. Written here,
 * not taken from rabbitmq-jms: its {@code WhiteListObjectInputStream} loads a class before checking it and trusts
 * every package unless told otherwise; an adapter must deny by default.
 *
 * <p>Trusted: the classes of the listed packages and their sub-packages, and those of {@code java.lang},
 * {@code java.util}, {@code java.time} and {@code java.math} themselves (not their sub-packages), which ordinary
 * serializable objects are made of; arrays of trusted classes and of primitives.
 */
final class TrustedObjectInput extends ObjectInputStream {

    /** Packages whose own classes are always trusted. */
    private static final Set<String> BASIC = Set.of("java.lang", "java.util", "java.time", "java.math");

    private final List<String> trustedPackages;
    private final ClassLoader application;

    /**
     * @param body the serialized object
     * @param trustedPackages the allow-list
     * @param application the class loader the classes come from
     */
    TrustedObjectInput(byte[] body, List<String> trustedPackages, ClassLoader application) throws IOException {
        super(new ByteArrayInputStream(body));
        this.trustedPackages = trustedPackages;
        this.application = application;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
        String name = description.getName();
        if (!trusted(name, trustedPackages)) {
            throw new InvalidClassException(name, "not in trustedPackages");
        }
        try {
            return Class.forName(name, false, application);
        } catch (ClassNotFoundException primitiveOrArray) {
            return super.resolveClass(description);
        }
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
        throw new InvalidClassException(String.join(",", interfaces), "dynamic proxies are never trusted");
    }

    /** @return whether the class (or the element class of an array) may be deserialized */
    static boolean trusted(String className, List<String> trustedPackages) {
        String name = className;
        if (name.startsWith("[")) {
            name = name.replaceFirst("^\\[+", "");
            if (!name.startsWith("L")) {
                return true; // an array of primitives
            }
            name = name.substring(1, name.length() - 1);
        }
        int dot = name.lastIndexOf('.');
        String packageName = dot < 0 ? "" : name.substring(0, dot);
        return BASIC.contains(packageName) || trustedPackages.stream()
                .anyMatch(trusted -> packageName.equals(trusted) || packageName.startsWith(trusted + "."));
    }
}
