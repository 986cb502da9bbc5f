package io.nopesight.core.webhook;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.nopesight.core.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookUrlGuardTests {

	private final WebhookUrlGuard strict = new WebhookUrlGuard(List.of(), InetAddress::getAllByName);

	@Test
	void checkWhenAddressIsInternalRefusesIt() {
		for (String url : List.of("http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/",
				"http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
				"http://[::1]/", "http://[fd00:ec2::254]/", "http://100.64.0.1/", "http://0.0.0.0/")) {
			assertThatExceptionOfType(InvalidInputException.class).as(url).isThrownBy(() -> this.strict.check(url));
		}
	}

	@Test
	void checkWhenSchemeIsNotHttpRefusesIt() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.strict.check("file:///etc/passwd"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.strict.check("ftp://8.8.8.8/"));
	}

	@Test
	void checkWhenHostResolvesToPrivateAddressRefusesIt() {
		// given a name whose DNS answer is private (a rebinding attacker's)
		WebhookUrlGuard guard = new WebhookUrlGuard(List.of(),
				(host) -> new InetAddress[] { InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5") });

		// when, then
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> guard.check("https://hooks.example.com/in"));
	}

	@Test
	void checkWhenAllowListNamesHostOrRangeAcceptsIt() {
		WebhookUrlGuard guard = new WebhookUrlGuard(List.of("127.0.0.1", " 10.0.0.0/8", "receiver.internal"),
				(host) -> host.endsWith(".internal") ? new InetAddress[] { InetAddress.getByName("192.168.7.7") }
						: InetAddress.getAllByName(host));
		assertThatNoException().isThrownBy(() -> guard.check("http://127.0.0.1:9999/hook"));
		assertThatNoException().isThrownBy(() -> guard.check("http://10.20.30.40/hook"));
		assertThatNoException().isThrownBy(() -> guard.check("http://receiver.internal/hook"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> guard.check("http://other.internal/"));
	}

	@Test
	void checkWhenAddressIsPublicAcceptsIt() {
		assertThat(this.strict.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
	}

}
