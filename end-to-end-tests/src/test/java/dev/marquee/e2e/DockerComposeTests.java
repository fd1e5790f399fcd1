package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where Marquee is developed, so {@code docker-compose.yml} cannot
 * be started in CI. This keeps it honest instead: every service it builds must be a
 * module of the build, on the port that module listens on, configured through variables
 * that module really reads. It lives with the tests of the whole platform, which the
 * compose file describes; it reads files only and starts nothing.
 */
class DockerComposeTests {

	private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	private static final Map<String, Integer> SERVICE_PORTS = Map.of("page-construction", 8080, "ingestion-service",
			8081, "data-consumer", 8082, "hollow-producer", 8083);

	/**
	 * Properties service-support binds for the services, by prefix: where the record is,
	 * and the dependency that makes a module use it (its auto-configuration's condition).
	 */
	private static final Map<String, SharedProperties> SHARED_PROPERTIES = Map.of("marquee.kafka",
			new SharedProperties("service-support/src/main/java/dev/marquee/support/kafka/TopicReplication.java",
					"spring-boot-starter-kafka"));

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void runsKafkaCassandraAndEveryServiceWithTwoPageConstructionReplicas() {
		assertThat(services).containsKeys("kafka", "cassandra", "hollow-producer", "data-consumer", "ingestion-service",
				"page-construction", "page-construction-2");
		assertThat(services.values()
			.stream()
			.filter((s) -> !inClusterProfile(s))
			.filter((s) -> "page-construction".equals(module(s)))).hasSize(2);
	}

	@Test
	void infrastructureImagesMatchTheVersionsTheProjectRunsLocally() throws IOException {
		String kafkaPom = Files.readString(REPO.resolve("local-infra/kafka-runtime/pom.xml"));
		String cassandraPom = Files.readString(REPO.resolve("local-infra/cassandra-runtime/pom.xml"));

		assertThat(kafkaPom).contains("<kafka.version>" + tag("kafka") + "</kafka.version>");
		assertThat(cassandraPom).contains("<cassandra-server.version>" + tag("cassandra") + ".");
	}

	@Test
	void everyBuiltServiceIsARunnableModuleOfTheBuild() throws IOException {
		String rootPom = Files.readString(REPO.resolve("pom.xml"));
		for (Map<String, Object> service : builtServices()) {
			String module = module(service);
			Map<?, ?> build = (Map<?, ?>) service.get("build");
			assertThat(build.get("context")).isEqualTo(".");
			assertThat(REPO.resolve((String) build.get("dockerfile"))).isRegularFile();
			assertThat(rootPom).contains("<module>" + module + "</module>");
			assertThat(Files.readString(REPO.resolve(module + "/pom.xml"))).contains("spring-boot-maven-plugin");
		}
	}

	@Test
	void containerPortsAreThePortsTheModulesListenOn() throws IOException {
		for (Map<String, Object> service : builtServices()) {
			String module = module(service);
			int modulePort = defaultServerPort(module);
			assertThat(modulePort).as(module).isEqualTo(SERVICE_PORTS.get(module));
			String mapping = ((List<?>) service.get("ports")).get(0).toString();
			assertThat(mapping).as(module).endsWith(":" + modulePort);
			assertThat(environment(service).get("SERVER_PORT")).as(module).isEqualTo(Integer.toString(modulePort));
		}
		List<Object> hostPorts = builtServices().stream()
			.map((service) -> ((List<?>) service.get("ports")).get(0).toString().split(":")[0])
			.map(Object.class::cast)
			.toList();
		assertThat(hostPorts).as("every service has its own host port").doesNotHaveDuplicates();
	}

	@Test
	void everyEnvironmentVariableIsOneTheModuleReads() throws IOException {
		for (Map<String, Object> service : builtServices()) {
			String module = module(service);
			String config = Files.readString(applicationYml(module));
			for (String variable : environment(service).keySet()) {
				if (!config.contains("${" + variable + ":")) {
					assertThat(boundBySharedProperties(module, variable))
						.as(module + " reads " + variable + " (its application.yml or service-support's properties)")
						.isTrue();
				}
			}
		}
	}

	/**
	 * Whether a variable binds (Boot's relaxed binding: {@code MARQUEE_KAFKA_X_Y} is
	 * {@code marquee.kafka.x-y}) to a component of a service-support properties record
	 * the module uses.
	 */
	private static boolean boundBySharedProperties(String module, String variable) throws IOException {
		for (Map.Entry<String, SharedProperties> shared : SHARED_PROPERTIES.entrySet()) {
			String prefix = shared.getKey().replace('.', '_').toUpperCase(java.util.Locale.ROOT) + "_";
			if (!variable.startsWith(prefix)) {
				continue;
			}
			String source = Files.readString(REPO.resolve(shared.getValue().source()));
			String[] words = variable.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT).split("_");
			StringBuilder component = new StringBuilder(words[0]);
			for (int i = 1; i < words.length; i++) {
				component.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
			}
			boolean used = Files.readString(REPO.resolve(module + "/pom.xml")).contains(shared.getValue().usedWith());
			return used && source.contains("@ConfigurationProperties(\"" + shared.getKey() + "\")")
					&& Pattern.compile("\\b" + component + "\\b").matcher(source).find();
		}
		return false;
	}

	private record SharedProperties(String source, String usedWith) {
	}

	@Test
	void servicesReachTheHollowProducerAndInfrastructureByServiceName() {
		assertThat(environment(services.get("ingestion-service")).get("MARQUEE_HOLLOW_PRODUCER_URL"))
			.isEqualTo("http://hollow-producer:8083");
		assertThat(environment(services.get("page-construction")).get("MARQUEE_HOLLOW_PRODUCER_URL"))
			.isEqualTo("http://hollow-producer:8083");
		for (Map<String, Object> service : builtServices()) {
			Map<String, String> environment = environment(service);
			boolean cluster = inClusterProfile(service);
			if (environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
				assertThat(environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
					.isEqualTo(cluster ? "kafka-1:9092,kafka-2:9092,kafka-3:9092" : "kafka:9092");
			}
			if (environment.containsKey("SPRING_CASSANDRA_CONTACT_POINTS")) {
				assertThat(environment.get("SPRING_CASSANDRA_CONTACT_POINTS"))
					.isEqualTo(cluster ? "cassandra-1:9042,cassandra-2:9042,cassandra-3:9042" : "cassandra:9042");
			}
		}
	}

	@Test
	void clusterProfileRunsThreeCassandraNodesThreeKafkaBrokersAndTwoPageConstructionReplicas() {
		List<String> cluster = services.entrySet()
			.stream()
			.filter((entry) -> inClusterProfile(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(cluster).contains("kafka-1", "kafka-2", "kafka-3", "cassandra-1", "cassandra-2", "cassandra-3",
				"data-consumer-cluster", "ingestion-service-cluster");
		assertThat(cluster.stream().filter((name) -> "page-construction".equals(module(services.get(name)))))
			.hasSizeGreaterThanOrEqualTo(2);
		for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
			Map<String, String> kafka = environment(services.get(name));
			assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
				.isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
			assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + name + ":9092");
			assertThat(kafka.get("KAFKA_NODE_ID")).isEqualTo(name.substring(name.length() - 1));
			assertThat(kafka).containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
		}
		for (String name : List.of("cassandra-1", "cassandra-2", "cassandra-3")) {
			assertThat(environment(services.get(name))).containsEntry("CASSANDRA_SEEDS", "cassandra-1")
				.containsEntry("CASSANDRA_DC", "datacenter1");
		}
		for (String name : cluster) {
			Map<String, String> environment = environment(services.get(name));
			if (services.get(name).containsKey("build")) {
				assertThat(environment).as(name)
					.containsEntry("MARQUEE_CASSANDRA_REPLICATION", "NetworkTopologyStrategy:datacenter1=3")
					.containsEntry("MARQUEE_CASSANDRA_CONSISTENCY", "local_quorum");
			}
			if (environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
				assertThat(environment).as(name)
					.containsEntry("MARQUEE_KAFKA_REPLICATION_FACTOR", "3")
					.containsEntry("MARQUEE_KAFKA_MIN_INSYNC_REPLICAS", "2");
			}
		}
	}

	private static boolean inClusterProfile(Map<String, Object> service) {
		return ((List<?>) service.getOrDefault("profiles", List.of())).contains("cluster");
	}

	private static List<Map<String, Object>> builtServices() {
		return services.values().stream().filter((s) -> s.containsKey("build")).toList();
	}

	private static String module(Map<String, Object> service) {
		Map<?, ?> build = (Map<?, ?>) service.get("build");
		return (build != null) ? (String) ((Map<?, ?>) build.get("args")).get("MODULE") : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> service) {
		return (Map<String, String>) service.getOrDefault("environment", Map.of());
	}

	private static String tag(String service) {
		String image = (String) services.get(service).get("image");
		return image.substring(image.indexOf(':') + 1);
	}

	private static Path applicationYml(String module) {
		return REPO.resolve(module + "/src/main/resources/application.yml");
	}

	private static int defaultServerPort(String module) throws IOException {
		Matcher matcher = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}")
			.matcher(Files.readString(applicationYml(module)));
		assertThat(matcher.find()).as(module + " sets server.port from SERVER_PORT").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
