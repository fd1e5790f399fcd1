package dev.marquee.hollowproducer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the hollow-producer (port 8083).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HollowProducerApplication {

	public static void main(String[] args) {
		SpringApplication.run(HollowProducerApplication.class, args);
	}

}
