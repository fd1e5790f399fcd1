package dev.marquee.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The data consumer: reads page changes from Kafka and keeps the Cassandra read tables of
 * the Kafka → Cassandra read path up to date.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DataConsumerApplication {

	public static void main(String[] args) {
		SpringApplication.run(DataConsumerApplication.class, args);
	}

}
