package io.nopesight.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application that core's tests start: core's beans on a real PostgreSQL.
 */
@SpringBootApplication
public class CoreTestApplication {

}
