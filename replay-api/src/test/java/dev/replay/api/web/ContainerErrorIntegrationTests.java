package dev.replay.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that no controller answers are problem bodies too: requests that Tomcat refuses
 * before they reach the application, requests that Spring Security's firewall refuses,
 * and {@code /error} itself. Sent over a plain socket, so that no client normalises the
 * paths.
 */
@ReplayIntegrationTest
class ContainerErrorIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = ' ', value = {
			// refused by Tomcat: a NUL, an encoded slash, a broken escape
			"POST /ingest/v1/sessions/%00/segments 400 bad-request", "GET /api/v1/sessions/%00 400 bad-request",
			"GET /api/v1/sessions/..%2f..%2factuator/health 400 bad-request",
			"GET /..%2f..%2fetc/passwd 400 bad-request", "GET /api/v1/sessions/%zz 400 bad-request",
			// refused by Spring Security's firewall: an encoded percent or period, a
			// semicolon, a backslash
			"GET /api/v1/sessions/%2525 400 bad-request", "GET /api/v1/me;x=y 400 bad-request",
			"GET /ingest/v1/sessions/a%2e%2e/segments 400 bad-request", "GET /api/v1/%5cme 400 bad-request",
			// opened directly
			"GET /error 404 about:blank" })
	void answersWithProblem(String method, String path, int status, String type) throws IOException {
		RawResponse response = send(method + " " + path + " HTTP/1.1");
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
		JsonNode problem = ReplayClient.json(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("type").asString())
			.isEqualTo(type.contains(":") ? type : "https://replay.dev/problems/" + type);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("<html");
	}

	@ParameterizedTest(name = "request line {0}")
	@CsvSource(delimiter = '|', value = { "GET /api/v1/me\tx HTTP/1.1", "GET /api/v1/sessions/%0a HTTP/1.1" })
	void answersMalformedRequestLinesWithProblem(String requestLine) throws IOException {
		RawResponse response = send(requestLine);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/bad-request");
	}

	private RawResponse send(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nContent-Length: 0\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return new RawResponse(bytes.toString(StandardCharsets.UTF_8));
		}
	}

	record RawResponse(String text) {

		int status() {
			return Integer.parseInt(this.text.split(" ", 3)[1]);
		}

		String header(String name) {
			String head = this.text.substring(0, this.text.indexOf("\r\n\r\n"));
			for (String line : head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return "";
		}

		String body() {
			String body = this.text.substring(this.text.indexOf("\r\n\r\n") + 4);
			if (header("transfer-encoding").equalsIgnoreCase("chunked")) {
				StringBuilder joined = new StringBuilder();
				String rest = body;
				while (true) {
					int end = rest.indexOf("\r\n");
					int size = Integer.parseInt(rest.substring(0, end).trim(), 16);
					if (size == 0) {
						break;
					}
					joined.append(rest, end + 2, end + 2 + size);
					rest = rest.substring(end + 2 + size + 2);
				}
				return joined.toString();
			}
			return body;
		}

	}

}
