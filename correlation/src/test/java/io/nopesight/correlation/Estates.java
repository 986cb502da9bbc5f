package io.nopesight.correlation;

/**
 * Small estates for the unit tests: a shop whose database fails, and the estate around it.
 */
final class Estates {

	private Estates() {
	}

	/**
	 * Two access switches behind a core switch; two hypervisors, one per access switch; the shop's database VM
	 * and order service VM on the first, its API and web VMs and a mail VM on the second; orders-db on the
	 * database VM; Order Service depends on orders-db, Shop API on Order Service, Shop Web on Shop API; and a
	 * box linked to nothing.
	 */
	static TestTopology shop() {
		return new TestTopology().ci("CORE-SW", "network_device")
			.ci("ACC-SW-1", "network_device")
			.ci("ACC-SW-2", "network_device")
			.link("ACC-SW-1", "connected_to", "CORE-SW")
			.link("ACC-SW-2", "connected_to", "CORE-SW")
			.link("HOST-1", "connected_to", "ACC-SW-1")
			.link("HOST-2", "connected_to", "ACC-SW-2")
			.link("DB-VM", "runs_on", "HOST-1")
			.link("APP-VM-1", "runs_on", "HOST-1")
			.link("APP-VM-2", "runs_on", "HOST-2")
			.link("WEB-VM", "runs_on", "HOST-2")
			.link("MAIL-VM", "runs_on", "HOST-2")
			.link("orders-db", "runs_on", "DB-VM")
			.link("Order Service", "runs_on", "APP-VM-1")
			.link("Order Service", "depends_on", "orders-db")
			.link("Shop API", "runs_on", "APP-VM-2")
			.link("Shop API", "depends_on", "Order Service")
			.link("Shop Web", "runs_on", "WEB-VM")
			.link("Shop Web", "depends_on", "Shop API")
			.ci("NOISE-BOX", "server");
	}

}
