package dev.replay.ingest.asset;

/**
 * What an IP address is for, as far as fetching from it goes: only {@link #PUBLIC}
 * addresses are fetched from without an explicit allowance.
 */
enum AddressKind {

	/**
	 * A global unicast address outside every special range.
	 */
	PUBLIC("a public address"),

	/**
	 * {@code 127.0.0.0/8} and {@code ::1}.
	 */
	LOOPBACK("a loopback address"),

	/**
	 * {@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}, unique local
	 * {@code fc00::/7}, site-local {@code fec0::/10} and local-use NAT64
	 * {@code 64:ff9b:1::/48}.
	 */
	PRIVATE("a private address"),

	/**
	 * {@code 169.254.0.0/16} (where clouds answer with instance metadata) and
	 * {@code fe80::/10}.
	 */
	LINK_LOCAL("a link-local address"),

	/**
	 * {@code 0.0.0.0/8} and {@code ::}, which reach the local host.
	 */
	UNSPECIFIED("an unspecified address"),

	/**
	 * {@code 224.0.0.0/4} and {@code ff00::/8}.
	 */
	MULTICAST("a multicast address"),

	/**
	 * Carrier-grade NAT, {@code 100.64.0.0/10}.
	 */
	SHARED("a carrier-grade NAT address"),

	/**
	 * Documentation, benchmarking, protocol assignments, relays and the reserved space,
	 * such as {@code 192.0.2.0/24}, {@code 198.18.0.0/15}, {@code 240.0.0.0/4},
	 * {@code 2001:db8::/32} or IPv6 outside {@code 2000::/3}.
	 */
	RESERVED("an address reserved for special use");

	private final String description;

	AddressKind(String description) {
		this.description = description;
	}

	/**
	 * The kind for a sentence, such as "a loopback address".
	 * @return the description
	 */
	String description() {
		return this.description;
	}

}
