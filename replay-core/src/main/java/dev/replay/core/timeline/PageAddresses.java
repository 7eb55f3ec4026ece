package dev.replay.core.timeline;

/**
 * When an in-page navigation opens a new view, by the rule of Datadog's browser SDK: the
 * address changes outside its query and its fragment, or the fragment names another
 * route. A fragment is a route when it starts with {@code #/} or {@code #!}; any other
 * fragment is taken for an anchor in the page (the SDK asks the page whether an element
 * has that id, which a recording cannot). Only the route's own path counts, not its
 * query.
 */
final class PageAddresses {

	private PageAddresses() {
	}

	/**
	 * Whether two addresses show the same view.
	 * @param current the address of the current view
	 * @param next the address navigated to
	 * @return {@code true} if only the query, an anchor or a route's query differ
	 */
	static boolean sameView(String current, String next) {
		return page(current).equals(page(next)) && route(current).equals(route(next));
	}

	// the address without its query and fragment
	private static String page(String address) {
		int end = address.length();
		int query = address.indexOf('?');
		int fragment = address.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return address.substring(0, end);
	}

	// the path of a route in the fragment, or "" for no fragment or an anchor
	private static String route(String address) {
		int fragment = address.indexOf('#');
		if (fragment < 0 || !(address.startsWith("#/", fragment) || address.startsWith("#!", fragment))) {
			return "";
		}
		int query = address.indexOf('?', fragment);
		return address.substring(fragment, (query >= 0) ? query : address.length());
	}

}
