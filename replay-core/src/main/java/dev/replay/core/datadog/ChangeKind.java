package dev.replay.core.datadog;

/**
 * The wire codes of the Datadog Change kinds (the first element of each change).
 */
final class ChangeKind {

	static final int ADD_STRING = 0;

	static final int ADD_NODE = 1;

	static final int REMOVE_NODE = 2;

	static final int ATTRIBUTE = 3;

	static final int TEXT = 4;

	static final int SIZE = 5;

	static final int SCROLL_POSITION = 6;

	static final int ADD_STYLE_SHEET = 7;

	static final int ATTACHED_STYLE_SHEETS = 8;

	static final int MEDIA_PLAYBACK_STATE = 9;

	static final int VISUAL_VIEWPORT = 10;

	static final int ADD_ROLE_ANNOTATED_STRINGS = 11;

	static final int INPUT_VALUE = 12;

	static final int INPUT_SELECTION = 13;

	static final int IMAGE_CONTENT = 15;

	private ChangeKind() {
	}

	static boolean isKnown(int kind) {
		return (kind >= ADD_STRING && kind <= INPUT_SELECTION) || kind == IMAGE_CONTENT;
	}

}
