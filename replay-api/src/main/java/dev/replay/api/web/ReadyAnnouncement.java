package dev.replay.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in one log line where the started application answers, so that a first run ends
 * with an address to open rather than a page of start-up logs.
 */
@Component
class ReadyAnnouncement {

	private static final Logger LOG = LoggerFactory.getLogger(ReadyAnnouncement.class);

	private final Environment environment;

	ReadyAnnouncement(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String port = this.environment.getProperty("local.server.port");
		if (port != null) {
			LOG.info("Replay is ready at {}, sign in as admin", address(port));
		}
	}

	String address(String port) {
		String host = this.environment.getProperty("server.address", "localhost");
		if ("0.0.0.0".equals(host) || "::".equals(host)) {
			host = "localhost";
		}
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

}
