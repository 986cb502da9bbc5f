package io.nopesight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * NopeSight: a self-hosted CMDB and AIOps engine behind one REST API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NopeSightApplication {

	public static void main(String[] args) {
		SpringApplication.run(NopeSightApplication.class, args);
	}

}
