package dev.marquee.ingestion.content;

import java.time.Instant;
import java.util.List;

import dev.marquee.model.Stage;

/**
 * A page stage whose re-render failed; its last good version stays live.
 *
 * @param pageId the page
 * @param stage the stage
 * @param trigger the change that caused the re-render
 * @param problems what went wrong
 * @param at when
 */
public record RenderProblem(String pageId, Stage stage, String trigger, List<String> problems, Instant at) {
}
