/**
 * The forecasting models and their choice by rolling-origin backtest. Nothing outside
 * {@code io.nopesight.analytics} uses this package.
 */
@NullMarked
package io.nopesight.analytics.internal;

import org.jspecify.annotations.NullMarked;
