package io.nopesight.core.cmdb;

/**
 * A configuration item as a list shows it: the item and how many relationships it has (either direction),
 * read in the same statement as the page.
 */
public record ListedConfigurationItem(ConfigurationItem item, int relationshipCount) {
}
