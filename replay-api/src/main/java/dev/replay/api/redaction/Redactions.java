package dev.replay.api.redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.security.Role;
import dev.replay.core.privacy.RedactionRule;
import dev.replay.ingest.application.ApplicationNotFoundException;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.redaction.StoredRedactionRule;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import dev.replay.ingest.timeline.KeyframeRebuild;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and lists redaction rules for editors and admins, within the applications they are
 * granted. Adding a rule stores it, has the timeline indexer rebuild the keyframes,
 * summaries and recorded RUM events of the sessions it covers, and audits who made which
 * rule for which sessions, all in one transaction; every read applies the rule from then
 * on (ADR 0028).
 */
@Service
class Redactions {

	private final RedactionRules rules;

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final ApplicationRegistry applications;

	private final KeyframeRebuild rebuild;

	private final AuditLog audit;

	Redactions(RedactionRules rules, RecordingCatalog catalog, ApplicationGrants grants,
			ApplicationRegistry applications, KeyframeRebuild rebuild, AuditLog audit) {
		this.rules = rules;
		this.catalog = catalog;
		this.grants = grants;
		this.applications = applications;
		this.rebuild = rebuild;
		this.audit = audit;
	}

	/**
	 * Add a rule for a session, or for its whole application when the request names it.
	 * @param sessionId the session
	 * @param request the rule
	 * @param editor the signed-in user
	 * @return the stored rule
	 */
	@Transactional
	StoredRedactionRule addForSession(String sessionId, RedactionRequest request, ReplayPrincipal editor) {
		requireEditor(editor);
		RedactionRule rule = rule(request);
		SessionSummary session = session(sessionId, editor);
		if (request.applicationId() != null) {
			if (!request.applicationId().equals(session.applicationId())) {
				throw new InvalidRedactionException("Session " + sessionId + " belongs to another application than "
						+ request.applicationId() + ".");
			}
			return add(session.applicationId(), null, rule, editor);
		}
		return add(session.applicationId(), sessionId, rule, editor);
	}

	/**
	 * Add a rule for every session of an application, those recorded later included.
	 * @param request the rule, naming the application
	 * @param editor the signed-in user
	 * @return the stored rule
	 */
	@Transactional
	StoredRedactionRule addForApplication(RedactionRequest request, ReplayPrincipal editor) {
		requireEditor(editor);
		UUID applicationId = request.applicationId();
		if (applicationId == null) {
			throw new InvalidRedactionException("A redaction of an application needs its applicationId.");
		}
		RedactionRule rule = rule(request);
		requireApplication(applicationId, editor);
		return add(applicationId, null, rule, editor);
	}

	/**
	 * The rules that hold for a session.
	 * @param sessionId the session
	 * @param editor the signed-in user
	 * @return the session's rules and its application's, oldest first
	 */
	@Transactional(readOnly = true)
	List<StoredRedactionRule> ofSession(String sessionId, ReplayPrincipal editor) {
		requireEditor(editor);
		SessionSummary session = session(sessionId, editor);
		return this.rules.ofSession(session.applicationId(), sessionId);
	}

	/**
	 * The rules of every session of an application.
	 * @param applicationId the application
	 * @param editor the signed-in user
	 * @return the rules, oldest first
	 */
	@Transactional(readOnly = true)
	List<StoredRedactionRule> ofApplication(UUID applicationId, ReplayPrincipal editor) {
		requireEditor(editor);
		requireApplication(applicationId, editor);
		return this.rules.ofApplication(applicationId);
	}

	private StoredRedactionRule add(UUID applicationId, @Nullable String sessionId, RedactionRule rule,
			ReplayPrincipal editor) {
		StoredRedactionRule stored = this.rules.add(applicationId, sessionId, rule, editor.getUsername());
		int sessions = this.rebuild.rebuild(applicationId, sessionId);
		// the audit trail is kept for good: it names the rule and its selector, but only
		// the length of the text that must not be shown
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("ruleId", stored.id().toString());
		details.put("applicationId", applicationId.toString());
		details.put("scope", (sessionId != null) ? "session" : "application");
		details.put("sessions", sessions);
		if (rule.text() != null) {
			details.put("textLength", rule.text().length());
		}
		if (rule.selector() != null) {
			details.put("selector", rule.selector());
		}
		if (sessionId != null) {
			this.audit.record("session.redacted", "session", sessionId, details);
		}
		else {
			this.audit.record("application.redacted", "application", applicationId.toString(), details);
		}
		return stored;
	}

	private static RedactionRule rule(RedactionRequest request) {
		try {
			return new RedactionRule(request.text(), request.selector());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRedactionException(ex.getMessage());
		}
	}

	private SessionSummary session(String sessionId, ReplayPrincipal editor) {
		return this.catalog.findSession(sessionId, this.grants.scopeOf(editor))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
	}

	private void requireApplication(UUID applicationId, ReplayPrincipal editor) {
		ApplicationScope scope = this.grants.scopeOf(editor);
		boolean known = this.applications.listApplications()
			.stream()
			.anyMatch((application) -> application.id().equals(applicationId));
		if (!known || !scope.includes(applicationId)) {
			throw new ApplicationNotFoundException(applicationId);
		}
	}

	private static void requireEditor(ReplayPrincipal caller) {
		if (caller.role().compareTo(Role.editor) < 0) {
			throw new AccessDeniedException("Only editors and admins redact sessions");
		}
	}

}
