// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.testbroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * NEEDS THE INSTALLED {@code rabbitmq-server} (Debian package, run as root): starts two nodes (about 12 s).
 *
 * <p>Runs the small test classes nested here through a JUnit engine of its own, so that "the end of the test run",
 * when the shared node must stop, happens inside this test. Surefire skips the nested classes themselves (its
 * default excludes {@code **}{@code /*$*}).
 */
class RabbitNodeExtensionTest {

    private static final List<RabbitNode> SHARED_SEEN = new CopyOnWriteArrayList<>();
    private static final List<RabbitNode> PRIVATE_SEEN = new CopyOnWriteArrayList<>();

    @Test
    void oneSharedNodeServesEveryClassAndStopsAtTheEndOfTheRunWhilePrivateNodesStopAfterTheirTest() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstUser.class), selectClass(SecondUser.class))
                .execute();

        assertEquals(List.of(), failures(results));
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(4, SHARED_SEEN.size(), "sharedNode() in @BeforeAll, and three injections");
        RabbitNode shared = SHARED_SEEN.get(0);
        SHARED_SEEN.forEach(node -> assertSame(shared, node));
        assertStopped(shared);
        assertThrows(IllegalStateException.class, RabbitNodeExtension::sharedNode);
        assertEquals(1, PRIVATE_SEEN.size());
        assertStopped(PRIVATE_SEEN.get(0));
    }

    @Test
    void sharedNodeOutsideARunIsAnErrorThatSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, RabbitNodeExtension::sharedNode);
        assertTrue(e.getMessage().contains("@ExtendWith(RabbitNodeExtension.class)"), e.getMessage());
    }

    private static void assertStopped(RabbitNode node) {
        assertFalse(node.isRunning(), node + " still running");
        assertEquals(List.of(), NodeProcesses.of(node.nodeName()));
        assertFalse(Files.exists(node.directory()), node.directory() + " still exists");
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().executions().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": "
                        + e.getTerminationInfo().getExecutionResult().getThrowable().map(Throwable::toString)
                                .orElse("?"))
                .collect(Collectors.toList());
    }

    /** Uses the shared node the ways test classes do, and a private one. Run by the tests above only. */
    @ExtendWith(RabbitNodeExtension.class)
    static class FirstUser {

        @BeforeAll
        static void likeAnArquillianDeployment() {
            SHARED_SEEN.add(RabbitNodeExtension.sharedNode());
        }

        @Test
        void sharedNodeIsInjected(RabbitNode node) {
            assertTrue(node.isRunning());
            SHARED_SEEN.add(node);
        }

        @Test
        void privateNodeIsInjectedBesideTheSharedOne(@PrivateNode RabbitNode own, RabbitNode shared) {
            assertNotSame(shared, own);
            assertTrue(own.isRunning());
            PRIVATE_SEEN.add(own);
            SHARED_SEEN.add(shared);
        }
    }

    /** A second class of the same run. Run by the tests above only. */
    @ExtendWith(RabbitNodeExtension.class)
    static class SecondUser {

        @Test
        void sameSharedNodeAgain(RabbitNode node) {
            SHARED_SEEN.add(node);
        }
    }
}
