package io.nopesight.core.discovery;

import java.util.List;

/**
 * A host of a scan that a rule matched to several CIs; left alone rather than merged by guess.
 */
public record ScanConflict(int hostIndex, String rule, DiscoveredHost host, List<String> ciIds) {
}
