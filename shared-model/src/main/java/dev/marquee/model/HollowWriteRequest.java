package dev.marquee.model;

import java.util.List;

/**
 * The body of the hollow-producer's {@code POST /v1/writes}: a batch of page changes to
 * put into the next Hollow state.
 *
 * @param changes the changes, applied last-write-wins by content version
 */
public record HollowWriteRequest(List<PageChanged> changes) {

	public HollowWriteRequest {
		changes = List.copyOf(changes);
	}

}
