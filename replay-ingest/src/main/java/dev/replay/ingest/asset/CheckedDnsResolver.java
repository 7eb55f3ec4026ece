package dev.replay.ingest.asset;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once for each connection and answers only with addresses that may be
 * connected to, so that the addresses checked are the addresses connected to: a second
 * lookup, which a rebinding name server could answer differently, never happens. If any
 * address of a host is not {@link AddressKind#PUBLIC public} the host is refused as a
 * whole, unless its host and port are those of an origin in
 * {@code replay.assets.allowed-private-origins}. IP literals are checked the same way
 * (resolving them does not ask a name server).
 */
final class CheckedDnsResolver implements DnsResolver {

	private final HostLookup lookup;

	private final Set<String> privateEndpoints;

	/**
	 * Create a resolver.
	 * @param lookup how names are looked up
	 * @param allowedPrivateOrigins the origins that may resolve to addresses that are not
	 * public; the resolver sees a host and a port, not the scheme, so an origin allows
	 * its host and port
	 */
	CheckedDnsResolver(HostLookup lookup, Collection<AssetOrigin> allowedPrivateOrigins) {
		this.lookup = lookup;
		this.privateEndpoints = allowedPrivateOrigins.stream()
			.map((origin) -> endpoint(origin.host(), origin.port()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Resolve a host whose port is not known: addresses that are not public are refused
	 * whatever the allowed origins.
	 */
	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		return check(host, -1);
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		InetAddress[] addresses = check(host, port);
		List<InetSocketAddress> endpoints = new ArrayList<>(addresses.length);
		for (InetAddress address : addresses) {
			endpoints.add(new InetSocketAddress(address, port));
		}
		return endpoints;
	}

	/**
	 * Answer with the host itself: the canonical name is only used by authentication
	 * schemes, which fetching assets never uses.
	 */
	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

	private InetAddress[] check(String host, int port) throws UnknownHostException {
		String normalised = AssetUrl.normaliseHost(host);
		if (normalised == null) {
			throw new UnknownHostException(host + " is not a host name or address");
		}
		InetAddress[] addresses = this.lookup.lookup(normalised);
		if (addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		boolean privateAllowed = port != -1 && this.privateEndpoints.contains(endpoint(normalised, port));
		if (!privateAllowed) {
			for (InetAddress address : addresses) {
				AddressKind kind = AddressClassifier.classify(address);
				if (kind != AddressKind.PUBLIC) {
					throw new RefusedAddressException(host, address, kind);
				}
			}
		}
		return addresses.clone();
	}

	private static String endpoint(String host, int port) {
		return host + " " + port;
	}

	/**
	 * Looks up the addresses of a host name or IP literal.
	 */
	@FunctionalInterface
	interface HostLookup {

		/**
		 * The system's resolver.
		 */
		HostLookup SYSTEM = InetAddress::getAllByName;

		/**
		 * Look up a host.
		 * @param host the host name or IP literal
		 * @return its addresses
		 * @throws UnknownHostException if it has none
		 */
		InetAddress[] lookup(String host) throws UnknownHostException;

	}

}
