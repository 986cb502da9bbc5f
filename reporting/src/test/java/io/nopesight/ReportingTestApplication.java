package io.nopesight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application reporting's tests start: core's beans, the correlation and analytics modules and reporting
 * on a real PostgreSQL.
 */
@SpringBootApplication
public class ReportingTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportingTestApplication.class, args);
	}

}
