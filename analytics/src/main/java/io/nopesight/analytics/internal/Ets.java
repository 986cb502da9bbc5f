package io.nopesight.analytics.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;

/**
 * An exponential smoothing state-space model, ETS(error, trend, season) as Hyndman et al. write them and R's
 * {@code forecast::ets} fits them: additive or multiplicative error, no, additive or damped trend, no,
 * additive or multiplicative season. The smoothing parameters are fitted by maximum likelihood (Smile's
 * bounded L-BFGS), the initial states by the heuristic of R's {@code initstate} (a classical decomposition of
 * the first seasons). Prediction intervals use the linear models' closed form
 * {@code var_k = sigma^2 (1 + sum_{j<k} c_j^2)}, {@code c_j = alpha + beta phi_j + gamma [j mod m = 0]}; for
 * a multiplicative error the same on the relative scale (an approximation that R also makes for its class 2).
 */
public record Ets(char error, Trend trend, char season, int period) implements ForecastModel {

	private static final double PENALTY = 1e12;

	/** No trend, an additive one, or an additive one damped by phi. */
	public enum Trend {

		N, A, AD;

		static Trend of(String label) {
			return switch (label) {
				case "N" -> N;
				case "A" -> A;
				case "Ad" -> AD;
				default -> throw new IllegalArgumentException("ETS trend " + label);
			};
		}

		String label() {
			return (this == AD) ? "Ad" : name();
		}

	}

	public Ets {
		if ((error != 'A' && error != 'M') || (season != 'N' && season != 'A' && season != 'M')) {
			throw new IllegalArgumentException("ETS(" + error + "," + trend + "," + season + ")");
		}
		if (season == 'N') {
			period = 1;
		}
	}

	public Ets(char error, String trend, char season, int period) {
		this(error, Trend.of(trend), season, period);
	}

	@Override
	public String name() {
		return "ETS(" + this.error + "," + this.trend.label() + "," + this.season + ")"
				+ ((this.season != 'N') ? "[" + this.period + "]" : "");
	}

	boolean seasonal() {
		return this.season != 'N';
	}

	boolean trended() {
		return this.trend != Trend.N;
	}

	boolean damped() {
		return this.trend == Trend.AD;
	}

	@Override
	public int minimumLength() {
		return seasonal() ? 2 * this.period + 2 : (trended() ? 8 : 4);
	}

	@Override
	public @Nullable Fitted fit(double[] y) {
		if (y.length < minimumLength()) {
			return null;
		}
		boolean positive = Arrays.stream(y).allMatch((v) -> v > 0);
		if ((this.error == 'M' || this.season == 'M') && !positive) {
			return null;
		}
		double[] start = initialState(y);
		if (start == null) {
			return null;
		}
		double[] x = { 0.3, 0.1, 0.05, 0.97 };
		double[] lower = { 1e-4, 1e-4, 1e-4, 0.8 };
		double[] upper = { 0.9999, 0.9999, 0.9999, 0.98 };
		int k = 1 + (trended() ? 1 : 0) + (seasonal() ? 1 : 0) + (damped() ? 1 : 0);
		int[] slots = slots();
		double[] px = new double[k];
		double[] pl = new double[k];
		double[] pu = new double[k];
		for (int i = 0; i < k; i++) {
			px[i] = x[slots[i]];
			pl[i] = lower[slots[i]];
			pu[i] = upper[slots[i]];
		}
		// per observation: the optimiser's gradient tolerance is absolute, and a likelihood summed over a thousand
		// points has gradients that never get under it, so every fit ran to its iteration limit
		BoundedObjective objective = new BoundedObjective((p) -> {
			double value = run(y, start, expand(p, slots), null).likelihood;
			return Double.isFinite(value) ? value / y.length : PENALTY;
		}, px, pl, pu);
		try {
			BFGS.minimize(objective, 5, px, pl, pu, 1e-6, 200);
		}
		catch (RuntimeException ex) {
			// a line search that fails, or one that runs out of evaluations: the best point seen is still a fit
		}
		px = objective.best();
		double[] parameters = expand(px, slots);
		double[] finalState = new double[start.length];
		Run run = run(y, start, parameters, finalState);
		if (!Double.isFinite(run.likelihood) || run.likelihood >= PENALTY) {
			return null;
		}
		double sigma = Math.sqrt(run.sse / Math.max(1, y.length - k));
		int n = y.length;
		double aic = run.likelihood + 2 * (k + start.length);
		return new Fitted(this, parameters, start, finalState, sigma, n, aic);
	}

	// which of (alpha, beta, gamma, phi) this form estimates
	private int[] slots() {
		int[] all = new int[4];
		int k = 0;
		all[k++] = 0;
		if (trended()) {
			all[k++] = 1;
		}
		if (seasonal()) {
			all[k++] = 2;
		}
		if (damped()) {
			all[k++] = 3;
		}
		return Arrays.copyOf(all, k);
	}

	/** (alpha, beta, gamma, phi) from the estimated ones; beta is a fraction of alpha, gamma of 1 - alpha. */
	private double[] expand(double[] p, int[] slots) {
		double[] full = { 0, 0, 0, 1 };
		for (int i = 0; i < slots.length; i++) {
			full[slots[i]] = p[i];
		}
		full[1] *= full[0];
		full[2] *= 1 - full[0];
		if (!trended()) {
			full[3] = 1;
		}
		return full;
	}

	/** Level, trend and one seasonal state per phase (phase of t is t mod m). */
	private double @Nullable [] initialState(double[] y) {
		int m = this.period;
		double[] state = new double[2 + (seasonal() ? m : 0)];
		double[] adjusted = y;
		boolean multiplicative = this.season == 'M';
		if (seasonal()) {
			int cycles = Math.min(3, y.length / m);
			if (cycles < 2) {
				return null;
			}
			int length = cycles * m;
			double[] trendLine = centredMovingAverage(y, length, m);
			double[] sum = new double[m];
			int[] count = new int[m];
			for (int t = 0; t < length; t++) {
				if (!Double.isNaN(trendLine[t])) {
					sum[t % m] += multiplicative ? y[t] / trendLine[t] : y[t] - trendLine[t];
					count[t % m]++;
				}
			}
			double mean = 0;
			for (int i = 0; i < m; i++) {
				sum[i] = (count[i] > 0) ? sum[i] / count[i] : (multiplicative ? 1 : 0);
				mean += sum[i] / m;
			}
			for (int i = 0; i < m; i++) {
				state[2 + i] = multiplicative ? sum[i] / mean : sum[i] - mean;
			}
			adjusted = new double[y.length];
			for (int t = 0; t < y.length; t++) {
				adjusted[t] = multiplicative ? y[t] / state[2 + t % m] : y[t] - state[2 + t % m];
			}
		}
		int head = Math.min(adjusted.length, Math.max(10, 2 * m));
		if (trended()) {
			double tMean = (head - 1) / 2.0;
			double yMean = 0;
			for (int t = 0; t < head; t++) {
				yMean += adjusted[t] / head;
			}
			double sxx = 0;
			double sxy = 0;
			for (int t = 0; t < head; t++) {
				sxx += (t - tMean) * (t - tMean);
				sxy += (t - tMean) * (adjusted[t] - yMean);
			}
			double slope = sxy / sxx;
			// the level one step before the first observation, so that the first forecast is level + trend
			state[0] = yMean - slope * (tMean + 1);
			state[1] = slope;
		}
		else {
			double yMean = 0;
			for (int t = 0; t < head; t++) {
				yMean += adjusted[t] / head;
			}
			state[0] = yMean;
		}
		if (this.error == 'M' && state[0] <= 0) {
			return null;
		}
		return state;
	}

	private static double[] centredMovingAverage(double[] y, int length, int m) {
		double[] ma = new double[length];
		Arrays.fill(ma, Double.NaN);
		int half = m / 2;
		for (int t = half; t + half < length; t++) {
			double sum = 0;
			if (m % 2 == 1) {
				for (int i = t - half; i <= t + half; i++) {
					sum += y[i];
				}
				ma[t] = sum / m;
			}
			else {
				// 2 x m moving average: half weight on both ends
				sum = (y[t - half] + y[t + half]) / 2;
				for (int i = t - half + 1; i < t + half; i++) {
					sum += y[i];
				}
				ma[t] = sum / m;
			}
		}
		return ma;
	}

	private record Run(double likelihood, double sse) {
	}

	/**
	 * The likelihood as the optimiser sees it, with a budget of evaluations: Smile's line search can circle
	 * for ever on a flat or degenerate likelihood (a near-perfect line), so past the budget it is stopped and
	 * the best point seen is taken.
	 */
	static final class BoundedObjective implements DifferentiableMultivariateFunction {

		static final int BUDGET = 1_500;

		private static final long serialVersionUID = 1L;

		// Smile's function types are Serializable; this one is never serialised
		private final transient java.util.function.ToDoubleFunction<double[]> function;

		private transient double[] best;

		private double bestValue = Double.POSITIVE_INFINITY;

		private int evaluations;

		private final transient double[] lower;

		private final transient double[] upper;

		BoundedObjective(java.util.function.ToDoubleFunction<double[]> function, double[] start, double[] lower,
				double[] upper) {
			this.function = function;
			this.best = start.clone();
			this.lower = lower;
			this.upper = upper;
		}

		/**
		 * The likelihood at x moved inside the bounds: the line search and the numerical gradient probe points
		 * beyond them, where a smoothing parameter would make the model explode.
		 */
		@Override
		public double f(double[] x) {
			if (++this.evaluations > BUDGET) {
				throw new IllegalStateException("evaluation budget spent");
			}
			double[] inside = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				inside[i] = Math.max(this.lower[i], Math.min(this.upper[i], x[i]));
			}
			double value = this.function.applyAsDouble(inside);
			if (value < this.bestValue) {
				this.bestValue = value;
				this.best = inside;
			}
			return value;
		}

		double[] best() {
			return this.best.clone();
		}

	}

	/**
	 * The recursions over y from the initial state; the likelihood is R's concentrated one:
	 * {@code n log(sum e^2)} (+ {@code 2 sum log|mu|} for a multiplicative error).
	 */
	private Run run(double[] y, double[] initial, double[] p, double @Nullable [] finalState) {
		double[] state = initial.clone();
		double alpha = p[0];
		double beta = p[1];
		double gamma = p[2];
		double phi = p[3];
		int m = this.period;
		double sse = 0;
		double logMu = 0;
		for (int t = 0; t < y.length; t++) {
			double mu = step(state, t % m, y[t], alpha, beta, gamma, phi, Double.POSITIVE_INFINITY);
			if (Double.isNaN(mu)) {
				return new Run(PENALTY, Double.NaN);
			}
			double e = (this.error == 'A') ? y[t] - mu : (y[t] - mu) / mu;
			sse += e * e;
			if (this.error == 'M') {
				logMu += Math.log(Math.abs(mu));
			}
		}
		if (finalState != null) {
			System.arraycopy(state, 0, finalState, 0, state.length);
		}
		int n = y.length;
		double likelihood = n * Math.log(Math.max(sse, 1e-300) / n) + ((this.error == 'M') ? 2 * logMu : 0);
		return new Run(likelihood, sse);
	}

	/**
	 * One observation: returns its one-step forecast and updates the state in place; the error is clipped to
	 * {@code clip} (in the error's own scale) so that an outlier moves the state no further than that.
	 */
	double step(double[] state, int phase, double y, double alpha, double beta, double gamma, double phi, double clip) {
		double level = state[0];
		double slope = state[1];
		double trendTerm = switch (this.trend) {
			case N -> 0;
			case A -> slope;
			case AD -> phi * slope;
		};
		double base = level + trendTerm;
		double s = seasonal() ? state[2 + phase] : ((this.season == 'M') ? 1 : 0);
		double mu = switch (this.season) {
			case 'A' -> base + s;
			case 'M' -> base * s;
			default -> base;
		};
		if (this.error == 'M' && !(mu > 0)) {
			return Double.NaN;
		}
		if (this.error == 'A') {
			double e = Math.max(-clip, Math.min(clip, y - mu));
			double ratio = (this.season == 'M') ? s : 1;
			state[0] = base + alpha * e / ratio;
			state[1] = trendTerm + beta * e / ratio;
			if (seasonal()) {
				state[2 + phase] = s + gamma * ((this.season == 'M') ? e / base : e);
			}
		}
		else {
			double e = Math.max(-clip, Math.min(clip, (y - mu) / mu));
			state[0] = base * (1 + alpha * e);
			state[1] = trendTerm + beta * base * e;
			if (seasonal()) {
				state[2 + phase] = (this.season == 'M') ? s * (1 + gamma * e) : s + gamma * mu * e;
			}
		}
		return mu;
	}

	/**
	 * A fitted ETS model: parameters (alpha, beta, gamma, phi), the state after the last observation and the
	 * one-step error's standard deviation (relative for a multiplicative error).
	 */
	public static final class Fitted implements Fit {

		private final Ets form;

		private final double[] parameters;

		private final double[] initial;

		private final double[] state;

		private final double sigma;

		private final int length;

		private final double aic;

		Fitted(Ets form, double[] parameters, double[] initial, double[] state, double sigma, int length, double aic) {
			this.form = form;
			this.parameters = parameters;
			this.initial = initial;
			this.state = state;
			this.sigma = sigma;
			this.length = length;
			this.aic = aic;
		}

		@Override
		public String name() {
			return this.form.name();
		}

		public double aic() {
			return this.aic;
		}

		public double sigma() {
			return this.sigma;
		}

		public boolean relativeError() {
			return this.form.error == 'M';
		}

		public double[] parameters() {
			return this.parameters.clone();
		}

		@Override
		public double[] forecast(int h) {
			double[] f = new double[h];
			double level = this.state[0];
			double slope = this.state[1];
			double phi = this.parameters[3];
			double damping = 0;
			for (int k = 1; k <= h; k++) {
				damping = switch (this.form.trend) {
					case N -> 0;
					case A -> k;
					case AD -> damping + Math.pow(phi, k);
				};
				double base = level + damping * slope;
				int phase = (this.length + k - 1) % this.form.period;
				f[k - 1] = switch (this.form.season) {
					case 'A' -> base + this.state[2 + phase];
					case 'M' -> base * this.state[2 + phase];
					default -> base;
				};
			}
			return f;
		}

		@Override
		public double[] standardDeviation(int h) {
			double alpha = this.parameters[0];
			double beta = this.parameters[1];
			double gamma = this.parameters[2];
			double phi = this.parameters[3];
			double[] f = relativeError() ? forecast(h) : null;
			double[] sd = new double[h];
			double sum = 0;
			double damping = 0;
			for (int k = 1; k <= h; k++) {
				sd[k - 1] = this.sigma * Math.sqrt(1 + sum) * ((f != null) ? Math.abs(f[k - 1]) : 1);
				// c_k for the next step's variance
				damping = switch (this.form.trend) {
					case N -> 0;
					case A -> k;
					case AD -> damping + Math.pow(phi, k);
				};
				double c = alpha + beta * damping
						+ ((this.form.seasonal() && k % this.form.period == 0) ? gamma : 0);
				sum += c * c;
			}
			return sd;
		}

		/**
		 * Continues the recursions over new observations: each one's one-step forecast (before it is seen),
		 * with errors beyond {@code clipSigmas} standard deviations clipped so that an anomaly does not drag the
		 * state along. The fitted state itself is left as it was.
		 */
		public double[] oneStepForecasts(double[] y, double clipSigmas) {
			return filter(this.state.clone(), this.length, y, clipSigmas);
		}

		/**
		 * The same over the observations the model was fitted to (from its initial state), for a window with too
		 * little history before it to fit on that alone.
		 */
		public double[] oneStepForecastsFromStart(double[] y, double clipSigmas) {
			return filter(this.initial.clone(), 0, y, clipSigmas);
		}

		private double[] filter(double[] s, int offset, double[] y, double clipSigmas) {
			double[] mu = new double[y.length];
			double clip = clipSigmas * this.sigma;
			for (int t = 0; t < y.length; t++) {
				int phase = (offset + t) % this.form.period;
				mu[t] = this.form.step(s, phase, y[t], this.parameters[0], this.parameters[1], this.parameters[2],
						this.parameters[3], clip);
				if (Double.isNaN(mu[t])) {
					mu[t] = y[t];
				}
			}
			return mu;
		}

	}

}
