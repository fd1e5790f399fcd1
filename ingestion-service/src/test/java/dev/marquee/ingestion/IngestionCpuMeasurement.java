package dev.marquee.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.marquee.testsupport.CpuTimes;
import dev.marquee.ingestion.publish.Publisher;
import dev.marquee.ingestion.render.PageRenderer;
import dev.marquee.model.webhook.NativeWebhook;
import dev.marquee.sample.DatasetGenerator;
import dev.marquee.sample.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite (its name matches no test pattern): the CPU
 * ingestion spends per 50-element page edit ({@link DatasetGenerator}'s pages, a publish:
 * PUBLISHED and PREVIEW), on the real Kafka broker and Cassandra node of the test
 * infrastructure and the stand-in hollow producer. Edits are posted one at a time from
 * the test thread (whose CPU, like the stand-in's, is not counted).
 * <p>
 * It prints, and writes to {@code target/ingestion-cpu.txt}, per edit:
 * <ul>
 * <li>the CPU of ingestion's own threads by pool (Tomcat's request threads, the Cassandra
 * driver's, Kafka's network thread, the hollow client's workers, ...);</li>
 * <li>the request thread's CPU split by stage, each stage exclusive of those nested in
 * it: {@code render} ({@link PageRenderer}, without the catalog lookups), {@code catalog}
 * ({@code CatalogCache}), {@code store} (every bean of the {@code store} package: binding
 * and sending statements, awaiting them), {@code publish} ({@link Publisher} without the
 * two paths: serializing the changes and assembling the write request),
 * {@code kafka-send} ({@link KafkaTemplate#send}), {@code hollow-request} (the write
 * request's exchange) and the rest of the request (HTTP, security, parsing, the ingest
 * logic, logging).</li>
 * </ul>
 * Timings are never asserted; it asserts only that every edit was accepted.
 * <p>
 * Run: {@code ./mvnw -B -pl ingestion-service -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=IngestionCpuMeasurement verify}; {@code -Dmarquee.measure.edits} (default 300)
 * measured edits, {@code -Dmarquee.measure.warmup} (default 300) unmeasured ones before,
 * {@code -Dmarquee.measure.pages} (default 20) pages edited in turn;
 * {@code -Dmarquee.measure.jfr=/tmp/ingestion.jfr} records the measured edits with JFR's
 * {@code profile} settings.
 */
@TestPropertySource(properties = "marquee.webhooks.max-body-size=1MB")
@Import(IngestionCpuMeasurement.Stages.class)
class IngestionCpuMeasurement extends IngestionIntegrationTestSupport {

	private static final int ELEMENTS = 50;

	@Test
	void measuresCpuPerPageEdit() throws IOException, java.text.ParseException {
		int edits = Integer.getInteger("marquee.measure.edits", 300);
		int warmup = Integer.getInteger("marquee.measure.warmup", 300);
		int pages = Integer.getInteger("marquee.measure.pages", 20);
		DatasetGenerator dataset = new DatasetGenerator(ELEMENTS, 100);
		for (Delivery delivery : dataset.catalog()) {
			post(delivery);
		}
		List<String> report = new ArrayList<>();
		for (int page = 0; page < pages; page++) {
			int size = dataset.page(page).body().length;
			assertThat(post(dataset.page(page))).isEqualTo(200);
			if (page == 0) {
				report.add("delivery of a " + ELEMENTS + "-element page: " + size + " bytes");
			}
		}
		long version = 1;
		for (int i = 0; i < warmup; i++) {
			version++;
			assertThat(post(dataset.edit(i % pages, version, "publish", "warm-" + i))).isEqualTo(200);
		}
		Stages.totals.clear();
		Stages.calls.clear();
		Stages.measuring = true;
		String jfr = System.getProperty("marquee.measure.jfr");
		Recording recording = null;
		if (jfr != null) {
			recording = new Recording(Configuration.getConfiguration("profile"));
			recording.start();
		}
		Map<String, Long> before = CpuTimes.javaThreads();
		Map<String, Long> nativeBefore = nativeThreadCpu();
		Map<String, Long> childrenBefore = childProcessCpu();
		long processBefore = processCpu();
		long started = System.nanoTime();
		for (int i = 0; i < edits; i++) {
			version++;
			assertThat(post(dataset.edit(i % pages, version, "publish", "edit-" + i))).isEqualTo(200);
		}
		long wall = System.nanoTime() - started;
		long process = processCpu() - processBefore;
		Map<String, Long> childrenAfter = childProcessCpu();
		Map<String, Long> after = CpuTimes.javaThreads();
		Map<String, Long> nativeAfter = nativeThreadCpu();
		Stages.measuring = false;
		if (recording != null) {
			recording.dump(Path.of(jfr));
			recording.close();
		}

		Map<String, Long> pools = new TreeMap<>();
		after.forEach((thread, cpu) -> {
			long delta = cpu - before.getOrDefault(thread, 0L);
			String pool = thread.substring(0, thread.lastIndexOf('#')).replaceAll("[0-9]+", "#");
			if (delta > 0 && !excluded(pool)) {
				pools.merge(pool, delta, Long::sum);
			}
		});
		long total = pools.values().stream().mapToLong(Long::longValue).sum();
		long requestThreads = pools.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("http-nio-"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		report.add(edits + " edits of " + pages + " pages after " + warmup + " warm-up edits, wall "
				+ perEdit(wall, edits) + " per edit");
		long allThreads = after.entrySet()
			.stream()
			.mapToLong((entry) -> entry.getValue() - before.getOrDefault(entry.getKey(), 0L))
			.sum();
		report.add("CPU of ingestion's threads per edit: " + perEdit(total, edits)
				+ "; the JVM's own work outside Java threads: " + perEdit(process - allThreads, edits));
		nativeAfter.forEach((kind, cpu) -> report
			.add("  JVM " + kind + ": " + perEdit(cpu - nativeBefore.getOrDefault(kind, 0L), edits)));
		childrenAfter.forEach((child, cpu) -> report
			.add("  " + child + " process: " + perEdit(cpu - childrenBefore.getOrDefault(child, 0L), edits)));
		pools.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> report.add("  pool " + entry.getKey() + ": " + perEdit(entry.getValue(), edits)));
		report.add("request thread by stage, per edit:");
		long staged = 0;
		for (Map.Entry<String, LongAdder> stage : new TreeMap<>(Stages.totals).entrySet()) {
			staged += stage.getValue().sum();
			report.add("  " + stage.getKey() + ": " + perEdit(stage.getValue().sum(), edits));
		}
		report.add("  calls per edit: " + String.join(", ",
				new TreeMap<>(Stages.calls).entrySet()
					.stream()
					.map((call) -> call.getKey() + " " + String.format("%.1f", (double) call.getValue().sum() / edits))
					.toList()));
		report.add("  rest of the request (HTTP, security, parsing, ingest logic, logging): "
				+ perEdit(requestThreads - staged, edits));
		report.forEach(System.out::println);
		Files.write(Path.of("target", "ingestion-cpu.txt"), report, StandardCharsets.UTF_8);
	}

	// The test thread posting the edits, the stand-in hollow producer, and the JVM's own
	// threads that are no part of ingestion (JMX answering this very measurement).
	private static boolean excluded(String pool) {
		return pool.equals("main") || pool.startsWith("hollow-producer-stub") || pool.equals("HTTP-Dispatcher")
				|| pool.startsWith("RMI ") || pool.startsWith("Attach Listener");
	}

	private static String perEdit(long nanos, int edits) {
		return String.format("%.3f ms", nanos / 1e6 / edits);
	}

	/**
	 * Posts a signed delivery from this thread (no client worker threads to tell apart).
	 */
	private int post(Delivery delivery) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI
				.create("http://127.0.0.1:" + this.port + "/webhooks/marquee")
				.toURL()
				.openConnection();
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", "application/json");
			connection.setRequestProperty(NativeWebhook.DELIVERY_ID, delivery.deliveryId());
			connection.setRequestProperty(NativeWebhook.SIGNATURE, NativeWebhook.sign(Deliveries.SECRET,
					delivery.deliveryId(), System.currentTimeMillis(), delivery.body()));
			try (OutputStream body = connection.getOutputStream()) {
				body.write(delivery.body());
			}
			int status = connection.getResponseCode();
			try (InputStream answer = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				if (answer != null) {
					answer.readAllBytes();
				}
			}
			return status;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	// The Kafka broker and Cassandra node this JVM started, from /proc.
	private static Map<String, Long> childProcessCpu() {
		Map<String, Long> cpu = new TreeMap<>();
		ProcessHandle.current().descendants().forEach((child) -> {
			String command = child.info().commandLine().orElse("");
			String kind = command.contains("cassandra") ? "Cassandra"
					: command.toLowerCase(java.util.Locale.ROOT).contains("kafka") ? "Kafka broker" : null;
			if (kind != null) {
				try {
					cpu.merge(kind, CpuTimes.ofProcess(child.pid()), Long::sum);
				}
				catch (IOException ex) {
					// Gone: not counted.
				}
			}
		});
		return cpu;
	}

	// The JVM's threads no Java code runs on, by their Linux names: the collector's and
	// the JIT compilers'.
	private static Map<String, Long> nativeThreadCpu() throws IOException {
		Map<String, Long> cpu = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String name = Files.readString(task.resolve("comm")).strip();
					String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT"
							: name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC"
									: name.equals("VM Thread") ? "VM thread" : null;
					if (kind != null) {
						cpu.merge(kind, CpuTimes.ofStat(task.resolve("stat")), Long::sum);
					}
				}
				catch (IOException ex) {
					// Ended: not counted.
				}
			}
		}
		return cpu;
	}

	/**
	 * Wraps the beans of each stage so that the CPU of the calling thread inside them is
	 * charged to the stage, exclusive of the stages nested in it.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Stages {

		static final Map<String, LongAdder> totals = new ConcurrentHashMap<>();

		static final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

		static volatile boolean measuring;

		private static final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

		private static final ThreadLocal<Deque<String>> current = ThreadLocal.withInitial(ArrayDeque::new);

		private static final ThreadLocal<long[]> lastSwitch = ThreadLocal.withInitial(() -> new long[1]);

		@Bean
		static BeanPostProcessor cpuStages() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					String stage = stageOf(bean);
					if (stage == null) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) (invocation) -> {
						if (measuring) {
							calls
								.computeIfAbsent(stage + " " + invocation.getMethod().getName(),
										(key) -> new LongAdder())
								.increment();
						}
						enter(stage);
						try {
							return invocation.proceed();
						}
						finally {
							exit();
						}
					});
					return proxy.getProxy();
				}
			};
		}

		@Bean
		RestClientCustomizer hollowRequestStage() {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				enter("hollow-request");
				try {
					return execution.execute(request, body);
				}
				finally {
					exit();
				}
			});
		}

		private static String stageOf(Object bean) {
			String type = bean.getClass().getName();
			if (bean instanceof PageRenderer) {
				return "render";
			}
			if (type.startsWith("dev.marquee.ingestion.ingest.CatalogCache")) {
				return "catalog";
			}
			if (bean instanceof Publisher) {
				return "publish (serialization, write request)";
			}
			if (bean instanceof KafkaTemplate) {
				return "kafka-send";
			}
			if (type.startsWith("dev.marquee.ingestion.store.") && !type.endsWith("WriteSchema")
					&& !type.endsWith("WriteKeyspace")) {
				return "store";
			}
			return null;
		}

		private static void enter(String stage) {
			switchTo();
			current.get().push(stage);
		}

		private static void exit() {
			switchTo();
			current.get().pop();
		}

		// Charges the CPU since the last switch to the stage running until now.
		private static void switchTo() {
			long now = cpu.getCurrentThreadCpuTime();
			long[] last = lastSwitch.get();
			String running = current.get().peek();
			if (running != null && measuring) {
				totals.computeIfAbsent(running, (stage) -> new LongAdder()).add(now - last[0]);
			}
			last[0] = now;
		}

	}

}
