package io.nopesight.reporting;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reporting's settings: their defaults, the retry back-off, and the environment variables docs/reporting.md
 * gives for the SMTP server, bound as Spring binds them.
 */
class ReportingSettingsTests {

	@Test
	void bindWhenNothingIsSetTakesTheDefaults() {
		// when
		ReportingSettings settings = bind(Map.of());
		// then
		assertThat(settings.workers()).isEqualTo(2);
		assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
		assertThat(settings.maxRecipients()).isEqualTo(50);
		assertThat(settings.mail().maxAttachmentSize().toMegabytes()).isEqualTo(10);
		assertThat(settings.mail().maxAttempts()).isEqualTo(10);
	}

	@Test
	void bindWhenAnApiOnlyNodeSaysNoWorkersKeepsNone() {
		assertThat(bind(Map.of("nopesight.reporting.workers", "0")).workers()).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportingSettings(-1, null, null, null, null, null,
				null, new ReportingSettings.Mail(null, null, null, null, null, null, null)));
	}

	@Test
	void backoffWhenAttemptsFailDoublesUpToTheLongestWait() {
		// given
		ReportingSettings.Mail mail = bind(Map.of()).mail();
		// when, then
		assertThat(mail.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(mail.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(mail.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(mail.backoff(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(mail.backoff(7)).isEqualTo(Duration.ofHours(1));
		assertThat(mail.backoff(40)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void bindWhenTheSmtpServerIsGivenByEnvironmentVariablesReadsHostPortCredentialsAndStartTls() {
		// given
		StandardEnvironment environment = new StandardEnvironment();
		String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		environment.getPropertySources()
			.replace(name, new SystemEnvironmentPropertySource(name, Map.of("SPRING_MAIL_HOST", "smtp.company.com",
					"SPRING_MAIL_PORT", "587", "SPRING_MAIL_USERNAME", "nopesight", "SPRING_MAIL_PASSWORD", "secret",
					"SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")));
		// when
		MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).get();
		// then
		assertThat(mail.getHost()).isEqualTo("smtp.company.com");
		assertThat(mail.getPort()).isEqualTo(587);
		assertThat(mail.getUsername()).isEqualTo("nopesight");
		assertThat(mail.getPassword()).isEqualTo("secret");
		assertThat(mail.getProperties()).containsEntry("mail.smtp.starttls.required", "true");
	}

	private static ReportingSettings bind(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return new Binder(ConfigurationPropertySources.get(environment))
			.bindOrCreate("nopesight.reporting", Bindable.of(ReportingSettings.class));
	}

}
