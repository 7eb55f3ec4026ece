package dev.replay;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Records small sessions through the intake, for tests that need sessions to exist.
 */
public final class TestSessions {

	private static final String EVENTS = "[{\"type\":4,\"timestamp\":1000,\"data\":{\"href\":\"http://a/\","
			+ "\"width\":1,\"height\":1}},{\"type\":2,\"timestamp\":1001,\"data\":{\"node\":{\"type\":0,"
			+ "\"childNodes\":[],\"id\":1},\"initialOffset\":{\"left\":0,\"top\":0}}}]";

	private final ReplayClient client;

	private final UUID applicationId;

	private final String clientToken;

	public TestSessions(ReplayClient client) {
		this.client = client;
		JsonNode application = client.createApplication("sessions " + UUID.randomUUID());
		this.applicationId = UUID.fromString(application.path("id").asString());
		this.clientToken = application.path("clientToken").asString();
	}

	public UUID applicationId() {
		return this.applicationId;
	}

	/**
	 * The client token of the sessions' application, which may only write recordings.
	 * @return the token
	 */
	public String clientToken() {
		return this.clientToken;
	}

	/**
	 * Record a new session of one segment.
	 * @return its id
	 */
	public String record() {
		String sessionId = UUID.randomUUID().toString();
		String body = "{\"applicationId\":\"" + this.applicationId + "\",\"sequence\":0,\"events\":" + EVENTS + "}";
		HttpResponse<String> response = this.client.postSegment(sessionId, this.clientToken,
				body.getBytes(StandardCharsets.UTF_8), null);
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Could not record a session: " + response.body());
		}
		return sessionId;
	}

}
