package dev.replay.core.asset;

/**
 * What a recorded page used a referenced URL for, which tells how to fetch and serve it.
 */
public enum AssetKind {

	/** A style sheet: a {@code <link rel="stylesheet">} or a CSS {@code @import}. */
	STYLESHEET,

	/** A font file, referenced from an {@code @font-face} rule or preloaded as a font. */
	FONT,

	/** An image: an element's source, a CSS background or an icon. */
	IMAGE

}
