// Drives Replay's Datadog-compatible REST endpoints with Datadog's official TypeScript
// client, the way a team's existing scripts would, and checks every answer.
//
// Environment: REPLAY_URL (http://127.0.0.1:<port>), DD_APP_KEY (a Replay API token),
// DD_API_KEY (anything), REPLAY_USERNAME (the token's owner), REPLAY_APPLICATION_ID and
// REPLAY_SESSION_IDS (two recorded sessions of that application, comma-separated).
// One more client is set up with the API token as its API key only, as teams whose
// scripts know only DD_API_KEY do.
"use strict";

const assert = require("node:assert/strict");
const { client, v2 } = require("@datadog/datadog-api-client");

const url = new URL(required("REPLAY_URL"));
const username = required("REPLAY_USERNAME");
const applicationId = required("REPLAY_APPLICATION_ID");
const [first, second] = required("REPLAY_SESSION_IDS").split(",");

// server 1 of the client is "{protocol}://{name}": any host, plain HTTP allowed
const configuration = client.createConfiguration({
  serverIndex: 1,
  authMethods: { apiKeyAuth: required("DD_API_KEY"), appKeyAuth: required("DD_APP_KEY") },
});
configuration.setServerVariables({ protocol: url.protocol.replace(":", ""), name: url.host });

const playlists = new v2.RumReplayPlaylistsApi(configuration);
const viewership = new v2.RumReplayViewershipApi(configuration);

const apiKeyOnly = client.createConfiguration({
  serverIndex: 1,
  authMethods: { apiKeyAuth: required("DD_APP_KEY") },
});
apiKeyOnly.setServerVariables({ protocol: url.protocol.replace(":", ""), name: url.host });

async function main() {
  // create, read, find and rename a playlist
  const created = await playlists.createRumReplayPlaylist({
    body: {
      data: {
        type: "rum_replay_playlist",
        attributes: { name: "Checkout problems", description: "Sessions to look at" },
      },
    },
  });
  parsed(created);
  assert.equal(created.data.type, "rum_replay_playlist");
  assert.match(created.data.id, /^\d+$/);
  assert.equal(created.data.attributes.name, "Checkout problems");
  assert.equal(created.data.attributes.description, "Sessions to look at");
  assert.equal(created.data.attributes.sessionCount, 0);
  assert.equal(created.data.attributes.createdBy.handle, username);
  assert.ok(created.data.attributes.createdAt instanceof Date, "created_at is a date-time");
  const playlistId = Number(created.data.id);
  log(`created playlist ${playlistId}`);

  const fetched = await playlists.getRumReplayPlaylist({ playlistId });
  parsed(fetched);
  assert.equal(fetched.data.id, created.data.id);

  const found = await playlists.listRumReplayPlaylists({ filterQuery: "checkout", pageNumber: 0, pageSize: 50 });
  parsed(found);
  assert.ok(found.data.some((playlist) => playlist.id === created.data.id), "the search finds the playlist");

  const mine = await playlists.listRumReplayPlaylists({ filterCreatedByUuid: created.data.attributes.createdBy.uuid });
  parsed(mine);
  assert.deepEqual(mine.data.map((playlist) => playlist.id), [created.data.id]);

  const renamed = await playlists.updateRumReplayPlaylist({
    playlistId,
    body: { data: { type: "rum_replay_playlist", attributes: { name: "Checkout regressions" } } },
  });
  parsed(renamed);
  assert.equal(renamed.data.attributes.name, "Checkout regressions");
  assert.ok(!renamed.data.attributes.description, "a PUT without description clears it");

  // a read-modify-write sends back what the server owns (id, created_by, dates, count)
  fetched.data.attributes.name = "Checkout regressions (read back)";
  const rewritten = await playlists.updateRumReplayPlaylist({ playlistId, body: fetched });
  parsed(rewritten);
  assert.equal(rewritten.data.attributes.name, "Checkout regressions (read back)");
  assert.equal(rewritten.data.attributes.description, "Sessions to look at");
  assert.equal(rewritten.data.attributes.createdBy.handle, username);

  // add two sessions (adding again changes nothing), list them, remove them
  for (const sessionId of [first, second, first]) {
    const added = await playlists.addRumReplaySessionToPlaylist({ playlistId, sessionId, ts: Date.now(), dataSource: "rum" });
    parsed(added);
    assert.equal(added.data.id, sessionId);
    assert.equal(added.data.type, "rum_replay_session");
  }
  const listed = await playlists.listRumReplayPlaylistSessions({ playlistId, pageNumber: 0, pageSize: 10 });
  parsed(listed);
  assert.deepEqual(listed.data.map((session) => session.id), [first, second]);
  for (const session of listed.data) {
    assert.equal(session.attributes.sessionEvent.application.id, applicationId);
    assert.equal(session.attributes.sessionEvent.session.id, session.id);
    assert.equal(typeof session.attributes.track, "string");
  }
  const firstPage = await playlists.listRumReplayPlaylistSessions({ playlistId, pageNumber: 0, pageSize: 1 });
  const secondPage = await playlists.listRumReplayPlaylistSessions({ playlistId, pageNumber: 1, pageSize: 1 });
  assert.deepEqual([...firstPage.data, ...secondPage.data].map((session) => session.id), [first, second]);
  assert.equal((await playlists.getRumReplayPlaylist({ playlistId })).data.attributes.sessionCount, 2);
  log(`listed sessions ${listed.data.map((session) => session.id).join(", ")}`);

  await playlists.removeRumReplaySessionFromPlaylist({ playlistId, sessionId: second });
  let remaining = await playlists.listRumReplayPlaylistSessions({ playlistId });
  assert.deepEqual(remaining.data.map((session) => session.id), [first]);
  await playlists.bulkRemoveRumReplayPlaylistSessions({
    playlistId,
    body: { data: [{ id: first, type: "rum_replay_session" }] },
  });
  remaining = await playlists.listRumReplayPlaylistSessions({ playlistId });
  assert.deepEqual(remaining.data, []);

  // record a watch, then read the watchers and my viewership history; the server dates the
  // watch itself (a client clock a minute behind is accepted, far off is refused)
  const sentAt = new Date(Date.now() - 60_000);
  const sentFrom = Date.now();
  const watch = await viewership.createRumReplaySessionWatch({
    sessionId: first,
    body: {
      data: {
        type: "rum_replay_watch",
        attributes: { applicationId, eventId: first, timestamp: sentAt, dataSource: "rum" },
      },
    },
  });
  const sentUntil = Date.now();
  parsed(watch);
  assert.equal(watch.data.type, "rum_replay_watch");
  assert.equal(watch.data.attributes.applicationId, applicationId);
  const watchedAt = watch.data.attributes.timestamp;
  assert.ok(watchedAt.getTime() >= sentFrom - 1000 && watchedAt.getTime() <= sentUntil + 1000, "the server's time");
  log(`recorded a watch of ${first}`);

  await assert.rejects(
    viewership.createRumReplaySessionWatch({
      sessionId: first,
      body: {
        data: {
          type: "rum_replay_watch",
          attributes: { applicationId, eventId: first, timestamp: new Date("2001-09-09T01:46:40Z") },
        },
      },
    }),
    (error) => error.code === 400,
  );

  const watchers = await viewership.listRumReplaySessionWatchers({ sessionId: first, pageNumber: 0, pageSize: 10 });
  parsed(watchers);
  const me = watchers.data.find((watcher) => watcher.attributes.handle === username);
  assert.ok(me, "the caller is among the watchers");
  assert.equal(me.type, "rum_replay_watcher");
  assert.equal(me.attributes.watchCount, 1);
  assert.equal(me.attributes.lastWatchedAt.getTime(), watchedAt.getTime());

  const history = await viewership.listRumReplayViewershipHistorySessions({
    filterApplicationId: applicationId,
    filterSessionIds: `${first},${second}`,
    filterWatchedAtStart: watchedAt.getTime() - 1000,
    filterWatchedAtEnd: Date.now() + 1000,
    pageNumber: 0,
    pageSize: 10,
  });
  parsed(history);
  assert.deepEqual(history.data.map((session) => session.id), [first]);
  assert.equal(history.data[0].type, "rum_replay_session");
  assert.equal(history.data[0].attributes.lastWatchedAt.getTime(), watchedAt.getTime());
  const before = await viewership.listRumReplayViewershipHistorySessions({
    filterWatchedAtEnd: watchedAt.getTime() - 1000,
  });
  assert.ok(!before.data.some((session) => session.id === first), "the time filter excludes the watch");
  log(`history holds ${history.data.map((session) => session.id).join(", ")}`);

  // the API token as the API key alone signs in too
  const byApiKey = await new v2.RumReplayViewershipApi(apiKeyOnly).listRumReplayViewershipHistorySessions({
    filterSessionIds: first,
  });
  parsed(byApiKey);
  assert.deepEqual(byApiKey.data.map((session) => session.id), [first]);
  log("the API key alone signs in");

  await viewership.deleteRumReplaySessionWatch({ sessionId: first });
  const afterForget = await viewership.listRumReplaySessionWatchers({ sessionId: first });
  assert.ok(!afterForget.data.some((watcher) => watcher.attributes.handle === username), "the watch is forgotten");

  // delete the playlist
  await playlists.deleteRumReplayPlaylist({ playlistId });
  await assert.rejects(playlists.getRumReplayPlaylist({ playlistId }), (error) => error.code === 404);
  log(`deleted playlist ${playlistId}`);
}

// the client marks what it could not read into its models
function parsed(value, path = "response") {
  if (value === null || typeof value !== "object" || value instanceof Date) {
    return;
  }
  assert.notEqual(value._unparsed, true, `${path} does not match the client's model`);
  for (const [key, child] of Object.entries(value)) {
    if (key !== "additionalProperties" && key !== "sessionEvent") {
      parsed(child, `${path}.${key}`);
    }
  }
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function log(message) {
  console.log(`[datadog-client] ${message}`);
}

main().then(
  () => log("all checks passed"),
  (error) => {
    console.error("[datadog-client] FAILED:", error && error.stack ? error.stack : error);
    if (error && error.body) {
      console.error("[datadog-client] response body:", JSON.stringify(error.body));
    }
    process.exitCode = 1;
  },
);
