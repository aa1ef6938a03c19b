// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import com.rabbitmq.client.ConnectionFactory;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.rabbitjca.bench.app.BenchOrders;
import org.rabbitjca.bench.app.BenchResource;
import org.rabbitjca.bench.app.ConsumingListener;
import org.rabbitjca.bench.app.JmsConsumingListener;
import org.rabbitjca.bench.app.TransactedConsumingListener;
import org.rabbitjca.testserver.ConnectorPool;
import org.rabbitjca.testserver.PostgresDatabase;
import org.rabbitjca.testserver.payara.GlassfishResources;
import org.rabbitjca.testserver.ServerSetup;
import org.rabbitjca.testserver.payara.AdminCommands;
import org.rabbitjca.testserver.payara.PayaraMicroProcess;
import org.rabbitjca.testbroker.RabbitNode;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark row, adapter and baselines back to back in each repetition, against one private RabbitMQ
 * node, and prints and writes the table ({@code bench/target/benchmark-results.md}). {@code --smoke} runs each row
 * once for a fraction of a second: it proves the benchmark still works, not how fast anything is. {@code --profile}
 * records Payara Micro with Java Flight Recorder and writes its hottest frames to
 * {@code bench/target/benchmark-profile.txt}.
 */
public final class BenchmarkMain {

    private static final String PUBLISH_QUEUE = "bench.publish";
    private static final String RAW_CONSUME_QUEUE = "bench.raw.consume";
    private static final String SYNC = "publish, sync confirm per message, 16 callers";
    private static final String STREAM = "publish, streaming confirms (<= 1000 outstanding)";
    private static final String PER_MESSAGE = "publish with confirm, 1 caller vs connection per message";
    private static final String PER_MESSAGE_16 = "publish with confirm, 16 callers vs connection per message";
    private static final String SPRING = "publish, sync confirm, 16 callers: what a Java team picks instead";
    private static final String FIRE = "publish, no confirms, 1 caller";
    private static final String CONSUME = "consume, manual ack, prefetch 50, 10 at once";
    private static final String CONSUME_TX = "consume, container transaction (ack on commit)";
    private static final String SCALE = "scale: many callers on one pool of 64 channels, sync confirm";
    private static final String PERFTEST = "RabbitMQ PerfTest 2.22.1, 1 producer";
    private static final String JMS_SEND = "JMS send, 16 callers";
    private static final String JMS_CONSUME = "consume, JMS message-driven bean, prefetch 50, 10 at once";
    private static final String ORDERS = "order: 1 PostgreSQL row (non-XA pool) + 3 persistent messages, 16 callers";
    private static final String ORDERS_REFERENCE = "adapter, no transaction: row autocommitted, each message confirmed";
    private static final String ORDERS_XA = "order, as above: the pool enlisted as an XA resource vs a synchronization";
    private static final String HELD = "adapter, container transaction: messages held, sent confirmed before the row "
            + "commits";
    private static final String XA = "as above + a no-work XA resource enlisted (what XA enlistment of the pool "
            + "would add)";
    /** Channels the memory measurement leaves idle in a pool of their own. */
    private static final int IDLE_CHANNELS = 500;

    private BenchmarkMain() {
    }

    /**
     * @param args {@code --smoke} for the seconds-long check CI runs; {@code --soak [--minutes N]} for the soak
     *             ({@link Soak})
     */
    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--soak")) {
            int minutes = List.of(args).indexOf("--minutes") >= 0
                    ? Integer.parseInt(args[List.of(args).indexOf("--minutes") + 1]) : 10;
            Soak.run(minutes, Path.of(System.getProperty("bench.target", "bench/target")));
            return;
        }
        boolean smoke = List.of(args).contains("--smoke");
        boolean profile = List.of(args).contains("--profile");
        Path target = Path.of(System.getProperty("bench.target", "bench/target"));
        Path workDir = Files.createDirectories(target.resolve("bench-run"));

        BenchDatabase orders = BenchDatabase.prepare("rabbitjca_bench", BenchOrders.TABLE,
                "id bigserial PRIMARY KEY, body_bytes integer NOT NULL");
        try (RabbitNode node = RabbitNode.start()) {
            long launch = System.nanoTime();
            try (PayaraMicroProcess micro = startServer(target, workDir, node, orders, profile)) {
                long readyMillis = Duration.ofNanos(System.nanoTime() - launch).toMillis();
                System.out.printf("Payara Micro with rabbitmq-jca and the benchmark war ready in %d ms%n", readyMillis);
                measure(new Plan(smoke), node, micro, readyMillis, target);
            }
        }
        if (profile) {
            String hot = HotMethods.summarise(workDir.resolve("micro.jfr"), 40);
            Files.writeString(target.resolve("benchmark-profile.txt"), hot);
            System.out.println(hot);
        }
    }

    /**
     * How much to measure.
     *
     * @param smoke whether this is the short pass that only proves the benchmark runs
     * @param repetitions repetitions of every row
     * @param millis duration of each publish row
     * @param consumeMessages messages of each consume row
     * @param scaleCallers callers of the scale row
     * @param idleChannels channels of the memory measurement
     */
    private record Plan(boolean smoke, int repetitions, long millis, int consumeMessages, int scaleCallers,
                        int idleChannels) {
        Plan(boolean smoke) {
            this(smoke, smoke ? 1 : 5, smoke ? 500 : 10_000, smoke ? 1_000 : 50_000, smoke ? 50 : 1_000,
                    smoke ? 20 : IDLE_CHANNELS);
        }
    }

    private static void measure(Plan plan, RabbitNode node, PayaraMicroProcess micro, long readyMillis, Path target)
            throws Exception {
        boolean smoke = plan.smoke();
        int repetitions = plan.repetitions();
        long millis = plan.millis();
        int consumeMessages = plan.consumeMessages();
        int scaleCallers = plan.scaleCallers();
        ConnectionFactory rabbit = node.newConnectionFactory();
        RawClient raw = new RawClient(rabbit);
        ConnectionFactory springRabbit = node.newConnectionFactory();
        springRabbit.setAutomaticRecoveryEnabled(false); // Spring AMQP recovers by itself and warns otherwise
        SpringClient spring = new SpringClient(springRabbit);
        JmsClient jms = new JmsClient(node.amqpPort());
        AdapterClient adapter = new AdapterClient(new URL("http://127.0.0.1:" + micro.httpPort() + "/bench/"),
                raw);
        PerfTestRun perfTest = new PerfTestRun(Path.of(System.getProperty("bench.perftest.lib",
                "bench/perftest/target/lib")), target.resolve("perftest.log"));
        for (String queue : List.of(PUBLISH_QUEUE, RAW_CONSUME_QUEUE)) {
            raw.declareEmpty(queue);
        }
        Results results = declareScenarios();
        long idleRss = residentKilobytes(micro.pid());
        if (!smoke) {
            System.out.println("warming up (not measured)");
            raw.syncConfirms(PUBLISH_QUEUE, 16, 3_000);
            adapter.publish(PUBLISH_QUEUE, 16, 3_000, true);
            adapter.publishAsync(PUBLISH_QUEUE, 3_000);
            adapter.consume(ConsumingListener.QUEUE, 5_000);
            adapter.consume(TransactedConsumingListener.QUEUE, 5_000);
            adapter.sendJms(PUBLISH_QUEUE, 16, 3_000);
            adapter.consume(JmsConsumingListener.QUEUE, 5_000);
            raw.consume(RAW_CONSUME_QUEUE, 10, 5_000);
            raw.declareEmpty(PUBLISH_QUEUE);
        }
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            System.out.printf("repetition %d of %d%n", repetition, repetitions);
            results.add(SYNC, "raw amqp-client, 16 long-lived channels", raw.syncConfirms(PUBLISH_QUEUE, 16, millis));
            results.add(SYNC, "adapter publish(), handle per call", AdapterClient.rate(
                    adapter.publish(PUBLISH_QUEUE, 16, millis, true)));
            results.add(SPRING, "raw amqp-client, 16 long-lived channels", raw.syncConfirms(PUBLISH_QUEUE, 16,
                    millis));
            results.add(SPRING, "Spring AMQP RabbitTemplate, correlated confirms", spring.syncConfirms(
                    PUBLISH_QUEUE, 16, millis));
            results.add(SPRING, "adapter publish(), handle per call", AdapterClient.rate(
                    adapter.publish(PUBLISH_QUEUE, 16, millis, true)));
            results.add(STREAM, "raw amqp-client, confirm listener", raw.streamingConfirms(PUBLISH_QUEUE, millis));
            results.add(STREAM, "adapter publishAsync()", AdapterClient.rate(
                    adapter.publishAsync(PUBLISH_QUEUE, millis)));
            results.add(STREAM, PERFTEST + ", --confirm 1000", perfTest.streamingConfirms(node.amqpPort(),
                    PUBLISH_QUEUE, millis));
            results.add(PER_MESSAGE, "raw amqp-client, connection + channel per message",
                    raw.connectionPerMessage(PUBLISH_QUEUE, 1, millis));
            results.add(PER_MESSAGE, "adapter publish(), handle per call", AdapterClient.rate(
                    adapter.publish(PUBLISH_QUEUE, 1, millis, true)));
            results.add(PER_MESSAGE_16, "raw amqp-client, connection + channel per message",
                    raw.connectionPerMessage(PUBLISH_QUEUE, 16, millis));
            results.add(PER_MESSAGE_16, "adapter publish(), handle per call", AdapterClient.rate(
                    adapter.publish(PUBLISH_QUEUE, 16, millis, true)));
            results.add(FIRE, "raw amqp-client, one long-lived channel", raw.fireAndForget(PUBLISH_QUEUE, millis));
            results.add(FIRE, "adapter publish(), pool without confirms", AdapterClient.rate(
                    adapter.publish(PUBLISH_QUEUE, 1, millis, false)));
            raw.declareEmpty(PUBLISH_QUEUE);
            results.add(CONSUME, "raw amqp-client, 10 consumers", raw.consume(RAW_CONSUME_QUEUE, 10,
                    consumeMessages));
            results.add(CONSUME, "message-driven bean, not transacted", adapter.consume(ConsumingListener.QUEUE,
                    consumeMessages));
            results.add(CONSUME_TX, "raw amqp-client, 10 consumers", raw.consume(RAW_CONSUME_QUEUE, 10,
                    consumeMessages));
            results.add(CONSUME_TX, "message-driven bean, container transaction", adapter.consume(
                    TransactedConsumingListener.QUEUE, consumeMessages));
            results.add(JMS_SEND, "raw amqp-client, 16 long-lived channels", raw.syncConfirms(PUBLISH_QUEUE, 16,
                    millis));
            results.add(JMS_SEND, "rabbitmq-jms directly, connection + session per caller, no confirms",
                    jms.send(PUBLISH_QUEUE, 16, millis));
            results.add(JMS_SEND, "adapter JMS send, context per call, confirmed", AdapterClient.rate(
                    adapter.sendJms(PUBLISH_QUEUE, 16, millis)));
            raw.declareEmpty(PUBLISH_QUEUE);
            results.add(JMS_CONSUME, "raw amqp-client, 10 consumers", raw.consume(RAW_CONSUME_QUEUE, 10,
                    consumeMessages));
            results.add(JMS_CONSUME, "JMS message-driven bean, not transacted", adapter.consume(
                    JmsConsumingListener.QUEUE, consumeMessages));
            Map<String, String> scale = adapter.publish(PUBLISH_QUEUE, scaleCallers, millis, true);
            results.add(SCALE, "adapter publish(), " + scaleCallers + " callers", AdapterClient.rate(scale));
            results.note(String.format("Scale, repetition %d: %d callers, %s errors, latency p50 %s µs, p99 %s µs.",
                    repetition, scaleCallers, scale.get("errors"), scale.get("p50"), scale.get("p99")));
            raw.declareEmpty(PUBLISH_QUEUE);
            measureOrders(results, adapter, micro.pid(), millis, repetition);
            raw.declareEmpty(PUBLISH_QUEUE);
        }
        results.note(String.format("Payara Micro resident memory: %d MiB idle after deployment, %d MiB after the "
                + "runs.", idleRss / 1024, residentKilobytes(micro.pid()) / 1024));
        results.note(idleChannelMemory(adapter, node, plan.idleChannels()));
        results.note("Payara Micro with rabbitmq-jca and the benchmark war deployed: ready " + readyMillis
                + " ms after launch. " + ServerTimings.activation(micro.log()));
        String header = "Run " + Instant.now() + (smoke ? " (SMOKE: one short repetition, numbers mean nothing)"
                : "") + ", " + repetitions + " repetition(s) of " + millis + " ms per publish row, " + consumeMessages
                + " messages per consume row; 1 KiB persistent messages; RabbitMQ node " + node.nodeName()
                + "; " + Runtime.getRuntime().availableProcessors() + " processors.";
        System.out.println(header + "\n\n" + results.table());
        Path file = target.resolve("benchmark-results.md");
        results.write(file, header);
        System.out.println("Written to " + file);
    }

    /**
     * The order rows, in messages/s (three per order); an order that failed fails the benchmark. Notes how many
     * transaction-log handles each row left in the server's heap (which payara/Payara#7849 keeps).
     */
    private static void measureOrders(Results results, AdapterClient adapter, long pid, long millis, int repetition)
            throws Exception {
        Map<String, String> subjects = new LinkedHashMap<>();
        subjects.put("none", ORDERS_REFERENCE);
        subjects.put("transaction", HELD);
        subjects.put("xa", XA);
        StringBuilder logged = new StringBuilder();
        for (Map.Entry<String, String> subject : subjects.entrySet()) {
            long handlesBefore = TransactionLog.handles(pid);
            Map<String, String> answer = adapter.orders(PUBLISH_QUEUE, 16, millis, subject.getKey());
            if (!"0".equals(answer.get("errors"))) {
                throw new IllegalStateException("orders (" + subject.getKey() + ") failed: " + answer);
            }
            if (subject.getKey().equals("xa") && !answer.get("xaPrepared").equals(answer.get("messages"))) {
                throw new IllegalStateException("the XA row did not run two phases for every order: " + answer);
            }
            double rate = BenchOrders.MESSAGES * AdapterClient.rate(answer);
            results.add(ORDERS, subject.getValue(), rate);
            if (!subject.getKey().equals("none")) {
                results.add(ORDERS_XA, subject.getValue(), rate); // paired with the held row of the same repetition
            }
            logged.append(String.format(" %s: %s orders, %+d handles;", subject.getKey(), answer.get("messages"),
                    TransactionLog.handles(pid) - handlesBefore));
        }
        results.note("Orders, repetition " + repetition + ", transaction-log handles left in the heap:" + logged);
    }

    private static Results declareScenarios() {
        Results results = new Results();
        results.scenario(SYNC, "raw amqp-client, 16 long-lived channels", ">= 0.95");
        results.scenario(STREAM, "raw amqp-client, confirm listener", ">= 0.90");
        results.scenario(PER_MESSAGE, "raw amqp-client, connection + channel per message", ">= 20");
        results.scenario(PER_MESSAGE_16, "raw amqp-client, connection + channel per message", ">= 20");
        results.scenario(SPRING, "raw amqp-client, 16 long-lived channels", ">= Spring AMQP");
        results.scenario(FIRE, "raw amqp-client, one long-lived channel", "(no goal)");
        results.scenario(CONSUME, "raw amqp-client, 10 consumers", ">= 0.90");
        results.scenario(CONSUME_TX, "raw amqp-client, 10 consumers", ">= 0.70");
        results.scenario(JMS_SEND, "raw amqp-client, 16 long-lived channels", ">= 0.80");
        results.scenario(JMS_CONSUME, "raw amqp-client, 10 consumers", ">= 0.80");
        results.scenario(SCALE, "none", "errors 0");
        results.scenario(ORDERS, ORDERS_REFERENCE, "(the cost of following the transaction)");
        results.scenario(ORDERS_XA, HELD, "(the cost XA enlistment would add)");
        return results;
    }

    private static PayaraMicroProcess startServer(Path target, Path workDir, RabbitNode node, BenchDatabase orders,
                                                  boolean profile) throws Exception {
        Path war = workDir.resolve("bench.war");
        ShrinkWrap.create(WebArchive.class, "bench.war").addPackage(BenchResource.class.getPackage())
                .addAsLibrary(PostgresDatabase.driver())
                .addAsLibrary(target.resolve("rabbitmq-jca-microprofile.jar").toFile())
                .addAsWebInfResource(new StringAsset(GlassfishResources.xml(POOLS,
                        List.of(orders.pool(BenchOrders.DATA_SOURCE)), List.of())), "glassfish-resources.xml")
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        return PayaraMicroProcess.startAndAwaitReady(target.resolve("payara-micro.jar"), workDir,
                AdminCommands.POST_BOOT_FILE.deployAdapter(target.resolve("rabbitmq-jca.rar"),
                        ServerSetup.adapterFor(node.amqpPort(), "bench")), List.of(war), Duration.ofMinutes(3), profile
                        ? List.of("-XX:StartFlightRecording=settings=profile,filename=" + workDir.resolve("micro.jfr"))
                        : List.of());
    }

    /** Leaves {@code channels} idle channels in a pool of their own and reports what they added to the server. */
    private static String idleChannelMemory(AdapterClient adapter, RabbitNode node, int channels) throws Exception {
        long heapBefore = adapter.heapAfterGc();
        adapter.fillIdlePool(channels);
        long heapAfter = adapter.heapAfterGc();
        int counted = node.channelsPerConnection().entrySet().stream()
                .filter(connection -> connection.getKey().startsWith("bench-idle"))
                .mapToInt(Map.Entry::getValue).sum();
        return String.format("Idle pooled channels: %d opened and returned to a pool of their own (the broker counts "
                + "%d on its connection): the server's heap after a full collection grew by %.1f KiB per channel.",
                channels, counted, (heapAfter - heapBefore) / 1024.0 / channels);
    }

    private static long residentKilobytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /**
     * Four pools: with confirms (64 channels, for up to 1 000 callers), without (8 channels), one that only
     * holds idle channels for the memory measurement, and a JMS pool (16 channels).
     */
    static final List<ConnectorPool> POOLS = List.of(
            ConnectorPool.of("bench-confirmed", "java:app/rabbitmq/confirmed", 64, 60_000,
                    Map.of("publisherConfirms", "true")),
            ConnectorPool.of("bench-unconfirmed", "java:app/rabbitmq/unconfirmed", 8, 60_000,
                    Map.of("publisherConfirms", "false")),
            ConnectorPool.of("bench-idle", "java:app/rabbitmq/idle", IDLE_CHANNELS, 60_000,
                    Map.of("connectionName", "bench-idle")).withIdleTimeoutSeconds(3_600),
            ConnectorPool.of("bench-jms", "java:app/jms/bench", 16, 60_000, Map.of("connectionName", "bench-jms"))
                    .asJms());
}
