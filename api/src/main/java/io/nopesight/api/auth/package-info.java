/**
 * HTTP for issuing and revoking tokens: API keys, service accounts and their keys, JWTs, discovery tokens.
 * Creating, listing and revoking tokens needs the {@code admin} scope.
 */
@NullMarked
package io.nopesight.api.auth;

import org.jspecify.annotations.NullMarked;
