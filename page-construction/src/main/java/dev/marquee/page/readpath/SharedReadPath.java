package dev.marquee.page.readpath;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.marquee.model.ReadPath;

/**
 * Shares the read-path choice between page-construction replicas: a switch on any replica
 * is written to {@code marquee_read.read_path_choice} (LOCAL_QUORUM, like every
 * read-table access) before it takes effect there, and every replica polls the row and
 * follows it within one poll interval. The local file of {@link ReadPathSwitch} stays the
 * fallback: a replica that starts while Cassandra is unreachable serves its last known
 * choice until the first poll succeeds.
 *
 * <p>
 * Cassandra rather than Hollow or Kafka because it is the one store every replica already
 * reads with a quorum, and the row is tiny; polling rather than a push because a replica
 * that missed a push (restarted, partitioned) would stay wrong, while the next poll
 * always converges.
 */
@Component
public class SharedReadPath implements DisposableBean {

	/** The one row: a deployment has one public read path. */
	static final String SCOPE = "site";

	private static final Logger logger = LoggerFactory.getLogger(SharedReadPath.class);

	private final Supplier<CqlSession> sessions;

	private final ReadPathSwitch local;

	private final SharedReadPathProperties properties;

	private final Clock clock;

	private final String instance;

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "read-path-poller");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Instant lastSync = Instant.EPOCH;

	@Autowired
	SharedReadPath(ObjectProvider<CqlSession> sessions, ReadPathSwitch local, SharedReadPathProperties properties,
			Clock clock) {
		this(sessions::getObject, local, properties, clock, "page-construction pid " + ProcessHandle.current().pid());
	}

	SharedReadPath(Supplier<CqlSession> sessions, ReadPathSwitch local, SharedReadPathProperties properties,
			Clock clock, String instance) {
		this.sessions = sessions;
		this.local = local;
		this.properties = properties;
		this.clock = clock;
		this.instance = instance;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.poller.scheduleWithFixedDelay(this::pollQuietly, 0, this.properties.poll().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Switches every replica: writes the shared row, then switches this one at once (the
	 * others follow within one poll interval).
	 * @param path the new path
	 * @return the previous path of this replica
	 * @throws ErrorResponseException 503 when the choice cannot be stored where every
	 * replica sees it; nothing changes then
	 */
	public ReadPath switchTo(ReadPath path) {
		Instant now = this.clock.instant();
		try {
			CqlSession session = this.sessions.get();
			session.execute(prepare(session,
					"INSERT INTO marquee_read.read_path_choice "
							+ "(scope, read_path, changed_at, changed_by) VALUES (?, ?, ?, ?) USING TIMESTAMP ?")
				.bind(SCOPE, path.name(), now, this.instance, ChronoUnit.MICROS.between(Instant.EPOCH, now)));
		}
		catch (RuntimeException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The read-path choice is stored in Cassandra for every replica, and Cassandra is unavailable: "
							+ ex.getMessage());
			problem.setType(URI.create("https://marquee.dev/problems/cassandra-unavailable"));
			problem.setTitle("Cassandra unavailable");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, ex);
		}
		this.lastSync = now;
		return this.local.switchTo(path);
	}

	/**
	 * Reads the shared choice and follows it.
	 * @return the shared choice, empty while nobody has switched yet
	 */
	Optional<ReadPath> poll() {
		CqlSession session = this.sessions.get();
		Row row = session
			.execute(prepare(session, "SELECT read_path, changed_by FROM marquee_read.read_path_choice WHERE scope = ?")
				.bind(SCOPE))
			.one();
		this.lastSync = this.clock.instant();
		if (row == null) {
			return Optional.empty();
		}
		ReadPath shared = ReadPath.valueOf(row.getString("read_path"));
		if (this.local.active() != shared) {
			logger.info("Following the shared read path {} (switched by {})", shared, row.getString("changed_by"));
			this.local.switchTo(shared);
		}
		return Optional.of(shared);
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// Cassandra down or the schema not applied yet: keep serving the last known
			// choice.
			logger.debug("Shared read path not readable: {}", ex.getMessage());
		}
	}

	/**
	 * @return when this replica last read or wrote the shared choice
	 */
	Instant lastSync() {
		return this.lastSync;
	}

	private static PreparedStatement prepare(CqlSession session, String cql) {
		// The driver caches prepared statements per session.
		return session.prepare(cql);
	}

	@Override
	public void destroy() {
		this.poller.shutdownNow();
	}

}
