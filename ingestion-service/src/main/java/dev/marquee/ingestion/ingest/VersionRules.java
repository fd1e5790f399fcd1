package dev.marquee.ingestion.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.marquee.ingestion.content.Action;
import dev.marquee.ingestion.content.DocumentState;
import dev.marquee.ingestion.content.IncomingChange;
import dev.marquee.ingestion.content.StageVersion;
import dev.marquee.model.Stage;

/**
 * Which stages of a document a delivery may change, decided on CMS versions kept per
 * stage.
 *
 * <ul>
 * <li>A publish or draft applies to a stage when its version is newer than the stage's,
 * or equal to it while the stage is live (re-sending the same version re-applies it, as
 * before). So a publish older than a draft already in PREVIEW still updates
 * PUBLISHED.</li>
 * <li>A removal records a version on each of its stages: its own (never less than the
 * stage had), or, when it carries none (Contentful, Sanity and Strapi tombstones), the
 * highest version ever seen of the document. After it only a strictly newer version
 * brings the stage back, so a retried publish under a new delivery id resurrects nothing.
 * A versioned removal records its own version rather than the highest seen: a draft v7
 * delivered before a reordered unpublish v3 must not swallow the publish v5 that followed
 * the unpublish in the CMS.</li>
 * <li>A version must be plausible: at most 2^53−1 (exact in every JSON reader;
 * microseconds since the epoch until the year 2255), so a sender's bug (Long.MAX, epoch
 * nanoseconds) cannot freeze a document forever.</li>
 * </ul>
 */
final class VersionRules {

	/**
	 * The highest version accepted: 2^53−1, the largest integer every JSON reader holds
	 * exactly.
	 */
	static final long MAX_VERSION = (1L << 53) - 1;

	private VersionRules() {
	}

	/**
	 * Refuses an implausible version.
	 * @param change the delivery
	 * @throws IngestionRefusedException {@code INVALID_DOCUMENT} naming the field
	 * {@code version}
	 */
	static void checkPlausible(IncomingChange change) {
		Long version = change.version();
		String problem = null;
		if (version == null && !change.action().isRemoval()) {
			problem = "a " + change.action().wireName() + " must carry the document's CMS version";
		}
		else if (version != null && (version < 0 || version > MAX_VERSION)) {
			problem = "must be between 0 and 2^53-1 (" + MAX_VERSION + "), was " + version
					+ ": a version beyond it would make every later change look older";
		}
		if (problem != null) {
			throw new IngestionRefusedException(IngestionRefusedException.Reason.INVALID_DOCUMENT,
					"The delivery's version is not usable: " + problem)
				.with("errors", List.of(Map.of("field", "version", "message", problem, "kind", "VERSION")));
		}
	}

	/**
	 * Decides what a delivery changes.
	 * @param current the document's state, null for a document never seen
	 * @param action what the CMS did
	 * @param version the delivery's version, null for a removal without one
	 * @param source the delivering CMS, the owner of a new document
	 * @return the decision
	 */
	static Decision decide(@Nullable DocumentState current, Action action, @Nullable Long version, String source) {
		long highest = (current != null) ? current.highest() : 0;
		Map<Stage, StageVersion> stages = new EnumMap<>(Stage.class);
		if (current != null) {
			stages.putAll(current.stages());
		}
		long applied = (version != null) ? version : highest;
		Set<Stage> apply = EnumSet.noneOf(Stage.class);
		List<String> kept = new ArrayList<>();
		for (Stage stage : action.stages()) {
			StageVersion stored = stages.get(stage);
			if (action.isRemoval()) {
				if (version == null || stored == null || version >= stored.version()) {
					apply.add(stage);
					long recorded = Math.max(applied, (stored != null) ? stored.version() : 0);
					stages.put(stage, new StageVersion(recorded, true));
				}
				else {
					kept.add(stage + " keeps its newer version " + stored.version());
				}
			}
			else if (stored == null || applied > stored.version()
					|| (applied == stored.version() && !stored.removed())) {
				apply.add(stage);
				stages.put(stage, new StageVersion(applied, false));
			}
			else if (stored.removed()) {
				kept.add(stage + " was removed at version " + stored.version()
						+ "; only a newer version brings it back");
			}
			else {
				kept.add(stage + " keeps its newer version " + stored.version());
			}
		}
		boolean allRemoved = !stages.isEmpty() && stages.values().stream().allMatch(StageVersion::removed);
		String owner = (current != null && current.owner() != null) ? current.owner() : source;
		DocumentState after = new DocumentState(Math.max(highest, applied), allRemoved, owner, stages);
		String reason = kept.isEmpty() ? null : "version " + applied + ": " + String.join("; ", kept);
		return new Decision(apply, applied, after, reason);
	}

	/**
	 * What a delivery changes.
	 *
	 * @param stages the stages it applies to; empty when it is ignored
	 * @param version the CMS version it applies (for a removal without one: the highest
	 * seen)
	 * @param after the document's state once it is applied
	 * @param kept why some stages stay as they are; null when it applies to every stage
	 * of its action
	 */
	record Decision(Set<Stage> stages, long version, DocumentState after, @Nullable String kept) {

		boolean ignored() {
			return this.stages.isEmpty();
		}

	}

}
