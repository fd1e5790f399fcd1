package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where Marquee is developed, so the {@code Dockerfile} cannot be
 * built in CI. This keeps its promises instead: dependencies resolved in a layer that
 * only the poms invalidate, only the service's own modules built (read from the poms,
 * under the image build's {@code -Dmarquee.image}), and Boot's layered jar in the image.
 */
class DockerfileTests {

	private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> SERVICES = List.of("ingestion-service", "data-consumer", "hollow-producer",
			"page-construction");

	private static final String IMAGE_PROPERTY = "marquee.image";

	private static List<String> instructions;

	@BeforeAll
	static void readDockerfile() throws IOException {
		instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(REPO.resolve("Dockerfile"))) {
			if (current.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
				continue;
			}
			String stripped = line.strip();
			if (stripped.endsWith("\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			instructions.add(current.append(stripped).toString());
			current.setLength(0);
		}
	}

	@Test
	void dependenciesAreResolvedFromThePomsAloneBeforeAnySourceIsCopied() throws Exception {
		int firstSource = indexOf(DockerfileTests::copiesSources);
		int resolve = indexOf((instruction) -> instruction.startsWith("RUN ./mvnw"));
		assertThat(resolve).as("a Maven run before the sources").isLessThan(firstSource).isNotNegative();
		assertThat(instructions.get(resolve)).contains("-Dspring-boot.repackage.skip=true");
		// Maven reads every module of the reactor, so every pom must be there already
		List<String> before = instructions.subList(0, resolve);
		for (String module : modules(REPO)) {
			assertThat(before).as(module + "/pom.xml copied first")
				.contains("COPY " + module + "/pom.xml " + module + "/");
		}
		assertThat(before).contains("COPY pom.xml ./");
		assertThat(before).noneMatch((instruction) -> instruction.startsWith("COPY . "));
	}

	@Test
	void everyBuildIsTheImageBuildOfTheServiceAndWhatItNeeds() {
		List<String> builds = instructions.stream().filter((instruction) -> instruction.contains("./mvnw")).toList();
		assertThat(builds).hasSize(2);
		for (String build : builds) {
			assertThat(build).contains("-D" + IMAGE_PROPERTY + " ", "-Dmaven.test.skip=true", "-pl \"${MODULE}\" -am");
		}
	}

	@Test
	void aServiceImageBuildsOnlyTheServiceSharedModelAndServiceSupport() throws Exception {
		Set<String> copiedSources = new LinkedHashSet<>();
		for (String instruction : instructions) {
			if (copiesSources(instruction)) {
				copiedSources.add(instruction.split(" ")[1].replace("/src/", ""));
			}
		}
		assertThat(copiedSources).containsExactly("shared-model", "service-support", "${MODULE}");
		for (String service : SERVICES) {
			Set<String> built = imageBuildOf(service);
			assertThat(built).as(service).containsExactlyInAnyOrder(service, "shared-model", "service-support");
		}
	}

	@Test
	void theImageRunsBootsLayeredJarAsAnUnprivilegedUser() {
		String extract = instructions.stream()
			.filter((instruction) -> instruction.contains("-Djarmode=tools"))
			.findFirst()
			.orElseThrow();
		assertThat(extract).contains("extract --layers --launcher --destination extracted");
		int runtime = lastIndexOf((instruction) -> instruction.startsWith("FROM "));
		assertThat(instructions.get(runtime)).matches("FROM eclipse-temurin:\\d+-jre");
		List<String> layers = instructions.subList(runtime, instructions.size())
			.stream()
			.filter((instruction) -> instruction.startsWith("COPY --from=build"))
			.toList();
		// least to most often changed, so that a code change rebuilds only the
		// application layer
		assertThat(layers).containsExactly("COPY --from=build /src/extracted/dependencies/ ./",
				"COPY --from=build /src/extracted/spring-boot-loader/ ./",
				"COPY --from=build /src/extracted/snapshot-dependencies/ ./",
				"COPY --from=build /src/extracted/application/ ./");
		assertThat(instructions.subList(runtime, instructions.size())).contains("USER marquee");
		assertThat(instructions.get(instructions.size() - 1)).startsWith("ENTRYPOINT [\"java\"")
			.endsWith("\"org.springframework.boot.loader.launch.JarLauncher\"]");
	}

	/** A copy of a module's sources from the build context (not from the build stage). */
	private static boolean copiesSources(String instruction) {
		return instruction.startsWith("COPY ") && !instruction.startsWith("COPY --from")
				&& instruction.contains("/src/");
	}

	/**
	 * The modules {@code -pl <service> -am} builds under {@code -Dmarquee.image}, read
	 * from the poms.
	 */
	private static Set<String> imageBuildOf(String service) throws Exception {
		Set<String> artifacts = new LinkedHashSet<>();
		collect(service, artifacts);
		return artifacts;
	}

	private static void collect(String module, Set<String> built) throws Exception {
		if (!built.add(module)) {
			return;
		}
		Element project = pom(module);
		for (String dependency : marqueeDependencies(child(project, "dependencies"))) {
			collect(moduleOf(dependency), built);
		}
		Element profiles = child(project, "profiles");
		if (profiles == null) {
			return;
		}
		for (Element profile : children(profiles, "profile")) {
			if (!marqueeDependencies(child(profile, "dependencies")).isEmpty()) {
				String activation = text(child(child(child(profile, "activation"), "property"), "name"));
				assertThat(activation).as(module + ": a profile with Marquee modules is off in the image build")
					.isEqualTo("!" + IMAGE_PROPERTY);
			}
		}
	}

	private static String moduleOf(String artifactId) throws Exception {
		for (String module : modules(REPO)) {
			if (artifactId.equals(text(child(pom(module), "artifactId")))) {
				return module;
			}
		}
		throw new AssertionError("No module builds " + artifactId);
	}

	private static List<String> marqueeDependencies(Element dependencies) {
		if (dependencies == null) {
			return List.of();
		}
		return children(dependencies, "dependency").stream()
			.filter((dependency) -> "dev.marquee".equals(text(child(dependency, "groupId"))))
			.map((dependency) -> text(child(dependency, "artifactId")))
			.toList();
	}

	private static List<String> modules(Path repo) throws Exception {
		Element project = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(repo.resolve("pom.xml").toFile())
			.getDocumentElement();
		return children(child(project, "modules"), "module").stream().map(DockerfileTests::text).toList();
	}

	private static Element pom(String module) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(REPO.resolve(module).resolve("pom.xml").toFile())
			.getDocumentElement();
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && name.equals(element.getTagName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element element) {
		return (element != null) ? element.getTextContent().strip() : null;
	}

	private static int indexOf(Predicate<String> test) {
		for (int i = 0; i < instructions.size(); i++) {
			if (test.test(instructions.get(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOf(Predicate<String> test) {
		for (int i = instructions.size() - 1; i >= 0; i--) {
			if (test.test(instructions.get(i))) {
				return i;
			}
		}
		return -1;
	}

}
