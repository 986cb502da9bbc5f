package io.nopesight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application analytics' tests start: core's beans, the correlation module and analytics on a real
 * PostgreSQL.
 */
@SpringBootApplication
public class AnalyticsTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalyticsTestApplication.class, args);
	}

}
