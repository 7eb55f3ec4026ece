package dev.replay.api.player;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the web app's static pages for their routes; the pages load their data from the
 * API. The player has its own page, the embedded player a page without the app's chrome,
 * and every other page of the app shares one shell that picks the view from the path.
 */
@Controller
class PlayerPageController {

	@GetMapping("/replays/{sessionId}")
	String player() {
		return "forward:/player/index.html";
	}

	@GetMapping("/embed/replays/{sessionId}")
	String embeddedPlayer() {
		return "forward:/app/embed.html";
	}

	@GetMapping("/login")
	String signIn() {
		return "forward:/app/login.html";
	}

	@GetMapping({ "/", "/sessions", "/playlists", "/playlists/{playlistId}", "/history", "/account", "/admin",
			"/admin/{section}", "/people/{userId}" })
	String app() {
		return "forward:/app/index.html";
	}

}
