/**
 * What every webhook endpoint shares: reading and parsing the raw body, the problems it
 * answers with, the JSON readers of the per-CMS mappings, and the HTTP answer to what
 * ingestion decided or refused. Each CMS has its subpackage.
 */
@NullMarked
package dev.marquee.ingestion.webhook;

import org.jspecify.annotations.NullMarked;
