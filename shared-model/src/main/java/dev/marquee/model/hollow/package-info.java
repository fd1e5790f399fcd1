/**
 * Netflix Hollow data model of the read path that keeps the whole dataset in memory:
 * final classes (Hollow's object mapper cannot write records), typed fields, and
 * references so that repeated strings, images and title cards are stored once.
 */
@NullMarked
package dev.marquee.model.hollow;

import org.jspecify.annotations.NullMarked;
