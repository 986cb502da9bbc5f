package io.nopesight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application batch-jobs' tests start: core's beans and the jobs on a real PostgreSQL. Its main
 * method runs it as a separate process for the crash test.
 */
@SpringBootApplication
public class BatchJobsTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(BatchJobsTestApplication.class, args);
	}

}
