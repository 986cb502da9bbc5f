package io.nopesight.core.demo;

import org.springframework.core.Ordered;

/**
 * One module's part of the demo estate, declared as a bean; with the demo switch on, the
 * {@link DemoEstateLoader} runs every part in its {@link #getOrder() order} on an empty CMDB. Core's parts
 * come first ({@link #CMDB}, {@link #METRICS}, {@link #SCANS}); a feature module takes an order from
 * {@link #FEATURES} on, following the module table in DESIGN.md, so it finds the CIs it refers to already
 * loaded and can look them up by name in the {@link DemoEstate}.
 */
public interface DemoEstatePart extends Ordered {

	int CMDB = 100;

	int METRICS = 200;

	int SCANS = 300;

	int FEATURES = 1000;

	/**
	 * Loads this part (times moved by {@link DemoEstate#shifted}) and says what it loaded, for the log.
	 */
	String load(DemoEstate estate);

}
