package dev.replay.api.session;

import java.util.HashSet;
import java.util.Set;

import dev.replay.api.history.WatchHistory;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionFilter;
import dev.replay.ingest.session.SessionPage;
import dev.replay.ingest.session.SessionSort;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The session search of a signed-in user: the recording side's search among the sessions
 * of the applications they are granted, where the filters on the watch history (which the
 * recording side does not keep) become the sessions that the history names. The cursors
 * stay those of the recording side: a page goes on after the last session of the previous
 * one, in the same order, among the sessions that pass the filters at the time.
 */
@Service
class SessionSearch {

	private final RecordingCatalog catalog;

	private final WatchHistory history;

	private final ApplicationGrants grants;

	SessionSearch(RecordingCatalog catalog, WatchHistory history, ApplicationGrants grants) {
		this.catalog = catalog;
		this.history = history;
		this.grants = grants;
	}

	SessionPage find(SessionFilter filter, Watched watched, SessionSort sort, @Nullable String cursor, int limit,
			ReplayPrincipal me) {
		Set<String> only = filter.sessionIds();
		Set<String> excluded = new HashSet<>(filter.excludedSessionIds());
		Boolean byMe = watched.byMe();
		if (byMe != null) {
			Set<String> mine = this.history.sessionsWatchedBy(me.id());
			if (byMe) {
				only = (only != null) ? intersection(only, mine) : mine;
			}
			else {
				excluded.addAll(mine);
			}
		}
		if (watched.byNobody()) {
			excluded.addAll(this.history.watchedSessions());
		}
		SessionFilter composed = new SessionFilter(filter.applicationId(), only, excluded, filter.hasErrors(),
				filter.hasRageClicks(), filter.from(), filter.to(), filter.minDurationMs(), filter.maxDurationMs(),
				filter.sources(), filter.url(), filter.user(), filter.error(), filter.action(), filter.userId());
		return this.catalog.findSessions(composed, this.grants.scopeOf(me), sort, cursor, limit);
	}

	private static Set<String> intersection(Set<String> some, Set<String> others) {
		Set<String> both = new HashSet<>(some);
		both.retainAll(others);
		return both;
	}

	/**
	 * The filters on the watch history.
	 *
	 * @param byMe {@code true}: only sessions the caller watched; {@code false}: only
	 * sessions they did not watch; {@code null}: either
	 * @param byNobody only sessions that nobody watched
	 */
	record Watched(@Nullable Boolean byMe, boolean byNobody) {

	}

}
