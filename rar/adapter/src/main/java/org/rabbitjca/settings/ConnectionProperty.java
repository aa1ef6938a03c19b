// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.settings;

import jakarta.resource.spi.ConfigProperty;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * The connection properties of {@link ConnectionProperties}, one constant each: the name a container sets it by is
 * the constant's name in camel case ({@code TRUST_STORE_TYPE} is {@code trustStoreType}, set by
 * {@code setTrustStoreType}), so that each name is written once. Whether a value is a secret is read from its
 * setter's {@code @ConfigProperty(confidential)}, the declaration containers read too, so that the two cannot
 * disagree; a constant without a setter of its type fails the class's initialization.
 */
enum ConnectionProperty {
    ADDRESSES(String.class, false),
    SHUFFLE_ADDRESSES(Boolean.class, false),
    VIRTUAL_HOST(String.class, false),
    USERNAME(String.class, false),
    PASSWORD(String.class, false),
    SASL_MECHANISM(String.class, false),
    REQUESTED_HEARTBEAT_SECONDS(Integer.class, false),
    CONNECTION_TIMEOUT_MILLIS(Integer.class, false),
    CONNECTION_NAME(String.class, false),
    RECONNECT_INITIAL_DELAY_MILLIS(Integer.class, false),
    RECONNECT_MAX_DELAY_MILLIS(Integer.class, false),
    USE_TLS(Boolean.class, false),
    TLS_PROTOCOLS(String.class, true),
    VERIFY_HOSTNAME(Boolean.class, true),
    TRUST_STORE(String.class, true),
    TRUST_STORE_PASSWORD(String.class, true),
    TRUST_STORE_TYPE(String.class, true),
    KEY_STORE(String.class, true),
    KEY_STORE_PASSWORD(String.class, true),
    KEY_STORE_TYPE(String.class, true);

    private final String propertyName;
    private final Class<?> type;
    private final boolean tlsOnly;
    private final boolean confidential;

    ConnectionProperty(Class<?> type, boolean tlsOnly) {
        this.propertyName = camelCase(name());
        this.type = type;
        this.tlsOnly = tlsOnly;
        this.confidential = setter().getAnnotation(ConfigProperty.class).confidential();
    }

    /** @return the bean property name, e.g. {@code trustStoreType} */
    String propertyName() {
        return propertyName;
    }

    /** @return the type of its getter and setter */
    Class<?> type() {
        return type;
    }

    /** @return whether only TLS connections use it, so that setting it without {@code useTls} is refused */
    boolean tlsOnly() {
        return tlsOnly;
    }

    /** @return whether its value is a secret, masked wherever properties are described */
    boolean confidential() {
        return confidential;
    }

    private Method setter() {
        String setter = "set" + Character.toUpperCase(propertyName.charAt(0)) + propertyName.substring(1);
        try {
            return ConnectionProperties.class.getMethod(setter, type);
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException("ConnectionProperties has no " + setter + "(" + type.getSimpleName()
                    + ") for " + name(), missing);
        }
    }

    private static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
