package dev.marquee.page.source;

/**
 * How far a read path is behind a consistency token.
 *
 * @param current the path's position (Hollow version, applied Kafka offsets, a page's
 * content version)
 * @param required the position the token asks for
 * @param behindBy how far apart they are, in {@code unit}; zero or less means caught up
 * @param unit what {@code behindBy} counts
 */
public record Lag(String current, String required, long behindBy, String unit) {

	/**
	 * @return whether the path has reached the required position
	 */
	public boolean caughtUp() {
		return this.behindBy <= 0;
	}

	/**
	 * @param unit what is counted
	 * @return a lag of nothing
	 */
	public static Lag none(String unit) {
		return new Lag("", "", 0, unit);
	}

}
