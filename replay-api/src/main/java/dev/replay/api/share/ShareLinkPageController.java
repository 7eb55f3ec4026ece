package dev.replay.api.share;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of a share link: the player without the app around it, on Replay's own page or
 * in another site's frame. The page is only served while its link is valid, and is
 * written here rather than forwarded to, so that its headers are those of the link's
 * address.
 */
@Controller
@Hidden
class ShareLinkPageController {

	private static final Resource PAGE = new ClassPathResource("static/app/share.html");

	private final ShareLinks links;

	ShareLinkPageController(ShareLinks links) {
		this.links = links;
	}

	@GetMapping({ "/s/{secret}", "/embed/s/{secret}" })
	ResponseEntity<Resource> page(@PathVariable String secret) {
		this.links.require(secret);
		// the page holds no secret, but its address does: keep it out of caches
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore()).body(PAGE);
	}

}
