package dev.marquee.bench;

import org.junit.jupiter.api.Test;

import dev.marquee.bench.platform.Metrics;

import static org.assertj.core.api.Assertions.assertThat;

class SoakSampleTests {

	// As the live services expose them: label order varies, Kafka repeats each topic with
	// dots as underscores and
	// reports NaN for windows without fetches.
	private static final String CONSUMER = """
			# TYPE jvm_gc_live_data_size_bytes gauge
			jvm_gc_live_data_size_bytes{application="data-consumer"} 3.7723648E7
			jvm_memory_used_bytes{application="data-consumer",area="heap",id="G1 Eden Space"} 2.62144E7
			jvm_memory_used_bytes{application="data-consumer",area="heap",id="G1 Old Gen"} 3.7732864E7
			jvm_memory_used_bytes{application="data-consumer",area="nonheap",id="Metaspace"} 8.7629424E7
			kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="marquee.page-changes"} 5.0
			kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="marquee_page-changes"} 5.0
			kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="1",topic="marquee.page-changes"} 7.0
			kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="1",topic="marquee_page-changes"} 7.0
			kafka_consumer_fetch_manager_records_lag{client_id="c-3",partition="2",topic="marquee.page-changes"} NaN
			kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="marquee.dead-letter"} 100.0
			kafka_consumer_fetch_manager_records_lag_max{client_id="c-1",partition="0",topic="marquee.page-changes"} 9.0
			""";

	@Test
	void readsHeapAfterGcAndHeapInUseWhateverTheLabels() {
		Metrics metrics = Metrics.parse(CONSUMER);
		assertThat(SoakSample.heapAfterGc(metrics)).isEqualTo(3.7723648E7);
		assertThat(SoakSample.heapUsed(metrics)).isEqualTo(2.62144E7 + 3.7732864E7);
	}

	@Test
	void takesZeroLiveDataAsNoCollectionYet() {
		assertThat(SoakSample.heapAfterGc(Metrics.parse("jvm_gc_live_data_size_bytes 0.0\n"))).isNaN();
	}

	@Test
	void sumsKafkaLagOverThePartitionsOfThePageChangesTopicOnly() {
		assertThat(SoakSample.kafkaLag(Metrics.parse(CONSUMER))).isEqualTo(12.0);
	}

	@Test
	void fallsBackToRecordsLagMaxWhenThereIsNoPerPartitionLag() {
		Metrics metrics = Metrics.parse("""
				kafka_consumer_fetch_manager_records_lag_max{partition="0",topic="marquee.page-changes"} 3.0
				kafka_consumer_fetch_manager_records_lag_max{partition="1",topic="marquee.page-changes"} NaN
				kafka_consumer_fetch_manager_records_lag_max{partition="1",topic="marquee_page-changes"} 3.0
				""");
		assertThat(SoakSample.kafkaLag(metrics)).isEqualTo(3.0);
	}

	@Test
	void answersNanForAServiceThatDidNotAnswer() {
		assertThat(SoakSample.heapAfterGc(Metrics.EMPTY)).isNaN();
		assertThat(SoakSample.heapUsed(Metrics.EMPTY)).isNaN();
		assertThat(SoakSample.kafkaLag(Metrics.EMPTY)).isNaN();
		assertThat(SoakSample.announcedFromGauge(Metrics.EMPTY)).isEqualTo(-1);
	}

	@Test
	void readsTheProducersVersionGauge() {
		assertThat(SoakSample.announcedFromGauge(Metrics.parse("marquee_hollow_version 2.026112607062676E16\n")))
			.isEqualTo(20261126070626760L);
	}

	@Test
	void readsPageConstructionsHollowVersionFromItsHealth() {
		String health = """
				{"components":{"cassandra":{"status":"UP"},"hollowConsumer":{"details":{"origin":"http",
				"version":20261126070626760,"announcedVersion":20261126070626761},"status":"UP"}},"status":"UP"}
				""";
		assertThat(SoakSample.consumerVersion(health)).isEqualTo(20261126070626760L);
		assertThat(SoakSample.consumerVersion("{\"status\":\"UP\"}")).isEqualTo(-1);
		assertThat(SoakSample.consumerVersion("not json")).isEqualTo(-1);
	}

	@Test
	void measuresTheHollowGapInMillisecondsOfVersionTime() {
		// 07:06:26.760 announced, 07:06:25.900 loaded: across a second boundary, so not a
		// plain subtraction.
		assertThat(SoakSample.hollowGapMillis(20261126070626760L, 20261126070625900L)).isEqualTo(860);
		assertThat(SoakSample.hollowGapMillis(20261126070626760L, 20261126070626760L)).isZero();
		assertThat(SoakSample.hollowGapMillis(20261126070626760L, 20261126070626999L)).isZero();
	}

	@Test
	void measuresTheHollowGapInVersionsWhenVersionsAreNotTimestamps() {
		assertThat(SoakSample.hollowGapMillis(42, 40)).isEqualTo(2);
		assertThat(SoakSample.hollowGapMillis(-1, 40)).isNaN();
		assertThat(SoakSample.hollowGapMillis(42, -1)).isNaN();
	}

}
