package io.nopesight.core.metric;

/**
 * Makes {@link CiResolver}s, each with its own cache.
 */
public interface CiResolvers {

	CiResolver newResolver();

}
