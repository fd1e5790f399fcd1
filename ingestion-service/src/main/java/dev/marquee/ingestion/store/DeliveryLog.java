package dev.marquee.ingestion.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The deliveries processed ({@code deliveries}): their outcome and the SHA-256 of their
 * body, kept 30 days, so a retry is told from a new change and a reused delivery id from
 * a retry.
 */
@Component
public class DeliveryLog {

	private final CqlSession session;

	private final PreparedStatement selectDelivery;

	private final PreparedStatement insertDelivery;

	public DeliveryLog(CqlSession session, WriteSchema schema) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.selectDelivery = session
			.prepare("SELECT outcome, body_sha256 FROM marquee_write.deliveries WHERE source = ? AND delivery_id = ?");
		this.insertDelivery = session.prepare("INSERT INTO marquee_write.deliveries "
				+ "(source, delivery_id, received_at, outcome, body_sha256) VALUES (?, ?, ?, ?, ?)");
	}

	/**
	 * A delivery already processed successfully.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @return what was recorded of it, empty when it was never processed (asynchronously:
	 * it is read together with the document's state)
	 */
	public CompletableFuture<Optional<SeenDelivery>> delivery(String source, String deliveryId) {
		return this.session.executeAsync(this.selectDelivery.bind(source, deliveryId))
			.toCompletableFuture()
			.thenApply((result) -> Optional.ofNullable(result.one())
				.map((r) -> new SeenDelivery(r.getString("outcome"), r.getString("body_sha256"))));
	}

	/**
	 * Remembers a processed delivery; recorded only after success, so a retry of a failed
	 * one is processed.
	 * @param source the CMS
	 * @param deliveryId its delivery id
	 * @param outcome a short description for operators
	 * @param bodySha256 the hex SHA-256 of the delivery's body, so the same id with
	 * another body is told apart
	 */
	public void recordDelivery(String source, String deliveryId, String outcome, String bodySha256) {
		this.session.execute(this.insertDelivery.bind(source, deliveryId, Instant.now(), outcome, bodySha256));
	}

	/**
	 * A delivery processed before.
	 *
	 * @param outcome what it did, for operators
	 * @param bodySha256 the hex SHA-256 of its body; null when recorded before body
	 * hashes were kept
	 */
	public record SeenDelivery(@Nullable String outcome, @Nullable String bodySha256) {
	}

}
