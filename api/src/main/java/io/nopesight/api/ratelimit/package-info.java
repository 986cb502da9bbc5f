/**
 * Rate limits per token, shared by every node through PostgreSQL (Bucket4j), with the IETF draft
 * {@code RateLimit-Policy}/{@code RateLimit} headers and the {@code X-RateLimit-*} ones.
 */
@NullMarked
package io.nopesight.api.ratelimit;

import org.jspecify.annotations.NullMarked;
