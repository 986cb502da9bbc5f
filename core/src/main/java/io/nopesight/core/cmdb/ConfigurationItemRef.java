package io.nopesight.core.cmdb;

/**
 * The short form of a configuration item shown at either end of a relationship.
 */
public record ConfigurationItemRef(String id, String name, String type) {
}
