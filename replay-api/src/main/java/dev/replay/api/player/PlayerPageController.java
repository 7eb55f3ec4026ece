package dev.replay.api.player;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the player's single page for its routes; the page loads its data from the API.
 */
@Controller
class PlayerPageController {

	@GetMapping({ "/", "/replays/{sessionId}" })
	String player() {
		return "forward:/player/index.html";
	}

}
