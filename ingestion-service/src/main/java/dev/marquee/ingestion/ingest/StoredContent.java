package dev.marquee.ingestion.ingest;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.marquee.ingestion.content.ContentType;
import dev.marquee.ingestion.content.RenderProblem;
import dev.marquee.ingestion.store.DocumentStore;
import dev.marquee.ingestion.store.RenderProblems;
import dev.marquee.model.Stage;

/**
 * What the web layer may ask of the write side (a mapping that needs to know what is
 * stored, the operator endpoints), so that no controller touches a store.
 */
@Service
public class StoredContent {

	private final DocumentStore documents;

	private final RenderProblems problems;

	StoredContent(DocumentStore documents, RenderProblems problems) {
		this.documents = documents;
		this.problems = problems;
	}

	/**
	 * Whether a document was ever delivered, removals included.
	 * @param type its type
	 * @param id its id
	 * @return true when its version is known
	 */
	public boolean isKnown(ContentType type, String id) {
		return this.documents.version(type, id).isPresent();
	}

	/**
	 * Whether a document has published content now.
	 * @param type its type
	 * @param id its id
	 * @return true when its PUBLISHED stage has content
	 */
	public boolean isPublished(ContentType type, String id) {
		return this.documents.document(type, id, Stage.PUBLISHED).isPresent();
	}

	/**
	 * Every page that has a stored document, for regenerate-all.
	 * @return page ids
	 */
	public List<String> allPageIds() {
		return this.documents.allPageIds();
	}

	/**
	 * Every page stage whose last re-render failed.
	 * @return the problems
	 */
	public List<RenderProblem> renderProblems() {
		return this.problems.problems();
	}

}
