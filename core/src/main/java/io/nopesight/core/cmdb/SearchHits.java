package io.nopesight.core.cmdb;

import java.util.List;

/**
 * The ids of one page of search results, best first, and how many matched in all.
 */
record SearchHits(long total, List<String> ids) {
}
