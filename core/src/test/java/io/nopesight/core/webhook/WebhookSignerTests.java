package io.nopesight.core.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTests {

	@Test
	void signatureWhenGivenTheSpecsTestVectorReproducesIt() {
		// given the published Standard Webhooks vector
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

		// when
		String signature = WebhookSigner.signature(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}");

		// then
		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void signatureWhenTwoSecretsSignGivesBothSpaceSeparated() throws Exception {
		// given
		String current = WebhookSigner.newSecret();
		String previous = WebhookSigner.newSecret();

		// when
		String signature = WebhookSigner.signature(List.of(current, previous), "msg_1", 1700000000, "{}");

		// then each secret verifies on its own with the reference algorithm
		WebhookReceiver.Received request = new WebhookReceiver.Received("msg_1", "1700000000", signature, "{}", "/",
				new com.sun.net.httpserver.Headers(), 0);
		assertThat(signature.split(" ")).hasSize(2).allMatch((s) -> s.startsWith("v1,"));
		assertThat(WebhookReceiver.verify(current, request)).isTrue();
		assertThat(WebhookReceiver.verify(previous, request)).isTrue();
		assertThat(WebhookReceiver.verify(WebhookSigner.newSecret(), request)).isFalse();
	}

	@Test
	void newSecretWhenCreatedHasTheWhsecPrefixAndAtLeast24Bytes() {
		String secret = WebhookSigner.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
	}

}
