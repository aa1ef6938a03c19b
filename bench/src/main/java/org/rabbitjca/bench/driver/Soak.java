// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.bench.app.BenchResource;
import org.rabbitjca.bench.soak.DatabaseTransactedListener;
import org.rabbitjca.testserver.PostgresDatabase;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.payara.AdminCommands;
import org.rabbitjca.testserver.payara.GlassfishResources;
import org.rabbitjca.testserver.payara.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitNode;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bin/run-bench --soak [--minutes N]}: a steady load, for N minutes (10 by default), into a transacted
 * message-driven bean that writes a row per message to PostgreSQL through a non-XA pool, sampling each minute the
 * server's heap after a full collection, the rows committed and the transaction-log handles Payara holds. Ends by
 * letting the queue drain and checking that every published message has its row. Prints the table, writes it to
 * {@code bench/target/soak-results.md}, and fails when the heap after collection grew.
 */
final class Soak {

    /** More growth than this between the second minute and the last counts as a leak. */
    private static final long FLAT_BYTES = 24L * 1024 * 1024;
    /** The publisher keeps about this many messages ready, so that the bean never waits and never drowns. */
    private static final int BACKLOG = 2_000;

    private Soak() {
    }

    static void run(int minutes, Path target) throws Exception {
        Path workDir = Files.createDirectories(target.resolve("soak-run"));
        BenchDatabase database = BenchDatabase.prepare("rabbitjca_soak", "soak_rows",
                "message_id varchar(64) PRIMARY KEY, body_bytes integer NOT NULL");
        try (RabbitNode node = RabbitNode.start();
             PayaraMicroProcess micro = PayaraMicroProcess.startAndAwaitReady(target.resolve("payara-micro.jar"),
                     workDir, AdminCommands.POST_BOOT_FILE.deployAdapter(target.resolve("rabbitmq-jca.rar"),
                             ServerSetup.adapterFor(node.amqpPort(), "soak")), List.of(war(workDir, database)),
                     Duration.ofMinutes(3))) {
            AdapterClient adapter = new AdapterClient(new URL("http://127.0.0.1:" + micro.httpPort() + "/soak/"),
                    new RawClient(node.newConnectionFactory()));
            List<String> samples = new ArrayList<>();
            List<Long> heaps = new ArrayList<>();
            AtomicBoolean publishing = new AtomicBoolean(true);
            AtomicLong published = new AtomicLong();
            Thread publisher = new Thread(() -> publishSteadily(node, publishing, published), "soak-publisher");
            publisher.start();
            long start = System.nanoTime();
            long rowsBefore = 0;
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(Math.max(0, start + TimeUnit.MINUTES.toNanos(minute) - System.nanoTime()) / 1_000_000);
                long heap = adapter.heapAfterGc();
                long rows = database.rows();
                heaps.add(heap);
                String sample = String.format("| %d | %.1f | %d | %.0f | %d |", minute, heap / 1024.0 / 1024.0, rows,
                        (rows - rowsBefore) / 60.0, TransactionLog.handles(micro.pid()));
                rowsBefore = rows;
                samples.add(sample);
                System.out.println(sample);
            }
            publishing.set(false);
            publisher.join(TimeUnit.MINUTES.toMillis(1));
            long drained = awaitRows(database, published.get(), Duration.ofMinutes(2));
            report(target, minutes, samples, heaps, published.get(), drained);
        }
    }

    private static Path war(Path workDir, BenchDatabase database) throws Exception {
        Path war = workDir.resolve("soak.war");
        ShrinkWrap.create(WebArchive.class, "soak.war").addPackage(BenchResource.class.getPackage())
                .addPackage(DatabaseTransactedListener.class.getPackage())
                .addAsLibrary(PostgresDatabase.driver())
                .addAsWebInfResource(new StringAsset(GlassfishResources.xml(BenchmarkMain.POOLS,
                        List.of(database.pool(DatabaseTransactedListener.DATA_SOURCE)), List.of())),
                        "glassfish-resources.xml")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    /** Publishes persistent, confirmed batches while fewer than {@link #BACKLOG} messages are ready. */
    private static void publishSteadily(RabbitNode node, AtomicBoolean publishing, AtomicLong published) {
        try (Connection connection = node.newConnectionFactory().newConnection("soak-publisher");
             Channel channel = connection.createChannel()) {
            channel.queueDeclare(DatabaseTransactedListener.QUEUE, true, false, false, null);
            channel.confirmSelect();
            byte[] body = new byte[1024];
            while (publishing.get()) {
                if (channel.messageCount(DatabaseTransactedListener.QUEUE) >= BACKLOG) {
                    Thread.sleep(20); // the bean catches up; nothing to synchronise with
                    continue;
                }
                for (int i = 0; i < 500; i++) {
                    channel.basicPublish("", DatabaseTransactedListener.QUEUE, new AMQP.BasicProperties.Builder()
                            .deliveryMode(2).messageId("soak-" + published.getAndIncrement()).build(), body);
                }
                channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (Exception failure) {
            throw new IllegalStateException("the soak's publisher failed", failure);
        }
    }

    private static long awaitRows(BenchDatabase database, long published, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        long rows = database.rows();
        while (rows < published && System.nanoTime() < end) {
            Thread.sleep(500); // poll interval
            rows = database.rows();
        }
        return rows;
    }

    private static void report(Path target, int minutes, List<String> samples, List<Long> heaps, long published,
                               long rows) throws Exception {
        long growth = heaps.get(heaps.size() - 1) - heaps.get(Math.min(1, heaps.size() - 1));
        boolean flat = growth <= FLAT_BYTES;
        String text = "Soak " + Instant.now() + ": " + minutes + " minutes, transacted message-driven bean writing a "
                + "PostgreSQL row per message through a non-XA pool, about " + BACKLOG + " messages kept ready.\n\n"
                + "| minute | heap after full GC (MiB) | rows | rows/s | " + TransactionLog.HANDLE_CLASS + " |\n"
                + "|---:|---:|---:|---:|---:|\n" + String.join("\n", samples) + "\n\n"
                + String.format("Heap after GC from minute 2 to minute %d: %+.1f MiB (%s). Published %d, rows %d (%s).",
                minutes, growth / 1024.0 / 1024.0, flat ? "flat" : "GROWING", published, rows,
                rows == published ? "none lost" : "MISSING " + (published - rows)) + "\n";
        System.out.println(text);
        Files.writeString(target.resolve("soak-results.md"), text);
        if (!flat || rows != published) {
            throw new AssertionError("the soak failed: " + text);
        }
    }
}
