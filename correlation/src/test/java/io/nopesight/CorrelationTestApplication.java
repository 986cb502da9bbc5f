package io.nopesight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application correlation's tests start: core's beans and the correlation module on a real PostgreSQL.
 */
@SpringBootApplication
public class CorrelationTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(CorrelationTestApplication.class, args);
	}

}
