/**
 * Page construction: serves rendered page JSON from the active read path (Hollow in
 * memory, or Cassandra through a near cache), with read-after-write previews and a
 * runtime read-path toggle.
 */
@NullMarked
package dev.marquee.page;

import org.jspecify.annotations.NullMarked;
