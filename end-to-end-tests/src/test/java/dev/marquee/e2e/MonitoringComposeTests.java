package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' view in {@code docker-compose.yml}, checked without a Docker engine:
 * Prometheus scrapes every service compose runs, Grafana reads that Prometheus and the
 * dashboard from the files compose mounts. Whether the dashboard's metrics exist is
 * checked against the running platform (end-to-end-tests).
 */
class MonitoringComposeTests {

	private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readComposeFile() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void prometheusAndGrafanaRunFromTheirOfficialImagesOnLoopbackPorts() {
		assertThat((String) services.get("prometheus").get("image")).startsWith("prom/prometheus:v");
		assertThat((String) services.get("grafana").get("image")).startsWith("grafana/grafana:");
		assertThat(list(services.get("prometheus"), "ports")).containsExactly("127.0.0.1:9090:9090");
		assertThat(list(services.get("grafana"), "ports")).containsExactly("127.0.0.1:3000:3000");
	}

	@Test
	void everyMountedConfigurationFileExists() {
		for (String name : List.of("prometheus", "grafana")) {
			for (String volume : list(services.get(name), "volumes")) {
				String source = volume.split(":")[0];
				if (source.startsWith("./")) {
					assertThat(REPO.resolve(source)).as(name + " mounts " + source).exists();
				}
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceComposeRunsOnItsPort() throws IOException {
		Map<String, Object> config = new Yaml().load(Files.readString(REPO.resolve("ops/prometheus/prometheus.yml")));
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : jobs) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
				targets.addAll((List<String>) group.get("targets"));
			}
		}
		services.forEach((name, service) -> {
			if (service.containsKey("build") && !service.containsKey("profiles")) {
				String containerPort = list(service, "ports").get(0).replaceAll(".*:", "");
				assertThat(targets).as(name).contains(name + ":" + containerPort);
			}
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void grafanaReadsThatPrometheusAndTheMountedDashboard() throws IOException {
		Map<String, Object> datasources = new Yaml()
			.load(Files.readString(REPO.resolve("ops/grafana/provisioning/datasources/prometheus.yml")));
		Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
		assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
		Map<String, Object> providers = new Yaml()
			.load(Files.readString(REPO.resolve("ops/grafana/provisioning/dashboards/marquee.yml")));
		Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).get(0);
		String dashboardPath = (String) ((Map<String, Object>) provider.get("options")).get("path");
		assertThat(list(services.get("grafana"), "volumes"))
			.contains("./ops/grafana/dashboards:" + dashboardPath + ":ro");

		// JSON is YAML: the dashboard's panels all query the provisioned data source
		Map<String, Object> dashboard = new Yaml()
			.load(Files.readString(REPO.resolve("ops/grafana/dashboards/marquee.json")));
		List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
		assertThat(panels).isNotEmpty();
		for (Map<String, Object> panel : panels) {
			assertThat(((Map<String, Object>) panel.get("datasource")).get("uid")).as((String) panel.get("title"))
				.isEqualTo(datasource.get("uid"));
			assertThat((List<?>) panel.get("targets")).as((String) panel.get("title")).isNotEmpty();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> service, String key) {
		return ((List<Object>) service.getOrDefault(key, List.of())).stream().map(String::valueOf).toList();
	}

}
