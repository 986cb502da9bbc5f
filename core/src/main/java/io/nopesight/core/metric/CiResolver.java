package io.nopesight.core.metric;

import org.jspecify.annotations.Nullable;

/**
 * Finds the CI a sample belongs to and remembers the answers for as long as it lives (one import, or a
 * short while for a stream of remote writes). Get one from {@link CiResolvers}.
 */
public interface CiResolver {

	/**
	 * A CI named by its id or by its name; a name shared by CIs of several types is ambiguous.
	 */
	Match byReference(String reference);

	/**
	 * A CI named by a Prometheus {@code instance} label: {@code host:port}, {@code ip:port} or
	 * {@code [ipv6]:port}. An IP is looked up through the CIs' IP fields, a host name by name, ignoring
	 * case and matching short names against fully qualified ones.
	 */
	Match byInstance(String instance);

	/**
	 * The CI id, or why there is none.
	 */
	record Match(@Nullable String ciId, @Nullable String problem) {

		static Match found(String ciId) {
			return new Match(ciId, null);
		}

		static Match problem(String problem) {
			return new Match(null, problem);
		}

		public boolean found() {
			return this.ciId != null;
		}

	}

}
