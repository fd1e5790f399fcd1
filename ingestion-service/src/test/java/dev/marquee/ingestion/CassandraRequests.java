package dev.marquee.ingestion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the Cassandra requests the service makes while recording is on, and then adds
 * the same latency to every one of them, so that requests sent together overlap and
 * requests waiting for each other do not: the number of sequential waits is then the
 * number of groups of overlapping requests, whatever the machine's load. Every request
 * still goes to the real Cassandra.
 */
final class CassandraRequests implements BeanPostProcessor {

	// Far longer than issuing a handful of statements takes, far shorter than a test's
	// patience.
	private static final Duration ADDED_LATENCY = Duration.ofMillis(40);

	private static final List<Recorded> recorded = new ArrayList<>();

	private static volatile boolean recording;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CqlSession session) {
			return Proxy.newProxyInstance(CqlSession.class.getClassLoader(), new Class<?>[] { CqlSession.class },
					(proxy, method, args) -> invoke(session, method, args));
		}
		return bean;
	}

	/** Starts recording (and adding latency); forgets what was recorded before. */
	static void start() {
		synchronized (recorded) {
			recorded.clear();
		}
		recording = true;
	}

	/**
	 * Stops recording.
	 * @return the requests made since {@link #start()}, in the order they were sent
	 */
	static List<Recorded> stop() {
		recording = false;
		synchronized (recorded) {
			List<Recorded> requests = new ArrayList<>(recorded);
			requests.sort(Comparator.comparingLong(Recorded::sentNanos));
			return requests;
		}
	}

	/**
	 * The sequential waits among some requests: groups of requests in flight together.
	 * @param requests requests, in the order they were sent
	 * @return the number of groups
	 */
	static int sequentialWaits(List<Recorded> requests) {
		int waits = 0;
		long groupEnd = Long.MIN_VALUE;
		for (Recorded request : requests) {
			if (request.sentNanos() > groupEnd) {
				waits++;
			}
			groupEnd = Math.max(groupEnd, request.answeredNanos());
		}
		return waits;
	}

	private static Object invoke(CqlSession session, Method method, Object[] args) throws Throwable {
		boolean tracked = recording && args != null && args.length == 1 && args[0] instanceof Statement<?>
				&& (method.getName().equals("execute") || method.getName().equals("executeAsync"));
		if (!tracked) {
			return call(session, method, args);
		}
		String cql = cql((Statement<?>) args[0]);
		long sent = System.nanoTime();
		if (method.getName().equals("execute")) {
			Object result = call(session, method, args);
			LockSupport.parkNanos(ADDED_LATENCY.toNanos());
			record(new Recorded(cql, sent, System.nanoTime()));
			return result;
		}
		CompletionStage<?> answer = (CompletionStage<?>) call(session, method, args);
		return answer.toCompletableFuture()
			.thenApplyAsync((result) -> result,
					CompletableFuture.delayedExecutor(ADDED_LATENCY.toNanos(), TimeUnit.NANOSECONDS))
			.whenComplete((result, failure) -> record(new Recorded(cql, sent, System.nanoTime())));
	}

	private static Object call(CqlSession session, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(session, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static void record(Recorded request) {
		synchronized (recorded) {
			recorded.add(request);
		}
	}

	private static String cql(Statement<?> statement) {
		if (statement instanceof BoundStatement bound) {
			return bound.getPreparedStatement().getQuery();
		}
		if (statement instanceof SimpleStatement simple) {
			return simple.getQuery();
		}
		if (statement instanceof BatchStatement batch) {
			List<String> inner = new ArrayList<>();
			batch.forEach((child) -> inner.add(cql(child)));
			return "BATCH " + batch.getBatchType() + " " + inner;
		}
		return statement.toString();
	}

	/**
	 * One request.
	 *
	 * @param cql its statement (a batch lists its statements)
	 * @param sentNanos when it was sent
	 * @param answeredNanos when its answer reached the caller
	 */
	record Recorded(String cql, long sentNanos, long answeredNanos) {
	}

}
