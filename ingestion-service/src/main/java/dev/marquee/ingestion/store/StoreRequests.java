package dev.marquee.ingestion.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;

/**
 * Asynchronous requests to the write-side store, sent together and awaited together: a
 * webhook's answer is mostly waiting for Cassandra, so independent requests must not wait
 * for each other.
 */
public final class StoreRequests {

	// Keeps a burst (a fan-out, a new page's dependencies) from exhausting a connection's
	// in-flight request limit.
	static final int WINDOW = 8;

	private StoreRequests() {
	}

	/**
	 * Waits for a request, rethrowing the driver's own exception when it failed.
	 * @param <T> its result
	 * @param request the request
	 * @return its result
	 */
	public static <T> T await(CompletionStage<T> request) {
		try {
			return request.toCompletableFuture().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Waits until every request has completed, then rethrows a failure if any failed. It
	 * never returns while a request is still in flight, so whoever holds the page lock
	 * releases it only once the store has settled.
	 * @param requests the requests
	 */
	public static void awaitAll(Collection<? extends CompletionStage<?>> requests) {
		await(all(requests));
	}

	/**
	 * One request completed once every given one has completed, failed if one failed.
	 * @param requests the requests
	 * @return the request
	 */
	public static CompletableFuture<Void> all(Collection<? extends CompletionStage<?>> requests) {
		return CompletableFuture
			.allOf(requests.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
	}

	// Independent idempotent statements, a window at a time.
	static CompletableFuture<Void> executeAll(CqlSession session, List<? extends Statement<?>> statements) {
		CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
		for (int from = 0; from < statements.size(); from += WINDOW) {
			List<? extends Statement<?>> window = statements.subList(from, Math.min(statements.size(), from + WINDOW));
			done = done.thenCompose((ignored) -> all(window.stream().map(session::executeAsync).toList()));
		}
		return done;
	}

	// Statements of one partition key (in one or several tables) as one request: an
	// unlogged batch of a single partition is applied atomically and needs no batch log.
	static CompletableFuture<Void> executeOnePartition(CqlSession session, List<BatchableStatement<?>> statements) {
		if (statements.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		Statement<?> request = (statements.size() == 1) ? statements.get(0)
				: BatchStatement.newInstance(DefaultBatchType.UNLOGGED, statements);
		return session.executeAsync(request).toCompletableFuture().thenApply((result) -> null);
	}

	// Every row of a result, following its pages.
	static CompletableFuture<List<Row>> rows(CompletionStage<AsyncResultSet> result) {
		return collect(result.toCompletableFuture(), new ArrayList<>());
	}

	private static CompletableFuture<List<Row>> collect(CompletableFuture<AsyncResultSet> page, List<Row> rows) {
		return page.thenCompose((result) -> {
			result.currentPage().forEach(rows::add);
			return result.hasMorePages() ? collect(result.fetchNextPage().toCompletableFuture(), rows)
					: CompletableFuture.completedFuture(rows);
		});
	}

}
