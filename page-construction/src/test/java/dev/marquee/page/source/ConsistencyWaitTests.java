package dev.marquee.page.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.marquee.model.ConsistencyToken;
import dev.marquee.model.Page;
import dev.marquee.model.ReadPath;
import dev.marquee.model.Stage;
import dev.marquee.page.MutableClock;
import dev.marquee.page.TestPages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConsistencyWaitTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final List<Duration> pauses = new ArrayList<>();

	private final FakeSource source = new FakeSource();

	// Pausing moves the fake clock, and the fake source catches up as time passes.
	private final ConsistencyWait wait = new ConsistencyWait(this.clock, (duration) -> {
		this.pauses.add(duration);
		this.clock.advance(duration);
		this.source.timePassed(this.clock.instant());
	});

	private final ConsistencyToken token = new ConsistencyToken(Map.of(), 42L, Map.of("p1", 7L));

	@Test
	void answersAtOnceWhenThePathHasCaughtUp() {
		this.source.version = 42;
		this.source.page = page(7);
		assertThat(this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofSeconds(5)))
			.map(Page::contentVersion)
			.contains(7L);
		assertThat(this.pauses).isEmpty();
		assertThat(this.source.nudges).isZero();
	}

	@Test
	void waitsUntilThePathReachesTheTokenAndNudgesIt() {
		this.source.version = 40;
		this.source.page = page(5);
		this.source.catchUpAt = this.clock.instant().plusMillis(300);
		this.source.caughtUpPage = page(7);
		assertThat(this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofSeconds(5)))
			.map(Page::contentVersion)
			.contains(7L);
		assertThat(this.source.nudges).isGreaterThanOrEqualTo(1);
		assertThat(this.pauses).allSatisfy((pause) -> assertThat(pause).isLessThanOrEqualTo(Duration.ofMillis(20)));
	}

	@Test
	void neverAnswersAPageOlderThanTheTokensVersion() {
		this.source.version = 42;
		this.source.page = page(6);
		this.source.catchUpAt = this.clock.instant().plusMillis(100);
		this.source.caughtUpPage = page(7);
		assertThat(this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofSeconds(5)))
			.map(Page::contentVersion)
			.contains(7L);
		assertThat(this.clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-26T10:00:00.100Z"));
	}

	@Test
	void failsAtTheDeadlineNamingThePathAndHowFarBehind() {
		this.source.version = 40;
		assertThatExceptionOfType(PathBehindException.class)
			.isThrownBy(() -> this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofMillis(500)))
			.satisfies((ex) -> {
				assertThat(ex.path()).isEqualTo(ReadPath.HOLLOW);
				assertThat(ex.lag().behindBy()).isEqualTo(2);
				assertThat(ex.waited()).isEqualTo(Duration.ofMillis(500));
			});
	}

	@Test
	void failsWhenOnlyAStalePageIsAvailable() {
		this.source.version = 42;
		this.source.page = page(6);
		assertThatExceptionOfType(PathBehindException.class)
			.isThrownBy(() -> this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofMillis(200)))
			.satisfies((ex) -> assertThat(ex.lag().behindBy()).isEqualTo(1));
	}

	@Test
	void aCaughtUpPathWithoutThePageAnswersEmpty() {
		this.source.version = 42;
		assertThat(this.wait.read(this.source, this.token, "slug", Stage.PREVIEW, Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	void aTokenWithoutThisPathIsRejected() {
		ConsistencyToken kafkaOnly = new ConsistencyToken(Map.of(0, 5L), null, Map.of());
		assertThatExceptionOfType(TokenNotForPathException.class)
			.isThrownBy(() -> this.wait.read(this.source, kafkaOnly, "slug", Stage.PREVIEW, Duration.ofSeconds(1)));
	}

	@Test
	void aPathThatSignalsProgressWakesTheWaitWithoutPausing() throws Exception {
		Progress progress = new Progress();
		FakeSource signalling = new FakeSource() {

			@Override
			public long progress() {
				return progress.current();
			}

			@Override
			public boolean awaitProgress(long seen, Duration timeout) {
				progress.await(seen, timeout);
				return true;
			}

		};
		signalling.version = 40;
		signalling.page = page(5);
		ConsistencyWait realTime = new ConsistencyWait(java.time.Clock.systemUTC(), (duration) -> {
			throw new AssertionError("a signalling path is never polled with pauses");
		});
		Thread writer = new Thread(() -> {
			synchronized (signalling) {
				signalling.version = 42;
				signalling.page = page(7);
			}
			progress.advance();
		});
		java.util.concurrent.CompletableFuture<Optional<Page>> read = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> realTime.read(signalling, this.token, "slug", Stage.PREVIEW, Duration.ofSeconds(10)));
		writer.start();
		assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS)).map(Page::contentVersion).contains(7L);
		writer.join();
	}

	private static Page page(long version) {
		return TestPages.page("p1", "slug", Stage.PREVIEW, version, "v" + version);
	}

	static class FakeSource implements PageSource {

		volatile long version;

		volatile Page page;

		Instant catchUpAt;

		Page caughtUpPage;

		int nudges;

		void timePassed(Instant now) {
			if (this.catchUpAt != null && !now.isBefore(this.catchUpAt)) {
				this.version = 42;
				this.page = this.caughtUpPage;
			}
		}

		@Override
		public ReadPath path() {
			return ReadPath.HOLLOW;
		}

		@Override
		public Optional<Page> find(String slug, Stage stage) {
			return Optional.ofNullable(this.page);
		}

		@Override
		public Optional<Page> findFresh(String slug, Stage stage) {
			return Optional.ofNullable(this.page);
		}

		@Override
		public List<PageSummary> list(Stage stage) {
			return List.of();
		}

		@Override
		public Lag lag(ConsistencyToken token) {
			if (token.hollowOffset() == null) {
				throw new TokenNotForPathException(ReadPath.HOLLOW);
			}
			return new Lag("version " + this.version, "version " + token.hollowOffset(),
					Math.max(0, token.hollowOffset() - this.version), "versions");
		}

		@Override
		public void nudge() {
			this.nudges++;
		}

		@Override
		public Map<String, Object> status() {
			return Map.of();
		}

	}

}
