package dev.replay.api.web;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every query parameter of every endpoint (found from the handler mappings, so that
 * a new parameter is covered without being listed here) each hostile value, one at a
 * time, as an admin: control characters (NUL included), huge and negative numbers, 1e18
 * and 2^70, far dates, wrong types and a huge string. No answer may be 500 or more; a
 * value with a control character must be refused with a problem.
 */
@ReplayIntegrationTest
class QueryParameterFuzzIntegrationTests {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	// percent-encoded as they would travel; the first ones hold control characters
	private static final List<String> CONTROL_VALUES = List.of("%00", "a%01%1F%7Fb");

	// huge and negative numbers, 1e18, 2^70, far dates, wrong types, text that is not
	// UTF-8 and a huge string
	private static final List<String> HOSTILE_VALUES = List.of("-1", "-9223372036854775809", "9223372036854775807",
			"1e18", "1180591620717411303424", "true", "-999999999-01-01T00:00:00Z", "+275760-09-13T00:00:00Z",
			"%ED%A0%BD", "x".repeat(4000));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noQueryParameterValueAnswers500(ReplayClient client, TestSessions sessions) {
		String sessionId = sessions.record();
		Map<String, String> pathValues = Map.of("sessionId", sessionId, "applicationId",
				sessions.applicationId().toString(), "id", "1");
		Map<Integer, Integer> statuses = new TreeMap<>();
		Set<String> covered = new TreeSet<>();
		List<String> failures = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			Set<String> parameters = queryParameters(entry.getValue());
			if (parameters.isEmpty()) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
			if (method.equals("DELETE")) {
				// the fuzzing must not delete what the other values need
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				String path = fill(pattern, pathValues);
				for (String parameter : parameters) {
					covered.add(method + " " + pattern + " " + parameter);
					for (String value : CONTROL_VALUES) {
						int status = send(client, method, path, parameter, value);
						statuses.merge(status, 1, Integer::sum);
						if (status != 400 && status != 401 && status != 403) {
							failures.add(method + " " + path + "?" + parameter + "=" + value + " -> " + status);
						}
					}
					for (String value : HOSTILE_VALUES) {
						int status = send(client, method, path, parameter, value);
						statuses.merge(status, 1, Integer::sum);
						if (status >= 500) {
							failures.add(method + " " + path + "?" + parameter + "="
									+ value.substring(0, Math.min(value.length(), 40)) + " -> " + status);
						}
					}
				}
			}
		}
		System.out.printf(Locale.ROOT, "query parameter fuzzing: %d parameters, answers by status %s%n", covered.size(),
				statuses);
		assertThat(covered).as("the search filters at least")
			.contains("GET /api/v1/sessions user", "GET /api/v1/sessions url", "GET /api/v1/sessions error",
					"GET /api/v1/sessions action", "GET /api/v1/audit-events actor");
		assertThat(failures).isEmpty();
	}

	@Test
	void aSearchFilterWithNulIsABadRequest(ReplayClient client) {
		for (String query : List.of("user=a%00b", "url=%00", "error=%00", "action=%00")) {
			HttpResponse<String> response = client.getAsAdmin("/api/v1/sessions?" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(ReplayClient.json(response.body()).path("type").asString())
				.isEqualTo("https://replay.dev/problems/bad-request");
		}
	}

	private static int send(ReplayClient client, String method, String path, String parameter, String value) {
		String query = encodeName(parameter) + "=" + value;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.uri(path) + "?" + query))
			.header("Authorization", ReplayClient.ADMIN_BASIC)
			.header("Content-Type", "application/json")
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		HttpResponse<String> response = client.send(request);
		return response.statusCode();
	}

	private static String encodeName(String name) {
		return name.replace("[", "%5B").replace("]", "%5D");
	}

	private static String fill(String pattern, Map<String, String> values) {
		Matcher matcher = PATH_VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1).replaceAll(":.*", "");
			matcher.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(name, "1")));
		}
		matcher.appendTail(path);
		return path.toString().replace("/**", "");
	}

	// the names of a handler's query parameters: @RequestParam ones, and the components
	// of a record bound from the query
	private static Set<String> queryParameters(HandlerMethod handler) {
		Set<String> names = new TreeSet<>();
		for (Parameter parameter : handler.getMethod().getParameters()) {
			RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
			if (param != null) {
				names.add(param.name().isEmpty() ? parameter.getName() : param.name());
			}
			else if (parameter.getType().isRecord() && parameter.getAnnotations().length == 0) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		return names;
	}

}
