package io.nopesight.core.audit;

import org.jspecify.annotations.Nullable;

/**
 * The write an audit entry is about, as the API layer knows it while the request runs. {@link #route()} and
 * {@link #targetId()} are read when the entry is stored (inside the change's transaction), once the request
 * has been matched to its operation.
 */
public interface AuditedWrite {

	String actor();

	@Nullable String tokenId();

	@Nullable String tokenKind();

	String method();

	String path();

	@Nullable String route();

	@Nullable String requestId();

	@Nullable String targetId();

}
