package dev.replay.api.playlist;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.security.Role;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.retention.SessionHolds;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and reads playlists. Editors create them; only the owner or an admin
 * changes one; every signed-in user reads them, seeing (and counting) only the sessions
 * of the applications they are granted, as the recording side's catalog finds them. A
 * playlist holds its sessions on the recording side, so that retention keeps them. Every
 * change is audited.
 */
@Service
@NamedInterface("api")
public class Playlists {

	private final PlaylistRepository playlists;

	private final PlaylistItemRepository items;

	private final RecordingCatalog catalog;

	private final SessionHolds holds;

	private final AuditLog audit;

	private final ApplicationGrants grants;

	Playlists(PlaylistRepository playlists, PlaylistItemRepository items, RecordingCatalog catalog, SessionHolds holds,
			AuditLog audit, ApplicationGrants grants) {
		this.playlists = playlists;
		this.items = items;
		this.catalog = catalog;
		this.holds = holds;
		this.audit = audit;
		this.grants = grants;
	}

	/**
	 * Create a playlist owned by the caller, who must be an editor.
	 * @param name the name
	 * @param description what it is for, or {@code null}
	 * @param owner the caller
	 * @return the playlist
	 */
	@Transactional
	public PlaylistDetails create(String name, @Nullable String description, ReplayPrincipal owner) {
		if (owner.role().compareTo(Role.editor) < 0) {
			throw new AccessDeniedException("Only editors create playlists");
		}
		Playlist playlist = this.playlists.save(new Playlist(name, description, owner.id(), owner.getUsername()));
		this.audit.record("playlist.created", "playlist", Long.toString(playlist.getId()), Map.of("name", name));
		return details(playlist, this.grants.scopeOf(owner));
	}

	/**
	 * Rename and describe a playlist.
	 * @param id the playlist
	 * @param name the new name, or {@code null} to keep it
	 * @param description the new description, or {@code null} to keep it
	 * @param caller the caller, who must own it or be an admin
	 * @return the playlist
	 */
	@Transactional
	public PlaylistDetails update(long id, @Nullable String name, @Nullable String description,
			ReplayPrincipal caller) {
		Playlist playlist = changeable(id, caller);
		if (name != null) {
			playlist.rename(name);
		}
		if (description != null) {
			playlist.describe(description.isEmpty() ? null : description);
		}
		this.audit.record("playlist.updated", "playlist", Long.toString(id),
				Map.of("name", playlist.getName(), "description", String.valueOf(playlist.getDescription())));
		return details(playlist, this.grants.scopeOf(caller));
	}

	@Transactional
	public void delete(long id, ReplayPrincipal caller) {
		Playlist playlist = changeable(id, caller);
		this.playlists.delete(playlist);
		this.holds.releaseAll(holder(id));
		this.audit.record("playlist.deleted", "playlist", Long.toString(id), Map.of("name", playlist.getName()));
	}

	/**
	 * One playlist.
	 * @param id the playlist
	 * @param caller the caller, whose sessions are counted
	 * @return the playlist
	 */
	@Transactional(readOnly = true)
	public PlaylistDetails get(long id, ReplayPrincipal caller) {
		return details(find(id), this.grants.scopeOf(caller));
	}

	/**
	 * Find playlists, the most recently changed first.
	 * @param ownerId only playlists of this user, or all when {@code null}
	 * @param name only playlists whose name contains this, or all when {@code null}
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param caller the caller, whose sessions are counted
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<PlaylistDetails> list(@Nullable UUID ownerId, @Nullable String name, int page, int size,
			ReplayPrincipal caller) {
		ApplicationScope scope = this.grants.scopeOf(caller);
		return this.playlists
			.search(ownerId, (name != null && !name.isBlank()) ? name.strip() : null, PageRequest.of(page, size))
			.map((playlist) -> details(playlist, scope));
	}

	/**
	 * The sessions of a playlist in the order they were added, among those of the
	 * applications the caller is granted.
	 * @param id the playlist
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param caller the caller
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page<ItemDetails> items(long id, int page, int size, ReplayPrincipal caller) {
		find(id);
		ApplicationScope scope = this.grants.scopeOf(caller);
		PageRequest request = PageRequest.of(page, size);
		if (scope.isAll()) {
			return this.items.findByPlaylistIdOrderByIdAsc(id, request).map(Playlists::itemDetails);
		}
		List<ItemDetails> visible = visibleItems(id, scope);
		int from = (int) Math.min(request.getOffset(), visible.size());
		return new PageImpl<>(visible.subList(from, Math.min(from + size, visible.size())), request, visible.size());
	}

	/**
	 * The playlists that hold a session, whoever may see them: what its deletion removes
	 * it from.
	 * @param sessionId the session
	 * @return the ids of the playlists, in ascending order
	 */
	@Transactional(readOnly = true)
	public List<Long> holding(String sessionId) {
		return this.items.findBySessionIdOrderByPlaylistIdAsc(sessionId)
			.stream()
			.map(PlaylistItem::getPlaylistId)
			.toList();
	}

	/**
	 * Add one session.
	 * @param id the playlist
	 * @param sessionId the session
	 * @param caller the caller, who must own it or be an admin
	 * @return the new item
	 * @throws PlaylistItemExistsException if the session is already in the playlist
	 */
	@Transactional
	public ItemDetails add(long id, String sessionId, ReplayPrincipal caller) {
		Playlist playlist = changeable(id, caller);
		requireSession(sessionId, this.grants.scopeOf(caller));
		if (this.items.existsByPlaylistIdAndSessionId(id, sessionId)) {
			throw new PlaylistItemExistsException(id, sessionId);
		}
		return itemDetails(insert(playlist, List.of(sessionId), caller).get(0));
	}

	/**
	 * Add sessions that are not in the playlist yet, in the order given.
	 * @param id the playlist
	 * @param sessionIds the sessions, which must all be recorded
	 * @param caller the caller, who must own it or be an admin
	 * @return the sessions that were added
	 */
	@Transactional
	public List<ItemDetails> addAll(long id, List<String> sessionIds, ReplayPrincipal caller) {
		Playlist playlist = changeable(id, caller);
		Set<String> wanted = new LinkedHashSet<>(sessionIds);
		ApplicationScope scope = this.grants.scopeOf(caller);
		wanted.forEach((sessionId) -> requireSession(sessionId, scope));
		this.items.findByPlaylistIdAndSessionIdIn(id, wanted).forEach((item) -> wanted.remove(item.getSessionId()));
		if (wanted.isEmpty()) {
			return List.of();
		}
		return insert(playlist, List.copyOf(wanted), caller).stream().map(Playlists::itemDetails).toList();
	}

	/**
	 * Remove one session.
	 * @param id the playlist
	 * @param sessionId the session
	 * @param caller the caller, who must own it or be an admin
	 * @throws PlaylistItemNotFoundException if the session is not in the playlist
	 */
	@Transactional
	public void remove(long id, String sessionId, ReplayPrincipal caller) {
		removeAll(id, List.of(sessionId), caller, true);
	}

	/**
	 * Remove sessions, ignoring those that are not in the playlist.
	 * @param id the playlist
	 * @param sessionIds the sessions
	 * @param caller the caller, who must own it or be an admin
	 */
	@Transactional
	public void removeAll(long id, List<String> sessionIds, ReplayPrincipal caller) {
		removeAll(id, sessionIds, caller, false);
	}

	private void removeAll(long id, List<String> sessionIds, ReplayPrincipal caller, boolean mustExist) {
		Playlist playlist = changeable(id, caller);
		ApplicationScope scope = this.grants.scopeOf(caller);
		// an item whose session is outside the caller's grant is not there for them, as
		// in the listing
		List<PlaylistItem> found = this.items.findByPlaylistIdAndSessionIdIn(id, sessionIds)
			.stream()
			.filter((item) -> scope.isAll() || this.catalog.findSession(item.getSessionId(), scope).isPresent())
			.toList();
		if (mustExist && found.isEmpty()) {
			throw new PlaylistItemNotFoundException(id, sessionIds.get(0));
		}
		if (found.isEmpty()) {
			return;
		}
		this.items.deleteAll(found);
		this.holds.release(holder(id), found.stream().map(PlaylistItem::getSessionId).toList());
		playlist.touch();
		this.audit.record("playlist.items-removed", "playlist", Long.toString(id),
				Map.of("sessionIds", found.stream().map(PlaylistItem::getSessionId).toList()));
	}

	/**
	 * Whether a session is in a playlist.
	 * @param id the playlist
	 * @param sessionId the session
	 * @return whether it is
	 */
	@Transactional(readOnly = true)
	public boolean contains(long id, String sessionId) {
		find(id);
		return this.items.existsByPlaylistIdAndSessionId(id, sessionId);
	}

	private List<PlaylistItem> insert(Playlist playlist, List<String> sessionIds, ReplayPrincipal caller) {
		List<PlaylistItem> added = this.items.saveAll(sessionIds.stream()
			.map((sessionId) -> new PlaylistItem(playlist.getId(), sessionId, caller.getUsername()))
			.toList());
		this.holds.hold(holder(playlist.getId()), sessionIds);
		playlist.touch();
		this.audit.record("playlist.items-added", "playlist", Long.toString(playlist.getId()),
				Map.of("sessionIds", sessionIds));
		return added;
	}

	private Playlist changeable(long id, ReplayPrincipal caller) {
		Playlist playlist = find(id);
		if (!caller.id().equals(playlist.getOwnerId()) && caller.role() != Role.admin) {
			throw new PlaylistNotOwnedException(id);
		}
		return playlist;
	}

	private Playlist find(long id) {
		return this.playlists.findById(id).orElseThrow(() -> new PlaylistNotFoundException(id));
	}

	private void requireSession(String sessionId, ApplicationScope scope) {
		if (this.catalog.findSession(sessionId, scope).isEmpty()) {
			throw new SessionNotFoundException(sessionId);
		}
	}

	// the items of a playlist, in the order added, whose sessions the catalog finds in
	// the
	// scope
	private List<ItemDetails> visibleItems(long id, ApplicationScope scope) {
		List<ItemDetails> all = this.items.findByPlaylistIdOrderByIdAsc(id)
			.stream()
			.map(Playlists::itemDetails)
			.toList();
		Set<String> visible = this.catalog.findSessions(all.stream().map(ItemDetails::sessionId).toList(), scope)
			.stream()
			.map(SessionSummary::id)
			.collect(Collectors.toSet());
		return all.stream().filter((item) -> visible.contains(item.sessionId())).toList();
	}

	private long visibleCount(long id, ApplicationScope scope) {
		return scope.isAll() ? this.items.countByPlaylistId(id) : visibleItems(id, scope).size();
	}

	// a playlist holds its sessions on the recording side under this name
	private static String holder(long id) {
		return "playlist:" + id;
	}

	private PlaylistDetails details(Playlist playlist, ApplicationScope scope) {
		return new PlaylistDetails(playlist.getId(), playlist.getName(), playlist.getDescription(),
				playlist.getOwnerId(), playlist.getOwnerUsername(), visibleCount(playlist.getId(), scope),
				playlist.getCreatedAt(), playlist.getUpdatedAt());
	}

	private static ItemDetails itemDetails(PlaylistItem item) {
		return new ItemDetails(item.getSessionId(), item.getAddedBy(), item.getAddedAt());
	}

	/**
	 * A playlist.
	 *
	 * @param id its id
	 * @param name its name
	 * @param description what it is for
	 * @param ownerId who made it; {@code null} once that user is deleted
	 * @param ownerUsername the name of who made it
	 * @param sessionCount how many sessions it holds
	 * @param createdAt when it was made
	 * @param updatedAt when it or its items last changed
	 */
	public record PlaylistDetails(long id, String name, @Nullable String description, @Nullable UUID ownerId,
			String ownerUsername, long sessionCount, Instant createdAt, Instant updatedAt) {

	}

	/**
	 * A session in a playlist.
	 *
	 * @param sessionId the session
	 * @param addedBy who added it
	 * @param addedAt when
	 */
	public record ItemDetails(String sessionId, String addedBy, Instant addedAt) {

	}

}
