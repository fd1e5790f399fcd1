/**
 * The live comparison dashboard's server side: a demo edit published through ingestion's
 * real signed webhook, its security rule, and the local-default hints the dashboard's
 * login form shows.
 */
@NullMarked
package dev.marquee.page.dashboard;

import org.jspecify.annotations.NullMarked;
