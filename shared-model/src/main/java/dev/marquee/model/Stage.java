package dev.marquee.model;

/**
 * Which audience a rendered page is for.
 *
 * <p>
 * A CMS publish writes both stages; a draft save writes only {@link #PREVIEW}; an
 * unpublish removes only {@link #PUBLISHED}; a delete removes both. Public reads only
 * ever see {@link #PUBLISHED}.
 */
public enum Stage {

	/** Live content, visible on public reads. */
	PUBLISHED,

	/**
	 * The newest working copy, drafts included; visible only through the authenticated
	 * preview API.
	 */
	PREVIEW

}
