package dev.marquee.consumer.projection;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells an outage (Cassandra down, restarting, overloaded, timing out) from every other
 * failure. An outage is retried forever and never dead-lettered: the record is fine, the
 * store is not.
 */
public final class CassandraFailures {

	private CassandraFailures() {
	}

	/**
	 * Whether a failure, or any of its causes, means Cassandra is (temporarily)
	 * unavailable.
	 * @param failure what the write threw, possibly wrapped by the listener container
	 * @return true for connectivity, availability and timeout failures
	 */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof AllNodesFailedException || cause instanceof DriverTimeoutException
					|| cause instanceof NodeUnavailableException || cause instanceof ClosedConnectionException
					|| cause instanceof ConnectionInitException || cause instanceof HeartbeatException
					|| cause instanceof UnavailableException || cause instanceof QueryConsistencyException
					|| cause instanceof OverloadedException || cause instanceof BootstrappingException
					|| cause instanceof TruncateException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

}
