package dev.replay.ingest.asset;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Tells which {@link AddressKind} an IP address is, from the IANA special-purpose address
 * registries. IPv6 addresses that embed an IPv4 address on the way to it (IPv4-mapped,
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are the kind of the embedded
 * address; IPv6 outside global unicast {@code 2000::/3} is never public.
 */
final class AddressClassifier {

	private static final List<Rule> IPV4 = List.of(rule("0.0.0.0/8", AddressKind.UNSPECIFIED),
			rule("10.0.0.0/8", AddressKind.PRIVATE), rule("100.64.0.0/10", AddressKind.SHARED),
			rule("127.0.0.0/8", AddressKind.LOOPBACK), rule("169.254.0.0/16", AddressKind.LINK_LOCAL),
			rule("172.16.0.0/12", AddressKind.PRIVATE), rule("192.0.0.0/24", AddressKind.RESERVED),
			rule("192.0.2.0/24", AddressKind.RESERVED), rule("192.88.99.0/24", AddressKind.RESERVED),
			rule("192.168.0.0/16", AddressKind.PRIVATE), rule("198.18.0.0/15", AddressKind.RESERVED),
			rule("198.51.100.0/24", AddressKind.RESERVED), rule("203.0.113.0/24", AddressKind.RESERVED),
			rule("224.0.0.0/4", AddressKind.MULTICAST), rule("240.0.0.0/4", AddressKind.RESERVED));

	// checked in order, after the addresses that embed an IPv4 address
	private static final List<Rule> IPV6 = List.of(rule("::/128", AddressKind.UNSPECIFIED),
			rule("::1/128", AddressKind.LOOPBACK), rule("::/96", AddressKind.RESERVED),
			rule("64:ff9b:1::/48", AddressKind.PRIVATE), rule("100::/64", AddressKind.RESERVED),
			rule("2001::/23", AddressKind.RESERVED), rule("2001:db8::/32", AddressKind.RESERVED),
			rule("3fff::/20", AddressKind.RESERVED), rule("fc00::/7", AddressKind.PRIVATE),
			rule("fe80::/10", AddressKind.LINK_LOCAL), rule("fec0::/10", AddressKind.PRIVATE),
			rule("ff00::/8", AddressKind.MULTICAST));

	private static final Range IPV4_MAPPED = range("::ffff:0.0.0.0/96");

	private static final Range NAT64 = range("64:ff9b::/96");

	private static final Range SIX_TO_FOUR = range("2002::/16");

	private static final Range GLOBAL_UNICAST = range("2000::/3");

	private AddressClassifier() {
	}

	/**
	 * Classify an address.
	 * @param address the address
	 * @return its kind
	 */
	static AddressKind classify(InetAddress address) {
		return classify(address.getAddress());
	}

	private static AddressKind classify(byte[] bytes) {
		if (bytes.length == 4) {
			return find(IPV4, bytes, AddressKind.PUBLIC);
		}
		if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)) {
			return classify(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (SIX_TO_FOUR.contains(bytes)) {
			return classify(Arrays.copyOfRange(bytes, 2, 6));
		}
		return find(IPV6, bytes, GLOBAL_UNICAST.contains(bytes) ? AddressKind.PUBLIC : AddressKind.RESERVED);
	}

	private static AddressKind find(List<Rule> rules, byte[] bytes, AddressKind otherwise) {
		for (Rule rule : rules) {
			if (rule.range().contains(bytes)) {
				return rule.kind();
			}
		}
		return otherwise;
	}

	private static Rule rule(String cidr, AddressKind kind) {
		return new Rule(range(cidr), kind);
	}

	private static Range range(String cidr) {
		int slash = cidr.indexOf('/');
		String literal = cidr.substring(0, slash);
		byte[] prefix;
		try {
			// literals only: never looked up
			InetAddress address = InetAddress.getByName(literal);
			prefix = address.getAddress();
			if (address instanceof Inet4Address && literal.contains(":")) {
				// Java turns an IPv4-mapped literal into the IPv4 address
				prefix = mapped(prefix);
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
		return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)));
	}

	private static byte[] mapped(byte[] ipv4) {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(ipv4, 0, bytes, 12, 4);
		return bytes;
	}

	private record Rule(Range range, AddressKind kind) {

	}

	private record Range(byte[] prefix, int bits) {

		boolean contains(byte[] address) {
			if (address.length != this.prefix.length) {
				return false;
			}
			int whole = this.bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != this.prefix[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (this.prefix[whole] & mask);
		}

	}

}
