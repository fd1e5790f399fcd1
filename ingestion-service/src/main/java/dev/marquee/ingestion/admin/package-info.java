/**
 * Operator endpoints: regenerate every page and list pages whose re-render failed.
 */
@NullMarked
package dev.marquee.ingestion.admin;

import org.jspecify.annotations.NullMarked;
