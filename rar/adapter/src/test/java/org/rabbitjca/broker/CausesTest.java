// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.broker;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CausesTest {

    @Test
    void theFirstThrowableOfTheTypeAlongTheChainIsFound() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        SSLException wrapper = new SSLException("handshake failed", handshake);
        IOException outer = new IOException("connect failed", wrapper);

        assertAll(() -> assertSame(wrapper, Causes.find(outer, SSLException.class)),
                () -> assertSame(handshake, Causes.find(outer, SSLHandshakeException.class)),
                () -> assertSame(outer, Causes.find(outer, IOException.class)),
                () -> assertNull(Causes.find(outer, IllegalStateException.class)));
    }

    @Test
    void theRootIsTheLastCauseOrTheExceptionItself() {
        IllegalStateException root = new IllegalStateException("root");
        IOException lone = new IOException("alone");

        assertAll(() -> assertSame(root, Causes.root(new IOException(new RuntimeException(root)))),
                () -> assertSame(lone, Causes.root(lone)));
    }

    @Test
    void theDeepestMessageSkipsCausesThatHaveNone() {
        IOException outer = new IOException("outer", new IllegalStateException((String) null));
        IOException inner = new IOException("outer", new IllegalStateException("inner"));

        assertAll(() -> assertEquals("outer", Causes.deepestMessage(outer)),
                () -> assertEquals("inner", Causes.deepestMessage(inner)),
                () -> assertNull(Causes.deepestMessage(new IOException((String) null))));
    }

    @Test
    void aChainThatLoopsBackEndsTheWalkAfterEachThrowableOnce() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);

        assertAll(() -> assertEquals(List.of(first, second), Causes.chain(first)),
                () -> assertSame(second, Causes.root(first)),
                () -> assertNull(Causes.find(first, IOException.class)));
    }
}
