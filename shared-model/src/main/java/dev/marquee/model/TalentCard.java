package dev.marquee.model;

import org.jspecify.annotations.Nullable;

/**
 * A person (cast, crew, host) as a reader sees them.
 *
 * @param talentId the catalog id
 * @param name the person's name
 * @param headshot the hydrated headshot, if any
 */
public record TalentCard(String talentId, String name, @Nullable Image headshot) {
}
