package dev.marquee.ingestion;

import org.junit.jupiter.api.Test;

import dev.marquee.testsupport.RealInfrastructure;
import dev.marquee.testsupport.SharedTopics;

/**
 * The shared topic declaration (service-support) is in force here: the broker has both
 * topics as this service declares them.
 */
class TopicsIntegrationTests extends IngestionIntegrationTestSupport {

	@Test
	void bothTopicsExistWithTheSharedPartitionsRetentionAndReplication() throws Exception {
		SharedTopics.assertDeclaredOnSingleNode(RealInfrastructure.kafkaBootstrapServers());
	}

}
