package dev.replay.ingest.timeline;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the scheduling that the timeline indexer runs on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimelineConfiguration {

}
