package dev.marquee.model.hollow.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.netflix.hollow.api.consumer.HollowConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Retrieves Hollow blobs from the hollow-producer over HTTP, so consumers on other hosts
 * need no shared disk.
 *
 * <p>
 * Each blob is downloaded to a temporary file before Hollow reads it: the update planner
 * asks for the blob first and reads it later, and a half-read HTTP stream would hold a
 * connection for that long. The file is deleted when Hollow closes the stream.
 */
public final class HttpBlobRetriever implements HollowConsumer.BlobRetriever {

	/**
	 * Response header: the version a blob starts from (equal to the target for a
	 * snapshot).
	 */
	public static final String VERSION_FROM_HEADER = "Hollow-Version-From";

	/** Response header: the version a blob leads to. */
	public static final String VERSION_TO_HEADER = "Hollow-Version-To";

	private final HollowProducerEndpoint endpoint;

	private final HttpClient client;

	private final Path tempDir;

	/**
	 * A retriever that stages blobs in the JVM's temporary directory.
	 * @param endpoint the producer
	 */
	public HttpBlobRetriever(HollowProducerEndpoint endpoint) {
		this(endpoint, Path.of(System.getProperty("java.io.tmpdir")));
	}

	/**
	 * A retriever that stages blobs in a given directory.
	 * @param endpoint the producer
	 * @param tempDir where downloads are staged until Hollow has read them
	 */
	public HttpBlobRetriever(HollowProducerEndpoint endpoint, Path tempDir) {
		this.endpoint = endpoint;
		this.client = endpoint.newClient();
		this.tempDir = tempDir;
	}

	@Override
	public HollowConsumer.@Nullable Blob retrieveSnapshotBlob(long desiredVersion) {
		return retrieve("/v1/blobs/snapshot?version=" + desiredVersion, HollowConsumer.Blob.BlobType.SNAPSHOT);
	}

	@Override
	public HollowConsumer.@Nullable Blob retrieveDeltaBlob(long currentVersion) {
		return retrieve("/v1/blobs/delta?from=" + currentVersion, HollowConsumer.Blob.BlobType.DELTA);
	}

	@Override
	public HollowConsumer.@Nullable Blob retrieveReverseDeltaBlob(long currentVersion) {
		return retrieve("/v1/blobs/reverse-delta?from=" + currentVersion, HollowConsumer.Blob.BlobType.REVERSE_DELTA);
	}

	@Override
	public HollowConsumer.@Nullable HeaderBlob retrieveHeaderBlob(long desiredVersion) {
		Download download = download("/v1/blobs/header?version=" + desiredVersion);
		if (download == null) {
			return null;
		}
		return new HollowConsumer.HeaderBlob(download.to()) {

			@Override
			public InputStream getInputStream() throws IOException {
				return download.open();
			}

		};
	}

	private HollowConsumer.@Nullable Blob retrieve(String pathAndQuery, HollowConsumer.Blob.BlobType type) {
		Download download = download(pathAndQuery);
		if (download == null) {
			return null;
		}
		if (type == HollowConsumer.Blob.BlobType.SNAPSHOT) {
			// Hollow tells a snapshot from a delta by the single-version constructor
			return new HollowConsumer.Blob(download.to()) {

				@Override
				public InputStream getInputStream() throws IOException {
					return download.open();
				}

			};
		}
		return new HollowConsumer.Blob(download.from(), download.to()) {

			@Override
			public InputStream getInputStream() throws IOException {
				return download.open();
			}

		};
	}

	private @Nullable Download download(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint.resolve(pathAndQuery))
			.timeout(this.endpoint.requestTimeout())
			.header("Authorization", this.endpoint.authorization())
			.GET()
			.build();
		Path file = null;
		try {
			file = Files.createTempFile(this.tempDir, "hollow-blob-", ".tmp");
			file.toFile().deleteOnExit();
			HttpResponse<Path> response = this.client.send(request, HttpResponse.BodyHandlers.ofFile(file,
					StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
			int status = response.statusCode();
			if (status == 404) {
				Files.deleteIfExists(file);
				return null;
			}
			if (status != 200) {
				Files.deleteIfExists(file);
				throw new HollowProducerException("GET " + pathAndQuery + " answered " + status, status);
			}
			long from = versionHeader(response, VERSION_FROM_HEADER);
			long to = versionHeader(response, VERSION_TO_HEADER);
			return new Download(file, from, to);
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new HollowProducerException("GET " + pathAndQuery + " failed: " + ex, 0, ex);
		}
		catch (InterruptedException ex) {
			deleteQuietly(file);
			Thread.currentThread().interrupt();
			throw new HollowProducerException("interrupted while retrieving " + pathAndQuery, 0, ex);
		}
	}

	private static long versionHeader(HttpResponse<?> response, String name) {
		return response.headers()
			.firstValue(name)
			.map(Long::parseLong)
			.orElseThrow(() -> new HollowProducerException("blob response without " + name, response.statusCode()));
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Download(Path file, long from, long to) {

		InputStream open() throws IOException {
			return Files.newInputStream(this.file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE);
		}

	}

}
