package dev.replay.api.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are throttled per user name and per client address, whichever way they
 * come, and leave a few aggregated rows in the audit trail. Each test sends its requests
 * from an address of its own (any 127.x.y.z reaches the loopback interface), so that the
 * tests do not share an address's failures; the first wait is a minute, long enough that
 * no test outlives it.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = { "replay.security.sign-in-throttle.free-failures=5",
		"replay.security.sign-in-throttle.free-failures-per-address=20",
		"replay.security.sign-in-throttle.initial-delay=1m" })
@DirtiesContext
class SignInThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInAuditor auditor;

	TestUsers users;

	@Test
	void refusesTheSixtyFirstWrongPasswordAndThenTheRightOne() {
		TestUser viewer = this.users.create("viewer");
		String address = newAddress();
		int unauthorized = 0;
		for (int i = 0; i < 60; i++) {
			int status = basic(address, viewer.username(), "wrong-" + i).status();
			assertThat(status).isIn(401, 429);
			unauthorized += (status == 401) ? 1 : 0;
		}
		assertThat(unauthorized).isEqualTo(6);
		Response sixtyFirst = basic(address, viewer.username(), "wrong-61");
		assertThat(sixtyFirst.status()).isEqualTo(429);
		assertThat(sixtyFirst.header("retry-after")).isNotNull();
		assertThat(Long.parseLong(sixtyFirst.header("retry-after"))).isBetween(1L, 60L);
		assertThat(sixtyFirst.header("content-type")).startsWith("application/problem+json");
		assertThat(sixtyFirst.body()).contains("https://replay.dev/problems/too-many-sign-in-attempts");
		assertThat(basic(address, viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(429);
		// the name waits, from any address
		assertThat(basic(newAddress(), viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void throttlesTheSignInForm() {
		TestUser viewer = this.users.create("viewer");
		String address = newAddress();
		for (int i = 0; i < 6; i++) {
			assertThat(form(address, viewer.username(), "wrong").status()).isEqualTo(401);
		}
		Response refused = form(address, viewer.username(), "wrong");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("retry-after")).isNotNull();
		assertThat(form(address, viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void successfulSignInClearsTheNamesFailures() {
		TestUser viewer = this.users.create("viewer");
		String address = newAddress();
		for (int i = 0; i < 4; i++) {
			assertThat(basic(address, viewer.username(), "wrong").status()).isEqualTo(401);
		}
		assertThat(form(address, viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(basic(address, viewer.username(), "wrong").status()).isEqualTo(401);
		}
		assertThat(basic(address, viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void throttlesMadeUpApiTokensPerAddress() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		String address = newAddress();
		for (int i = 0; i < 21; i++) {
			assertThat(bearer(address, "rpl_made-up-" + i).status()).isEqualTo(401);
		}
		Response refused = bearer(address, "rpl_made-up");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("retry-after")).isNotNull();
		assertThat(bearer(address, token).status()).isEqualTo(429);
		assertThat(send(address, "GET", "/api/v1/me", Map.of("DD-APPLICATION-KEY", token), null).status())
			.isEqualTo(429);
		assertThat(basic(address, viewer.username(), TestUsers.PASSWORD).status()).isEqualTo(429);
		assertThat(bearer(newAddress(), token).status()).isEqualTo(200);
	}

	@Test
	void throttlesManyNamesFromOneAddress() {
		String address = newAddress();
		for (int i = 0; i < 21; i++) {
			assertThat(basic(address, "sprayed-" + i + "-" + address, "Password1").status()).isEqualTo(401);
		}
		assertThat(basic(address, "sprayed-last-" + address, "Password1").status()).isEqualTo(429);
	}

	@Test
	void aggregatesFailuresInTheAuditTrail() {
		String passwords = newAddress();
		String name = "nobody-" + passwords;
		for (int i = 0; i < 400; i++) {
			assertThat(basic(passwords, name, "wrong-" + i).status()).isIn(401, 429);
		}
		String tokens = newAddress();
		for (int i = 0; i < 400; i++) {
			assertThat(bearer(tokens, "rpl_made-up-" + i).status()).isIn(401, 429);
		}
		this.auditor.flushAll();
		for (String address : new String[] { passwords, tokens }) {
			// the first failure at once and a summary of the rest, per minute: a handful
			assertThat(rowsFrom(address)).isBetween(2L, 4L);
			assertThat(this.jdbc.sql("""
					select sum((details ->> 'count')::int) from audit_event
					where action = 'sign-in.failed' and client_address = ?""")
				.param(address)
				.query(Long.class)
				.single()).isEqualTo(400);
		}
		assertThat(this.jdbc
			.sql("select distinct actor || '/' || target_type || '/' || coalesce(target_id, '') from audit_event "
					+ "where client_address in (?, ?) order by 1")
			.params(passwords, tokens)
			.query(String.class)
			.list()).containsExactly("anonymous/api-token/", name + "/user/" + name);
	}

	@Test
	void truncatesLongNamesInTheAuditTrail() {
		String address = newAddress();
		String name = "x".repeat(6000);
		assertThat(form(address, name, "wrong").status()).isEqualTo(401);
		assertThat(form(address, name, "wrong").status()).isEqualTo(401);
		this.auditor.flushAll();
		assertThat(this.jdbc
			.sql("select length(actor) || '/' || length(target_id) from audit_event where client_address = ?")
			.param(address)
			.query(String.class)
			.list()).isNotEmpty().allMatch("100/100"::equals);
	}

	private long rowsFrom(String address) {
		return this.jdbc.sql("select count(*) from audit_event where client_address = ?")
			.param(address)
			.query(Long.class)
			.single();
	}

	private Response basic(String address, String username, String password) {
		return send(address, "GET", "/api/v1/me", Map.of("Authorization", TestUsers.basic(username, password)), null);
	}

	private Response bearer(String address, String token) {
		return send(address, "GET", "/api/v1/me", Map.of("Authorization", TestUsers.bearer(token)), null);
	}

	private Response form(String address, String username, String password) {
		Response csrf = send(address, "GET", "/api/v1/auth/csrf", Map.of(), null);
		String cookie = csrf.header("set-cookie");
		assertThat(cookie).startsWith("XSRF-TOKEN=");
		String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Cookie", "XSRF-TOKEN=" + token);
		headers.put("X-XSRF-TOKEN", token);
		headers.put("Content-Type", "application/x-www-form-urlencoded");
		return send(address, "POST", "/api/v1/auth/sign-in", headers,
				"username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
						+ URLEncoder.encode(password, StandardCharsets.UTF_8));
	}

	/**
	 * One HTTP/1.1 request on a connection of its own, sent from the given loopback
	 * address, which the server sees as the client address.
	 */
	private Response send(String address, String method, String path, Map<String, String> headers, String body) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		request.append("Connection: close\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port));
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

	record Response(int status, Map<String, String> headers, String body) {

		static Response parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.putIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
		}

		String header(String name) {
			return this.headers.get(name);
		}

	}

}
