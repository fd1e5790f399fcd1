package dev.marquee.page.readpath;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read-path choice is shared between replicas.
 *
 * @param poll how often each replica reads the shared choice: the longest a replica
 * serves the previous path after a switch made on another one
 */
@ConfigurationProperties("marquee.read-path.sharing")
public record SharedReadPathProperties(@DefaultValue("2s") Duration poll) {
}
