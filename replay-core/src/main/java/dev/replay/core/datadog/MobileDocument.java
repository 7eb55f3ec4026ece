package dev.replay.core.datadog;

import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synthetic HTML document that hosts the wireframes of a mobile screen: base styles
 * in the head and a root container of the screen's size in the body, with fixed rrweb
 * ids.
 */
final class MobileDocument {

	/** The rrweb id of the root container, the parent of every wireframe element. */
	static final int ROOT_ID = 7;

	private static final int DOCTYPE_ID = 8;

	/** The first rrweb id free for wireframe elements. */
	static final int FIRST_FREE_ID = 10;

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final String BASE_CSS = "html,body{margin:0;padding:0;background:#fff;}"
			+ "#dd-screen{position:relative;overflow:hidden;background:#fff;}"
			+ ".dd-wf{position:absolute;box-sizing:border-box;overflow:hidden;margin:0;}"
			+ ".dd-text{display:flex;white-space:pre-wrap;overflow-wrap:break-word;line-height:1.2;}"
			+ ".dd-img{display:block;width:100%;height:100%;object-fit:contain;}"
			+ ".dd-placeholder{display:flex;align-items:center;justify-content:center;text-align:center;"
			+ "background-color:rgba(200,200,200,0.8);border:1px solid rgba(140,140,140,1);"
			+ "color:rgba(80,80,80,1);font:12px sans-serif;}" + ".dd-webview-head{display:none;}"
			+ ".dd-webview-html{position:absolute;left:0;top:0;width:100%;height:100%;overflow:hidden;}";

	private MobileDocument() {
	}

	/**
	 * Build the rrweb document node.
	 * @param width the screen width
	 * @param height the screen height
	 * @param wireframes the rendered wireframe elements, back to front
	 * @return the rrweb serialized document
	 */
	static ObjectNode render(int width, int height, ArrayNode wireframes) {
		ObjectNode style = WireframeRenderer.Rendering.element("style", Map.of(), 4);
		((ArrayNode) style.get("childNodes")).addObject()
			.put("type", 3)
			.put("textContent", BASE_CSS)
			.put("isStyle", true)
			.put("id", 5);
		ObjectNode head = WireframeRenderer.Rendering.element("head", Map.of(), 3);
		((ArrayNode) head.get("childNodes")).add(style);
		ObjectNode root = WireframeRenderer.Rendering.element("div", rootAttributes(width, height), ROOT_ID);
		root.set("childNodes", wireframes);
		ObjectNode body = WireframeRenderer.Rendering.element("body", Map.of(), 6);
		((ArrayNode) body.get("childNodes")).add(root);
		ObjectNode html = WireframeRenderer.Rendering.element("html", Map.of(), 2);
		((ArrayNode) html.get("childNodes")).add(head).add(body);
		ObjectNode doctype = JSON.objectNode()
			.put("type", 1)
			.put("name", "html")
			.put("publicId", "")
			.put("systemId", "")
			.put("id", DOCTYPE_ID);
		ObjectNode document = JSON.objectNode().put("type", 0);
		document.putArray("childNodes").add(doctype).add(html);
		return document.put("id", 1);
	}

	/**
	 * Return the attributes of the root container.
	 * @param width the screen width
	 * @param height the screen height
	 * @return the attributes
	 */
	static Map<String, String> rootAttributes(int width, int height) {
		return Map.of("id", "dd-screen", "style", "width:" + width + "px;height:" + height + "px;");
	}

}
