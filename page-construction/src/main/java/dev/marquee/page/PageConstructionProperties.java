package dev.marquee.page;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import dev.marquee.model.ReadPath;

/**
 * Every setting of page construction ({@code marquee.*}); defaults in
 * {@code application.yml}.
 *
 * @param home where runtime data lives ({@code MARQUEE_HOME}, default {@code .marquee})
 * @param readPath the read-path toggle
 * @param nearCache the near cache of the Kafka → Cassandra path
 * @param preview read-after-write previews
 * @param hollow the Hollow consumer
 * @param security the local users
 */
@ConfigurationProperties("marquee")
public record PageConstructionProperties(@DefaultValue(".marquee") Path home, @DefaultValue ReadPathSettings readPath,
		@DefaultValue NearCache nearCache, @DefaultValue Preview preview, @DefaultValue Hollow hollow,
		@DefaultValue Security security) {

	/**
	 * @return the directory holding this service's runtime data
	 */
	public Path dataDirectory() {
		return this.home.resolve("data").resolve("page-construction");
	}

	/**
	 * @param defaultPath the path served when none was chosen at runtime yet
	 * ({@code marquee.read-path.default})
	 */
	public record ReadPathSettings(@Name("default") @DefaultValue("HOLLOW") ReadPath defaultPath) {
	}

	/**
	 * @param refreshInterval how long one background refresh of every cached key takes: N
	 * keys are refreshed one at a time, one every {@code refreshInterval / N}
	 * @param minKeyDelay the smallest pause between two key refreshes, so a huge key set
	 * cannot turn the refresher into a busy loop against Cassandra
	 * @param decodedPages how many cached pages are also kept decoded, so reads of the
	 * pages read most skip inflating and parsing their deflated entry (each costs ~100 KB
	 * of heap for 50 elements; 0 decodes every read)
	 * @param warmUpConcurrency how many pages the first full load reads from Cassandra at
	 * once: one at a time, 20,000 pages (1M elements) took longer than a start may
	 */
	public record NearCache(@DefaultValue("30s") Duration refreshInterval, @DefaultValue("1ms") Duration minKeyDelay,
			@DefaultValue("256") int decodedPages, @DefaultValue("8") int warmUpConcurrency) {

		@ConstructorBinding
		public NearCache {
		}

		/**
		 * Settings with the default number of decoded pages.
		 * @param refreshInterval one background refresh of every cached key
		 * @param minKeyDelay the smallest pause between two key refreshes
		 */
		public NearCache(Duration refreshInterval, Duration minKeyDelay) {
			this(refreshInterval, minKeyDelay, 256, 8);
		}

	}

	/**
	 * @param maxWait how long a preview carrying a consistency token may wait for its
	 * read path to catch up
	 */
	public record Preview(@DefaultValue("5s") Duration maxWait) {
	}

	/**
	 * @param blobDir the hollow-producer's filesystem blob store, used when
	 * {@code producerUrl} is not set
	 * @param producerUrl base URL of the hollow-producer's blob and announcement API
	 * @param announcementPoll how often the filesystem announcement is read (the HTTP
	 * source long-polls)
	 * @param longPollTimeout how long one long-poll for a new announcement or for
	 * write-log entries may hang
	 * @param overlay the in-flight overlay fed by the producer's write log
	 */
	public record Hollow(@Nullable Path blobDir, @Nullable String producerUrl,
			@DefaultValue("20ms") Duration announcementPoll, @DefaultValue("20s") Duration longPollTimeout,
			@DefaultValue Overlay overlay) {

		@ConstructorBinding
		public Hollow {
		}

		/**
		 * Settings with the overlay on (its default).
		 * @param blobDir the filesystem blob store
		 * @param producerUrl the producer's base URL
		 * @param announcementPoll the filesystem announcement poll
		 * @param longPollTimeout one long-poll
		 */
		public Hollow(@Nullable Path blobDir, @Nullable String producerUrl, Duration announcementPoll,
				Duration longPollTimeout) {
			this(blobDir, producerUrl, announcementPoll, longPollTimeout, new Overlay(true));
		}

	}

	/**
	 * @param enabled whether reads and token waits see write-log entries before a Hollow
	 * state holds them; off means plain Hollow (installed states only). Switchable at
	 * runtime ({@code PUT /admin/hollow/overlay}). Without a producer URL (filesystem
	 * blob store) there is no log and the overlay stays off.
	 */
	public record Overlay(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Passwords of the local users (HTTP Basic); local defaults, overridden from the
	 * environment.
	 *
	 * @param adminPassword password of {@code admin} (ADMIN, EDITOR)
	 * @param editorPassword password of {@code editor} (EDITOR)
	 * @param servicePassword password of {@code marquee-service} (SERVICE), also used to
	 * read the producer's blobs
	 */
	public record Security(@DefaultValue("marquee-admin-local") String adminPassword,
			@DefaultValue("marquee-editor-local") String editorPassword,
			@DefaultValue("marquee-service-local") String servicePassword) {
	}

}
