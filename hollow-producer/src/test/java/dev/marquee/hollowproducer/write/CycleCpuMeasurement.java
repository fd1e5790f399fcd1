package dev.marquee.hollowproducer.write;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.netflix.hollow.api.consumer.HollowConsumer;
import com.netflix.hollow.api.producer.HollowProducer;
import com.netflix.hollow.api.producer.Status;
import com.netflix.hollow.api.producer.listener.AnnouncementListener;
import com.netflix.hollow.api.producer.listener.CycleListener;
import com.netflix.hollow.api.producer.listener.PopulateListener;
import com.netflix.hollow.api.producer.listener.PublishListener;
import com.netflix.hollow.core.index.HollowPrimaryKeyIndex;
import com.netflix.hollow.core.read.engine.HollowReadStateEngine;
import com.netflix.hollow.core.schema.HollowObjectSchema;
import com.netflix.hollow.tools.traverse.TransitiveSetTraverser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.marquee.hollowproducer.blob.Announcements;
import dev.marquee.hollowproducer.blob.BlobStore;
import dev.marquee.hollowproducer.blob.DurablePublisher;
import dev.marquee.model.PageChanged;
import dev.marquee.model.hollow.HollowPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of the suite (its name matches no test pattern): what one
 * incremental Hollow cycle costs over a state of 2,000 pages of 50 elements (100k
 * elements, both stages), and where. It prints, and writes to
 * {@code target/cycle-cpu.txt}, per cycle of a few edited pages: wall time, process CPU,
 * Hollow's populate and publish stages, the rest (preparing the write engine, applying
 * the delta to the producer's read state); and, on the same state, what populate's
 * removal step does each cycle: building a primary key index over every prior
 * {@code Page} and the transitive traversals. It asserts only that the cycles wrote their
 * pages. Timings are never asserted.
 *
 * <p>
 * Run: {@code ./mvnw -B -pl hollow-producer -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=CycleCpuMeasurement verify}; {@code -Dmarquee.measure.pages} (default 2000),
 * {@code -Dmarquee.measure.edited} (default 5) pages edited per cycle,
 * {@code -Dmarquee.measure.cycles} (default 10).
 */
class CycleCpuMeasurement {

	@TempDir
	Path dir;

	@Test
	void measuresCyclesOverAHundredThousandElements() throws Exception {
		int pages = Integer.getInteger("marquee.measure.pages", 2000);
		int edited = Integer.getInteger("marquee.measure.edited", 5);
		int cycles = Integer.getInteger("marquee.measure.cycles", 10);
		BlobStore store = new BlobStore(this.dir);
		Stages stages = new Stages();
		HollowProducer.Incremental producer = HollowProducer
			.withPublisher(new DurablePublisher(store, new SimpleMeterRegistry()))
			.withAnnouncer(new Announcements(store))
			.withNumStatesBetweenSnapshots(50)
			.withListener(stages)
			.noIntegrityCheck()
			.buildIncremental();
		PageCycles pageCycles = new PageCycles(producer, store);
		long version = 1_765_000_000_000_000L;
		long offset = 0;
		for (int from = 0; from < pages; from += 200) {
			List<ChangeEnvelope> changes = new ArrayList<>();
			for (int p = from; p < Math.min(pages, from + 200); p++) {
				changes.addAll(publish("page-" + p, version));
			}
			offset += changes.size();
			pageCycles.apply(changes, offset, "measure");
		}
		List<String> report = new ArrayList<>();
		report.add(pages + " pages of 50 elements in both stages; " + edited + " pages (" + (2 * edited)
				+ " page stages) edited per cycle");
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		for (int cycle = 0; cycle < cycles; cycle++) {
			version += 1_000_000;
			List<ChangeEnvelope> changes = new ArrayList<>();
			for (int p = 0; p < edited; p++) {
				changes.addAll(publish("page-" + ((cycle * edited + p) * 7 % pages), version));
			}
			offset += changes.size();
			stages.reset();
			long cpu = os.getProcessCpuTime();
			long started = System.nanoTime();
			PageCycles.Outcome outcome = pageCycles.apply(changes, offset, "measure");
			long wall = System.nanoTime() - started;
			cpu = os.getProcessCpuTime() - cpu;
			assertThat(outcome.written()).isEqualTo(changes.size());
			report.add(String.format(
					"cycle %d: wall %d ms, process CPU %d ms; populate %d ms, publish %d ms, announce %d ms, rest "
							+ "(preparing the write engine, applying the delta to the read state) %d ms",
					cycle, wall / 1_000_000, cpu / 1_000_000, stages.populate.toMillis(), stages.publish.toMillis(),
					stages.announce.toMillis(),
					stages.cycle.minus(stages.populate).minus(stages.publish).minus(stages.announce).toMillis()));
		}

		// populate's removal step, alone, on the state the cycles ran over
		HollowConsumer consumer = HollowConsumer.withBlobRetriever(store.retriever()).build();
		consumer.triggerRefreshTo(pageCycles.version());
		HollowReadStateEngine state = consumer.getStateEngine();
		HollowObjectSchema schema = (HollowObjectSchema) state.getSchema(HollowPage.TYPE);
		for (int round = 0; round < 5; round++) {
			long started = System.nanoTime();
			HollowPrimaryKeyIndex index = new HollowPrimaryKeyIndex(state, schema.getPrimaryKey());
			long indexed = System.nanoTime() - started;
			BitSet removed = new BitSet();
			for (int p = 0; p < edited; p++) {
				removed.set(index.getMatchingOrdinal("page-" + p, "PUBLISHED"));
				removed.set(index.getMatchingOrdinal("page-" + p, "PREVIEW"));
			}
			Map<String, BitSet> matches = new HashMap<>();
			matches.put(HollowPage.TYPE, removed);
			started = System.nanoTime();
			TransitiveSetTraverser.addTransitiveMatches(state, matches);
			long transitive = System.nanoTime() - started;
			started = System.nanoTime();
			TransitiveSetTraverser.removeReferencedOutsideClosure(state, matches);
			long outside = System.nanoTime() - started;
			report.add(String.format(
					"removal step %d: primary key index over %d Page records %.1f ms, addTransitiveMatches %.1f ms, "
							+ "removeReferencedOutsideClosure %.1f ms",
					round, state.getTypeState(HollowPage.TYPE).getPopulatedOrdinals().cardinality(), indexed / 1e6,
					transitive / 1e6, outside / 1e6));
		}
		report.forEach(System.out::println);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "cycle-cpu.txt"), report, StandardCharsets.UTF_8);
	}

	private static List<ChangeEnvelope> publish(String pageId, long version) {
		List<ChangeEnvelope> changes = new ArrayList<>();
		for (PageChanged change : WriteRequestCpuMeasurement.publish(pageId, version).changes()) {
			changes.add(ChangeEnvelope.of(change));
		}
		return changes;
	}

	/** The durations Hollow reports for a cycle's stages. */
	private static final class Stages
			implements CycleListener, PopulateListener, PublishListener, AnnouncementListener {

		Duration cycle = Duration.ZERO;

		Duration populate = Duration.ZERO;

		Duration publish = Duration.ZERO;

		Duration announce = Duration.ZERO;

		void reset() {
			this.announce = Duration.ZERO;
			this.cycle = Duration.ZERO;
			this.populate = Duration.ZERO;
			this.publish = Duration.ZERO;
		}

		@Override
		public void onCycleSkip(CycleSkipReason reason) {
		}

		@Override
		public void onNewDeltaChain(long version) {
		}

		@Override
		public void onCycleStart(long version) {
		}

		@Override
		public void onCycleComplete(Status status, HollowProducer.ReadState readState, long version, Duration elapsed) {
			this.cycle = elapsed;
		}

		@Override
		public void onPopulateStart(long version) {
		}

		@Override
		public void onPopulateComplete(Status status, long version, Duration elapsed) {
			this.populate = elapsed;
		}

		@Override
		public void onAnnouncementStart(long version) {
		}

		@Override
		public void onAnnouncementComplete(Status status, HollowProducer.ReadState readState, long version,
				Duration elapsed) {
			this.announce = elapsed;
		}

		@Override
		public void onNoDeltaAvailable(long version) {
		}

		@Override
		public void onPublishStart(long version) {
		}

		@Override
		public void onBlobPublish(Status status, HollowProducer.Blob blob, Duration elapsed) {
		}

		@Override
		public void onPublishComplete(Status status, long version, Duration elapsed) {
			this.publish = elapsed;
		}

	}

}
