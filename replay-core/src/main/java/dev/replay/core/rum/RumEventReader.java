package dev.replay.core.rum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.replay.core.event.EventType;
import dev.replay.core.event.RecordingEvent;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.rum.RumEvent.Action;
import dev.replay.core.rum.RumEvent.Context;
import dev.replay.core.rum.RumEvent.ErrorDetail;
import dev.replay.core.rum.RumEvent.Resource;
import dev.replay.core.rum.RumEvent.Timings;
import dev.replay.core.rum.RumEvent.View;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.EpochMillis;
import dev.replay.core.segment.SessionId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@link RumEvent}s: from the Datadog SDKs' RUM events, and from the console,
 * error, navigation, request, click and long task events that our recorder script adds to
 * an rrweb recording.
 */
public final class RumEventReader {

	private static final Pattern TYPE = Pattern.compile("[a-z_]{1,32}");

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private static final int MAX_TEXT = 4096;

	private static final int MAX_STACK = 16384;

	private static final int MAX_NAME = 1024;

	private static final int MAX_CODE = 128;

	private static final int MAX_FRUSTRATIONS = 8;

	private static final String CONSOLE_PLUGIN = "rrweb/console@1";

	private static final String UNCAUGHT = "Uncaught";

	private static final String RESOURCE_TAG = "replay.resource";

	private static final String ACTION_TAG = "replay.action";

	private static final String LONG_TASK_TAG = "replay.long_task";

	private static final String CAPTURE_TAG = "replay.capture";

	private static final Set<String> CAPTURABLE = Set.of(RumEvent.RESOURCE, RumEvent.ACTION, RumEvent.LONG_TASK);

	// how long before the event that records it a request or long task may have started
	private static final long MAX_START_BEFORE_MS = 3_600_000L;

	private RumEventReader() {
	}

	/**
	 * Read a Datadog RUM event.
	 * @param event the parsed event
	 * @param raw the event's JSON text
	 * @return the event, or {@code null} when it lacks a valid type, date, session id or
	 * application id
	 */
	public static @Nullable RumEvent fromDatadog(JsonNode event, String raw) {
		String type = event.path("type").isString() ? event.path("type").asString() : null;
		JsonNode date = event.path("date");
		String sessionId = text(event.path("session").path("id"), MAX_CODE);
		String applicationId = text(event.path("application").path("id"), MAX_CODE);
		if (type == null || !TYPE.matcher(type).matches() || !date.isIntegralNumber() || !date.canConvertToLong()
				|| date.asLong() <= 0 || !EpochMillis.isValid(date.asLong()) || !SessionId.isValid(sessionId)
				|| !isUuid(applicationId)) {
			return null;
		}
		JsonNode own = event.path(type);
		JsonNode view = event.path("view");
		boolean isView = RumEvent.VIEW.equals(type);
		JsonNode version = event.path("_dd").path("document_version");
		return new RumEvent(sessionId, applicationId, type, text(own.path("id"), MAX_CODE), date.asLong(),
				(version.isIntegralNumber() && version.canConvertToLong()) ? version.asLong() : null,
				new View(text(view.path("id"), MAX_CODE), text(view.path("url"), MAX_TEXT),
						text(view.path("name"), MAX_NAME)),
				RumEvent.ERROR.equals(type) ? error(own) : null, RumEvent.ACTION.equals(type) ? action(own) : null,
				"resource".equals(type) ? resource(own) : null, duration(type, own), isView ? timings(view) : null,
				context(event), storable(raw));
	}

	/**
	 * Read an event of an rrweb recording made by our recorder script: console messages
	 * and unhandled errors (rrweb's console plugin), navigations (our {@code navigation}
	 * custom event), page loads (Meta events), requests, clicks and long tasks (our
	 * {@code replay.resource}, {@code replay.action} and {@code replay.long_task} custom
	 * events) and what the recorder captures ({@code replay.capture}).
	 * @param json the rrweb event
	 * @param sessionId the session
	 * @param applicationId the application
	 * @return the event, or {@code null} for any other rrweb event
	 */
	public static @Nullable RumEvent fromRrweb(byte[] json, String sessionId, String applicationId) {
		int type = RrwebEventReader.typeOf(json);
		if (type != EventType.META.code() && type != EventType.CUSTOM.code() && type != EventType.PLUGIN.code()) {
			return null;
		}
		JsonNode event;
		try {
			event = RecordingJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return null;
		}
		JsonNode timestamp = event.path("timestamp");
		if (!timestamp.isNumber() || !EpochMillis.isValid(timestamp.asDouble())) {
			return null;
		}
		long time = timestamp.asLong();
		String raw = storable(event.toString());
		JsonNode data = event.path("data");
		if (type == EventType.META.code()) {
			String href = text(data.path("href"), MAX_TEXT);
			return (href != null) ? navigation(sessionId, applicationId, time, href, raw) : null;
		}
		if (type == EventType.CUSTOM.code()) {
			return custom(sessionId, applicationId, time, data, raw);
		}
		if (!CONSOLE_PLUGIN.equals(data.path("plugin").asString(""))) {
			return null;
		}
		return console(sessionId, applicationId, time, data.path("payload"), raw);
	}

	private static @Nullable RumEvent custom(String sessionId, String applicationId, long time, JsonNode data,
			String raw) {
		JsonNode payload = data.path("payload");
		return switch (data.path("tag").asString("")) {
			case RecordingEvent.Custom.NAVIGATION ->
				navigation(sessionId, applicationId, time, text(payload.path("url"), MAX_TEXT), raw);
			case RESOURCE_TAG -> recorded(sessionId, applicationId, RumEvent.RESOURCE, startOf(payload, time), null,
					new Resource(text(payload.path("url"), MAX_TEXT), text(payload.path("method"), MAX_CODE),
							integer(payload.path("status")), text(payload.path("kind"), MAX_CODE),
							size(payload.path("responseSize"))),
					plainMillis(payload.path("duration")), raw);
			case ACTION_TAG -> recorded(sessionId, applicationId, RumEvent.ACTION, time,
					new Action("click", text(payload.path("name"), MAX_NAME), List.of()), null, null, raw);
			case LONG_TASK_TAG -> recorded(sessionId, applicationId, RumEvent.LONG_TASK, startOf(payload, time), null,
					null, plainMillis(payload.path("duration")), raw);
			case CAPTURE_TAG -> capturesKnownKinds(payload.path("kinds"))
					? recorded(sessionId, applicationId, RumEvent.CAPTURE, time, null, null, null, raw) : null;
			default -> null;
		};
	}

	private static RumEvent recorded(String sessionId, String applicationId, String type, long time,
			@Nullable Action action, @Nullable Resource resource, @Nullable Double durationMs, String raw) {
		return new RumEvent(sessionId, applicationId, type, null, time, null, new View(null, null, null), null, action,
				resource, durationMs, null, Context.NONE, raw);
	}

	// a request or long task is recorded when it ends; it happened when it started
	private static long startOf(JsonNode payload, long recordedAt) {
		JsonNode start = payload.path("startTime");
		if (!start.isNumber() || !EpochMillis.isValid(start.asDouble())) {
			return recordedAt;
		}
		long startTime = start.asLong();
		return (startTime <= recordedAt && recordedAt - startTime <= MAX_START_BEFORE_MS) ? startTime : recordedAt;
	}

	private static boolean capturesKnownKinds(JsonNode kinds) {
		if (!kinds.isArray() || kinds.isEmpty()) {
			return false;
		}
		for (JsonNode kind : kinds) {
			if (!kind.isString() || !CAPTURABLE.contains(kind.asString())) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable Integer integer(JsonNode node) {
		return (node.isIntegralNumber() && node.canConvertToInt()) ? node.asInt() : null;
	}

	private static @Nullable Long size(JsonNode node) {
		return (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) ? node.asLong() : null;
	}

	private static @Nullable Double plainMillis(JsonNode node) {
		return (node.isNumber() && node.asDouble() >= 0 && Double.isFinite(node.asDouble())) ? node.asDouble() : null;
	}

	private static RumEvent navigation(String sessionId, String applicationId, long time, @Nullable String url,
			String raw) {
		return new RumEvent(sessionId, applicationId, RumEvent.VIEW, null, time, null, new View(null, url, null), null,
				null, null, null, null, Context.NONE, raw);
	}

	private static RumEvent console(String sessionId, String applicationId, long time, JsonNode payload, String raw) {
		String level = text(payload.path("level"), MAX_CODE);
		List<String> parts = new ArrayList<>();
		for (JsonNode part : payload.path("payload")) {
			parts.add(unquote(part.asString("")));
		}
		String message = truncate(String.join(" ", parts), MAX_TEXT);
		List<String> frames = new ArrayList<>();
		for (JsonNode frame : payload.path("trace")) {
			frames.add(frame.asString(""));
		}
		String stack = frames.isEmpty() ? null : truncate(String.join("\n", frames), MAX_STACK);
		boolean error = "error".equals(level);
		boolean uncaught = error && message.startsWith(UNCAUGHT);
		return new RumEvent(sessionId, applicationId, error ? RumEvent.ERROR : RumEvent.CONSOLE, null, time, null,
				new View(null, null, null),
				new ErrorDetail(message, uncaught ? "source" : "console", null, stack, level), null, null, null, null,
				Context.NONE, raw);
	}

	// the console plugin sends each argument as JSON text: a string comes in quotes
	private static String unquote(String part) {
		if (part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"")) {
			try {
				return RecordingJson.mapper().readTree(part).asString(part);
			}
			catch (JacksonException ex) {
				return part;
			}
		}
		return part;
	}

	private static ErrorDetail error(JsonNode error) {
		return new ErrorDetail(text(error.path("message"), MAX_TEXT), text(error.path("source"), MAX_CODE),
				text(error.path("type"), MAX_NAME), text(error.path("stack"), MAX_STACK), null);
	}

	private static Action action(JsonNode action) {
		List<String> frustrations = new ArrayList<>();
		for (JsonNode frustration : action.path("frustration").path("type")) {
			String type = text(frustration, MAX_CODE);
			if (type != null && frustrations.size() < MAX_FRUSTRATIONS) {
				frustrations.add(type);
			}
		}
		return new Action(text(action.path("type"), MAX_CODE), text(action.path("target").path("name"), MAX_NAME),
				List.copyOf(frustrations));
	}

	private static Resource resource(JsonNode resource) {
		JsonNode status = resource.path("status_code");
		JsonNode size = resource.path("size").isNumber() ? resource.path("size") : resource.path("encoded_body_size");
		return new Resource(text(resource.path("url"), MAX_TEXT), text(resource.path("method"), MAX_CODE),
				(status.isIntegralNumber() && status.canConvertToInt()) ? status.asInt() : null,
				text(resource.path("type"), MAX_CODE),
				(size.isNumber() && size.canConvertToLong()) ? size.asLong() : null);
	}

	private static @Nullable Double duration(String type, JsonNode own) {
		return switch (type) {
			case "resource", "long_task" -> millis(own.path("duration"));
			case RumEvent.ACTION -> millis(own.path("loading_time"));
			default -> null;
		};
	}

	private static Timings timings(JsonNode view) {
		JsonNode cls = view.path("cumulative_layout_shift");
		return new Timings(millis(view.path("loading_time")), millis(view.path("first_contentful_paint")),
				millis(view.path("largest_contentful_paint")), cls.isNumber() ? cls.asDouble() : null,
				millis(view.path("interaction_to_next_paint")), millis(view.path("first_input_delay")));
	}

	private static Context context(JsonNode event) {
		JsonNode user = event.path("usr");
		JsonNode device = event.path("device");
		JsonNode os = event.path("os");
		JsonNode browser = event.path("browser");
		String deviceName = text(device.path("name"), MAX_NAME);
		return new Context(text(user.path("id"), MAX_NAME), text(user.path("name"), MAX_NAME),
				text(user.path("email"), MAX_NAME), text(user.path("anonymous_id"), MAX_CODE),
				text(device.path("type"), MAX_CODE),
				(deviceName != null) ? deviceName : text(device.path("model"), MAX_NAME),
				text(os.path("name"), MAX_CODE), text(os.path("version"), MAX_CODE),
				text(browser.path("name"), MAX_CODE), text(browser.path("version"), MAX_CODE),
				country(event.path("geo")));
	}

	private static @Nullable String country(JsonNode geo) {
		String country = text(geo.path("country"), MAX_CODE);
		return (country != null) ? country : text(geo.path("country_iso_code"), MAX_CODE);
	}

	private static @Nullable Double millis(JsonNode nanos) {
		return nanos.isNumber() ? nanos.asDouble() / NANOS_PER_MILLI : null;
	}

	private static @Nullable String text(JsonNode node, int max) {
		if (node.isString()) {
			String value = node.asString();
			return value.isEmpty() ? null : truncate(value, max);
		}
		if (node.isNumber()) {
			return truncate(node.asString(), max);
		}
		return null;
	}

	private static String truncate(String value, int max) {
		String text = ClientText.storable(value);
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	// PostgreSQL's text and jsonb hold no NUL character
	private static String storable(String json) {
		return json.contains("\\u0000") ? json.replace("\\u0000", "\\uFFFD") : json;
	}

	private static boolean isUuid(@Nullable String value) {
		if (value == null) {
			return false;
		}
		try {
			return UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
