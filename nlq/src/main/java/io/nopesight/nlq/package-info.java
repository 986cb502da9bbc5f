/**
 * Natural-language questions about the estate: {@link io.nopesight.nlq.NaturalLanguageQueries} reads a
 * question into a typed {@link io.nopesight.nlq.QueryPlan} (what it asks for, with which filters, answered
 * how), shows it as the answer's interpretation and runs it as parameterised SQL: never SQL built from the
 * question's words. What it cannot read is refused with suggestions, never guessed.
 */
@NullMarked
package io.nopesight.nlq;

import org.jspecify.annotations.NullMarked;
