package dev.marquee.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./marquee up [--detach] [--cluster] [--page-replicas N] | down | status}: runs
 * the whole platform locally on real Kafka and Cassandra, one node of each or (with
 * {@code --cluster}) three of each.
 *
 * <p>
 * The process that owns the platform is the <em>lifeline</em>: {@code up} in the
 * foreground is the lifeline itself; {@code up --detach} starts one in the background.
 * Every component watches the lifeline and exits if it dies, so nothing is left orphaned;
 * stopping the lifeline (Ctrl-C, {@code down}) stops every component cleanly.
 */
public final class MarqueeCli {

	private static final PrintStream OUT = System.out;

	private final Path repo;

	private final Path home;

	private MarqueeCli(Path repo, Path home) {
		this.repo = repo;
		this.home = home;
	}

	public static void main(String[] args) {
		Path repo = Path.of(System.getProperty("marquee.repo", ".")).toAbsolutePath().normalize();
		String homeSetting = System.getenv("MARQUEE_HOME");
		Path home = ((homeSetting != null && !homeSetting.isBlank()) ? Path.of(homeSetting) : repo.resolve(".marquee"))
			.toAbsolutePath()
			.normalize();
		MarqueeCli cli = new MarqueeCli(repo, home);
		String command = (args.length > 0) ? args[0] : "help";
		List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
		try {
			int exit = switch (command) {
				case "up" -> options.contains("--detach") ? cli.upDetached(options) : cli.upForeground(options);
				case "lifeline" -> cli.lifeline(options);
				case "down" -> cli.down();
				case "status" -> cli.status();
				default -> usage();
			};
			System.exit(exit);
		}
		catch (RuntimeException ex) {
			System.err.println("marquee: " + ex.getMessage());
			System.exit(1);
		}
	}

	private static int usage() {
		OUT.println("""
				usage: ./marquee up [--detach] [--no-sample]   start Kafka, Cassandra and the four services
				         [--cluster]                          3 Cassandra nodes and 3 Kafka brokers (RF 3, LOCAL_QUORUM,
				                                              min.insync.replicas=2) instead of one of each
				         [--page-replicas N]                  N page-construction instances (8080, then 8084, 8085, ...)
				       ./marquee down                         stop everything
				       ./marquee status                       show each component's state""");
		return 2;
	}

	private Path lifelinePidFile() {
		return this.home.resolve("run/lifeline.pid");
	}

	private Path stateFile() {
		return this.home.resolve("run/state");
	}

	private Optional<ManagedProcess> lifeline() {
		return ManagedProcess.fromPidFile("lifeline", lifelinePidFile());
	}

	private int upForeground(List<String> options) {
		Optional<ManagedProcess> existing = lifeline();
		if (existing.isPresent()) {
			return ensureRunning(existing.get(), options);
		}
		return lifeline(options);
	}

	/**
	 * Runs the platform in this process until it is told to stop (SIGTERM, Ctrl-C).
	 */
	private int lifeline(List<String> options) {
		long self = ProcessHandle.current().pid();
		writeLifelinePid(self);
		Topology topology = Topology.of(options, Topology.SINGLE);
		topology.write(this.home);
		Platform platform = new Platform(this.repo, this.home, self, topology);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			OUT.println("stopping the platform ...");
			platform.stopAll(OUT);
			writeState("stopped");
			try {
				Files.deleteIfExists(lifelinePidFile());
			}
			catch (IOException ex) {
				// Harmless: a stale pid file is recognised by its start time.
			}
			OUT.println("stopped");
		}, "marquee-shutdown"));
		writeState("starting");
		try {
			Instant started = Instant.now();
			platform.startMissing(self, OUT);
			loadSampleContent(platform, options);
			writeState("ready");
			OUT.printf("all components healthy after %d s%n", Duration.between(started, Instant.now()).toSeconds());
			printSummary(platform);
		}
		catch (RuntimeException ex) {
			writeState("failed: " + ex.getMessage());
			System.err.println("marquee: " + ex.getMessage());
			return 1;
		}
		OUT.println("press Ctrl-C to stop");
		try {
			Thread.currentThread().join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private int ensureRunning(ManagedProcess lifeline, List<String> options) {
		OUT.println("the platform's lifeline is already running (pid " + lifeline.pid()
				+ "); starting whatever is not running");
		Topology topology = Topology.of(options, Topology.read(this.home));
		topology.write(this.home);
		Platform platform = new Platform(this.repo, this.home, lifeline.pid(), topology);
		platform.startMissing(lifeline.pid(), OUT);
		loadSampleContent(platform, options);
		writeState("ready");
		printSummary(platform);
		return 0;
	}

	private int upDetached(List<String> options) {
		Optional<ManagedProcess> existing = lifeline();
		if (existing.isPresent()) {
			return ensureRunning(existing.get(), options);
		}
		writeState("starting");
		List<String> command = new ArrayList<>();
		// Its own session, so that closing the terminal (SIGHUP) does not reach the
		// detached platform.
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			command.add("/usr/bin/setsid");
		}
		command.add(Java.executable());
		command.add("-Xmx128m");
		command.add("-Dmarquee.repo=" + this.repo);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(MarqueeCli.class.getName());
		command.add("lifeline");
		command.addAll(options.stream().filter((option) -> !option.equals("--detach")).toList());
		Path log = this.home.resolve("logs/launcher.log");
		ManagedProcess lifeline = ManagedProcess.start("lifeline", command, this.repo, java.util.Map.of(), log,
				lifelinePidFile());
		OUT.println("starting the platform in the background (lifeline pid " + lifeline.pid() + ", log " + log + ")");
		Instant deadline = Instant.now()
			.plus(Platform.startTimeout(Topology.of(options, Topology.read(this.home))).multipliedBy(2));
		while (Instant.now().isBefore(deadline)) {
			String state = readState();
			if (state.equals("ready")) {
				printSummary(new Platform(this.repo, this.home, lifeline.pid()));
				return 0;
			}
			if (state.startsWith("failed") || !lifeline.isAlive()) {
				System.err.println("marquee: the platform did not start: " + state + "; see " + log);
				lifeline.stop(Platform.STOP_GRACE);
				return 1;
			}
			sleep(Duration.ofMillis(500));
		}
		System.err.println("marquee: the platform was not healthy in time; see " + log);
		return 1;
	}

	private int down() {
		Optional<ManagedProcess> lifeline = lifeline();
		if (lifeline.isPresent()) {
			OUT.println("stopping the platform (lifeline pid " + lifeline.get().pid() + ") ...");
			lifeline.get().stop(Duration.ofMinutes(2));
		}
		// Whatever is left (a lifeline killed with SIGKILL leaves guarded components that
		// exit by themselves within
		// a second; anything started by hand without a lifeline) is stopped by its pid
		// file.
		Platform platform = new Platform(this.repo, this.home, ProcessHandle.current().pid());
		platform.stopAll(OUT);
		writeState("stopped");
		OUT.println("stopped");
		return 0;
	}

	private int status() {
		Platform platform = new Platform(this.repo, this.home, ProcessHandle.current().pid());
		Optional<ManagedProcess> lifeline = lifeline();
		OUT.printf("%-18s %-9s %-8s %-28s %s%n", "COMPONENT", "STATE", "PID", "ADDRESS", "HEALTH / LOG");
		OUT.printf("%-18s %-9s %-8s %-28s %s%n", "lifeline", lifeline.isPresent() ? "running" : "stopped",
				lifeline.map((p) -> Long.toString(p.pid())).orElse("-"), "-", this.home.resolve("logs/launcher.log"));
		for (Platform.Infrastructure node : platform.infrastructure()) {
			Optional<ManagedProcess> process = node.server().running();
			row(node.name(), process, node.address(),
					process.isPresent() ? "ready=" + Readiness.portOpen(node.host(), node.port()) : "-", node.log());
		}
		for (Platform.Service service : platform.services()) {
			Optional<ManagedProcess> process = platform.running(service);
			row(service.name(), process, "http://127.0.0.1:" + service.port(),
					process.isPresent() ? Readiness.health(service.healthUrl()) : "-", platform.log(service));
		}
		return 0;
	}

	private static void row(String name, Optional<ManagedProcess> process, String address, String health, Path log) {
		OUT.printf("%-18s %-9s %-8s %-28s %s  %s%n", name, process.isPresent() ? "running" : "stopped",
				process.map((p) -> Long.toString(p.pid())).orElse("-"), address, health, log);
	}

	private void loadSampleContent(Platform platform, List<String> options) {
		Path sample = this.repo.resolve("sample");
		Path marker = this.home.resolve("data/sample-loaded");
		if (options.contains("--no-sample") || !Files.isDirectory(sample) || Files.exists(marker)) {
			return;
		}
		Platform.Service ingestion = platform.services()
			.stream()
			.filter((s) -> s.name().equals("ingestion-service"))
			.findFirst()
			.orElseThrow();
		String secret = Optional.ofNullable(System.getenv("MARQUEE_WEBHOOK_SECRET_MARQUEE"))
			.orElse(SampleContentLoader.DEFAULT_SECRET);
		OUT.println("loading sample content through POST /webhooks/marquee ...");
		try {
			int count = new SampleContentLoader(
					URI.create("http://127.0.0.1:" + ingestion.port() + "/webhooks/marquee"), secret)
				.load(sample, OUT);
			Files.writeString(marker, count + " deliveries at " + Instant.now() + "\n");
		}
		catch (IOException ex) {
			throw new IllegalStateException("loading sample content failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void printSummary(Platform platform) {
		OUT.println();
		OUT.println("Marquee is running:");
		for (Platform.Service service : platform.services()) {
			OUT.printf("  %-18s http://localhost:%d  (log %s)%n", service.name(), service.port(),
					platform.log(service));
		}
		for (Platform.Infrastructure node : platform.infrastructure()) {
			OUT.printf("  %-18s %s  (log %s)%n", node.name(), node.address(), node.log());
		}
		if (platform.topology().cluster()) {
			OUT.println(
					"  cluster mode: keyspaces NetworkTopologyStrategy datacenter1=3, LOCAL_QUORUM, topics RF 3 with "
							+ "min.insync.replicas=2");
		}
		OUT.println();
		OUT.println("  dashboard:   http://localhost:8080/");
		OUT.println("  a page:      curl http://localhost:8080/pages");
		OUT.println("  local default credentials (override with the environment, see README):");
		OUT.println("    admin / marquee-admin-local     (MARQUEE_ADMIN_PASSWORD)");
		OUT.println("    editor / marquee-editor-local   (MARQUEE_EDITOR_PASSWORD)");
		OUT.println("    webhook secret (marquee): local-marquee-webhook-secret (MARQUEE_WEBHOOK_SECRET_MARQUEE)");
		OUT.println("  data: " + this.home.resolve("data") + "   logs: " + this.home.resolve("logs"));
		OUT.println("  stop: ./marquee down");
	}

	private void writeLifelinePid(long pid) {
		try {
			Files.createDirectories(lifelinePidFile().getParent());
			long started = ProcessHandle.current().info().startInstant().orElse(Instant.now()).toEpochMilli();
			Files.writeString(lifelinePidFile(), pid + " " + started + "\n");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void writeState(String state) {
		try {
			Files.createDirectories(stateFile().getParent());
			Files.writeString(stateFile(), state + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String readState() {
		try {
			return Files.isRegularFile(stateFile()) ? Files.readString(stateFile()).strip() : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
