package dev.marquee.consumer.projection;

import java.util.Map;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import dev.marquee.consumer.stream.InvalidPageChangeException;

import static org.assertj.core.api.Assertions.assertThat;

class CassandraFailuresTests {

	@Test
	void connectivityAndTimeoutsAreOutagesEvenWhenWrapped() {
		assertThat(CassandraFailures.isOutage(new NoNodeAvailableException())).isTrue();
		assertThat(CassandraFailures.isOutage(AllNodesFailedException.fromErrors(Map.of()))).isTrue();
		assertThat(CassandraFailures
			.isOutage(new ListenerExecutionFailedException("listener failed", new DriverTimeoutException("slow"))))
			.isTrue();
	}

	@Test
	void poisonAndProgrammingErrorsAreNotOutages() {
		assertThat(CassandraFailures.isOutage(new InvalidPageChangeException("bad"))).isFalse();
		assertThat(CassandraFailures.isOutage(new InvalidQueryException(null, "bad cql"))).isFalse();
		assertThat(CassandraFailures.isOutage(new IllegalStateException("bug"))).isFalse();
	}

}
