package dev.marquee.ingestion.content;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.marquee.model.Stage;

/**
 * What a CMS did to a document, and which stages that touches.
 */
public enum Action {

	/** Published: both the live and the preview copy. */
	PUBLISH(EnumSet.of(Stage.PUBLISHED, Stage.PREVIEW), false),

	/** A draft save: only the preview copy. */
	DRAFT(EnumSet.of(Stage.PREVIEW), false),

	/** Unpublished: the live copy goes, the preview copy stays. */
	UNPUBLISH(EnumSet.of(Stage.PUBLISHED), true),

	/** Deleted: both copies go. */
	DELETE(EnumSet.of(Stage.PUBLISHED, Stage.PREVIEW), true);

	private final Set<Stage> stages;

	private final boolean removal;

	Action(Set<Stage> stages, boolean removal) {
		this.stages = stages;
		this.removal = removal;
	}

	public Set<Stage> stages() {
		return EnumSet.copyOf(this.stages);
	}

	public boolean isRemoval() {
		return this.removal;
	}

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Action> fromWireName(String name) {
		return Arrays.stream(values()).filter((action) -> action.wireName().equals(name)).findFirst();
	}

}
