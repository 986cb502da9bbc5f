package io.nopesight.core.cmdb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "10.0.3.97", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1",
			"2001:db8:85a3::8a2e:370:7334", "::ffff:192.0.2.128" })
	void acceptsIpv4AndIpv6(String address) {
		assertThat(IpAddresses.isValid(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "999.1.1.1", "10.0.3", "10.0.3.97.1", "01.2.3.4", "host-1", "ab:cd", "10.0.0.1 ",
			"::g" })
	void refusesWhatIsNoAddress(String value) {
		assertThat(IpAddresses.isValid(value)).isFalse();
	}

}
