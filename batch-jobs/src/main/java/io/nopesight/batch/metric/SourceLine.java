package io.nopesight.batch.metric;

/**
 * A line of an import file and its number, counted from 1.
 */
record SourceLine(long number, String text) {
}
