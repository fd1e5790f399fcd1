package dev.marquee.consumer.projection;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import org.springframework.stereotype.Component;

/**
 * The highest Kafka offset applied per partition, so that a reader can tell whether a
 * given write is in the read tables (read-after-write on this path). Written
 * {@code USING TIMESTAMP offset}: a redelivered, older offset can never move a watermark
 * back. Offsets restart at 0 only if the topic is recreated; then the watermark rows of
 * that topic must be deleted with it.
 */
@Component
public class AppliedWatermarks {

	private final CqlSession session;

	private final PreparedStatement upsert;

	private final PreparedStatement select;

	AppliedWatermarks(ReadTables tables) {
		this.session = tables.session();
		this.upsert = this.session.prepare("INSERT INTO marquee_read.applied_watermarks (topic, partition, "
				+ "applied_offset, updated_at) VALUES (?, ?, ?, ?) USING TIMESTAMP ?");
		this.select = this.session
			.prepare("SELECT partition, applied_offset FROM marquee_read.applied_watermarks WHERE topic = ?");
	}

	/**
	 * Records that the record at {@code offset} has been applied; call only after its
	 * writes succeeded.
	 * @param topic the topic
	 * @param partition the partition
	 * @param offset the offset of the applied record
	 */
	public void applied(String topic, int partition, long offset) {
		this.session.execute(this.upsert.bind(topic, partition, offset, Instant.now(), offset).setIdempotent(true));
	}

	/**
	 * The watermarks of a topic.
	 * @param topic the topic
	 * @return partition → highest applied offset, for partitions with at least one
	 * applied record
	 */
	public Map<Integer, Long> of(String topic) {
		Map<Integer, Long> result = new TreeMap<>();
		for (Row row : this.session.execute(this.select.bind(topic).setIdempotent(true))) {
			result.put(row.getInt("partition"), row.getLong("applied_offset"));
		}
		return result;
	}

}
