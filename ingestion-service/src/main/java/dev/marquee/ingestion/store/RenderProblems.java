package dev.marquee.ingestion.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.springframework.stereotype.Component;

import dev.marquee.ingestion.content.RenderProblem;
import dev.marquee.model.Stage;

/**
 * The page stages whose last re-render failed ({@code render_problems}); their last good
 * version stays live.
 */
@Component
public class RenderProblems {

	private final CqlSession session;

	private final PreparedStatement upsertProblem;

	private final PreparedStatement deleteProblem;

	public RenderProblems(CqlSession session, WriteSchema schema) {
		// Raw prepared statements, bound directly and sent asynchronously: they are on a
		// webhook's path, where every request counts (package-info).
		this.session = session;
		this.upsertProblem = session.prepare("INSERT INTO marquee_write.render_problems "
				+ "(page_id, stage, trigger, problems, at) VALUES (?, ?, ?, ?, ?)");
		this.deleteProblem = session
			.prepare("DELETE FROM marquee_write.render_problems WHERE page_id = ? AND stage = ?");
	}

	/**
	 * Lists a page whose re-render failed; its last good version stays live.
	 * @param pageId the page
	 * @param stage the stage
	 * @param trigger the change that caused the re-render
	 * @param problems what went wrong
	 */
	public void saveProblem(String pageId, Stage stage, String trigger, List<String> problems) {
		this.session.execute(this.upsertProblem.bind(pageId, stage.name(), trigger, problems, Instant.now()));
	}

	/**
	 * Clears a page's problems, in one request.
	 * @param pageId the page
	 * @param stages the stages
	 * @return the request
	 */
	public CompletableFuture<Void> clearProblems(String pageId, Set<Stage> stages) {
		List<BatchableStatement<?>> clears = new ArrayList<>();
		for (Stage stage : stages) {
			clears.add(clearing(pageId, stage));
		}
		return StoreRequests.executeOnePartition(this.session, clears);
	}

	/**
	 * The statement clearing a page's problem, to send in one request with the page's
	 * other writes ({@link RenderedPages#recordAccepted}).
	 * @param pageId the page
	 * @param stage the stage
	 * @return the statement
	 */
	BoundStatement clearing(String pageId, Stage stage) {
		return this.deleteProblem.bind(pageId, stage.name());
	}

	/**
	 * Every page whose last re-render failed.
	 * @return the problems
	 */
	public List<RenderProblem> problems() {
		List<RenderProblem> problems = new ArrayList<>();
		for (Row row : this.session.execute(
				WriteSchema.scan("SELECT page_id, stage, trigger, problems, at FROM marquee_write.render_problems"))) {
			problems.add(new RenderProblem(row.getString("page_id"), Stage.valueOf(row.getString("stage")),
					row.getString("trigger"), row.getList("problems", String.class), row.getInstant("at")));
		}
		return problems;
	}

}
