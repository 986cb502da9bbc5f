package io.nopesight.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application that core's tests start: core's beans on a real PostgreSQL. Tests that need a second node
 * run it in a JVM of its own through {@link #main}.
 */
@SpringBootApplication
public class CoreTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoreTestApplication.class, args);
	}

}
