package dev.marquee.model.hollow.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.fs.HollowFilesystemPublisher;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.model.Page;
import dev.marquee.model.TestPages;
import dev.marquee.model.hollow.HollowPage;
import dev.marquee.model.hollow.HollowPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Hollow producer publishes to a directory served by a JDK HTTP server speaking
 * the hollow-producer's API; real Hollow consumers read it through
 * {@link HttpBlobRetriever} and {@link HttpAnnouncementWatcher}.
 */
class HttpHollowConsumerTests {

	@TempDir
	Path blobDir;

	@TempDir
	Path downloads;

	private StubHollowProducer server;

	private HollowProducer.Incremental producer;

	private HttpAnnouncementWatcher watcher;

	private HollowProducerEndpoint endpoint;

	@BeforeEach
	void startProducer() throws IOException {
		this.server = new StubHollowProducer(this.blobDir);
		this.server.start();
		this.producer = HollowProducer.withPublisher(new HollowFilesystemPublisher(this.blobDir))
			.withAnnouncer(this.server)
			.withNumStatesBetweenSnapshots(2)
			.buildIncremental();
		this.producer.initializeDataModel(HollowPage.class);
		this.endpoint = new HollowProducerEndpoint(this.server.uri(), HollowProducerEndpoint.SERVICE_USER,
				HollowProducerEndpoint.LOCAL_SERVICE_PASSWORD, Duration.ofSeconds(1), Duration.ofSeconds(5));
		this.watcher = new HttpAnnouncementWatcher(this.endpoint, Duration.ofSeconds(2), Duration.ofMillis(20),
				Duration.ofMillis(200));
	}

	@AfterEach
	void stop() {
		this.watcher.close();
		this.server.close();
	}

	@Test
	void consumerRefreshesAsSoonAsANewVersionIsAnnounced() {
		long v1 = write(TestPages.page("p-1", 1));
		HollowConsumer consumer = consumer();
		consumer.triggerRefresh();
		assertThat(consumer.getCurrentVersionId()).isEqualTo(v1);
		assertThat(read(consumer, "p-1").contentVersion()).isEqualTo(1);

		long v2 = write(TestPages.page("p-1", 2));
		await().atMost(Duration.ofSeconds(2)).until(consumer::getCurrentVersionId, (version) -> version == v2);
		assertThat(read(consumer, "p-1").contentVersion()).isEqualTo(2);
		assertThat(this.watcher.getLatestVersion()).isEqualTo(v2);
	}

	@Test
	void consumerSubscribedBeforeTheFirstAnnouncementLoadsIt() {
		HollowConsumer consumer = consumer();
		assertThat(this.watcher.getLatestVersion())
			.isEqualTo(HollowConsumer.AnnouncementWatcher.NO_ANNOUNCEMENT_AVAILABLE);
		long v1 = write(TestPages.page("p-1", 1));
		await().atMost(Duration.ofSeconds(2)).until(consumer::getCurrentVersionId, (version) -> version == v1);
		assertThat(read(consumer, "p-1").contentVersion()).isEqualTo(1);
	}

	@Test
	void consumerKeepsItsVersionWhileTheProducerIsDownAndCatchesUpAfterwards() throws IOException {
		long v1 = write(TestPages.page("p-1", 1));
		HollowConsumer consumer = consumer();
		consumer.triggerRefresh();
		await().atMost(Duration.ofSeconds(2)).until(this.watcher::isConnected);

		this.server.stop();
		long v2 = write(TestPages.page("p-1", 2));
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.watcher.isConnected());
		assertThat(consumer.getCurrentVersionId()).isEqualTo(v1);
		assertThat(read(consumer, "p-1").contentVersion()).isEqualTo(1);

		this.server.start();
		await().atMost(Duration.ofSeconds(5)).until(consumer::getCurrentVersionId, (version) -> version == v2);
		assertThat(read(consumer, "p-1").contentVersion()).isEqualTo(2);
	}

	@Test
	void retrieverServesSnapshotsDeltasAndReverseDeltas() {
		long v1 = write(TestPages.page("p-1", 1));
		long v2 = write(TestPages.page("p-2", 1));
		long v3 = write(TestPages.page("p-1", 3));
		HollowConsumer pinned = HollowConsumer.withBlobRetriever(new HttpBlobRetriever(this.endpoint, this.downloads))
			.build();
		pinned.triggerRefreshTo(v3);
		assertThat(read(pinned, "p-1").contentVersion()).isEqualTo(3);
		pinned.triggerRefreshTo(v1);
		assertThat(pinned.getCurrentVersionId()).isEqualTo(v1);
		assertThat(read(pinned, "p-1").contentVersion()).isEqualTo(1);
		assertThat(v2).isBetween(v1, v3);

		HttpBlobRetriever retriever = new HttpBlobRetriever(this.endpoint, this.downloads);
		assertThat(retriever.retrieveDeltaBlob(v3)).isNull();
		assertThat(retriever.retrieveSnapshotBlob(v1 - 1)).isNull();
		HollowConsumer.Blob delta = retriever.retrieveDeltaBlob(v1);
		assertThat(delta).isNotNull();
		assertThat(delta.getFromVersion()).isEqualTo(v1);
		assertThat(delta.getToVersion()).isEqualTo(v2);
	}

	@Test
	void refusedCredentialsAreReportedNotMistakenForMissingBlobs() {
		write(TestPages.page("p-1", 1));
		HollowProducerEndpoint wrong = HollowProducerEndpoint.of(this.server.uri(), "marquee-service", "nope");
		HttpBlobRetriever retriever = new HttpBlobRetriever(wrong, this.downloads);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(HollowProducerException.class)
			.isThrownBy(() -> retriever.retrieveSnapshotBlob(Long.MAX_VALUE))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
	}

	private long write(Page page) {
		return this.producer.runIncrementalCycle((state) -> state.addOrModify(HollowPages.toHollow(page)));
	}

	private HollowConsumer consumer() {
		return HollowConsumer.withBlobRetriever(new HttpBlobRetriever(this.endpoint, this.downloads))
			.withAnnouncementWatcher(this.watcher)
			.build();
	}

	private static Page read(HollowConsumer consumer, String pageId) {
		HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(consumer.getStateEngine(), HollowPage.TYPE,
				"pageId.value", "stage.value");
		int ordinal = index.getMatchingOrdinal(pageId, "PUBLISHED");
		assertThat(ordinal).as("ordinal of " + pageId).isNotNegative();
		return HollowPages.fromHollow(consumer.getStateEngine(), ordinal);
	}

}
