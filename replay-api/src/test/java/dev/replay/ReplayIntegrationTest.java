package dev.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against this run's PostgreSQL database; every
 * test that uses it shares one application context. Fields and parameters of type
 * {@link ReplayClient}, {@link TestUsers} and {@link TestSessions} are set for each test
 * ({@link ReplayFixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.timeline.quiet-period=1s", "replay.timeline.delay=300ms",
				"replay.timeline.keyframe-interval=500ms",
				// the corpus recordings are older than any retention: no job may delete
				// them mid-run
				"replay.retention.enabled=false",
				// every test signs in from the same address; the limits per address have
				// tests of their own (SignInThrottleIntegrationTests)
				"replay.security.sign-in-throttle.free-failures-per-address=1000000",
				// the corpus recordings were made on fixed dates: their timestamps must
				// stay
				// acceptable
				"replay.ingest.max-event-age=36500d" })
@Import(TestcontainersConfiguration.class)
@ExtendWith(ReplayFixtures.class)
public @interface ReplayIntegrationTest {

}
