package dev.replay.ingest.rum;

import dev.replay.core.rum.RumEvent.Context;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-session summary that RUM events feed ({@code rum_session}), and the user fields
 * they fill in on the session's recording. Runs inside the caller's transaction.
 */
@Repository
class RumSessionRows {

	private final JdbcClient jdbc;

	RumSessionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Add what a batch brought to a session's summary.
	 * @param sessionId the session
	 * @param delta what the batch adds
	 */
	void save(String sessionId, RumSessionDelta delta) {
		Context user = delta.context();
		this.jdbc.sql("""
				insert into rum_session (session_id, application_id, first_event_ms, last_event_ms, first_url, last_url,
				    user_id, user_name, user_email, user_anonymous_id, device_type, device_name, os_name, os_version,
				    browser_name, browser_version, country, view_count, error_count, action_count, frustration_count,
				    rage_click_count, dead_click_count, error_click_count)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id) do update set
				  first_url = case when excluded.first_event_ms < rum_session.first_event_ms
				                   then coalesce(excluded.first_url, rum_session.first_url)
				                   else coalesce(rum_session.first_url, excluded.first_url) end,
				  last_url = case when excluded.last_event_ms >= rum_session.last_event_ms
				                  then coalesce(excluded.last_url, rum_session.last_url)
				                  else coalesce(rum_session.last_url, excluded.last_url) end,
				  first_event_ms = least(rum_session.first_event_ms, excluded.first_event_ms),
				  last_event_ms = greatest(rum_session.last_event_ms, excluded.last_event_ms),
				  user_id = coalesce(excluded.user_id, rum_session.user_id),
				  user_name = coalesce(excluded.user_name, rum_session.user_name),
				  user_email = coalesce(excluded.user_email, rum_session.user_email),
				  user_anonymous_id = coalesce(excluded.user_anonymous_id, rum_session.user_anonymous_id),
				  device_type = coalesce(excluded.device_type, rum_session.device_type),
				  device_name = coalesce(excluded.device_name, rum_session.device_name),
				  os_name = coalesce(excluded.os_name, rum_session.os_name),
				  os_version = coalesce(excluded.os_version, rum_session.os_version),
				  browser_name = coalesce(excluded.browser_name, rum_session.browser_name),
				  browser_version = coalesce(excluded.browser_version, rum_session.browser_version),
				  country = coalesce(excluded.country, rum_session.country),
				  view_count = rum_session.view_count + excluded.view_count,
				  error_count = rum_session.error_count + excluded.error_count,
				  action_count = rum_session.action_count + excluded.action_count,
				  frustration_count = rum_session.frustration_count + excluded.frustration_count,
				  rage_click_count = rum_session.rage_click_count + excluded.rage_click_count,
				  dead_click_count = rum_session.dead_click_count + excluded.dead_click_count,
				  error_click_count = rum_session.error_click_count + excluded.error_click_count,
				  updated_at = now()""")
			.params(sessionId, delta.applicationId(), delta.firstMs(), delta.lastMs(), delta.firstUrl(),
					delta.lastUrl(), user.userId(), user.userName(), user.userEmail(), user.anonymousId(),
					user.deviceType(), user.deviceName(), user.osName(), user.osVersion(), user.browserName(),
					user.browserVersion(), user.country(), delta.viewCount(), delta.errorCount(), delta.actionCount(),
					delta.frustrationCount(), delta.rageClickCount(), delta.deadClickCount(), delta.errorClickCount())
			.update();
		if (user.userId() == null && user.userName() == null && user.userEmail() == null) {
			return;
		}
		// only where the session misses them, so that RUM rarely locks the row that the
		// replay intake writes
		this.jdbc
			.sql("""
					update replay_session s
					set user_id = coalesce(s.user_id, r.user_id), user_name = coalesce(s.user_name, r.user_name),
					    user_email = coalesce(s.user_email, r.user_email)
					from rum_session r
					where s.id = ? and r.session_id = s.id
					  and ((s.user_id is null and r.user_id is not null) or (s.user_name is null and r.user_name is not null)
					       or (s.user_email is null and r.user_email is not null))""")
			.param(sessionId)
			.update();
	}

}
