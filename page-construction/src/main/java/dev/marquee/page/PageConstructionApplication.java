package dev.marquee.page;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts page construction on port 8080.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PageConstructionApplication {

	public static void main(String[] args) {
		SpringApplication.run(PageConstructionApplication.class, args);
	}

}
