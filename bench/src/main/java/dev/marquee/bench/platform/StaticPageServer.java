package dev.marquee.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A static-file server holding the same page bytes page-construction serves, on
 * 127.0.0.1: the yardstick of the {@code pages} scenario. nginx (Debian's package) when
 * {@code /usr/sbin/nginx} exists, serving files written to a temporary directory, as a
 * CDN edge or a static site would; otherwise the JDK's own HTTP server answering from
 * memory (Java 17 has no {@code SimpleFileServer}). Either way it only copies bytes,
 * which is the floor any page server is measured against.
 */
public final class StaticPageServer implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private final Path root;

	private final int port;

	private final String kind;

	private final @Nullable Process nginx;

	private final @Nullable HttpServer jdk;

	private final @Nullable ExecutorService jdkThreads;

	// file name → bytes, for the JDK server
	private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

	private StaticPageServer(Map<String, byte[]> pages) throws IOException {
		this.root = Files.createTempDirectory("marquee-bench-static");
		// nginx started as root serves with unprivileged workers: they must be able to
		// read the files
		readableByAll(this.root, "rwxr-xr-x");
		for (Map.Entry<String, byte[]> page : pages.entrySet()) {
			this.pages.put(fileName(page.getKey()), page.getValue());
			readableByAll(Files.write(this.root.resolve(fileName(page.getKey())), page.getValue()), "rw-r--r--");
		}
		this.port = freePort();
		if (Files.isExecutable(NGINX)) {
			this.kind = "nginx";
			this.jdk = null;
			this.jdkThreads = null;
			this.nginx = startNginx();
		}
		else {
			this.kind = "JDK HttpServer (nginx not installed)";
			this.nginx = null;
			this.jdkThreads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2);
			this.jdk = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 128);
			this.jdk.createContext("/", this::serve);
			this.jdk.setExecutor(this.jdkThreads);
			this.jdk.start();
		}
	}

	/**
	 * Starts a server of these pages.
	 * @param pages slug → the page's JSON bytes as page-construction served them
	 * @return the running server
	 * @throws IOException when it cannot start
	 */
	public static StaticPageServer start(Map<String, byte[]> pages) throws IOException {
		return new StaticPageServer(pages);
	}

	/**
	 * Where a page is served.
	 * @param slug the page
	 * @return its URI
	 */
	public URI uri(String slug) {
		return URI.create("http://127.0.0.1:" + this.port + "/" + fileName(slug));
	}

	/**
	 * @return what serves the bytes
	 */
	public String kind() {
		return this.kind;
	}

	private static String fileName(String slug) {
		return slug.replace('/', '_') + ".json";
	}

	private Process startNginx() throws IOException {
		Path conf = this.root.resolve("nginx.conf");
		// One worker per core, access log off, files served with sendfile: nginx's
		// ordinary static-site setup.
		Files.writeString(conf, """
				worker_processes auto;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  sendfile on;
				  tcp_nopush on;
				  keepalive_requests 1000000;
				  types { application/json json; }
				  client_body_temp_path %1$s/tmp;
				  proxy_temp_path %1$s/tmp;
				  fastcgi_temp_path %1$s/tmp;
				  uwsgi_temp_path %1$s/tmp;
				  scgi_temp_path %1$s/tmp;
				  server {
				    listen 127.0.0.1:%2$d;
				    root %1$s;
				  }
				}
				""".formatted(this.root, this.port), StandardCharsets.UTF_8);
		Files.createDirectories(this.root.resolve("tmp"));
		Process process = new ProcessBuilder(NGINX.toString(), "-c", conf.toString(), "-p", this.root.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.root.resolve("nginx.out").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("nginx exited: " + Files.readString(this.root.resolve("nginx.out")));
			}
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
				return process;
			}
			catch (IOException notYet) {
				java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
		}
		process.destroyForcibly();
		throw new IOException("nginx did not listen on 127.0.0.1:" + this.port + " within 10 s");
	}

	private void serve(HttpExchange exchange) throws IOException {
		byte[] body = this.pages.get(exchange.getRequestURI().getPath().substring(1));
		exchange.getRequestBody().readAllBytes();
		if (body == null) {
			exchange.sendResponseHeaders(404, -1);
		}
		else {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	private static void readableByAll(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: its defaults apply
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.nginx != null) {
			// our own child, by its handle: SIGTERM, then SIGKILL if it lingers
			this.nginx.destroy();
			try {
				if (!this.nginx.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
					this.nginx.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.nginx.destroyForcibly();
			}
		}
		if (this.jdk != null) {
			this.jdk.stop(0);
		}
		if (this.jdkThreads != null) {
			this.jdkThreads.shutdownNow();
		}
	}

}
